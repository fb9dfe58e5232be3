"""The footnote readers: plain text (all numberings, furniture, source), Markdown, .docx."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from converter.model import Origin
from converter.readers import notes_docx, notes_md, notes_txt
from converter.report import Report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed"
NOTES = ROOT / "fixtures" / "notes"


def _read_txt(text: str) -> tuple:
    report = Report()
    return notes_txt.read(text, origin=Origin("t.txt"), report=report), report


def test_seed_notes_are_all_read_in_order_with_the_printed_text() -> None:
    document, report = _read_txt((SEED / "dundovich-2020-notes.txt").read_text("utf-8"))
    gold = json.loads((SEED / "dundovich-2020.gold.json").read_text("utf-8"))
    assert [note.number for note in document.notes] == [str(note["number"]) for note in gold["notes"]]
    assert [note.text for note in document.notes] == [note["text"] for note in gold["notes"]]
    assert "not-a-note" in report.codes()  # the prices, "Author information"... around the notes


def test_seed_source_is_the_chapter_record() -> None:
    document, _ = _read_txt((SEED / "dundovich-2020-notes.txt").read_text("utf-8"))
    gold = json.loads((SEED / "dundovich-2020.gold.json").read_text("utf-8"))["source"]
    source = document.source.csl
    for key in ("type", "title", "container-title", "collection-title", "publisher", "publisher-place",
                "DOI", "ISBN", "issued", "abstract"):
        assert source[key] == gold[key], key
    assert source["author"] == gold["author"]  # "Dundovich, E." expanded from "Correspondence to"
    assert [name["family"] for name in source["editor"]] == ["Lomellini"]


def test_every_numbering_form_and_continuation_lines() -> None:
    document, report = _read_txt((NOTES / "styles.txt").read_text("utf-8"))
    assert [note.number for note in document.notes] == [str(n) for n in range(1, 9)]
    assert document.notes[3].text.endswith("S. 45–67, hier S. 50.")
    # "1924. Others..." does not continue the numbering (8 comes next), so it stays in note 7
    assert document.notes[6].text == "The year is given wrongly in some accounts as 1924. Others place it later."
    furniture = [d.message for d in report.diagnostics if d.code == "not-a-note"]
    assert any("Notes to chapter 3" in message for message in furniture)
    assert any("Page 212" in message for message in furniture)


def test_publisher_page_form_is_sniffed() -> None:
    head = (SEED / "dundovich-2020-notes.txt").read_text("utf-8")[:4096]
    assert notes_txt.sniff(head)
    assert not notes_txt.sniff("1. A note.\n\n2. Another.\n")


def test_markdown_footnotes_continuations_and_italics() -> None:
    report = Report()
    document = notes_md.read((NOTES / "footnotes.md").read_text("utf-8"), origin=Origin("f.md"), report=report)
    assert [note.number for note in document.notes] == ["1", "2", "a"]
    first = document.notes[0]
    assert first.text == "Jane Smith, The Making of Europe: Essays (Oxford: Clarendon Press, 1998), 23–25."
    assert [first.text[s:e] for s, e in first.italics] == ["The Making of Europe: Essays"]
    second = document.notes[1]
    assert second.text.endswith("A second paragraph of the same note, with bold words.")
    assert [second.text[s:e] for s, e in second.italics] == ["The Great War"]
    assert "Text after the notes" not in document.notes[2].text


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(notes: list[list[tuple[str, bool]]], order: list[int] | None = None, extra: str = "") -> bytes:
    """A minimal .docx whose footnotes are runs of (text, italic)."""
    body = []
    for index, runs in enumerate(notes, start=1):
        xml_runs = "".join(
            f'<w:r>{"<w:rPr><w:i/></w:rPr>" if italic else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
            for text, italic in runs)
        body.append(f'<w:footnote w:id="{index}"><w:p><w:r><w:footnoteRef/></w:r>{xml_runs}</w:p></w:footnote>')
    footnotes = (f'<?xml version="1.0"?><w:footnotes xmlns:w="{W}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 + "".join(body) + "</w:footnotes>")
    references = "".join(f'<w:r><w:footnoteReference w:id="{i}"/></w:r>' for i in (order or range(1, len(notes) + 1)))
    document = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p>{references}</w:p></w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/footnotes.xml", extra or footnotes)
    return buffer.getvalue()


def test_docx_footnotes_in_reference_order_with_italic_spans() -> None:
    data = _docx([[("Jane Smith, ", False), ("The Making", True), (" of Europe", True),
                   (" (Oxford: Clarendon Press, 1998), 23.", False)],
                  [("A comment with no citation.", False)]], order=[2, 1])
    report = Report()
    document = notes_docx.read(data, origin=Origin("d.docx"), report=report)
    assert [note.text for note in document.notes] == [
        "A comment with no citation.",
        "Jane Smith, The Making of Europe (Oxford: Clarendon Press, 1998), 23."]
    note = document.notes[1]
    assert [note.text[s:e] for s, e in note.italics] == ["The Making of Europe"]
    assert note.kind == "citation" and document.notes[0].kind == "explanatory"


def test_docx_refuses_entities_and_oversized_parts(monkeypatch) -> None:
    hostile = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><w:footnotes xmlns:w="{W}"/>'
    report = Report()
    notes_docx.read(_docx([], extra=hostile), origin=Origin("d.docx"), report=report)
    assert "unreadable-input" in report.codes()
    monkeypatch.setattr(notes_docx, "MAX_XML_BYTES", 100)
    report = Report()
    notes_docx.read(_docx([[("x" * 200, False)]]), origin=Origin("d.docx"), report=report)
    assert "input-too-large" in report.codes()
    report = Report()
    notes_docx.read(b"not a zip", origin=Origin("d.docx"), report=report)
    assert report.codes() == ["unreadable-input"]


def test_one_note_a_line_without_blank_lines_between() -> None:
    document, _ = _read_txt("1. Pons, La rivoluzione globale, 44.\n2. Ibid., 45.\n"
                            "3. See Carr, The Bolshevik Revolution, vol.\n4 of the English edition.\n")
    assert [note.number for note in document.notes] == ["1", "2", "3"]
    assert document.notes[1].text == "Ibid., 45."
    assert document.notes[2].text.endswith("vol. 4 of the English edition.")
