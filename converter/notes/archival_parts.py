"""The parts of an archival reference: where it ends, its comma-separated parts, and what each is.

A part is a repository (`archive`), a published collection (`collection`) and its `series`,
`volume` and document `number`, a level of the call number (`level`), a `folio` or `page`
locator, a bare `number` (a page, or years of a series before any description), a `date`, a
`place`, a `quoted` file title, or a piece of a document's description (`text`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from converter.data import fold, tsv_rows, words
from converter.notes.archival_scan import trim
from converter.notes.archive_location import (
    Archive,
    LevelMatch,
    archive_by_name,
    is_department,
    known_archive,
    read_level,
    read_shelfmark,
    shelfmark_family,
)
from converter.notes.archive_names import (  # which repository or collection a part names
    _DIGIT,
    _IN,
    _archive_from_declaration,
    _find_archive,
    _find_known,
    _names_archive_inside,
    _places,
    city_word,
)
from converter.notes.collections import (
    Collection,
    collection_by_name,
    known_collection,
    read_ordinal_series,
    read_part,
    read_unmarked_part,
)
from converter.notes.declarations import covers
from converter.notes.docdates import date_words, find_dates, parse_date
from converter.notes.phrase_search import literal_alternatives, phrase_pattern


@dataclass
class Part:
    start: int
    end: int
    text: str
    kind: str = "text"
    value: str = ""
    level: LevelMatch | None = None
    date: dict[str, Any] | None = None
    label: str | None = None
    joined: bool = False  # printed after a colon: it belongs to the part before


_SERIES_YEARS = re.compile(r",\s*1[5-9]\d\d\s*[–-]\s*\d{2,4}$")
_VOLUME_COLON_PAGE = re.compile(r"(\d{1,3}|[IVXLC]+):(\d+(?:\s*[–-]\s*\d+)?)")
_NUMBER = re.compile(r"^(?:pp?\.?\s*)?\d+[a-z]?(?:\s*[–\-]\s*\d+[a-z]?)?$")
# Compiled once here, not looked up in re's cache on every call.
_BRACKET_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,7}")
_ROMAN = re.compile(r"[IVXLC]+|[ivxlc]+")
# "…, and Cab. 23/84, 21(36)", "…, und R 28 035": a conjunction, then the next file's call number
_JOINED_FILE = re.compile(r"(?:and|und|e|et|i)\s+(?=\S)")
_BARE_LEVEL_WORD = re.compile(r"(?:d|op|f|pap|b|fasc)\.\s+(?=[A-ZÀ-ÝČŠŽ])")
_PAGE_WORD = re.compile(r"^pp?\.?\s*")
_CLOSING_QUOTE = re.compile(r"[”\"»]|’(?!\w)")
_PINPOINT = re.compile(r"(?:hier|here|qui|ici|esp\.|bes\.|spec\.)\s+", re.IGNORECASE)


@cache
def _fonds() -> re.Pattern[str]:
    """A fonds word ("Nachlass", "Papers") as a whole word, case-blind (searched: phrase_search)."""
    words = sorted({row[0] for row in tsv_rows("archive-fonds.tsv")}, key=lambda w: len(re.escape(w)), reverse=True)
    return phrase_pattern(literal_alternatives(words), not_after=r"\w", after=r"(?!\w)")


_UNIVERSITY = re.compile(r"(?:University of|Università d|Universität|Université|Universidad)\b"
                         r"|[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)? (?:University|College(?: London)?)$")  # "Houghton
# Library, Harvard University", "Liddell Hart Centre for Military Archives, King's College London": the host
_ACRONYM = re.compile(r"[A-ZÀ-ÝČŠŽ][A-Za-zÀ-ÿčšž]{0,3}(?:[ -][A-Z][A-Za-z]{0,3}){0,2}")
_FAMILIES = ("ru", "it", "de", "en", "us", "fr")


def _own_acronym(text: str, part: Part, archive_part: Part) -> bool:
    """A bracketed acronym right after a repository's name, made of that name's letters."""
    if not _BRACKET_ACRONYM.fullmatch(part.text) or "(" not in text[archive_part.end:part.start]:
        return False
    return covers(part.text, archive_part.text)


def _guess_family(parts: list[Part]) -> str:
    """No repository printed: the family whose level words read most parts ("f. 17, op. 3, d. 5")."""
    best, best_count = "", 1
    for family in _FAMILIES:
        count = sum(1 for p in parts if p.kind == "text" and (level := read_level(p.text, family)) is not None
                    and level.kind == "level" and level.word)
        if count > best_count:
            best, best_count = family, count
    if not best:  # "Nachlass Stresemann, Bd. 52": the papers' own word tells the language
        for part in parts:
            found = _fonds().search(part.text) if part.kind == "text" else None
            if found is not None:
                return _fonds_languages().get(fold(found.group(0)), "")
    if not best:  # "R 43 I/1309, S. 22": the first family of a shelf mark's form (de-signature: de)
        for part in parts:  # at the part's start, or after "in" ("… vom 3.5.1931 in R 43 I/1309")
            starts = [0, *(m.end() for m in _IN_FILE.finditer(part.text))] if part.kind == "text" else []
            marks = (read_shelfmark(part.text[at:], "") or read_shelfmark(part.text[at:], "de") for at in starts)
            family = next((shelfmark_family(mark.level) for mark in marks if mark is not None), "")
            if family:
                return family
    return best


@cache
def _fonds_languages() -> dict[str, str]:
    return {fold(row[0]): row[1] for row in tsv_rows("archive-fonds.tsv")}


def classify(text: str, spans: list[tuple[int, int]], abbreviations: dict[str, str],
             declarations: list[Any], last_archive: Archive | None
             ) -> tuple[list[Part] | None, Archive | None, Collection | None]:
    """What each part is. Returns the parts, the repository and the collection printed."""
    archive: Archive | None = None
    collection: Collection | None = None
    declared_spans: list[tuple[int, int, Archive | Collection]] = []
    level_expansions: dict[str, str] = {}
    for declaration in declarations:
        found = _archive_from_declaration(declaration.abbreviation, declaration.expansion) or collection_by_name(
            declaration.expansion) or collection_by_name(declaration.abbreviation)
        if found is not None and declaration.expansion_start >= 0:
            declared_spans.append((declaration.expansion_start, declaration.expansion_end, found))
        elif _DIGIT.search(declaration.abbreviation):
            level_expansions[declaration.expansion] = declaration.abbreviation
    parts: list[Part] = []
    found_archives: list[tuple[Archive, bool]] = []
    queue = list(spans)
    while queue:
        start, end = queue.pop(0)
        piece = text[start:end]
        lead = _IN.match(piece)
        if lead and _find_known(piece[lead.end():], abbreviations):
            start, piece = start + lead.end(), piece[lead.end():]  # "in: ADAP, Serie B, …"
        if queue and (across := known_archive(text[start:queue[0][1]])) and across[1] > end - start and (
                city_word(text[queue[0][0]:queue[0][1]])):
            end = queue.pop(0)[1]  # "National Archives, College Park": a name printed with its comma
            piece = text[start:end]
        if queue and (whole := known_collection(text[start:queue[0][1]])) and whole[1] > end - start:
            end = queue.pop(0)[1]  # "Documents on British Foreign Policy, 1919–1939": a title with its comma
            piece = text[start:end]
        inside = next((f for a, b, f in declared_spans if a <= start and end <= b), None)
        found: tuple[Archive | Collection, int] | None = (inside, end - start) if inside else None
        if found is None and found_archives and (mark := read_shelfmark(piece, found_archives[0][0].family)) \
                and mark.end == len(piece):
            parts.append(Part(start, end, piece))  # "HHStA, PA XL": a call number, not the Parliamentary Archives
            continue
        found = found or _find_archive(piece, abbreviations)
        if found is not None and isinstance(found[0], Archive) and piece[found[1]:found[1] + 1] in ("/", "-") and (
                inner := known_archive(piece[found[1] + 1:])) and inner[0].within == found[0].abbreviation:
            found = inner[0], found[1] + 1 + inner[1]  # "ÖStA/HHStA": the umbrella's department is the archive
        if found is not None:
            what, length = found
            if isinstance(what, Collection):
                collection = collection or what
                name = _SERIES_YEARS.sub("", piece[:length])  # "…, 1919–1939": the series' years, not its name
                parts.append(Part(start, start + length, name, "collection"))
            else:
                generic = inside is None and known_archive(piece) is None and archive_by_name(what.name) is None \
                    and what.abbreviation not in abbreviations
                found_archives.append((what, generic))
                parts.append(Part(start, start + length, piece[:length], "archive", "generic" if generic else ""))
            rest = trim(text, start + length, end)
            if text[rest[0]:rest[0] + 1] in ":.":  # "FRUS: The Soviet Union, 1933–1939": a volume's title
                rest = trim(text, rest[0] + 1, rest[1])
            if rest[1] > rest[0]:
                queue.insert(0, rest)
            continue
        parts.append(Part(start, end, piece))
    # A repository this table knows (or a note declared) outranks a name that only looks like one:
    # "Manuscripts and Archives, Yale University Library" is a department of the library.
    known = [what for what, generic in found_archives if not generic]
    archive = known[0] if known else (found_archives[0][0] if found_archives else None)
    for part, after in pairwise(parts):
        if part.kind == after.kind == "archive" and part.value == "generic" and not after.value and (
                "(" in text[part.end:after.start]):  # "Biblioteca Nazionale Centrale (BNCF)": the name as printed
            part.value, after.kind = "", "alias"
    known_before = False
    for part in parts:
        if part.kind == "archive" and part.value == "generic" and known:
            # after the repository, a name of its own ("HHStA, Kabinettsarchiv, Geheimakten") is a level of the path
            part.kind = "text" if known_before and not is_department(part.text) else "department"
        known_before = known_before or (part.kind == "archive" and not part.value)
    archive_parts = [p for p in parts if p.kind == "archive"]
    inner = _find_archive(archive_parts[1].text, abbreviations) if archive and len(archive_parts) > 1 else None
    if inner is not None and isinstance(inner[0], Archive) and inner[0].within == archive.abbreviation:  # type: ignore[union-attr]
        archive_parts[0].kind = "department"  # "ÖStA, HHStA, PA I": the umbrella's department is the archive cited
        archive, archive_parts = inner[0], archive_parts[1:]
    for part in archive_parts[1:]:
        if archive is not None and _find_archive(part.text, abbreviations) and \
                _find_archive(part.text, abbreviations)[0] != archive:  # type: ignore[index]
            part.kind = "text"  # "British Library, IOR, MSS Eur …": a collection of the first archive
    for index, part in enumerate(parts[1:], start=1):
        if parts[index - 1].kind == "archive" and part.kind in ("text", "archive") and _own_acronym(
                text, part, parts[index - 1]):
            part.kind = "alias"  # "National Archives of Australia (NAA)": the archive's own abbreviation
    if any(part.kind == "text" and _names_archive_inside(part.text, abbreviations) for part in parts):
        return None, None, None  # "On this point, see AVPRF, …": the reference begins further on
    family = archive.family if archive else collection.language if collection else _guess_family(parts) or (
        last_archive.family if last_archive else "")
    if archive is None and collection is None and family and parts and parts[0].kind == "text" and \
            _ACRONYM.fullmatch(parts[0].text) and read_level(parts[0].text, family) is None:
        parts[0].kind = "archive"  # "TsA FSB, f. 3, op. 1, d. 5": a repository the table does not know
        archive = Archive(parts[0].text, parts[0].text, "", family)
    out: list[Part] = []
    queue2 = [p for p in parts]
    while queue2:
        part = queue2.pop(0)
        if part.kind != "text":
            out.append(part)
            continue
        more = _read_part(text, part, family, collection is not None, level_expansions)
        out.append(more[0])
        queue2[0:0] = more[1:]
    if family == "ru":  # "op. 14, p. 96, d. 5": between levels, Russian "p." is a papka, not a page
        for index, part in enumerate(out):
            if part.kind == "page" and part.text.startswith("p.") and index and out[index - 1].kind == "level" \
                    and index + 1 < len(out) and out[index + 1].kind == "level":
                part.kind = "level"
                part.level = LevelMatch("papka", "level", "p.", part.value, len(part.text))
    for index, part in enumerate(out[1:], start=1):
        if part.kind == "text" and out[index - 1].kind in ("archive", "department") and _UNIVERSITY.match(part.text):
            part.kind = "department"  # "Cadbury Research Library, University of Birmingham"
    return out, archive, collection


def _rest(text: str, part: Part, offset: int) -> list[Part]:
    start, end = trim(text, part.start + offset, part.end)
    joined = text[start:start + 1] == ":"  # "Bl. 190–192: Stresemann an …": the same document's description
    while start < end and text[start] in "—–-:":
        start += 1
    start, end = trim(text, start, end)
    return [Part(start, end, text[start:end], joined=joined)] if end > start else []


def _read_part(text: str, part: Part, family: str, in_collection: bool,
               level_expansions: dict[str, str]) -> list[Part]:
    """Classify one text part; what follows a recognised head is returned as further parts."""
    piece = part.text
    if in_collection:
        match = read_ordinal_series(piece) or read_part(piece) or read_unmarked_part(piece)  # "ADAP B II/1"
        if match is not None:
            kind = "docno" if match.part == "number" else match.part
            head = Part(part.start, part.start + match.end, piece[:match.end], kind, match.value)
            return [head, *_rest(text, part, match.end)]
        if _ROMAN.fullmatch(piece):  # "FRUS, 1933, II, 780", "DBFP, 2nd ser., xvi": a volume
            return [Part(part.start, part.end, piece, "volume", piece)]
        colon = _VOLUME_COLON_PAGE.fullmatch(piece)
        if colon:  # "FRUS, 1936, 1:250": the volume, then the page
            page_at = part.start + colon.start(2)
            return [Part(part.start, part.start + colon.end(1), colon.group(1), "volume", colon.group(1)),
                    Part(page_at, part.end, colon.group(2), "page", colon.group(2), label="page")]
    pinpoint = _PINPOINT.match(piece)
    if pinpoint:  # "hier Bl. 191": read the level after the word, keep the word in the part
        level = read_level(piece[pinpoint.end():], family)
        if level is not None and level.kind in ("folio", "page"):
            return [Part(part.start, part.end, piece, level.kind, level.value, level=level, label=level.kind)]
    joined = _JOINED_FILE.match(piece)
    if joined and (read_level(piece[joined.end():], family) or read_shelfmark(piece[joined.end():], family)):
        return _read_part(text, _rest(text, part, joined.end())[0], family, in_collection, level_expansions)
    declared = level_expansions.get(piece)
    level = read_level(declared or piece, family)
    if level is not None:
        end = len(piece) if declared else level.end
        kind = {"level": "level", "folio": "folio", "page": "page", "verso": "folio"}[level.kind]
        head = Part(part.start, part.start + end, piece[:end], kind, level.value, level=level,
                    label="folio" if kind == "folio" else "page" if kind == "page" else None)
        return [head, *([] if declared else _rest(text, part, level.end))]
    bare = _BARE_LEVEL_WORD.match(piece)
    if bare and family:  # a level word whose number is missing ("d. Jurenev…"): printed damage
        return _rest(text, part, bare.end())
    shelfmark = read_shelfmark(piece, family)
    if shelfmark is not None:
        head = Part(part.start, part.start + shelfmark.end, piece[:shelfmark.end], "level", shelfmark.value,
                    level=shelfmark)
        return [head, *_rest(text, part, shelfmark.end)]
    date = parse_date(piece)
    if date is not None:
        return [Part(part.start, part.end, piece, "date", date=date)]
    if _fonds().search(piece) and not _DIGIT.search(piece) and len(piece.split()) <= 8:
        fonds = LevelMatch("fonds", "level", "", piece, len(piece))  # "Henry L. Stimson Papers"
        return [Part(part.start, part.end, piece, "level", piece, level=fonds)]
    if _NUMBER.match(piece):
        value = _PAGE_WORD.sub("", piece)
        kind = "page" if value != piece else "number"  # "pp 242–249" is a page even without its dot
        return [Part(part.start, part.end, piece, kind, value, label="page")]
    if piece[:1] in "“\"«‘" and piece[-1:] in "”\"»’":
        return [Part(part.start, part.end, piece, "quoted", piece[1:-1].strip())]
    if piece[:1] in "“\"«‘" and _CLOSING_QUOTE.search(piece[1:]):
        close = _CLOSING_QUOTE.search(piece[1:])
        assert close is not None
        head = Part(part.start, part.start + close.end() + 1, piece[:close.end() + 1], "quoted",
                    piece[1:close.end()].strip())
        return [head, *_rest(text, part, close.end() + 1)]
    if fold(piece) in _places():
        return [Part(part.start, part.end, piece, "place")]
    if _remark(piece):
        return [Part(part.start, part.end, piece, "remark")]  # "(copy)", "enclosure": said of the copy
    filed = _IN_FILE.search(piece)
    if filed and (read_shelfmark(piece[filed.end():], family) or read_shelfmark(piece[filed.end():], "")):
        dated = _split_trailing_date(text, Part(part.start, part.start + filed.start(), piece[:filed.start()]))
        if dated[-1].kind == "date":  # "Vermerk Pünders vom 3.5.1931 in R 43 I/1309": the file it lies in
            rest = Part(part.start + filed.end(), part.end, piece[filed.end():])
            return [*dated, *_read_part(text, rest, family, in_collection, level_expansions)]
    return _split_trailing_date(text, part)


_IN_FILE = re.compile(r"\s(?:in|im|en|dans)\s+(?=\S)")


def _remark(piece: str) -> bool:
    folded = fold(piece)
    return folded in words("document-remarks.tsv") or folded.startswith(_remark_heads())


@cache
def _remark_heads() -> tuple[str, ...]:
    """The remarks printed with more after them (document-remarks.tsv `then`: "Tgb. Nr. 123", "siehe
    Anm. 3", "gez. Bülow"), each with its space."""
    return tuple(fold(row[0]) + " " for row in tsv_rows("document-remarks.tsv") if row[2:3])


def _split_trailing_date(text: str, part: Part) -> list[Part]:
    """"Aufzeichnung Bülows vom 3.6.1931": a description that ends with its date."""
    dates = find_dates(text, part.start, part.end)
    if not dates or dates[-1].end != part.end or dates[-1].start == part.start:
        return [part]
    date = dates[-1]
    head_end = date.start
    printed = text[part.start:head_end].rstrip()
    before = fold(printed)  # folding may change the length ("Runderlaß"): offsets come from the printed text
    for word in date_words():
        if before.endswith(" " + word):
            head_end = part.start + len(printed) - len(word)
            break
    start, end = trim(text, part.start, head_end)
    head = [Part(start, end, text[start:end])] if end > start else []
    return [*head, Part(date.start, date.end, text[date.start:date.end], "date", date=date.csl)]
