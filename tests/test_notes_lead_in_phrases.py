"""A lead-in of two words ("Zit. nach", "zitiert nach") ends right before an archival reference:
the reference begins at the archive ("HHStA"), not at the first level after it ("PA", which the
archive table also knows, as the Parliamentary Archives), and the lead-in is its prefix."""
from __future__ import annotations

import pytest

from converter.model import Document, Note
from converter.notes.pipeline import parse
from converter.report import Report


def _cited(text: str) -> tuple[str | None, dict[str, object], str]:
    document = parse(Document(notes=[Note("1", text)]), Report())
    note = document.notes[0]
    assert len(note.citations) == 1, note.citations
    return note.citations[0].prefix, document.item_by_id()[note.citations[0].id].csl, note.kind


@pytest.mark.parametrize("lead", ["Zit. nach", "Zitiert nach", "zit. nach", "Zit. n."])
def test_a_two_word_lead_in_before_an_archive(lead: str) -> None:
    prefix, item, kind = _cited(f"{lead} HHStA, PA XL, Karton 223.")
    assert (prefix, item.get("archive"), item.get("archive_location")) == (lead, "HHStA", "PA XL, Karton 223")
    assert kind == "citation"


def test_the_lead_in_before_a_file_and_a_folio() -> None:
    prefix, item, _ = _cited("Zitiert nach ÖStA, HHStA, PA XL, Karton 202, fol. 17.")
    assert prefix == "Zitiert nach"
    assert item.get("archive") != "Parliamentary Archives"
    assert str(item.get("archive_location", "")).startswith("PA XL, Karton 202")
