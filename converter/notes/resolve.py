"""The last stage: references become items and citations.

A full reference is one item unless an earlier item is the same work (same authors, folded through
the transliteration table and without their particles, and the same title, or one title the
other's beginning with no date, container or volume that differs), in which case details printed
later are merged into the first item. A short form (author + a short title, op. cit., cit., an
author and a year) resolves to the latest earlier item by that author whose title it matches best:
its beginning, a run of its words, or most of its words; a cross reference ("wie Anm. 3", "n. 10
above") to the items of that note. Ibid./Ivi/ebd. resolves to the item of the previous citation.
Archival items are one item when the archival recogniser gives them one identity. Item ids come
from converter.keys.assign_keys once every item is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from converter.collector import paused_gc
from converter.keys import assign_keys
from converter.model import Citation, Document, Item
from converter.notes import archival_adapter
from converter.notes.cited_container import cited_container, drop_title_words
from converter.notes.compound_names import complete_families
from converter.notes.likeness import (
    LEAST_SCORE,
    NAME_VARIABLES,
    RUN_SCORE,
    families,
    person_key,
    title_score,
    title_words,
)
from converter.notes.reference import Reference
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import name_skeleton
from converter.report import Report

LOW_CONFIDENCE = 0.8
# What a short title may shorten: "Churchill, Gathering Storm" names the volume's own title
_TITLES = ("title", "title-short", "volume-title")
# "Four Farces, op. cit": a title that ends with the words of a short form
_TITLE_OPCIT = re.compile(r"(?:[,\s]+(?:op|art|ouvr|loc)\.\s?cit\b\.?|[,\s]+cit\.?)$", re.IGNORECASE)


@dataclass
class _Known:
    """What earlier notes have cited: the items, and the indexes that find them again."""

    items: list[dict[str, Any]] = field(default_factory=list)
    first_note: list[str] = field(default_factory=list)
    by_identity: dict[tuple, list[int]] = field(default_factory=dict)
    people: dict[str, set[int]] = field(default_factory=dict)  # person key -> items naming them
    people_of: dict[int, set[str]] = field(default_factory=dict)  # item -> its person keys (and given names)
    titled: dict[str, set[int]] = field(default_factory=dict)  # title word -> items whose title has it
    indexed: dict[int, int] = field(default_factory=dict)  # item -> how many variables it had when indexed
    cited_in: dict[str, set[int]] = field(default_factory=dict)  # note number -> items it cites
    last: int | None = None


def resolve_references(document: Document, report: Report) -> Document:
    """Stage 2: every note's references to Citations of (new or earlier) Items."""
    with paused_gc():
        return _resolve_references(document, report)


def _resolve_references(document: Document, report: Report) -> Document:
    known = _Known()
    items = known.items
    cited: list[tuple[Citation, int]] = []
    for note in document.notes:
        cross_refs = getattr(note, "cross_refs", {})
        references = getattr(note, "references", [])
        for place, reference in enumerate(references):
            # a cross reference after this reference's start and before the next one's is its own
            until = references[place + 1].start if place + 1 < len(references) else len(note.text) + 1
            target = next((number for at, number in cross_refs.items() if reference.start <= at < until),
                          None) if cross_refs else None  # most notes hold no cross reference
            index = _resolve(reference, known, report, note, target)
            if index is None:
                continue
            if index == len(items):
                items.append(_clean(reference.csl))
                known.first_note.append(note.number)
                key = _identity(items[index])
                if key is not None:
                    known.by_identity.setdefault(key, []).append(index)
            if known.indexed.get(index) != len(items[index]):  # new, or merged with new details
                _index_people(known, items[index], index)
                known.indexed[index] = len(items[index])
            known.cited_in.setdefault(note.number, set()).add(index)
            citation = Citation(id="", locator=reference.locator, label=reference.label if reference.locator else None,
                                prefix=reference.prefix, suffix=reference.suffix, spans=list(reference.spans))
            if reference.confidence < 1.0:
                citation.confidence = round(reference.confidence, 2)
            if reference.confidence < LOW_CONFIDENCE:
                report.add("low-confidence", f"citation read with confidence {reference.confidence:.2f}: "
                           f"{note.text[reference.start:reference.end][:80]!r}", note.origin, note.number)
            if known.first_note[index] != note.number:
                citation.first_note = known.first_note[index]
            note.citations.append(citation)
            cited.append((citation, index))
            known.last = index
    assign_keys(items)
    for citation, index in cited:
        citation.id = items[index]["id"]
    document.items.extend(Item(csl) for csl in items)
    return document


def _index_people(known: _Known, item: dict[str, Any], index: int) -> None:
    # Sets: a work cited again and again must not make the lists grow with the notes.
    mine = known.people_of.setdefault(index, set())
    for variable in NAME_VARIABLES:
        for name in item.get(variable, []):
            mine.add(person_key(name))
            if name.get("given"):  # an inverted "Kocho-Williams Alastair" names the same person
                mine.add(name_skeleton(name["given"]))
    for key in mine:
        known.people.setdefault(key, set()).add(index)
    for variable in _TITLES:
        for word in title_words(item.get(variable)):
            known.titled.setdefault(word, set()).add(index)


def _resolve(reference: Reference, known: _Known, report: Report, note: Any, target: str | None) -> int | None:
    """The index of the item a reference cites; len(items) for a new one; None when unresolvable."""
    items = known.items
    if reference.cross_ref is not None:  # "Wie Anm. 6, S. 18": the one work note 6 cites
        pool = known.cited_in.get(reference.cross_ref, set())
        if len(pool) == 1:
            return next(iter(pool))
        report.add("unresolved-short-form", f"note {reference.cross_ref} cites {len(pool)} works, not one: "
                   f"{note.text[reference.start:reference.end][:80]!r}", note.origin, note.number)
        return None
    if reference.ibid and not _another_document(reference, known):
        if known.last is None:
            report.add("unresolved-short-form", "Ibid. with no earlier citation", note.origin, note.number)
        return known.last
    title = reference.csl.get("title")
    if title and "cit" in title and _TITLE_OPCIT.search(title):
        reference.csl["title"] = _TITLE_OPCIT.sub("", title).strip(" ,")
        reference.short_form = True
    if reference.short_form or target is not None:
        found = _short_form_target(reference.csl, known, target)
        if found is not None:
            if reference.short_form:
                _note_short_title(items[found], reference.csl.get("title"))
                complete_families(items[found], reference.csl)  # "Pogge von Strandmann, Imperialismus"
                if reference.locator and reference.locator[:1].isdigit():  # "Carley, 1939, 70": the title's year
                    drop_title_words(reference, _title_after(items[found], reference.csl.get("title")))
            else:
                _merge(items[found], reference.csl)
            return found
    if reference.short_form:
        report.add("unresolved-short-form", f"short form matches no earlier item: "
                   f"{note.text[reference.start:reference.end][:80]!r}", note.origin, note.number)
        reference.confidence = min(reference.confidence, 0.5)
        # A work first cited elsewhere (an earlier chapter): its type is a guess from the form,
        # a quoted title being an article's, a plain one a book's.
        quoted = any(field == "title" and note.text[start - 1:start] in "‘“\"'«" for field, start, _ in reference.spans)
        reference.csl.setdefault("type", "article-journal" if quoted else "book")
        return len(items)
    cited_container(reference, items, known.people, known.titled)  # "in Gorodetsky, Soviet Foreign Policy, 73"
    undated = _undated_document(reference.csl, known)
    if undated is not None:
        _merge(items[undated], reference.csl)
        return undated
    key = _identity(reference.csl)
    for index in known.by_identity.get(key, ()) if key is not None else ():
        if not any(_differ(items[index], reference.csl, variable) for variable in ("volume", "number", "date")):
            _merge(items[index], reference.csl)
            return index
    inverted = _inverted_match(reference.csl, items, known.people)
    if inverted is not None:
        _merge(items[inverted], reference.csl)
        return inverted
    again = _same_work(reference.csl, known)
    if again is not None:
        if len(title_words(title)) < len(title_words(items[again].get("title"))):
            _note_short_title(items[again], title)
        _merge(items[again], reference.csl)
        return again
    return len(items)


def _clean(csl: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in csl.items() if value not in (None, "", [], {})}


def _identity(csl: dict[str, Any]) -> tuple | None:
    archival = archival_adapter.identity(csl)
    if archival is not None:
        return ("archival", *archival)
    if "archive" in csl or "archive_location" in csl:
        return None
    words_ = title_words(csl.get("title"))
    if not words_:
        return None
    return ("work", families(csl), words_[:12])


def _year(csl: dict[str, Any]) -> int | None:
    parts = (csl.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts and parts[0] else None


def _differ(item: dict[str, Any], csl: dict[str, Any], variable: str) -> bool:
    """Both print the variable, and not the same value."""
    if variable == "issued":
        mine, theirs = _year(item), _year(csl)
        return mine is not None and theirs is not None and mine != theirs
    if variable == "date":  # "7 October 1926" and "12 September 1926": two documents
        mine, theirs = ((value.get("issued") or {}).get("date-parts") or [[]] for value in (item, csl))
        return bool(mine[0] and theirs[0]) and mine[0][:len(theirs[0])] != theirs[0][:len(mine[0])]
    mine, theirs = item.get(variable), csl.get(variable)
    return bool(mine and theirs) and fold(str(mine)) != fold(str(theirs))


def _short_form_target(csl: dict[str, Any], known: _Known, target: str | None) -> int | None:
    """The earlier item a short form cites: by its people (if named), then its title and year."""
    wanted = families(csl)
    words_ = title_words(csl.get("title"))
    if target is not None and known.cited_in.get(target):
        pool = sorted(known.cited_in[target], reverse=True)  # "Krüger, Außenpolitik (wie Anm. 5)"
        found = _best(csl, wanted, words_, pool, known, strict=False)
        if found is not None or not (wanted or words_):
            return found if found is not None else (pool[0] if len(pool) == 1 else None)
    if wanted:
        pool = sorted(known.people.get(wanted[0], ()), reverse=True)
    else:  # a title alone: only items whose title holds its first word can match it
        pool = sorted(known.titled.get(words_[0], ()), reverse=True) if words_ else []
    found = _best(csl, wanted, words_, pool, known, strict=not wanted)
    if found is None and len(wanted) > 1 and not words_:
        # "Cohen, Jacob H. Schiff, p. 231": a "co-author" who is the subject of the first one's title
        named = sorted(set().union(*(known.people.get(person, set()) for person in wanted)), reverse=True)
        subjects = [index for index in named if _subjects(wanted, index, known)]
        if len(subjects) > 1:  # "Wright, Gustav Stresemann": the title that names the subject as printed
            printed = title_words(" ".join(f"{name.get('given', '')} {name.get('family', '')}"
                                           for name in csl.get("author", [])[1:]))
            subjects.sort(key=lambda index: -max(title_score(printed, title_words(known.items[index].get(variable)))
                                                 for variable in _TITLES))
        found = subjects[0] if subjects else None
    return found


def _subjects(wanted: tuple[str, ...], index: int, known: _Known) -> bool:
    """The people of a short form who are not the item's are named in its title."""
    missing = [person for person in wanted if person not in known.people_of[index]]
    if not missing or len(missing) == len(wanted):
        return False
    words_ = {name_skeleton(word) for word in title_words(known.items[index].get("title"))}
    return all(person in words_ for person in missing)


def _best(csl: dict[str, Any], wanted: tuple[str, ...], words_: tuple[str, ...], pool: Any,
          known: _Known, strict: bool) -> int | None:
    """The latest item of the pool with these people whose title the short title matches best.
    `strict` (no author named): only a title's beginning or a run of two words or more counts."""
    best, best_score = None, 0.0
    for index in pool:
        item = known.items[index]
        if (wanted and not known.people_of[index].issuperset(wanted)) or _differ(item, csl, "issued"):
            continue
        if not words_:
            if wanted:
                return index
            continue
        score = max(title_score(words_, title_words(item.get(variable))) for variable in _TITLES)
        if score >= 1.0:
            return index
        if strict and (score < RUN_SCORE or len(words_) < 2):
            continue
        if score > best_score:
            best, best_score = index, score
    return best if best_score >= LEAST_SCORE else None


def _same_work(csl: dict[str, Any], known: _Known) -> int | None:
    """A full form printed again with a shorter or longer title ("City of Suspects" for "City of
    Suspects: Crime in Mexico City"): the same people, one title the other's beginning (two words
    at least), and no year, container or volume that differs."""
    wanted = families(csl)
    words_ = title_words(csl.get("title"))
    if len(words_) < 2 or _unpublished(csl):
        return None
    if not wanted:  # "The Letters of Sidney and Beatrice Webb, III, 130": the whole title again, no editor
        return next((index for index in sorted(known.titled.get(words_[0], ()), reverse=True)
                     if len(words_) >= 3 and title_words(known.items[index].get("title")) == words_
                     and not known.items[index].get("author") and not _unpublished(known.items[index]) and not any(
                         _differ(known.items[index], csl, variable) for variable in (
                             "date", "issued", "container-title", "volume", "number"))), None)
    for index in sorted(known.people.get(wanted[0], ()), reverse=True):
        item = known.items[index]
        if families(item) != wanted or _unpublished(item) or any(_differ(item, csl, variable) for variable in (
                "date", "container-title", "volume", "number")):
            continue
        have = title_words(item.get("title"))
        shorter = min(len(have), len(words_))
        if shorter >= 2 and have[:shorter] == words_[:shorter]:
            return index
    return None


_DOCUMENT_NUMBER_LABELS = frozenset(("issue", "section"))  # "Nr. 46", "no. 46", "Dok. 46", "doc. 46"
_SAME_VOLUME = ("type", "container-title", "collection-title", "collection-number", "volume", "language")


def _another_document(reference: Reference, known: _Known) -> bool:
    """"Ebd., Nr. 46" after a document of a published collection: the document of that number in
    the same volume (the reference becomes that document); False for any other ibid."""
    last = known.items[known.last] if known.last is not None else None
    if last is None or reference.label not in _DOCUMENT_NUMBER_LABELS or not reference.locator or not (
            last.get("type") == "chapter" and last.get("container-title") and last.get("number")):
        return False
    reference.csl = {key: last[key] for key in _SAME_VOLUME if key in last} | {"number": reference.locator}
    reference.ibid, reference.locator, reference.label = False, None, None
    return True


def _title_after(item: dict[str, Any], short: str | None) -> tuple[str, ...]:
    """The words of the item's title after those a short title printed ("Chicago Architecture" of
    "Chicago Architecture, 1872–1922: Birth of a Metropolis": 1872, 1922, birth, ...)."""
    have, printed = title_words(item.get("title")), title_words(short)
    return have[len(printed):] if have[:len(printed)] == printed else ()


def _undated_document(csl: dict[str, Any], known: _Known) -> int | None:
    """"Vansittart, “World Situation,” TNA, CAB 24/268": an archival document printed again without
    its date, by its writer, a short title and its file: the earlier document of that file."""
    location = csl.get("archive_location")
    if not location or "issued" in csl or not csl.get("title"):  # the cheap tests first
        return None
    words_, wanted = title_words(csl.get("title")), families(csl)
    if not words_ or not wanted:
        return None
    for index in sorted(known.people.get(wanted[0], ()), reverse=True):
        item = known.items[index]
        if item.get("archive_location") == location and families(item) == wanted and max(
                title_score(words_, title_words(item.get(variable))) for variable in _TITLES) >= 1.0:
            return index
    return None


def _unpublished(csl: dict[str, Any]) -> bool:
    """Letters and archival documents: one sender writes many under one description, told apart by
    their dates and places, which the archival recogniser's identity compares."""
    return bool(csl.get("archive") or csl.get("archive_location")) or csl.get("type") in _UNPUBLISHED


_UNPUBLISHED = frozenset(("personal_communication", "manuscript", "interview"))


def _note_short_title(item: dict[str, Any], short: str | None) -> None:
    if short and "title-short" not in item and fold(short) != fold(item.get("title", "")):
        item["title-short"] = short.strip(" ,.")


def _inverted_match(csl: dict[str, Any], items: list[dict[str, Any]], people: dict[str, set[int]]) -> int | None:
    """"Kocho-Williams Alastair" printed family first: the item whose author is Alastair Kocho-Williams."""
    names = csl.get("author") or []
    if len(names) != 1 or not names[0].get("given"):
        return None
    swapped = {"family": names[0]["given"], "given": names[0]["family"]}
    words_ = title_words(csl.get("title"))
    # Only items that name this person can match: the people index holds every item's authors,
    # so the earlier items are not all walked through for each new reference.
    for index in sorted(people.get(person_key(swapped), ())):
        item = items[index]
        authors = item.get("author") or []
        if (len(authors) == 1 and person_key(authors[0]) == person_key(swapped)
                and title_words(item.get("title"))[:12] == words_[:12]):
            csl["author"] = [dict(authors[0])]
            return index
    return None


def _merge(item: dict[str, Any], later: dict[str, Any]) -> None:
    """Details printed only in a later full form go into the first item (never overwriting)."""
    for key, value in later.items():
        if value not in (None, "", [], {}) and key not in item:
            item[key] = value
