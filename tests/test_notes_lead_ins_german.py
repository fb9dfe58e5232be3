"""German lead-ins that introduce a citation ("Zit. n.", "So etwa", "Vgl. z.B.") are its prefix,
not a free-standing statement that makes the note mixed."""
from __future__ import annotations

from converter.model import Document, Note
from converter.notes.pipeline import parse
from converter.report import Report


def _first(text: str) -> tuple[str, str | None, str]:
    document = parse(Document(notes=[Note("1", text)]), Report())
    note = document.notes[0]
    item = document.item_by_id()[note.citations[0].id].csl
    return note.kind, note.citations[0].prefix, item["author"][0]["family"]


def test_zit_n_is_the_prefix_of_the_work_quoted_from() -> None:
    assert _first("Zit. n. Eberhard Kolb, Die Weimarer Republik, 6. Aufl., München 2002, S. 77.") == (
        "citation", "Zit. n.", "Kolb")


def test_etwa_ends_a_lead_in() -> None:
    assert _first("So etwa Hans Mommsen, Die verspielte Freiheit, Berlin 1989, S. 201.") == (
        "citation", "So etwa", "Mommsen")
    assert _first("Vgl. z.B. Hans Mommsen, Die verspielte Freiheit, Berlin 1989, S. 201.") == (
        "citation", "Vgl. z.B.", "Mommsen")
