"""German editorial notes: a title that begins with a person's name after the author ("Wolfgang J.
Mommsen, Max Weber und die deutsche Politik"), "Ders./Dies. (Hg.)", a series in parentheses before
the imprint, and a dated document printed in a work cited before ("Tagebucheintrag vom 3. Mai
1926, in: Kessler, Tagebuch, Bd. 8, S. 415"). notes/names.py, secondary.py, title.py,
cited_container.py, persons.py."""
from __future__ import annotations

from typing import Any

from converter.model import Origin
from converter.readers import notes_txt
from converter.report import Report
from tests.conftest import cited_in_note


def _items(*texts: str) -> list[list[tuple[dict[str, Any], str | None]]]:
    source = "".join(f"{number}. {text}\n" for number, text in enumerate(texts, 1))
    document = notes_txt.read(source, origin=Origin("t.txt"), report=Report())
    by_id = {item.id: item.csl for item in document.items}
    return [[(by_id[c.id], c.locator) for c in note.citations] for note in document.notes]


def _families(item: dict[str, Any], variable: str = "author") -> list[str]:
    return [name["family"] for name in item.get(variable, [])]


def test_a_title_that_begins_with_a_person() -> None:
    (item, locator), = cited_in_note("Wolfgang J. Mommsen, Max Weber und die deutsche Politik 1890–1920, "
                                     "2. Aufl., Tübingen 1974, S. 12.")
    assert _families(item) == ["Mommsen"]
    assert item["title"] == "Max Weber und die deutsche Politik 1890–1920"
    assert (item["publisher-place"], locator) == ("Tübingen", "12")
    # a list of co-authors still reads as one
    (item, _), = cited_in_note("Karl Müller, Otto Schmidt und Fritz Weber, Die Krise, Berlin 1990.")
    assert _families(item) == ["Müller", "Schmidt", "Weber"]


def test_the_same_person_as_editor() -> None:
    notes = _items("Hans Mommsen, Beamtentum im Dritten Reich, Stuttgart 1966, S. 12.",
                   "Ders. (Hg.), Frauen in der Weimarer Republik, Frankfurt a. M. 1990.")
    (item, _), = notes[1]
    assert _families(item, "editor") == ["Mommsen"] and "author" not in item
    assert item["title"] == "Frauen in der Weimarer Republik"


def test_a_series_in_parentheses_before_the_imprint() -> None:
    (item, locator), = cited_in_note("Andreas Wirsching, Die Weimarer Republik. Politik und Gesellschaft "
                                     "(Enzyklopädie deutscher Geschichte, Bd. 58), München 2000, S. 10.")
    assert item["title"] == "Die Weimarer Republik. Politik und Gesellschaft"
    assert (item["collection-title"], item["collection-number"]) == ("Enzyklopädie deutscher Geschichte", "58")
    assert (item["publisher-place"], item["issued"]["date-parts"][0][0], locator) == ("München", 2000, "10")


DIARY = "Harry Graf Kessler, Das Tagebuch 1880–1937, Bd. 8, hrsg. v. Angela Reinthal, Stuttgart 2009, S. 412."


def test_a_dated_document_in_a_work_cited_before() -> None:
    notes = _items(DIARY, "Tagebucheintrag vom 3. Mai 1926, in: Kessler, Tagebuch, Bd. 8, S. 415.",
                   "Brief an Hoesch vom 3. Juni 1926, in: Kessler, Tagebuch, Bd. 8, S. 420.")
    (entry, locator), = notes[1]
    assert entry["type"] == "chapter" and entry["container-title"] == "Das Tagebuch 1880–1937"
    assert entry["title"] == "Tagebucheintrag"
    assert entry["issued"]["date-parts"] == [[1926, 5, 3]]
    assert locator == "415"
    (letter, _), = notes[2]
    assert letter["title"] == "Brief an Hoesch"
    assert _families(letter, "recipient") == ["Hoesch"] and "author" not in letter  # "Brief" is no sender


def test_a_dated_document_in_a_work_names_its_writer() -> None:
    (item, locator), = cited_in_note("Rede Hitlers vom 23. Mai 1939, in: Max Domarus, Hitler. Reden und "
                                     "Proklamationen, Bd. 2, München 1965, S. 1196.")
    assert item["type"] == "chapter" and item["container-title"] == "Hitler. Reden und Proklamationen"
    assert _families(item) == ["Hitler"]
    assert item["issued"]["date-parts"] == [[1939, 5, 23]]
    assert locator == "1196"
