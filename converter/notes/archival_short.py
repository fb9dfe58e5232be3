"""Short forms of archival documents: a letter or record cited again by its description alone.

After a full citation ("Robert F. Kelley to William R. Castle Jr., 3 February 1931, Box 12,
Folder 4, Robert F. Kelley Papers, Hoover Institution Archives") notes cite the document again
without its archive: "Kelley to Castle, 3 February 1931.", "Stalin to Molotov, 23 August 1929,
l. 48.", "Litvinov to Jurenev, ‘On the Negotiations’, pp. 61–62", "Minute by Gregory, 28 Apr.
1926, loc. cit.", "Hindenburg an Brüning, 12.8.1931 (wie Anm. 25)". The archival recogniser
remembers every document it read with an archive or a call number; a later stretch that names
the same sender and recipient (or begins with the same description) and prints no date or the
same date, and no archive or call number of its own, is that document again: its reference
carries the earlier document's fields, so the resolver makes it the same item.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from converter.data import fold
from converter.notes.archival_parts import classify
from converter.notes.archival_scan import split_parts
from converter.notes.archive_location import Archive
from converter.notes.docdates import find_dates
from converter.notes.persons import parties
from converter.notes.reference import ArchivalMatch, Reference

_FIRST_WORD = re.compile(r"[‘“\"«„']?([^\W\d_][\w’'.-]*)")
_QUOTES = "‘’“”\"«»„'"


@dataclass
class _Known:
    csl: dict[str, Any]
    archive: Archive | None
    authors: frozenset[str]
    recipients: frozenset[str]
    title: str  # folded, without quotes


def _families(names: list[dict[str, str]] | None) -> frozenset[str]:
    return frozenset(fold(n.get("family") or n.get("literal") or "") for n in names or [])


def _plain(text: str) -> str:
    """A description folded, without quotes and punctuation ("Record …, by Eden" ~ "Record … by Eden")."""
    return " ".join(re.sub(r"[,;:]", " ", fold(text).strip(_QUOTES + " ,.;:").replace("’", "'")).split())


def _quoted_head(head: str) -> str:
    """"“Protokol zasedanija Sovnarkoma,” op. cit": the quoted description alone."""
    closing = re.search(r"[”\"»]|’(?!\w)", head[1:]) if head[:1] in "“‘\"«„" else None
    return head[:closing.end() + 1] if closing else head


def _compatible(printed: list[int], issued: list[int]) -> bool:
    """The same day, or the same month or year where a style prints less ("(February 1936)")."""
    common = min(len(printed), len(issued))
    return common > 0 and printed[:common] == issued[:common]


class _Head:
    """What a short form's head says, worked out once for all the earlier documents it is
    compared with: its writers' and recipients' families, and its folded words."""

    def __init__(self, head: str) -> None:
        self.head = head

    @cached_property
    def families(self) -> tuple[frozenset[str], frozenset[str], bool]:
        authors, recipients = parties(self.head)
        return _families(authors), _families(recipients), bool(recipients)

    @cached_property
    def words(self) -> str:
        return _plain(self.head)


@dataclass
class KnownDocuments:
    """The documents read so far in a book, by the first word of their description and by
    their writers' names (the words a short form begins with)."""

    by_word: dict[str, list[_Known]] = field(default_factory=dict)

    def remember(self, csl: dict[str, Any], archive: Archive | None) -> None:
        if not (csl.get("archive") or csl.get("archive_location")) or csl.get("type") == "chapter":
            return
        title = _plain(csl.get("title") or "")
        known = _Known(dict(csl), archive, _families(csl.get("author")), _families(csl.get("recipient")), title)
        words = {title.split(" ")[0]} if title else set()
        words |= {family.split(" ")[-1] for family in known.authors}
        for word in words - {""}:
            entries = self.by_word.setdefault(word, [])
            if not any(entry.csl == known.csl for entry in entries):
                entries.append(known)

    def may_match(self, text: str, start: int) -> bool:
        """The quick test: an earlier document's description or writer begins at `start`."""
        if not self.by_word:
            return False
        first = _FIRST_WORD.match(text, start)
        return first is not None and fold(first.group(1)).rstrip(".") in self.by_word

    def match(self, text: str, start: int, end: int) -> ArchivalMatch | None:
        """The earlier document that text[start:end] cites again, as a reference, or None."""
        first = _FIRST_WORD.match(text, start, end)
        if first is None or not self.by_word:
            return None
        if start and text[start - 1] in "“‘\"«„":
            start -= 1  # asked inside the opening quote of a title: read the quotation whole
        candidates = self.by_word.get(fold(first.group(1)).rstrip("."))
        if not candidates:
            return None
        spans = split_parts(text, start, end)
        if not spans:
            return None
        head = _quoted_head(text[spans[0][0]:spans[0][1]])
        # Chicago's short form: the writer, then the quoted description ("Hull, “Hull to Roosevelt.”")
        titled = _quoted_head(text[spans[1][0]:spans[1][1]]) if len(spans) > 1 else ""
        dates = find_dates(text, start, end)
        printed = dates[0].csl.get("date-parts") if dates else None
        said, titled_said = _Head(head), _Head(titled)
        for known in reversed(candidates):  # the latest document first
            writer = titled[:1] in "“‘\"«„" and titled and said.words in known.authors
            if not (self._same(known, said, printed) or (writer and self._same(known, titled_said, printed))):
                continue
            return self._reference(known, text, spans, start, end)
        return None

    @staticmethod
    def _same(known: _Known, head: _Head, printed: list[list[int]] | None) -> bool:
        issued = (known.csl.get("issued") or {}).get("date-parts")
        if printed is not None and issued is not None and not _compatible(printed[0], issued[0]):
            return False  # another letter between the same people
        authors, recipients, any_recipient = head.families
        if known.authors and known.recipients and any_recipient:
            return authors == known.authors and recipients == known.recipients
        words = head.words
        if not words or not known.title:
            return False
        if words == known.title or (printed is not None and len(words.split()) >= 2
                                    and known.title.startswith(words + " ")):
            return True
        # "Kelley memorandum, January 4, 1932" for "Memorandum of conversation by Kelley": the writer
        # and the words of the description, on the same day
        first, *rest = words.split()
        return printed is not None and issued is not None and bool(rest) and any(
            first == family.split(" ")[-1] for family in known.authors) and all(w in known.title.split() for w in rest)

    @staticmethod
    def _reference(known: _Known, text: str, spans: list[tuple[int, int]], start: int,
                   end: int) -> ArchivalMatch | None:
        # the whole stretch: a quoted title keeps its comma inside (“Disturbances at Tonypandy,” 294)
        parts, archive, collection = classify(text, spans, {}, [], known.archive)
        if parts is None or archive is not None or collection is not None or any(
                p.kind in ("level", "archive", "collection") for p in parts):
            return None  # a call number of its own: another document, read in full
        locator = next((p for p in parts if p.kind in ("folio", "page")), None) or next(
            (p for p in parts if p.kind == "number"), None)
        reference = Reference(csl=copy.deepcopy(known.csl), start=start, end=end, confidence=0.9,
                              spans=[("title", spans[0][0], spans[0][1])])
        if locator is not None:
            reference.locator = locator.value or locator.text
            reference.label = locator.label or "page"
            reference.spans.append(("locator", locator.start, locator.end))
        return ArchivalMatch(references=[reference], end=end)
