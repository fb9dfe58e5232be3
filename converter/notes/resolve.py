"""The last stage: references become items and citations.

A full reference is one item unless an earlier item is the same work (same authors, folded through
the transliteration table, and the same title), in which case details printed later are merged
into the first item. A short form (author + the first words of a title, op. cit., cit.) resolves
to the latest earlier item by that author whose title it begins; Ibid./Ivi/ebd. to the item of the
previous citation. Archival items are one item when the archival recogniser gives them one
identity. Item ids come from converter.keys.assign_keys once every item is known.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from converter.collector import paused_gc
from converter.keys import assign_keys
from converter.model import Citation, Document, Item
from converter.notes import archival_adapter
from converter.notes.reference import Reference
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import name_skeleton
from converter.report import Report

LOW_CONFIDENCE = 0.8
_NAME_VARIABLES = ("author", "editor")


def resolve_references(document: Document, report: Report) -> Document:
    """Stage 2: every note's references to Citations of (new or earlier) Items."""
    with paused_gc():
        return _resolve_references(document, report)


def _resolve_references(document: Document, report: Report) -> Document:
    items: list[dict[str, Any]] = []
    first_note: list[str] = []
    by_identity: dict[tuple, int] = {}
    people: dict[str, set[int]] = {}  # name skeleton -> items with that author or editor (or given name)
    cited: list[tuple[Citation, int]] = []
    last: int | None = None
    for note in document.notes:
        for reference in getattr(note, "references", []):
            index = _resolve(reference, items, by_identity, people, last, report, note)
            if index is None:
                continue
            if index == len(items):
                items.append(_clean(reference.csl))
                first_note.append(note.number)
                key = _identity(items[index])
                if key is not None:
                    by_identity.setdefault(key, index)
            _index_people(people, items[index], index)
            citation = Citation(id="", locator=reference.locator, label=reference.label if reference.locator else None,
                                prefix=reference.prefix, suffix=reference.suffix, spans=list(reference.spans))
            if reference.confidence < 1.0:
                citation.confidence = round(reference.confidence, 2)
            if reference.confidence < LOW_CONFIDENCE:
                report.add("low-confidence", f"citation read with confidence {reference.confidence:.2f}: "
                           f"{note.text[reference.start:reference.end][:80]!r}", note.origin, note.number)
            if first_note[index] != note.number:
                citation.first_note = first_note[index]
            note.citations.append(citation)
            cited.append((citation, index))
            last = index
    assign_keys(items)
    for citation, index in cited:
        citation.id = items[index]["id"]
    document.items.extend(Item(csl) for csl in items)
    return document


def _index_people(people: dict[str, set[int]], item: dict[str, Any], index: int) -> None:
    # A set per name: a work cited again and again must not make the lists grow with the notes.
    for variable in _NAME_VARIABLES:
        for name in item.get(variable, []):
            # the given name too: an inverted "Kocho-Williams Alastair" names the same person
            for part in (name.get("family") or name.get("literal") or "", name.get("given", "")):
                people.setdefault(name_skeleton(part), set()).add(index)


def _resolve(reference: Reference, items: list[dict[str, Any]], by_identity: dict[tuple, int],
             people: dict[str, set[int]], last: int | None, report: Report, note: Any) -> int | None:
    """The index of the item a reference cites; len(items) for a new one; None when unresolvable."""
    if reference.ibid:
        if last is None:
            report.add("unresolved-short-form", "Ibid. with no earlier citation", note.origin, note.number)
        return last
    if reference.short_form:
        found = _short_form_target(reference.csl, items, people)
        if found is not None:
            _note_short_title(items[found], reference.csl.get("title"))
            return found
        report.add("unresolved-short-form", f"short form matches no earlier item: "
                   f"{note.text[reference.start:reference.end][:80]!r}", note.origin, note.number)
        reference.confidence = min(reference.confidence, 0.5)
        # A work first cited elsewhere (an earlier chapter): its type is a guess from the form,
        # a quoted title being an article's, a plain one a book's.
        quoted = any(field == "title" and note.text[start - 1:start] in "‘“\"'«" for field, start, _ in reference.spans)
        reference.csl.setdefault("type", "article-journal" if quoted else "book")
        return len(items)
    key = _identity(reference.csl)
    if key is not None and key in by_identity:
        index = by_identity[key]
        _merge(items[index], reference.csl)
        return index
    inverted = _inverted_match(reference.csl, items, people)
    if inverted is not None:
        _merge(items[inverted], reference.csl)
        return inverted
    return len(items)


def _clean(csl: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in csl.items() if value not in (None, "", [], {})}


def families(csl: dict[str, Any]) -> tuple[str, ...]:
    for variable in _NAME_VARIABLES:
        names = csl.get(variable)
        if names:
            return tuple(sorted(name_skeleton(name.get("family") or name.get("literal") or "") for name in names))
    return ()


@lru_cache(maxsize=1 << 14)
def title_words(title: str | None) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+", fold(title or "")))


def _identity(csl: dict[str, Any]) -> tuple | None:
    archival = archival_adapter.identity(csl)
    if archival is not None:
        return ("archival", *archival)
    if "archive" in csl or "archive_location" in csl:
        return None
    words = title_words(csl.get("title"))
    if not words:
        return None
    return ("work", families(csl), words[:12])


def _short_form_target(csl: dict[str, Any], items: list[dict[str, Any]], people: dict[str, set[int]]) -> int | None:
    wanted = families(csl)
    words = title_words(csl.get("title"))
    candidates = sorted(people.get(wanted[0], ()), reverse=True) if wanted else range(len(items) - 1, -1, -1)
    for index in candidates:
        item = items[index]
        if wanted and not _same_people(wanted, item):
            continue
        if not words:
            return index if wanted else None
        for candidate in (item.get("title"), item.get("title-short")):
            have = title_words(candidate)
            if have and (have[:len(words)] == words or _loose_prefix(words, have)):
                return index
    return None


def _same_people(wanted: tuple[str, ...], item: dict[str, Any]) -> bool:
    have = set(families(item))
    for variable in _NAME_VARIABLES:
        for name in item.get(variable, []):
            have.add(name_skeleton(name.get("given", "")))  # an inverted "Kocho-Williams Alastair"
    return all(name in have for name in wanted)


def _loose_prefix(words: tuple[str, ...], have: tuple[str, ...]) -> bool:
    """A short title that drops articles or words ("Russia rivoluzionaria"; "Letters" for "The
    Letters of George Meredith"): its words appear in the title, in order, near its start."""
    at = 0
    for word in words:
        try:
            at = have.index(word, at, len(words) + 4 + at) + 1
        except ValueError:
            return False
    return True


def _note_short_title(item: dict[str, Any], short: str | None) -> None:
    if short and "title-short" not in item and fold(short) != fold(item.get("title", "")):
        item["title-short"] = short.strip(" ,.")


def _inverted_match(csl: dict[str, Any], items: list[dict[str, Any]], people: dict[str, set[int]]) -> int | None:
    """"Kocho-Williams Alastair" printed family first: the item whose author is Alastair Kocho-Williams."""
    names = csl.get("author") or []
    if len(names) != 1 or not names[0].get("given"):
        return None
    swapped = {"family": names[0]["given"], "given": names[0]["family"]}
    words = title_words(csl.get("title"))
    # Only items that name this person can match: the people index holds every item's authors,
    # so the earlier items are not all walked through for each new reference.
    for index in sorted(people.get(name_skeleton(swapped["family"]), ())):
        item = items[index]
        authors = item.get("author") or []
        if (len(authors) == 1 and name_skeleton(authors[0].get("family", "")) == name_skeleton(swapped["family"])
                and title_words(item.get("title"))[:12] == words[:12]):
            csl["author"] = [dict(authors[0])]
            return index
    return None


def _merge(item: dict[str, Any], later: dict[str, Any]) -> None:
    """Details printed only in a later full form go into the first item (never overwriting)."""
    for key, value in later.items():
        if value not in (None, "", [], {}) and key not in item:
            item[key] = value
