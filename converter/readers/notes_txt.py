"""Plain-text footnotes: one note per numbered paragraph.

Accepted numberings: `12. text`, `12) text`, `[12] text`, and the form pasted from publisher pages,
`  12. 12.` alone on a line with the text in the next paragraph. A note runs until the next number
(which must continue the sequence, so "1924. In that year..." inside a note is not a new note).
Everything around the notes is page furniture (reported `not-a-note`), except the chapter's own
record ("Cite this chapter", DOI, ISBNs), which becomes `Document.source`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.model import Document, Note, Origin
from converter.notes.pipeline import parse
from converter.notes.source import read_source
from converter.report import Report

NAME = "notes"
EXTENSIONS = (".notes.txt", ".txt")

_PUBLISHER_NUMBER = re.compile(r"^\s*(\d{1,5})\.\s+(\d{1,5})\.\s*$")
_NUMBERED = re.compile(r"^(\s*)(?:(\d{1,5})[.)]|\[(\d{1,5})\])\s+(\S.*)$")
_BULLET = re.compile(r"^\s*[•·▪◦]\s*")


@dataclass
class _Draft:
    number: int
    line: int
    indent: int  # indentation of the note's text: paragraphs indented as deep continue it
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    # Indices in `lines` where a paragraph begins after a blank line at less than the text's
    # indentation: it continues the note if another note follows, and is furniture after the last.
    loose: list[int] = field(default_factory=list)


def sniff(head: str) -> bool:
    """Publisher-page notes are recognisable by their `  1. 1.` lines."""
    return sum(1 for line in head.splitlines() if _PUBLISHER_NUMBER.match(line)) >= 2


def read(text: str, *, origin: Origin, report: Report) -> Document:
    lines = text.splitlines()
    drafts, furniture = _notes(lines)
    document = Document(source=read_source(lines, origin))
    for draft in drafts:
        body = " ".join(" ".join(text for _, text in draft.lines).split())
        document.notes.append(Note(number=str(draft.number), text=body, origin=origin.at(draft.line)))
    for start, end in furniture:
        report.add("not-a-note", f"lines {start}-{end} are not notes: {_quote(lines[start - 1])}",
                   origin.at(start))
    return parse(document, report)


def _notes(lines: list[str]) -> tuple[list[_Draft], list[tuple[int, int]]]:
    """Group lines into notes; return the notes and the (first, last) lines of furniture runs."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    blank_before = True
    for index, line in enumerate(lines, start=1):
        expected = drafts[-1].number + 1 if drafts else None
        publisher = _PUBLISHER_NUMBER.match(line)
        numbered = _NUMBERED.match(line)
        if publisher and publisher.group(1) == publisher.group(2) and _continues(int(publisher.group(1)), expected):
            current = _Draft(int(publisher.group(1)), index + 1, _indent(line) + 1)
            drafts.append(current)
        # A note may follow the previous one on the next line (one note a line, as people paste
        # them): the sequence check alone tells it from a wrapped line that starts with a number.
        elif numbered and (blank_before or expected is not None) and _continues(
                int(numbered.group(2) or numbered.group(3)), expected):
            current = _Draft(int(numbered.group(2) or numbered.group(3)), index, _indent(line) + 1)
            current.lines.append((index, numbered.group(4)))
            drafts.append(current)
        elif not line.strip():
            pass
        elif current is not None and (not current.lines or not blank_before or _indent(line) >= current.indent):
            if not current.lines:
                current.line, current.indent = index, _indent(line)
            current.lines.append((index, _BULLET.sub("", line)))
        elif current is not None and drafts:
            current.loose.append(len(current.lines))
            current.lines.append((index, line))
        blank_before = not line.strip()
    if drafts and drafts[-1].loose:  # unindented paragraphs after the last note: furniture
        del drafts[-1].lines[drafts[-1].loose[0]:]
    used = {number for draft in drafts for number, _ in draft.lines}
    used |= {draft.line - 1 for draft in drafts}
    return drafts, _runs([i for i, line in enumerate(lines, start=1)
                          if line.strip() and i not in used and not _is_number_line(line)])


def _continues(number: int, expected: int | None) -> bool:
    return number == expected if expected is not None else number < 1000


def _is_number_line(line: str) -> bool:
    return _PUBLISHER_NUMBER.match(line) is not None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and number - runs[-1][1] <= 2:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def _quote(line: str) -> str:
    line = line.strip()
    return repr(line if len(line) <= 60 else line[:57] + "...")
