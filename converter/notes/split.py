"""The first stage: find the references in each note, with their lead-ins and comments.

A note is read left to right. At each place where a reference may begin (the note's start, and
every capitalised word or opening quote after it) the archival recogniser (through
archival_adapter), ibid. words and the secondary parser are tried in turn; the first that reads a
reference wins, and reading goes on after it. The text between references is then sorted: a
lead-in that introduces the next reference ("On this matter, see also") is its `prefix`; a
comment after one (", which draws attention to...") is its `suffix`; joining words ("and", "e",
";") are dropped; anything else is a free-standing statement, which makes the note `mixed`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from converter.collector import paused_gc
from converter.model import Document, Note
from converter.notes import archival_adapter
from converter.notes.cited_imprint import another_volume
from converter.notes.crossrefs import mask_cross_refs, pointer_at
from converter.notes.docdates import find_dates
from converter.notes.locators import parse_locator
from converter.notes.memo import forget_note
from converter.notes.names import parse_names
from converter.notes.reference import Reference
from converter.notes.reference_start import after_role_phrase, inside_imprint, inside_title, may_start
from converter.notes.secondary import ANONYMOUS_CONFIDENCE, parse_secondary
from converter.notes.segments import (
    CANDIDATE,
    comment_end,
    label_at,
    scan_candidate,
    segment_end,
    sentence_stop,
    strong_leads,
)
from converter.notes.shortforms import KnownWorks, after_archival, author_year, follow, known_title, learned
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import ibid_words, lead_in_words, name_skeleton
from converter.report import Report

_JOINERS = re.compile(r"^(?:[\s,;:.]|and\b|e\b|und\b|et\b|y\b|&|as well as\b|sowie\b|nonché\b)*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-Þ])")
# What makes left-over prose look like a reference the parser missed: a dated parenthesis, a
# page or folio label with a number, an imprint "Place: Publisher, 1990".
_REFERENCE_LIKE = re.compile(r"\([^()]*\b(?:1[5-9]|20)\d\d\)|\b(?:pp?|S|fols?|ff?|vol|Bd)\.\s*\d"
                             r"|:\s[^,;]+,\s(?:1[5-9]|20)\d\d\b")


_DIGIT = re.compile(r"\d")
_IBID_GAP = re.compile(r"[\s,.:]*")
_IBID_VOLUME = re.compile(r"(?:(?:vol|Bd|t|tome|Teil)\.?\s*)?(?:[IVXLC]{1,6}|[A-Z])\s*[,:]\s*(?=\d)")
ARCHIVAL_REACH = 240  # characters


@dataclass
class _Archival:
    """What the archival recogniser is called with: the note as printed (it reads the
    declarations itself) and the document's context; its answers per position, since the
    splitter may ask twice about one place (the recogniser is the costly part)."""

    text: str
    context: Any
    answers: dict[int, Any] = field(default_factory=dict)

    def parse(self, pos: int) -> Any:
        if pos not in self.answers:
            self.answers[pos] = archival_adapter.parse_archival(self.text, pos, self.context)
        return self.answers[pos]


@dataclass
class WorkNote(Note):
    """A note on its way through the pipeline: the references found in it, in order."""

    references: list[Reference] = field(default_factory=list)
    # "(wie Anm. 5)", "(n. 10 above)": where a cross reference begins -> the note it points to
    cross_refs: dict[int, str] = field(default_factory=dict)


def find_references(document: Document, report: Report) -> Document:
    """Stage 1: each note's references, prefixes, suffixes and kind; declarations learned."""
    with paused_gc():
        return _find_references(document, report)


def _find_references(document: Document, report: Report) -> Document:
    known = KnownWorks()
    previous: Reference | None = None
    notes = []
    # One context for the whole document: the recogniser keeps what earlier notes taught it.
    context = archival_adapter.context(dict(document.abbreviations))
    taught = -1  # how many of the document's abbreviations the context was last told about
    for note in document.notes:
        forget_note()
        work = note if isinstance(note, WorkNote) else WorkNote(note.number, note.text, note.kind, note.citations,
                                                                 note.origin, note.italics)
        for declaration in archival_adapter.find_declarations(work.text):
            document.abbreviations.setdefault(declaration.abbreviation, declaration.expansion)
        if len(document.abbreviations) != taught:  # it only grows (setdefault); told again, the context
            archival_adapter.learn(context, document.abbreviations)  # would learn nothing new
            taught = len(document.abbreviations)
        masked, work.cross_refs = mask_cross_refs(archival_adapter.mask_declarations(work.text))
        references, free = _scan(masked, work.italics, _Archival(work.text, context), known, previous)
        for reference in references:
            known.learn(reference)
        work.references = references
        work.kind = "explanatory" if not references else ("mixed" if free else "citation")
        for segment in free:
            if _REFERENCE_LIKE.search(segment):
                report.add("unparsed-segment", f"not read as a citation: {segment[:80]!r}", work.origin, work.number)
        if references:
            previous = _last_named(references, previous)
        notes.append(work)
    document.notes = notes
    return document


def _scan(text: str, italics: list[tuple[int, int]], context: Any, known: AbstractSet[str],
          previous: Reference | None) -> tuple[list[Reference], list[str]]:
    """The references of one note, and the free-standing statements between them."""
    references: list[Reference] = []
    free: list[str] = []
    gap_start, pos = 0, 0
    while pos < len(text):
        found: list[Reference] = []
        for match in scan_candidate().finditer(text, pos):
            if not may_start(text, match.start()) or label_at(text, match.start()) > match.start():
                continue  # "Vorlage: Aufzeichnung ...": the reference begins after the label
            again = another_volume(text, match.start(), segment_end(text, match.start()), references[-1]) if (
                references and not _JOINERS.sub("", text[references[-1].end:match.start()]).strip()) else None
            if again is not None:  # "…, I: The Gathering Storm (1948), p. 100; II, p. 5": the next volume
                found = [again]
                break
            last = _last_named(references, previous)
            found, asked = _reference_at(text, match.start(), italics, context, known, last), match.start()
            if found and _anonymous(found[0]):
                inner, inner_at = _named_inside(text, match.start(), found[0].end, italics, context, known, last)
                if inner:
                    found, asked = inner, inner_at
            if found:
                found = _after_lead_in(text, match.start(), found, asked, italics, context, known, last)
            if found:
                break
        if not found:
            break
        prefix, statement = _lead_in(text[gap_start:found[0].start])
        if statement:
            free.append(statement)
        if prefix:
            found[0].prefix = prefix
        references.extend(found)
        follow(known, found[-1])
        pos = max(found[-1].end, found[0].start + 1)
        suffix_end = comment_end(text, pos)
        if suffix_end > pos:
            found[-1].suffix = text[pos:suffix_end].strip(" ,;:.")
            pos = suffix_end
        gap_start = pos
    rest = _JOINERS.sub("", text[gap_start:]).strip(" .;,")
    if rest:
        free.append(rest)
    return references, free


def _reference_at(text: str, pos: int, italics: list[tuple[int, int]], context: Any, known: AbstractSet[str],
                  previous: Reference | None) -> list[Reference]:
    pointer = pointer_at(text, pos)
    if pointer and (locator := parse_locator(text, pointer[1])):  # "Wie Anm. 6, S. 18": note 6's work
        return [Reference(csl={}, start=pos, end=locator.end, locator=locator.value, label=locator.label,
                          spans=[("locator", locator.start, locator.end)], cross_ref=pointer[0])]
    ibid = _ibid_pattern().match(text, pos)
    if ibid:
        found = _ibid(text, ibid, italics, known, previous)
        return (_ibid_in_archive(text, pos, found, context) if after_archival(known) else []) or found
    limit = sentence_stop(text, pos, segment_end(text, pos))
    # With a digit in reach every path below asks the recogniser at pos unless a known title alone answers;
    # the others leave its context alone, so it is asked first: a reading with an archive location is the answer.
    near = bool(context) and _DIGIT.search(text, pos, pos + ARCHIVAL_REACH) is not None
    title_alone = known_title(text, pos, limit, learned(known)) if near else None
    if near and title_alone is None and (found := context.parse(pos)) and any(
            r.csl.get("archive_location") for r in found.references):
        return list(found.references)
    secondary = parse_secondary(text, pos, limit, italics, known)
    if secondary is None and limit < len(text):
        secondary = _across_semicolon(text, pos, limit, italics, known)
    if secondary is not None and secondary.confidence >= 1.0 and not secondary.short_form and (
            secondary.csl.get("author") or secondary.csl.get("editor")) and not (  # "RG 59" is no journal:
            context and (found := context.parse(pos)) and any(r.csl.get("archive_location") for r in found.references)
    ) and not _letter_in_collection(secondary, context, pos):
        # A named, complete secondary reference wins over an archival reading (a thesis
        # "(PhD diss., Yale University, 2005)" names a university the archive table knows).
        return [secondary]
    # An archival reference always carries a number (a fond, a box, a shelfmark, a date) soon
    # after it begins; where none follows, the costly recogniser is not asked.
    if secondary is None and _DIGIT.search(text, pos, limit):  # "Smith 1990, 4"
        secondary = author_year(text, pos, limit, known)
    if secondary is None:  # "The Chicago Manual of Style, 15.": a title cited before, alone with its page, is
        secondary = title_alone if near else known_title(text, pos, limit, learned(known))  # no archive ("A Guide ...")
        if secondary is not None:
            return [secondary]
    archival = context.parse(pos) if near else None
    if archival is not None and archival.references:
        return list(archival.references)
    return [secondary] if secondary else []


def _ibid_in_archive(text: str, pos: int, found: list[Reference], context: Any) -> list[Reference]:
    """"Ibid., d. 47, l. 3": the archive path of the last note with one level replaced, another
    file, which the archival recogniser reads from the ibid.; asked only where more than a page
    follows the ibid."""
    end = found[0].end if found and text.count(",", pos, found[0].end) < 2 else pos  # not "Ebd., Nr. 2346, Bl. 4"
    rest = text[end:segment_end(text, pos)]
    if not context or not _DIGIT.search(rest) or not rest.strip(" .,;:"):
        return []
    archival = context.parse(pos)
    if archival is None or not any(r.csl.get("archive_location") for r in archival.references):
        return []
    references = list(archival.references)
    references[0].start = pos
    return references


def _letter_in_collection(secondary: Reference, context: Any, pos: int) -> bool:
    """"Hughes to Gompers, 19 July 1923, FRUS 1923, vol. 2, 760": a dated letter the secondary
    parser reads alone, which the archival recogniser reads on into the published collection
    that prints it (its volume and document number are the collection's, not a page)."""
    csl = secondary.csl
    if not context or not (csl.get("genre") == "letter" or csl.get("type") == "personal_communication"):
        return False
    found = context.parse(pos)
    return bool(found and found.references and found.end >= secondary.end
                and found.references[0].csl.get("container-title"))


def _across_semicolon(text: str, pos: int, limit: int, italics: list[tuple[int, int]],
                      known: AbstractSet[str]) -> Reference | None:
    """"Jones, Empire and Nation: Essays; Studies in Honour of X (Oxford: ..., 1990)": a title
    with its own semicolon. Tried only where the words before the ";" hold no date, imprint or
    page (they cannot be a reference alone) and no name begins after it (not a second work)."""
    after = len(text) - len(text[limit + 1:].lstrip()) if limit + 1 < len(text) else len(text)
    if _DIGIT.search(text, pos, limit) or not text[after:after + 1].isupper() or parse_names(text, after) is not None:
        return None
    reference = parse_secondary(text, pos, segment_end(text, after), italics, known)
    if reference is None or reference.confidence < 1.0 or reference.short_form or reference.end <= limit:
        return None
    return reference


def _last_named(references: list[Reference], previous: Reference | None) -> Reference | None:
    """The latest reference that names its authors or editors: what "Id."/"Ders." stands for."""
    for reference in reversed(references):
        if reference.csl.get("author") or reference.csl.get("editor"):
            return reference
    return previous


def _anonymous(reference: Reference) -> bool:
    return (not reference.ibid and reference.confidence <= ANONYMOUS_CONFIDENCE
            and not any(reference.csl.get(variable) for variable in ("author", "editor", "archive")))


def _named_inside(text: str, start: int, end: int, italics: list[tuple[int, int]], context: Any,
                  known: AbstractSet[str], last: Reference | None) -> tuple[list[Reference], int]:
    """A reference with a name, or any non-anonymous one, beginning inside an anonymous one, and
    the position it was asked at."""
    for match in CANDIDATE.finditer(text, start + 1, end):
        if after_role_phrase(text, match.start()) or inside_imprint(text, start, match.start()) or (
                inside_title(text, match.start())):
            continue  # "Chaucer Life-Records, ed. by Martin M. Crow (Oxford: ...)": editors and imprint, not works
        found = _reference_at(text, match.start(), italics, context, known, last)
        if found and not _anonymous(found[0]):
            return found, match.start()
    return [], start


@cache
def _ibid_pattern() -> re.Pattern[str]:
    """The words of data/notes-ibid.tsv that stand for the previous work or author (Ibid., Ebd.,
    Ivi, Ibíd., Id., Ders., Eadem ...), longest first, as a whole word."""
    words = sorted({word.rstrip(",") for word, kind in ibid_words().items() if kind in ("ibid", "idem")},
                   key=len, reverse=True)
    return re.compile(r"(?P<word>" + "|".join(re.escape(word) for word in words) + r")(?![\w])", re.IGNORECASE)


def _after_lead_in(text: str, start: int, found: list[Reference], asked: int, italics: list[tuple[int, int]],
                   context: Any, known: AbstractSet[str], last: Reference | None) -> list[Reference]:
    """"On this point, see AVPRF, ...": a reference read from "On" gives way to one that begins
    after a strong lead-in inside it. `found` was read at `asked` ("see Zukowsky (ed.), ..."):
    asked there again, the reader would give the same answer (same note, context, earlier works)."""
    first = found[0]
    leads = strong_leads(text)
    for lead_start, lead_end in leads[bisect_left(leads, (start, 0)):]:
        if lead_end >= first.end or _SENTENCE_END.search(text, start, lead_start):
            break
        inner = found if lead_end == asked else _reference_at(text, lead_end, italics, context, known, last)
        if inner:
            return inner
    return found


def _ibid(text: str, match: re.Match[str], italics: list[tuple[int, int]], known: AbstractSet[str],
          previous: Reference | None) -> list[Reference]:
    kind = ibid_words().get(fold(match.group("word")), "ibid")
    after = _IBID_GAP.match(text, match.end()).end()
    if kind == "idem":  # "Id., Title ...": the previous author's work
        authors = next((previous.csl[variable] for variable in ("author", "editor")
                        if previous is not None and previous.csl.get(variable)), None)
        if not authors:
            return []
        limit = segment_end(text, after)
        reference = parse_secondary(text, after, limit, italics, known | {name_skeleton(authors[0].get("family", ""))},
                                    authors=[dict(name) for name in authors])
        if reference is None:
            return []
        reference.start = match.start()
        return [reference]
    reference = Reference(csl={}, start=match.start(), end=match.end(), ibid=True)
    dated = find_dates(text, after, min(len(text), after + 40)) if text[after:after + 1].isdigit() else []
    issue = dated[0].end if dated and dated[0].start == after else None
    if issue is not None:  # "The Times, 5 May 1935. … Ibid., 6 May 1935": another issue, its page if any
        reference.end, after = issue, _IBID_GAP.match(text, issue).end()
    locator = parse_locator(text, after) if issue is None or after > issue else None
    volume = _IBID_VOLUME.match(text, after) if locator is None else None
    if volume:  # "Ibid., II, 45", "Ibid., A, 350–56": the volume of the work, then the page
        locator = parse_locator(text, volume.end())
    pinned = parse_locator(text, locator.end + 2) if locator and text.startswith(", ", locator.end) else None
    if pinned is not None and pinned.pinpoint:  # "Ebd., Bl. 205–208, hier Bl. 206": the page cited
        locator = replace(pinned, start=locator.start)  # type: ignore[union-attr]
    if locator:
        reference.locator, reference.label, reference.end = locator.value, locator.label, locator.end
        reference.spans.append(("locator", locator.start, locator.end))
    return [reference]


def _lead_in(gap: str) -> tuple[str | None, str | None]:
    """Split the text before a reference into (prefix, free-standing statement)."""
    gap = _JOINERS.sub("", gap).strip()
    if not gap:
        return None, None
    sentences = list(_SENTENCE_END.finditer(gap))
    head, tail = (gap[:sentences[-1].end()].strip(), gap[sentences[-1].end():].strip()) if sentences else ("", gap)
    tail_clean = tail.rstrip(" ,:;").lstrip("(")
    words = fold(tail_clean).split()
    if len(words) > 1 and words[-1] in lead_in_words("article"):
        words = words[:-1]  # "vgl. die" before "Aufzeichnung …": the article introduces the document
    if not words:
        return None, head or None
    last_two = " ".join(words[-2:])
    introduces = (words[-1] in lead_in_words("end") or last_two in lead_in_words("end")
                  or (len(words) == 1 and tail.rstrip().endswith(":") and label_at(tail, 0) > 0)
                  or (words[0] in lead_in_words("start") and len(words) <= 6 and tail.rstrip()[-1:] not in ","))
    if introduces:
        return tail_clean, head or None
    return None, gap.rstrip(" ,:;")

