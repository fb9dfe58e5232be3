"""Chicago archival notes: a kind of document and its writer before its quoted title ("Memorandum
by Vansittart, “The World Situation,” …"), the comma Chicago puts inside the quotes before the
archive ("“World Situation,” TNA, CAB 24/268"), the document cited again without its date, and a
published collection's "volume:page" ("FRUS, 1936, 1:250"). notes/archival_docs.py,
archival_scan.split_parts, archival_parts.py, resolve.py."""
from __future__ import annotations

from tests.conftest import cited_in_note, cited_in_notes

MEMORANDUM = ("Memorandum by Vansittart, “The World Situation and British Rearmament,” December 31, 1936, "
              "CAB 24/268, The National Archives, Kew (hereafter TNA).")


def test_a_kind_of_document_and_its_writer_before_the_title() -> None:
    (item, _), = cited_in_note(MEMORANDUM)
    assert item["title"] == "The World Situation and British Rearmament"
    assert [name["family"] for name in item["author"]] == ["Vansittart"]
    assert (item["archive_location"], item["issued"]["date-parts"]) == ("CAB 24/268", [[1936, 12, 31]])


def test_the_document_again_by_its_writer_short_title_and_file() -> None:
    notes = cited_in_notes(MEMORANDUM, "Vansittart, “World Situation,” TNA, CAB 24/268.")
    assert notes[1] == notes[0]  # one citation, the same item (was a short form and a file apart)


def test_a_volume_and_page_with_a_colon_in_a_collection() -> None:
    (colon, locator), = cited_in_note("FRUS, 1936, 1:250.")
    (spelled, spelled_locator), = cited_in_note("FRUS, 1936, vol. 1, p. 250.")
    assert "title" not in colon and colon["volume"] == spelled["volume"] and locator == spelled_locator == "250"


def test_a_column_after_a_volume_is_the_locator() -> None:
    (item, locator), = cited_in_note("Hansard, HC Deb., 5th ser., vol. 313, col. 1234 (23 June 1936).")
    assert (item["volume"], locator) == ("313", "1234") and "volume-title" not in item
