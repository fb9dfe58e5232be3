"""Several inputs merge into one document without two entries collapsing into one id."""
from __future__ import annotations

from converter.model import Citation, Document, Item, Note, Origin
from converter.pipeline import merge
from converter.report import Report


def _document(title: str, *, cited: bool = False) -> Document:
    document = Document(items=[Item({"id": "pons2012", "type": "book", "title": title}, Origin("x"))])
    if cited:
        document.notes.append(Note("1", "Pons, 44.", "citation", [Citation("pons2012", "44")]))
    return document


def test_a_key_used_by_an_earlier_input_is_renamed_and_reported() -> None:
    report = Report()
    merged = Document()
    merge(merged, _document("La rivoluzione globale"), report)
    merge(merged, _document("Another book", cited=True), report)
    assert [item.id for item in merged.items] == ["pons2012", "pons2012a"]
    assert merged.notes[0].citations[0].id == "pons2012a"  # the note still cites its own input's item
    assert report.codes() == ["duplicate-key"]


def test_distinct_keys_merge_silently() -> None:
    report = Report()
    merged = Document()
    merge(merged, _document("A"), report)
    other = _document("B")
    other.items[0].csl["id"] = "carr1950"
    merge(merged, other, report)
    assert [item.id for item in merged.items] == ["pons2012", "carr1950"]
    assert report.diagnostics == []
