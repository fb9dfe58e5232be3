"""The notes pipeline: each stage is (Document, Report) -> Document, run in order.

Readers of footnote formats (notes_txt, notes_md, notes_docx) produce notes holding only their
number and text; `parse` turns them into citations and items:
split.find_references (declarations, references with their lead-ins and comments, note kinds;
the archival recogniser and the secondary parser run inside it) -> resolve.resolve_references
(short forms, ibid., repeated full forms -> one item; item ids) -> language.guess_languages (the
language of each item from its titles' function words, which decides whether styles title-case it).
"""
from __future__ import annotations

from collections.abc import Callable

from converter.collector import paused_gc
from converter.model import Document, Note
from converter.report import Report

Stage = Callable[[Document, Report], Document]


def _stages() -> tuple[Stage, ...]:
    from converter.notes.language import guess_languages
    from converter.notes.resolve import resolve_references
    from converter.notes.split import find_references
    return (find_references, resolve_references, guess_languages)


PIPELINE: tuple[Stage, ...] = _stages()


# A note longer than this is kept as printed and not parsed, with a message: the parser's cost
# grows with references x length, so a hostile 100 MB "note" would never finish. The longest note
# of the seed chapter has 1,100 characters; a long discursive footnote, a few thousand.
MAX_NOTE_CHARS = 20_000


def parse(document: Document, report: Report) -> Document:
    held = {}
    for index, note in enumerate(document.notes):
        if len(note.text) > MAX_NOTE_CHARS:
            report.add("input-too-large", f"the note is {len(note.text):,} characters long, over the limit of "
                       f"{MAX_NOTE_CHARS:,}; it was kept as printed, not parsed", note.origin, note.number)
            held[index], note.text = note.text, ""
    # The collector held off across all the stages, not per stage: between two stages and after
    # the last it would otherwise walk the whole growing document again (they make no cycles).
    with paused_gc():
        for stage in PIPELINE:
            document = stage(document, report)
        document.notes = [_plain(note) for note in document.notes]
    for index, text in held.items():  # stages keep one note per note, in order
        document.notes[index].text, document.notes[index].kind = text, "explanatory"
    return document


def _plain(note):  # type: ignore[no-untyped-def]
    """Notes leave the pipeline as plain model Notes (the references were only a working state)."""
    if type(note) is Note:
        return note
    return Note(number=note.number, text=note.text, kind=note.kind, citations=note.citations,
                origin=note.origin, italics=note.italics)
