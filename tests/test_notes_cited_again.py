"""Works cited again in a shortened form that holds commas or numbers of its own: a chapter whose
container is the short form of an edited volume cited before ("in Gorodetsky, Soviet Foreign
Policy, 1917–1991, 73"; notes/cited_container.py), and a title with commas cited alone
("German-Soviet Relations between the Two World Wars, 1919–1939, 45"; notes/shortforms.py)."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_notes

VOLUME = "Gabriel Gorodetsky, ed., Soviet Foreign Policy, 1917–1991: A Retrospective (London: Frank Cass, 1994)."
FULL_TITLE = "Soviet Foreign Policy, 1917–1991: A Retrospective"


@pytest.mark.parametrize("chapter, locator", [
    ("Teddy J. Uldricks, “Soviet Security Policy in the 1930s,” in Gorodetsky, Soviet Foreign Policy, "
     "1917–1991, 73.", "73"),
    ("Teddy J. Uldricks, “Soviet Security Policy in the 1930s,” in Gorodetsky, Soviet Foreign Policy, 73.", "73"),
    ("Teddy J. Uldricks, „Soviet Security Policy“, in: Gorodetsky (Hg.), Soviet Foreign Policy, S. 73–75.", "73–75"),
    ("Teddy J. Uldricks, “Soviet Security Policy in the 1930s,” in Soviet Foreign Policy, 73.", "73"),
])
def test_a_chapter_in_a_volume_cited_before(chapter: str, locator: str) -> None:
    notes = cited_in_notes(VOLUME, chapter)
    (item, found), = notes[1]
    assert item["type"] == "chapter"
    assert item["container-title"] == FULL_TITLE
    assert [name["family"] for name in item["editor"]] == ["Gorodetsky"]
    assert item["publisher"] == "Frank Cass" and item["issued"]["date-parts"][0][0] == 1994
    assert found == locator


@pytest.mark.parametrize("chapter, container", [
    # another editor: not that volume
    ("Mark Smith, “Stalin,” in Jones (ed.), Soviet Foreign Policy, 80.", "Soviet Foreign Policy"),
    # printed with its own imprint: a full form, kept as printed
    ("Jonathan Haslam, “The Road Not Taken,” in Soviet Foreign Policy, 1917–1991, ed. Gabriel Gorodetsky "
     "(London: Frank Cass, 1994), 55–62.", "Soviet Foreign Policy, 1917–1991"),
    # nothing cited before begins so
    ("Tom Green, “Lenin,” in Europe, Asia and Africa, 80.", "Europe, Asia and Africa"),
])
def test_other_containers_stay_as_printed(chapter: str, container: str) -> None:
    (item, _), = cited_in_notes(VOLUME, chapter)[1]
    assert item["container-title"] == container


@pytest.mark.parametrize("first, again, locator", [
    ("Edward Hallett Carr, German-Soviet Relations between the Two World Wars, 1919–1939 (Baltimore: Johns "
     "Hopkins Press, 1951), 12.", "German-Soviet Relations between the Two World Wars, 1919–1939, 45.", "45"),
    # the title's first words read like two people ("Italia e Albania"): a known title wins
    ("Pietro Pastorelli, Italia e Albania, 1924–1927: origini diplomatiche del Trattato di Tirana (Firenze: "
     "Biblioteca della Rivista di Studi Politici Internazionali, 1967), 278.", "Italia e Albania, 1924–1927, 280.",
     "280"),
    ("Pietro Pastorelli, Italia e Albania, 1924–1927 (Firenze: Biblioteca, 1967), 278.", "Italia e Albania, 281.",
     "281"),
])
def test_a_title_with_commas_cited_alone(first: str, again: str, locator: str) -> None:
    notes = cited_in_notes(first, again)
    assert notes[1] == [(notes[0][0][0], locator)]


def test_a_short_title_that_is_the_volumes() -> None:
    notes = cited_in_notes("Winston S. Churchill, The Second World War, vol. 1, The Gathering Storm (London: Cassell, "
                           "1948), 320.", "Churchill, Gathering Storm, 325.")
    assert notes[1] == [(notes[0][0][0], "325")]


@pytest.mark.parametrize("short, locator", [("Carley, 1939, 70.", "70"), ("Carley, 1939.", None)])
def test_a_short_title_that_is_a_number(short: str, locator: str | None) -> None:
    notes = cited_in_notes("Michael Jabara Carley, 1939: The Alliance That Never Was and the Coming of World War II "
                           "(Chicago: Ivan R. Dee, 1999), 67.", short)
    assert notes[1] == [(notes[0][0][0], locator)]


@pytest.mark.parametrize("short, locator", [
    ("Graziosi, L’Urss di Lenin e Stalin. Storia dell’Unione Sovietica, 1914–1945, 296.", "296"),
    ("Graziosi, L’Urss di Lenin e Stalin. Storia dell’Unione Sovietica, 1914–1945.", None),
])
def test_a_short_title_with_its_own_years(short: str, locator: str | None) -> None:
    notes = cited_in_notes("Andrea Graziosi, L’Urss di Lenin e Stalin. Storia dell’Unione Sovietica, 1914–1945 "
                           "(Bologna: Il Mulino, 2007), 290.", short)
    assert notes[1] == [(notes[0][0][0], locator)]
