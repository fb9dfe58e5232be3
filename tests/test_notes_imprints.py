"""Imprints printed without parentheses as German and Italian notes print them: a place with a
qualifier in parentheses ("Berlin (Ost) 1960", "Halle (Saale) 1955"), a place and a publisher
after commas ("Stuttgart, Klett-Cotta 1932"), and an anonymous title with its editors before
them ("Vermächtnis, hrsg. von Henry Bernhard, ..."). notes/imprint.py, notes/title.py, notes/names.py."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_note


@pytest.mark.parametrize("note, place, year, locator", [
    ("Walter Ulbricht, Zur Geschichte der deutschen Arbeiterbewegung, Bd. 2, Berlin (Ost) 1960, S. 45.",
     "Berlin (Ost)", 1960, "45"),
    ("Karl Müller, Die Saline, Halle (Saale) 1955, S. 3.", "Halle (Saale)", 1955, "3"),
    ("Günter Rosenfeld, Sowjetrußland und Deutschland, Berlin (DDR): Dietz, 1960, S. 4.", "Berlin (DDR)", 1960, "4"),
    # the abbreviated qualifiers without parentheses keep working
    ("Hans Mommsen, Die verspielte Freiheit, Frankfurt a. M. 1990, S. 12.", "Frankfurt a. M.", 1990, "12"),
    ("Hans Mommsen, Beamtentum, Freiburg i. Br. 1966, S. 3.", "Freiburg i. Br.", 1966, "3"),
])
def test_a_place_with_its_qualifier_keeps_its_year(note: str, place: str, year: int, locator: str) -> None:
    (item, found), = cited_in_note(note)
    assert item["type"] == "book"
    assert item["publisher-place"] == place
    assert item["issued"]["date-parts"][0][0] == year
    assert found == locator
    assert place not in item["title"]


@pytest.mark.parametrize("note, author, title, place, publisher, year", [
    ("Gustav Stresemann, Vermächtnis, hrsg. von Henry Bernhard, Stuttgart, Klett-Cotta 1932, S. 4.",
     "Stresemann", "Vermächtnis", "Stuttgart", "Klett-Cotta", 1932),
    ("Ernst Nolte, Der europäische Bürgerkrieg, Frankfurt a. M., Propyläen 1987, S. 3.",
     "Nolte", "Der europäische Bürgerkrieg", "Frankfurt a. M.", "Propyläen", 1987),
    ("Vermächtnis, hrsg. von Henry Bernhard, Stuttgart, Klett-Cotta, 1932, S. 4.",
     None, "Vermächtnis", "Stuttgart", "Klett-Cotta", 1932),
])
def test_place_and_publisher_after_commas(note: str, author: str | None, title: str, place: str, publisher: str,
                                          year: int) -> None:
    (item, _), = cited_in_note(note)
    assert [name["family"] for name in item.get("author", [])] == ([author] if author else [])
    assert item["title"] == title
    assert (item["publisher-place"], item["publisher"]) == (place, publisher)
    assert item["issued"]["date-parts"][0][0] == year


@pytest.mark.parametrize("note, place", [
    # a region and a year are no publisher
    ("National Reconnaissance Office, The KH-4B Camera System, Washington, DC 1967, 203.", "Washington, DC"),
    ("Gary Westfahl (ed.): Space and Beyond, Westport, Conn. and London: Greenwood 2000, p. 12.",
     "Westport, Conn. and London"),
])
def test_a_region_is_the_places(note: str, place: str) -> None:
    (item, _), = cited_in_note(note)
    assert item["publisher-place"] == place


def test_a_person_before_sous_la_direction_de_stays_an_editor() -> None:
    (item, _), = cited_in_note("Mikhail Narinskij, Sous la direction de La guerre froide, Paris 1990.")
    assert [name["family"] for name in item["editor"]] == ["Narinskij"]


@pytest.mark.parametrize("note, place, year, locator", [
    ("Hans Müller, Die Stadt am Rhein, Krefeld 1949, S. 12.", "Krefeld", 1949, "12"),
    ("Hans Müller, Die Stadt am Rhein, Krefeld 1949.", "Krefeld", 1949, None),
    ("Erich Eyck, Geschichte der Republik, Bd. 2, Erlenbach-Zürich 1956, S. 100.", "Erlenbach-Zürich", 1956, "100"),
    ("Erich Eyck, Geschichte der Republik, Erlenbach-Zürich 1954–1956, Bd. 2, S. 100.", "Erlenbach-Zürich", 1954,
     "100"),
    ("Vgl. Maria Lenz, Zeit und Raum, Detmold 1961 (Lippische Studien, Bd. 4), S. 45–47.", "Detmold", 1961, "45–47"),
])
def test_a_place_no_table_knows_before_a_year(note: str, place: str, year: int, locator: str | None) -> None:
    """A capitalised word right before the year, where the pages, a series or the reference's end
    follow, is the place of publication even when places.tsv does not list it."""
    (item, found), = cited_in_note(note)
    assert (item["type"], item["publisher-place"], found) == ("book", place, locator)
    assert item["issued"]["date-parts"][0][0] == year
    assert place not in item["title"]
