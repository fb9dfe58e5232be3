"""What the notes parser finds in a note before references are resolved to items.

The stages of notes/ pass these between them: the splitter finds where references begin, the
archival recogniser (notes/archival.py) and the secondary-literature parser turn text into
References, and resolve.py turns References into Items and Citations of the Document.
Offsets are character offsets in the note's text, so the review page can highlight them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[str, int, int]  # (field, start, end) in the note text


@dataclass
class Reference:
    """One citation as printed: the item's fields, and what the note adds to it."""

    csl: dict[str, Any]  # CSL-JSON variables of the cited item, without "id"
    start: int  # where the reference begins in the note text (after its prefix)
    end: int  # where it ends (before a suffix or the separator to the next one)
    locator: str | None = None
    label: str | None = None  # a CSL locator term: page, folio, line, column, note, ...
    prefix: str | None = None
    suffix: str | None = None
    spans: list[Span] = field(default_factory=list)
    confidence: float = 1.0
    # A short form ("Pons, La rivoluzione globale, 44."), op. cit. or cit.: resolve it against
    # earlier items by author and title words rather than creating an item.
    short_form: bool = False
    # Ibid., Ivi, ebd.: the item of the previous citation.
    ibid: bool = False
    # "Wie Anm. 6, S. 18": a cross reference standing alone, the work that note cites
    cross_ref: str | None = None


@dataclass
class ArchivalMatch:
    """What the archival recogniser read from one position of a note: one or more references
    (a note may cite several documents under one archive path) and where its reading stopped."""

    references: list[Reference]
    end: int
