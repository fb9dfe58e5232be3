"""Markdown footnotes: `[^12]: text`, continued by indented lines (blank lines may separate
indented paragraphs). `*italics*` and `_italics_` are kept as Note.italics spans (titles);
`**bold**` markers are dropped. Everything that is not a footnote definition is the body text,
which is not a note and is not reported."""
from __future__ import annotations

import re

from converter.model import Document, Note, Origin
from converter.notes.pipeline import parse
from converter.report import Report

NAME = "notes-md"
EXTENSIONS = (".md", ".markdown")

_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:\s?(?P<text>.*)$")
_CONTINUATION = re.compile(r"^(?: {2,}|\t)(?P<text>\S.*)$")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def sniff(head: str) -> bool:
    return re.search(r"^\[\^[^\]\s]+\]:", head, re.MULTILINE) is not None


def read(text: str, *, origin: Origin, report: Report) -> Document:
    document = Document()
    current: list[str] | None = None
    label, line_number = "", 0
    pending_blank = False
    for index, line in enumerate(text.splitlines(), start=1):
        definition = _DEFINITION.match(line)
        if definition:
            if current is not None:
                document.notes.append(_note(label, current, origin.at(line_number)))
            label, line_number, current = definition.group("label"), index, [definition.group("text")]
            pending_blank = False
        elif current is not None and not line.strip():
            pending_blank = True
        elif current is not None and (_CONTINUATION.match(line) or not pending_blank):
            current.append(line.strip())
            pending_blank = False
        elif current is not None:
            document.notes.append(_note(label, current, origin.at(line_number)))
            current = None
    if current is not None:
        document.notes.append(_note(label, current, origin.at(line_number)))
    return parse(document, report)


def _note(label: str, lines: list[str], origin: Origin) -> Note:
    plain, italics = strip_emphasis(" ".join(" ".join(lines).split()))
    return Note(number=label, text=plain, origin=origin, italics=italics)


def strip_emphasis(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without Markdown emphasis markers, and the spans that were in single emphasis."""
    out: list[str] = []
    italics: list[tuple[int, int]] = []
    at = 0
    length = 0
    for match in _EMPHASIS.finditer(text):
        before = text[at:match.start()]
        out.append(before)
        length += len(before)
        inner, _ = strip_emphasis(match.group(2))
        if len(match.group(1)) == 1:
            italics.append((length, length + len(inner)))
        out.append(inner)
        length += len(inner)
        at = match.end()
    out.append(text[at:])
    return "".join(out), italics
