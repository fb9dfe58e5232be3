"""Word .docx footnotes and endnotes: word/footnotes.xml and word/endnotes.xml.

Parts are read through converter.xmlsafe.parse_xml; the zip is refused when a part or the whole
would unpack beyond the limits below (a zip bomb), reported as input-too-large. Notes are numbered
in the order the document body refers to them (as Word prints them); endnotes after footnotes are
numbered with an "E" when both exist. Runs in italics become Note.italics spans.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from converter.model import Document, Note, Origin
from converter.notes.pipeline import parse
from converter.report import Report
from converter.xmlsafe import MAX_XML_BYTES, UnsafeXMLError, parse_xml

NAME = "notes-docx"
EXTENSIONS = (".docx",)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
_PARTS = (("footnotes", "word/footnotes.xml", "footnote"), ("endnotes", "word/endnotes.xml", "endnote"))


def read(data: bytes, *, origin: Origin, report: Report) -> Document:
    document = Document()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError):  # damaged (fuzzing)
        report.add("unreadable-input", "not a .docx file (not a zip archive)", origin)
        return document
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
            report.add("input-too-large", f"the .docx would unpack to more than {MAX_TOTAL_BYTES // 2**20} MiB "
                       f"or {MAX_MEMBERS} parts", origin)
            return document
        names = {m.filename: m for m in members}
        order = _reference_order(archive, names, report, origin)
        found = [(kind, _notes(archive, names[path], tag, report, origin)) for kind, path, tag in _PARTS
                 if path in names]
        both = sum(1 for _, notes in found if notes) > 1
        for kind, notes in found:
            printed = order[kind]
            ids = sorted(notes, key=lambda note_id: printed.get(
                note_id, len(printed) + (int(note_id) if note_id.isdigit() else 10**9)))
            for number, note_id in enumerate(ids, start=1):
                text, italics = notes[note_id]
                label = f"E{number}" if both and kind == "endnotes" else str(number)
                document.notes.append(Note(number=label, text=text, italics=italics,
                                           origin=Origin(origin.file, None, None)))
    if not document.notes:
        report.add("not-a-note", "the .docx has no footnotes or endnotes", origin)
    return parse(document, report)


def _load(archive: zipfile.ZipFile, member: zipfile.ZipInfo, report: Report, origin: Origin):
    if member.file_size > MAX_XML_BYTES:
        report.add("input-too-large", f"{member.filename} is larger than {MAX_XML_BYTES // 2**20} MiB", origin)
        return None
    try:
        data = archive.read(member)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
        # a damaged, truncated, encrypted or oddly compressed member (found by fuzzing)
        report.add("unreadable-input", f"{member.filename} cannot be unpacked: {error}", origin)
        return None
    try:
        return parse_xml(data, name=member.filename)
    except UnsafeXMLError as error:
        report.add("unreadable-input", str(error), origin)
        return None


def _reference_order(archive: zipfile.ZipFile, names: dict, report: Report,
                     origin: Origin) -> dict[str, dict[str, int]]:
    order: dict[str, dict[str, int]] = {"footnotes": {}, "endnotes": {}}
    member = names.get("word/document.xml")
    root = _load(archive, member, report, origin) if member else None
    if root is None:
        return order
    for kind, tag in (("footnotes", "footnoteReference"), ("endnotes", "endnoteReference")):
        for element in root.iter(f"{W}{tag}"):
            note_id = element.get(f"{W}id", "")
            order[kind].setdefault(note_id, len(order[kind]))
    return order


def _notes(archive: zipfile.ZipFile, member: zipfile.ZipInfo, tag: str, report: Report,
           origin: Origin) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    root = _load(archive, member, report, origin)
    if root is None:
        return {}
    notes = {}
    for element in root.iter(f"{W}{tag}"):
        if element.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[element.get(f"{W}id", str(len(notes)))] = _text(element)
    return notes


def _text(note) -> tuple[str, list[tuple[int, int]]]:
    """The note's text with whitespace collapsed, and the spans of its italic runs."""
    pieces: list[tuple[str, bool]] = []
    for paragraph_index, paragraph in enumerate(note.iter(f"{W}p")):
        if paragraph_index:
            pieces.append((" ", False))
        for run in paragraph.iter(f"{W}r"):
            if run.find(f"{W}footnoteRef") is not None or run.find(f"{W}endnoteRef") is not None:
                continue
            italic = _italic(run)
            for child in run:
                if child.tag == f"{W}t":
                    pieces.append((child.text or "", italic))
                elif child.tag in (f"{W}tab", f"{W}br"):
                    pieces.append((" ", False))
    text, italics, at = [], [], 0
    for piece, italic in pieces:
        piece = " ".join(piece.split(" ")) if piece else piece
        if italic and piece.strip():
            if italics and italics[-1][1] == at:
                italics[-1] = (italics[-1][0], at + len(piece))
            else:
                italics.append((at, at + len(piece)))
        text.append(piece)
        at += len(piece)
    return _collapse("".join(text), italics)


def _italic(run) -> bool:
    properties = run.find(f"{W}rPr")
    if properties is None:
        return False
    flag = properties.find(f"{W}i")
    return flag is not None and flag.get(f"{W}val", "true") not in ("0", "false", "off")


def _collapse(text: str, italics: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Collapse runs of whitespace and trim, moving the italic spans with the text."""
    out: list[str] = []
    new_index = [0] * (len(text) + 1)
    previous_space = True
    for index, char in enumerate(text):
        new_index[index] = len(out)
        if char.isspace():
            if not previous_space:
                out.append(" ")
            previous_space = True
        else:
            out.append(char)
            previous_space = False
    new_index[len(text)] = len(out)
    collapsed = "".join(out).rstrip()
    spans = []
    for start, end in italics:
        s, e = new_index[start], min(new_index[end], len(collapsed))
        while s < e and collapsed[s] == " ":
            s += 1
        while e > s and collapsed[e - 1] == " ":
            e -= 1
        if e > s:
            spans.append((s, e))
    return collapsed, spans
