"""An ibid. after an archival reference that prints more than a page: another file of the same
archive path ("Ibid., b. 1541"), or another document in the same unit ("Ibid., Grandi a Mussolini,
14 giugno 1931"); after a book, the same words stay the book's ibid. (notes/archival.py,
notes/shortforms.py follow/after_archival)."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_notes

ACS = "Bocchini a Mussolini, 4 aprile 1932, ACS, SPD, CR, b. 1540, f. 3."
LOC = "Davies to Early, 4 March 1937, Joseph E. Davies Papers, box 5, Library of Congress, Washington, DC."
GARF = "GARF, f. R-5446, op. 1, d. 55, ll. 12–14ob."


@pytest.mark.parametrize("first, again, location", [
    (ACS, "Ibid., b. 1541.", "SPD, CR, b. 1541"),  # the busta replaced, the fascicolo below it gone
    (LOC, "Ibid., box 3.", "Joseph E. Davies Papers, box 3"),
    (GARF, "Ibid., d. 47, l. 3.", "f. R-5446, op. 1, d. 47"),
    (ACS, "Ivi, b. 7.", "SPD, CR, b. 7"),
])
def test_another_file_of_the_same_path(first: str, again: str, location: str) -> None:
    notes = cited_in_notes(first, again)
    (earlier, _), = notes[0]
    (item, _), = notes[1]
    assert item is not earlier
    assert item["type"] == "manuscript" and "title" not in item
    assert item["archive"] == earlier["archive"]
    assert item["archive_location"] == location


@pytest.mark.parametrize("first, again, title, author, year", [
    (ACS, "Ibid., Grandi a Mussolini, 14 giugno 1931.", "Grandi a Mussolini", "Grandi", 1931),
    ("Aufzeichnung Bülows vom 4. Mai 1926, PA AA, R 28034, Bl. 3.",
     "Ebd., Aufzeichnung Stresemanns vom 5. Mai 1926.", "Aufzeichnung Stresemanns", "Stresemann", 1926),
])
def test_another_document_in_the_same_unit(first: str, again: str, title: str, author: str, year: int) -> None:
    notes = cited_in_notes(first, again)
    (earlier, _), = notes[0]
    (item, _), = notes[1]
    assert item is not earlier
    assert item["title"] == title
    assert [name["family"] for name in item["author"]] == [author]
    assert item["issued"]["date-parts"][0][0] == year
    assert (item["archive"], item["archive_location"]) == (earlier["archive"], earlier["archive_location"])


def test_a_page_alone_stays_the_same_document() -> None:
    notes = cited_in_notes(LOC, "Ibid., fol. 3.")
    assert notes[1] == [(notes[0][0][0], "3")]


@pytest.mark.parametrize("again", ["Ibid., d. 4, l. 5.", "Ibid., Introduction, 4 May 1950."])
def test_after_a_book_an_ibid_is_the_books(again: str) -> None:
    book = "E. H. Carr, The Bolshevik Revolution, 1917–1923 (London, 1953), p. 162."
    notes = cited_in_notes(GARF, book, again)
    (item, _), = notes[2]
    assert item is notes[1][0][0]
    assert "archive" not in item


@pytest.mark.parametrize("first, again, number", [
    ("ADAP, Serie B, Bd. II/1, Nr. 45.", "Ebd., Nr. 46.", "46"),
    ("DDI, 7th ser., vol. 4, doc. 412.", "Ibid., doc. 413.", "413"),
])
def test_another_document_of_the_same_collection_volume(first: str, again: str, number: str) -> None:
    notes = cited_in_notes(first, again, first)
    (earlier, _), = notes[0]
    (item, locator), = notes[1]
    assert item is not earlier and locator is None
    assert (item["container-title"], item["volume"], item["number"]) == (earlier["container-title"],
                                                                        earlier["volume"], number)
    assert notes[2][0][0] is earlier  # the first document cited again is the same item


@pytest.mark.parametrize("first, again, location, locator", [
    ("GStA PK, I. HA Rep. 90 A, Nr. 2345, Bl. 3.", "Ebd., Nr. 2346, Bl. 4.", "I. HA Rep. 90 A, Nr. 2346", "4"),
    ("PA AA, R 28 034, Bl. 45.", "Ebd., R 28 035, Bl. 3.", "R 28 035", "3"),  # a call number with no level word
    ("BArch, R 43 I/137, Bl. 5.", "Ebd., R 43 I/138, Bl. 7.", "R 43 I/138", "7"),
    ("Herbette à Briand, 14 mars 1926, AMAE, Z Europe, URSS, vol. 354, fol. 45.", "Ibid., vol. 355, fol. 3.",
     "Z Europe, URSS, vol. 355", "3"),
])
def test_another_file_with_its_folio(first: str, again: str, location: str, locator: str) -> None:
    notes = cited_in_notes(first, again)
    (earlier, _), = notes[0]
    (item, found), = notes[1]
    assert (item["archive"], item["archive_location"], found) == (earlier["archive"], location, locator)
