"""What the review page says about each note and citation: archival, low confidence, unresolved,
and which earlier note a short form or ibid. points back to."""
from __future__ import annotations

from dataclasses import dataclass, field

from converter.model import Citation, Document, Item, Note
from converter.report import Report

# A citation the parser is less sure of than this is flagged at the top of the page.
LOW_CONFIDENCE = 0.6
ARCHIVAL_VARIABLES = ("archive", "archive_location", "archive-place")
ARCHIVAL_SPANS = frozenset({"archive", "archive_location", "archive-place"})
# Diagnostics, keyed by note number, that make a note "unresolved" or "low confidence".
UNRESOLVED_CODES = frozenset({"unresolved-short-form"})
LOW_CONFIDENCE_CODES = frozenset({"low-confidence"})


@dataclass
class CitationView:
    citation: Citation
    item: Item | None
    low_confidence: bool
    # Where the item was first cited: from the parser (first_note), else found by the page.
    back_to: str | None = None
    back_to_computed: bool = False
    back_to_index: int | None = None  # the earlier note's position, for the link


@dataclass
class NoteView:
    index: int  # position in the document, 0-based: the note's anchor is note-<index>
    note: Note
    citations: list[CitationView]
    archival: bool
    low_confidence: bool
    unresolved: bool
    messages: list[str] = field(default_factory=list)  # diagnostics about this note


def note_views(document: Document, report: Report) -> list[NoteView]:
    items = document.item_by_id()
    by_note: dict[str, list[str]] = {}
    codes_by_note: dict[str, set[str]] = {}
    for diagnostic in report.diagnostics:
        if diagnostic.key is not None:
            by_note.setdefault(diagnostic.key, []).append(str(diagnostic))
            codes_by_note.setdefault(diagnostic.key, set()).add(diagnostic.code)
    first_cited: dict[str, str] = {}
    index_by_number: dict[str, int] = {}
    views = []
    for index, note in enumerate(document.notes):
        index_by_number.setdefault(note.number, index)
        cites = []
        for citation in note.citations:
            item = items.get(citation.id)
            low = citation.confidence is not None and citation.confidence < LOW_CONFIDENCE
            view = CitationView(citation, item, low, citation.first_note)
            if view.back_to is None and citation.id in first_cited and first_cited[citation.id] != note.number:
                view.back_to, view.back_to_computed = first_cited[citation.id], True
            if view.back_to is not None:
                view.back_to_index = index_by_number.get(str(view.back_to))
            first_cited.setdefault(citation.id, note.number)
            cites.append(view)
        codes = codes_by_note.get(note.number, set())
        unresolved = (any(c.item is None for c in cites) or bool(codes & UNRESOLVED_CODES)
                      or (note.kind in ("citation", "mixed") and not cites))
        views.append(NoteView(
            index=index, note=note, citations=cites,
            archival=any(_archival(c) for c in cites),
            low_confidence=any(c.low_confidence for c in cites) or bool(codes & LOW_CONFIDENCE_CODES),
            unresolved=unresolved,
            messages=by_note.get(note.number, []),
        ))
    return views


def _archival(view: CitationView) -> bool:
    if view.item is not None and any(view.item.csl.get(v) for v in ARCHIVAL_VARIABLES):
        return True
    return any(isinstance(s, list | tuple) and s and s[0] in ARCHIVAL_SPANS for s in view.citation.spans)
