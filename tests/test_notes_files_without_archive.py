"""German editorial notes often print a file's call number without its repository ("R 43 I/1309",
the Bundesarchiv's), after the document's description and date: after a semicolon ("Schreiben vom
12. Mai 1931; R 43 I/1234, Bl. 5") or "in" ("Vermerk Pünders vom 3.5.1931 in R 43 I/1309, S. 22").
Description, date and file are one document; the shelf mark's form tells the family ("S." is the
page), and an office with its complement ("des Reichsministers des Innern") names no author.
notes/archival_scan.join_described, archival_parts (_IN_FILE, _guess_family), persons._office_holder."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_note, only_item_in_note


@pytest.mark.parametrize(("note", "title", "location", "locator"), [
    ("Schreiben vom 12. Mai 1931; R 43 I/1234, Bl. 5.", "Schreiben", "R 43 I/1234", "5"),
    ("Vermerk Pünders vom 3.5.1931 in R 43 I/1309, S. 22.", "Vermerk Pünders", "R 43 I/1309", "22"),
    ("Aufzeichnung Meissners vom 9. Juni 1932 in R 43 I/1310, S. 4 f.", "Aufzeichnung Meissners", "R 43 I/1310",
     "4 f"),
])
def test_a_dated_description_and_its_file(note: str, title: str, location: str, locator: str) -> None:
    ((item, found),) = cited_in_note(note)
    assert (item.get("title"), item.get("archive_location"), found) == (title, location, locator)
    assert item["issued"]["date-parts"][0][0] in (1931, 1932)


@pytest.mark.parametrize(("note", "families"), [
    ("Runderlass des Reichsministers des Innern vom 1. April 1930, BArch, R 1501/125, Bl. 50 f.", []),
    ("Erlass des Reichsministers der Finanzen vom 3. Juni 1931, BArch, R 2/100.", []),
    ("Schreiben des Reichsministers des Innern Severing an Brüning vom 3. Mai 1930, BArch, R 43 I/2.", ["Severing"]),
    ("Aufzeichnung des Staatssekretärs von Schubert vom 4. Mai 1926, PA AA, R 28 034.", ["Schubert"]),
])
def test_an_office_with_its_complement_names_no_author(note: str, families: list[str]) -> None:
    item = only_item_in_note(note)
    assert [name["family"] for name in item.get("author", [])] == families


@pytest.mark.parametrize(("note", "title", "location", "locator"), [
    # German editions print the PA AA's volumes bare, after the description or in parentheses
    ("Telegramm des Botschafters in Rom, von Schubert, vom 4. Mai 1931 (R 72 101, Bl. 12).",
     "Telegramm des Botschafters in Rom, von Schubert", "R 72 101", "12"),
    ("Aufzeichnung ohne Unterschrift vom 6. Mai 1931 (R 28 136).", "Aufzeichnung ohne Unterschrift", "R 28 136", None),
    ("Tel. Nr. 77 aus Rom vom 8. Mai 1931; R 72 010.", "Tel. Nr. 77 aus Rom", "R 72 010", None),
    # a word on the copy between the date and the file: neither title nor level
    ("Runderlaß vom 2. Mai 1931, gez. Bülow; R 29 110.", "Runderlaß", "R 29 110", None),
    ("Bülow an Neurath, 5.5.1931, Durchdruck; R 28 137.", "Bülow an Neurath", "R 28 137", None),
])
def test_a_bare_pa_aa_volume_is_the_file(note: str, title: str, location: str, locator: str | None) -> None:
    ((item, found),) = cited_in_note(note)
    assert (item.get("title"), item.get("archive_location"), found) == (title, location, locator)
    assert item["issued"]["date-parts"][0][0] == 1931
