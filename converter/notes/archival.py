"""The archival recogniser: archival documents, whole files and documents in published collections.

`parse_archival(text, start, context)` is tried by the notes pipeline at every place a reference
may begin. It cuts the reference into comma-separated parts (dates, quotations and parentheses
kept whole; see notes/archival_parts.py), tells what each part is — a repository, a level of
the call number, a folio, a date, a place, a description — and assembles documents from them.
Several documents may share one archive path ("d. 84, “…”, d. 85, “…”"; "…, pp. 59–60,
Litvinov tovarišu…, 5 nojabrja 1924, pp. 126–129"), or one collection volume ("p. 390 e n.193, …").
It answers None at once when nothing archival is printed there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from converter.data import fold
from converter.notes.archival_docs import Doc, assemble, path_after_ibid
from converter.notes.archival_parts import city_word, classify
from converter.notes.archival_scan import (
    IMPRINT,
    after_lead_in,
    imprint_outside_dates,
    join_described,
    leading_ibid,
    segment_end,
    signalled,
    split_parts,
)
from converter.notes.archival_short import KnownDocuments
from converter.notes.archive_location import Archive, LevelForms, declared_level_words, declared_name, is_distinctive
from converter.notes.collections import Collection, written_title
from converter.notes.declarations import Declaration, find_declarations, mask_declarations
from converter.notes.docdates import find_dates
from converter.notes.persons import parties
from converter.notes.reference import ArchivalMatch, Reference

_THESIS = re.compile(r"\b(?:diss\.|dissertation|thesis|Ph\.?\s?D\.?|tesi di|Doktorarbeit|Habil)", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.")
LANGUAGES = {"ru": "ru", "it": "it", "de": "de", "fr": "fr", "en": "en", "us": "en"}


@dataclass
class ArchivalContext:
    """What the recogniser knows from earlier notes: declared abbreviations (in reading order),
    how each archive's levels were written, and the last archive path (for continuations)."""

    abbreviations: dict[str, str] = field(default_factory=dict)
    forms: dict[tuple[str, str], str] = field(default_factory=dict)
    last_archive: Archive | None = None
    last_path: list[tuple[str, str]] = field(default_factory=list)
    # The quick test's "no" answers for the note being read: (end, abbreviations known) -> the
    # earliest start. A stretch that ends there and starts later holds a subset of its words,
    # so the answer is "no" again (the splitter asks at every place a reference may begin).
    unsignalled: dict[tuple[int, int], int] = field(default_factory=dict)
    unsignalled_text: str = ""
    # The documents read so far, which short forms ("Kelley to Castle, 3 February 1931") cite again.
    documents: KnownDocuments = field(default_factory=KnownDocuments)


def _names(names: list[dict[str, str]]) -> list[dict[str, str]]:
    return [dict(name) for name in names]


def _csl(doc: Doc, text: str, archive: Archive | None, archive_place: str | None, collection: Collection | None,
         collection_title: str = "") -> tuple[dict[str, Any], list[tuple[str, int, int]]]:
    csl: dict[str, Any] = {}
    spans: list[tuple[str, int, int]] = []
    family = archive.family if archive else ""
    language = collection.language if collection else LANGUAGES.get(family, "")
    title = None
    if doc.parts:
        title_start, title_end = doc.parts[0].start, doc.parts[-1].end
        title = text[title_start:title_end].strip()
        if title.count("(") > title.count(")") and text[title_end:title_end + 1] == ")":
            title += ")"  # "… in France (Herrick)": the parenthesis was read as a part of its own
        spans.append(("title", title_start, title_end))
    elif doc.quoted is not None:
        title = doc.quoted.value.rstrip(",;:. ")
        spans.append(("title", doc.quoted.start, doc.quoted.end))
    authors, recipients = parties(title or "", language) if (doc.parts or doc.quoted) else ([], [])
    if doc.authors:  # "Hull", or "Welles to Hull" (writer and recipient) before the quoted title
        written_by = [found if (found := parties(p.text))[0] else parties(f"{p.text} to X") for p in doc.authors]
        authors = [name for found, _ in written_by for name in found]
        recipients = [name for _, found in written_by for name in found if name.get("family") != "X"] or recipients
        if doc.quoted is not None and any(found and found[0].get("family") != "X" for _, found in written_by) \
                and not parties(doc.quoted.value)[1]:  # (Zotero prints "Welles to Hull, ‘Welles to Hull,’")
            # "Litvinov to Jurenev, ‘On the Negotiations with Rome’": the description is both
            title = text[doc.authors[0].start:doc.quoted.end].strip().rstrip(",;:. ")
            csl["title-short"] = doc.quoted.value.rstrip(",;:. ")
            spans[-1:] = [("title", doc.authors[0].start, doc.quoted.end)]
    if doc.about:
        recipients = parties(" ".join(p.text for p in doc.about))[1] or recipients
        spans.append(("genre", doc.about[0].start, doc.about[-1].end))
    if collection is not None:
        csl["type"] = "chapter"
    elif recipients:
        csl.update(type="personal_communication", genre="letter")
    else:
        csl["type"] = "manuscript"
    if authors:
        csl["author"] = _names(authors)
    if recipients:
        csl["recipient"] = _names(recipients)
    if title:
        csl["title"] = title
    if doc.date is not None:
        csl["issued"] = doc.date.date
        spans.append(("issued", doc.date.start, doc.date.end))
    elif doc.quoted is not None or title:  # "Despatch No. 45 of 12 May 1933 from Lindsay": dated inside
        dates = find_dates(doc.quoted.value if doc.quoted is not None else title or "")
        if dates:
            csl["issued"] = dates[-1].csl
    if collection is not None:
        csl["container-title"] = collection_title or collection.title
        if doc.series:
            csl["collection-title"] = collection.series
            csl["collection-number"] = doc.series
        if doc.volume is not None:
            csl["volume"] = f"{doc.year.value}, {doc.volume.value}" if doc.year else doc.volume.value
            spans.append(("volume", doc.volume.start, doc.volume.end))
        elif doc.year is not None:
            csl["volume"] = doc.year.value
        if doc.volume_title is not None:
            csl["volume-title"] = doc.volume_title.text
            spans.append(("volume-title", doc.volume_title.start, doc.volume_title.end))
        if doc.number is not None:
            csl["number"] = doc.number.value
            spans.append(("number", doc.number.start, doc.number.end))
    if doc.place is not None:
        csl["event-place" if collection is not None else "publisher-place"] = doc.place.text
        spans.append(("event-place" if collection is not None else "publisher-place", doc.place.start, doc.place.end))
    if archive is not None:
        csl["archive"] = archive.name
        if archive_place or archive.city:
            csl["archive-place"] = archive_place or archive.city
    if doc.path:
        csl["archive_location"] = ", ".join(value for _, value in doc.path)
        printed = [span for span in doc.path_spans if span[0] >= 0]
        if printed:
            spans.append(("archive_location", printed[0][0], printed[-1][1]))
    if language:
        csl["language"] = language
    return csl, spans


def _locator(doc: Doc, collection: Collection | None, csl: dict[str, Any]) -> tuple[str | None, str | None]:
    if doc.locator is None:
        return None, None
    if collection is not None and (doc.number is not None or doc.parts or doc.quoted is not None):
        csl["page"] = doc.locator.value  # a document's printed pages are its extent in the volume
        return None, None
    return doc.locator.value, doc.locator.label or "page"


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[a-z0-9]+", fold(name)))


def _archive_name(archive: Archive, printed: str, abbreviations: dict[str, str]) -> str:
    """The name written to `archive`: the name as the note prints it ("Politisches Archiv des
    Auswärtigen Amtes", "Bundesarchiv Berlin-Lichterfelde"); for an abbreviation, the full name
    where the document declares it or where it is plainly the name's initials (TNA, PRO, GARF);
    a house abbreviation nothing declares (BArch, RGASPI, ASMAE) stays as printed."""
    printed = printed.strip().rstrip(".,;")
    if printed in abbreviations:
        return declared_name(archive, abbreviations[printed])
    if len(printed) > 8 and " " in printed:
        return printed
    if _initials(archive.name) == re.sub(r"[^0-9a-z]", "", fold(printed)):
        return archive.name
    return printed


def _abbreviations(text: str, context: ArchivalContext) -> dict[str, str]:
    known = dict(context.abbreviations)
    for declaration in find_declarations(text):
        known.setdefault(declaration.abbreviation, declaration.expansion)
    return known


def _declared_here(text: str, abbreviations: dict[str, str]) -> list[Declaration]:
    """Where this note prints the expansion of a declared abbreviation. The pipeline may pass the
    text with its declarations masked, so the expansions are found again by their wording."""
    found = list(find_declarations(text))
    seen = {(d.expansion_start, d.expansion_end) for d in found}
    for abbreviation, expansion in abbreviations.items():
        if len(expansion) < 3:
            continue
        index = text.find(expansion)
        while index >= 0:
            if (index, index + len(expansion)) not in seen:
                found.append(Declaration(abbreviation, expansion, -1, -1, index, index + len(expansion)))
            index = text.find(expansion, index + 1)
    return found


_WORD_CHAR = re.compile(r"[\w’'.&-]")


def _known_unsignalled(context: ArchivalContext, masked: str, start: int, end: int, known: int) -> bool:
    """The quick test said no for a stretch of this note with the same end that began earlier
    (not inside a word that runs across `start`, where the words would differ)."""
    if context.unsignalled_text is not masked:
        context.unsignalled_text, context.unsignalled = masked, {}
        return False
    earliest = context.unsignalled.get((end, known))
    return earliest is not None and earliest <= start and not (start and _WORD_CHAR.match(masked, start - 1))


_REST = -1  # the key of the whole rest of the note in ArchivalContext.unsignalled


def _quiet_rest(context: ArchivalContext, masked: str, start: int, abbreviations: dict[str, str]) -> bool:
    """Nothing archival is printed from `start` to the note's end, so no stretch in it holds a
    reference: asked once per note (most notes cite no archive), then answered from memory."""
    if context.unsignalled_text is not masked:
        context.unsignalled_text, context.unsignalled = masked, {}
    key = (_REST, len(abbreviations))
    earliest = context.unsignalled.get(key)
    if earliest is None:
        quiet = not signalled(masked, start, len(masked), abbreviations)
        context.unsignalled[key] = start if quiet else len(masked) + 1
        return quiet
    return earliest <= start and not (start and _WORD_CHAR.match(masked, start - 1))


def parse_archival(text: str, start: int, context: ArchivalContext) -> ArchivalMatch | None:
    """The archival references that begin at `start`, or None when none begins there."""
    masked = mask_declarations(text)
    while start < len(masked) and masked[start] in " \t,":
        start += 1
    abbreviations = _abbreviations(text, context)
    # "Ibid., b. 1541", "Ibid., Grandi a Mussolini, 14 giugno 1931": the last archive path goes on
    lead = leading_ibid(masked, start) if (context.last_archive or context.last_path) else None
    start = after_lead_in(masked, lead.end() if lead else start)  # the splitter has read the ibid. word
    same_file = lead is not None or (bool(context.last_archive or context.last_path)
                                     and _SAME_FILE.search(masked, start) is not None)
    if not (same_file or context.documents.may_match(masked, start)) and _quiet_rest(context, masked, start,
                                                                                    abbreviations):
        return None
    end = segment_end(masked, start)
    if end <= start:
        return None
    reading, end = join_described(masked, start, end, abbreviations, bool(context.last_archive or context.last_path))
    quiet: bool | None = None  # nothing archival printed here (asked once)
    if context.documents.may_match(reading, start):
        quiet = not signalled(reading, start, end, abbreviations)
        again = context.documents.match(reading, start, end) if quiet else None  # no call number of its own
        if again is not None:
            return again
    if _known_unsignalled(context, masked, start, end, len(abbreviations)):
        return None
    same_file = same_file and (lead is not None or _SAME_FILE.search(reading, start, end) is not None)
    if not same_file and (quiet if quiet is not None else not signalled(reading, start, end, abbreviations)):
        key = (end, len(abbreviations))
        context.unsignalled[key] = min(start, context.unsignalled.get(key, start))
        return None
    declarations = _declared_here(reading, abbreviations)
    raw_parts = split_parts(reading, start, end)
    parts, archive, collection = classify(reading, raw_parts, abbreviations, declarations, context.last_archive)
    if parts is None:
        return None
    if collection is not None:  # "(Washington, DC: Government Printing Office, 1938)": the volume's imprint
        imprints = [m.span() for m in IMPRINT.finditer(reading, start, end) if ":" in m.group(0) or not any(
            len(d.csl.get("date-parts", [[]])[0]) > 1 for d in find_dates(m.group(0)))]  # "(Moscow, 1963)", not a date
        parts = [p for p in parts if not any(a <= p.start < b for a, b in imprints)]
    read_end = max(part.end for part in parts) if parts else start
    if len(parts) > 1:  # "…, ebd., Bl. 120", "…, ibid., l. 14": the file already named, never a title
        parts = [p for p in parts if p.kind != "text" or fold(p.text).rstrip(".") not in _SAME_FILE_WORDS]
    masked = reading
    imprint = imprint_outside_dates(masked, start, end, parts)
    if collection is None and imprint and (archive is None or not archive.city or ":" in imprint.group(0)):
        return None  # "(London: Macmillan, 1953)", "(Stanford: Hoover Institution Press, 1984)": publications
    if (_THESIS.search(masked, start, end) or _URL.search(masked, start, end)) and not any(
            p.kind == "level" for p in parts):  # a thesis names a university, a web page its publisher
        return None  # "(PhD diss., Yale University, 2005)": a university is not an archive here
    initial_path: list[tuple[str, str]] = []
    if lead is not None and archive is None and collection is None and (
            not parts or parts[0].kind == "level" or not _dated_description(parts)):
        same_file = False  # a file of the last path ("Ibid., b. 1541"), or the same document ("Ibid., fol. 50")
    if same_file and archive is None and collection is None:  # "Schreiben … vom 12. Juni 1926, ebd., Bl. 120"
        archive, initial_path = context.last_archive, path_after_ibid(parts, context.last_path)
    elif archive is None and collection is None:
        continued = _continuation(parts, context)
        if continued is not None:  # "Ibid., d. 47, l. 3": the last archive path, one level replaced
            archive, initial_path = context.last_archive, continued
        elif sum(1 for p in parts if p.kind == "level" and p.level and (p.level.word or p.level.level == "fonds")
                 ) < 2 and not any(map(_bare_call_number, parts)) and not _dated_papers(parts):
            return None  # nothing names an archive: two level words, a call number with its "/", dated papers
    forms = LevelForms(declared_level_words(abbreviations), context.forms)
    docs, archive, archive_place, archive_part = assemble(parts, archive, forms, initial_path)
    printed_collection = next((p.text for p in parts if p.kind == "collection"), "")
    printed_collection = abbreviations.get(printed_collection, printed_collection)  # "DVP" as the note declared it
    collection_title = written_title(collection, printed_collection) if collection is not None else ""
    if archive is not None and archive_part is not None and "," in archive_part.text:
        city = archive_part.text.split(",", 1)[1].strip()  # "National Archives, College Park" (, MD)
        if fold(city) in fold(archive.city) or city_word(city):  # not "Houghton Library, Harvard University"
            archive_place = f"{city}, {archive_place}" if archive_place else city
    elif archive is not None and archive_part is not None:
        archive = replace(archive, name=_archive_name(archive, archive_part.text, abbreviations))
    references: list[Reference] = []
    for doc in docs:
        if not (doc.has_content() or doc.path or doc.number):
            continue
        csl, spans = _csl(doc, text, archive, archive_place, collection, collection_title)
        locator, label = _locator(doc, collection, csl)
        if locator is not None and doc.locator is not None:
            spans.append(("locator", doc.locator.start, doc.locator.end))
        confidence = 0.95 if (archive or collection) and (doc.path or doc.number) else 0.75
        references.append(Reference(csl=csl, start=doc.start, end=doc.end, locator=locator, label=label,
                                    spans=spans, confidence=confidence))
        context.documents.remember(csl, archive)
    if not references:
        return None
    end = max(read_end, *(part.end for part in parts))
    if reading[end:end + 1] == ")" and reading.count("(", start, end) > reading.count(")", start, end):
        end += 1  # "…, Bl. 5 (Abschrift).": the closing parenthesis of a remark read inside it
    for part in parts:
        if part.kind == "alias" and archive is not None:  # later notes may print "NAA" alone
            context.abbreviations.setdefault(part.text, archive.name)
    if archive is not None or (collection is None and docs[-1].path):
        context.last_archive = archive  # "FO 371/19912, C 800/4/18; minute by Eden, …, ibid.": a file alone too
        context.last_path = list(docs[-1].path)
    references[-1].end = max(references[-1].end, end)
    return ArchivalMatch(references=references, end=end)


# "…, ebd., Bl. 120 f.": inside a reference, the file of the last archival reference.
_SAME_FILE_WORDS = frozenset(("ebd", "ebenda", "ebda", "ibid", "ibidem", "ivi"))
_SAME_FILE = re.compile(r"[,;]\s*(?:ebd|ebenda|ebda|ibid|ibidem|ivi)\b\.?\s*(?:,|;|\.?$|\.\s)", re.IGNORECASE)


def _dated_description(parts: list[Any]) -> bool:
    """A new document after an ibid.: a description or quoted title first, then its date."""
    first = parts[0]
    return (first.kind == "quoted" or (first.kind == "text" and first.text[:1].isupper())) and any(
        p.kind == "date" for p in parts[1:])


def _bare_call_number(part: Any) -> bool:
    """A call number without a level word that names a file alone: with its "/" ("FO 371/24846")
    or of a distinctive form ("R 28 034")."""
    level = part.level if part.kind == "level" else None
    return level is not None and not level.word and ("/" in level.value or is_distinctive(level.level))


def _dated_papers(parts: list[Any]) -> bool:
    """"Eden to Halifax, 3 Apr. 1938, Hickleton Papers, …": a dated document in named papers."""
    return any(p.kind == "date" for p in parts) and any(
        p.kind == "level" and p.level is not None and p.level.level == "fonds" for p in parts)


def _continuation(parts: list[Any], context: ArchivalContext) -> list[tuple[str, str]] | None:
    """The levels above the first one printed, when it replaces a level of the last archive path."""
    if not parts or parts[0].kind != "level" or context.last_archive is None or parts[0].level is None:
        return None
    names = [_POSITION.sub("", name) for name, _ in context.last_path]  # "R 28 034", "FO 371/…": no level word,
    level = parts[0].level.level  # named by where they were printed
    return context.last_path[:names.index(level)] if level in names else None


_POSITION = re.compile(r"-\d+$")


def _date_key(csl: dict[str, Any]) -> tuple:
    parts = (csl.get("issued") or {}).get("date-parts") or []
    return tuple(tuple(p) for p in parts)


def _families(names: list[dict[str, str]] | None) -> tuple[str, ...]:
    return tuple(fold(n.get("family") or n.get("literal") or "") for n in names or [])


def identity(csl: dict[str, Any]) -> tuple | None:
    """The key under which two parsed archival items are one document, or None."""
    if csl.get("type") == "chapter" and csl.get("container-title") and csl.get("number"):
        return ("collection", fold(csl["container-title"]), fold(str(csl.get("collection-number", ""))),
                fold(str(csl.get("volume", ""))), fold(str(csl["number"])))
    if not (csl.get("archive") or csl.get("archive_location")):
        return None
    location = re.sub(r"[^0-9a-z]+", " ", fold(csl.get("archive_location", ""))).strip()
    date = _date_key(csl)
    if not date and not csl.get("title"):
        return None
    return ("archival", fold(csl.get("archive", "")), location, date, _families(csl.get("author")),
            "" if date and csl.get("author") else fold(csl.get("title", "")))
