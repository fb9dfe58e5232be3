"""Documents assembled from the classified parts of an archival reference.

The parts (notes/archival_parts.py) come in the order printed; here they become documents: the
levels of the call number accumulate into a path (a level word of the same name replaces the
earlier value: "d. 84, …, d. 85" is the next file), a description, a quoted file title, the date,
the place and the locator belong to the current document, and a new description, title or file
after a date or locator begins the next document under the same path. Descriptions may come first
(Chicago: "Hull to Roosevelt, May 12, 1941, RG 59, …, NARA"), the archive last, its city either side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.data import fold, words
from converter.notes.archival_parts import Part
from converter.notes.archive_location import Archive, LevelForms, written

_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_AND = re.compile(r"(?:and|e|und|et|i)\s+(?=[A-ZÀ-ÝČŠŽ“‘])")
_AND_BEFORE_WORD = re.compile(r"(?:and|e|und|et|i)\s+(?=[\w“‘])")  # "and minute by Sargent": not the description
# "Memorandum by Vansittart, “The World Situation”": a kind of document and its writer, then its title
_WRITTEN_BY = re.compile(r"[A-Z][a-z]+(?:\s[a-z]+){0,2}\s(?:by|von|di|de|par)\s[A-ZÀ-ÞČŠŽ]")
_PINPOINT = ("hier ", "here ", "qui ", "ici ", "esp. ", "bes. ", "spec. ")


@dataclass
class Doc:
    start: int
    path: list[tuple[str, str]]  # (level, as written)
    path_spans: list[tuple[int, int]]
    described_after_path: bool = False
    parts: list[Part] = field(default_factory=list)  # description parts
    quoted: Part | None = None
    date: Part | None = None
    place: Part | None = None
    locator: Part | None = None
    series: str | None = None
    volume: Part | None = None
    number: Part | None = None
    year: Part | None = None
    volume_title: Part | None = None
    authors: list[Part] = field(default_factory=list)  # a writer printed before a quoted title
    about: list[Part] = field(default_factory=list)  # "letter to Roosevelt" after a quoted title
    end: int = 0

    def has_content(self) -> bool:
        return bool(self.parts or self.quoted or self.date or self.locator)


def _set_level(doc: Doc, level: str, value: str, span: tuple[int, int]) -> None:
    """Append a level, or replace the level of that name (and cut what was below it)."""
    names = [name for name, _ in doc.path]
    if level in names:
        index = names.index(level)
        del doc.path[index:]
        del doc.path_spans[index:]
    doc.path.append((level, value))
    doc.path_spans.append(span)


def _next_doc(doc: Doc, start: int) -> Doc:
    return Doc(start, list(doc.path), list(doc.path_spans), series=doc.series, volume=doc.volume,
               year=doc.year, volume_title=doc.volume_title)


def _mark_archive_places(parts: list[Part], archive: Archive | None) -> str | None:
    """Parts next to the archive naming its city ("Kew", "College Park, MD", MHRA's "London, The
    National Archives") become `archive-place`; returns that place as printed."""
    places: list[Part] = []
    for index, part in enumerate(parts):
        if part.kind != "archive":
            continue
        for step in (-1, 1):
            cursor = index + step
            while 0 <= cursor < len(parts) and parts[cursor].kind == "alias":
                cursor += step  # "The National Archives (TNA), Kew"
            while 0 <= cursor < len(parts) and parts[cursor].kind in ("place", "text") and (
                    (archive is not None and _is_city_of(parts[cursor].text, archive))
                    or (step == 1 and parts[cursor - 1].kind == "archive-place"
                        and fold(parts[cursor].text) in _regions())
                    or (parts[cursor].kind == "place" and (step == 1 or cursor == 0 or parts[cursor - 1].kind
                                                           not in ("text", "quoted")))):
                parts[cursor].kind = "archive-place"
                places.append(parts[cursor])
                cursor += step
        break
    places.sort(key=lambda p: p.start)
    return ", ".join(p.text for p in places) or None


def _name_like(part: Part) -> bool:
    """A writer printed before a quoted title: "Hull", "Robert Vansittart", "Welles to Hull"."""
    words = [w for w in part.text.split() if w not in ("to", "an", "a", "à", "al")]
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w.endswith(".") for w in words) \
        and not re.search(r"\d", part.text)


def assemble(parts: list[Part], archive: Archive | None, forms: LevelForms,
             initial_path: list[tuple[str, str]] | None = None
             ) -> tuple[list[Doc], Archive | None, str | None, Part | None]:
    """Group the classified parts into documents; `initial_path` continues an earlier note's path."""
    path = list(initial_path or [])
    docs: list[Doc] = [Doc(parts[0].start, path, [(-1, -1)] * len(path))]
    archive_place = _mark_archive_places(parts, archive)
    archive_part: Part | None = None
    collection_seen = False
    # Chicago and Zotero notes print the description first and the archive last: there, parts
    # between the description (or its date) and the archive are the hierarchy.
    description_first = parts[0].kind in ("text", "quoted", "date")
    for index, part in enumerate(parts):
        doc = docs[-1]
        kind = part.kind
        later = parts[index + 1:]
        if kind in ("department", "archive-place", "alias", "remark"):
            continue
        if kind == "archive":
            archive_part = archive_part or part
            continue
        if kind == "collection":
            collection_seen = True
            continue
        if kind == "place":
            nxt = later[0].kind if later else ""
            if nxt == "date" or (nxt in ("", "number", "page", "folio") and doc.parts):
                doc.place = part
                continue
            kind = "text"
        if kind in ("series", "volume", "docno"):
            if (kind == "docno" and doc.number is not None and doc.has_content()) or (
                    kind == "volume" and doc.number is not None):
                doc = _next_doc(doc, part.start)
                docs.append(doc)
            if kind == "series":
                doc.series = part.value
            elif kind == "volume":
                doc.volume = part
            else:
                doc.number = part
            continue
        if kind == "level":
            printed_after = doc.described_after_path or (
                archive_part is not None and bool(doc.parts) and archive_part.start < doc.parts[0].start)
            if printed_after and (doc.date or doc.locator or doc.quoted):
                doc = _next_doc(doc, part.start)  # "d. 84, “…”, d. 85": the next file
                docs.append(doc)
            elif printed_after and doc.parts:
                for series in doc.parts:  # "ACS, PCM, 1934–36, b. 12": series names between levels
                    _set_level(doc, f"series-{series.start}", series.text, (series.start, series.end))
                doc.parts = []
                doc.described_after_path = False
            assert part.level is not None
            again = _same_kind_again(doc.path, part)
            if again is not None:  # "FO 371/16601, A 3456/12/45, and FO 371/16602, …": another file
                doc = _next_doc(doc, part.start)
                del doc.path[again:], doc.path_spans[again:]
                doc.parts, doc.described_after_path = [], False
                docs.append(doc)
            word = forms.word(archive.abbreviation if archive else "", part.level)
            # Shelf marks printed bare (FO 371/24846, N 1234/30/38) add up; a level word replaces
            # its earlier value ("d. 84, …, d. 85": the next file).
            name = part.level.level if part.level.word else f"{part.level.level}-{part.start}"
            _set_level(doc, name, written(word, part.level.value), (part.start, part.end))
            continue
        hierarchy_ahead = any(p.kind in ("level", "archive") for p in later) and archive_part is None
        if description_first and hierarchy_ahead and kind in ("text", "number") and doc.has_content() \
                and not doc.described_after_path and (doc.date or doc.path) and not doc.locator:
            _set_level(doc, f"series-{part.start}", part.text, (part.start, part.end))
            continue  # "“Relazione…,” March 4, 1935, PCM, 1934–36, b. 12, …, Archivio Centrale…"
        if archive_part is not None and kind in ("text", "number") and _content_start(doc) < archive_part.start \
                and not doc.described_after_path and not (kind == "number" and not any(
                    p.kind == "level" for p in later) and not (_year_in_call_number(part, later))):
            # the archive printed after the description: what follows it is its hierarchy
            # ("Grandi a Mussolini, 12 giugno 1931, ASMAE, Affari Politici…"; "… 1935, Roma, ACS, PCM, 1934–36, b. 12")
            _set_level(doc, f"series-{part.start}", part.text, (part.start, part.end))
            continue
        if kind == "number" and doc.volume_title is not None and index and parts[index - 1] is doc.volume_title \
                and re.fullmatch(r"1[89]\d\d\s*[–-]\s*(?:1[89])?\d\d", part.value):
            doc.volume_title = Part(doc.volume_title.start, part.end, f"{doc.volume_title.text}, {part.text}")
            continue  # "FRUS: The Soviet Union, 1933–1939"
        if kind == "number" and collection_seen and doc.volume is None and doc.number is None \
                and re.fullmatch(r"1[89]\d\d|20\d\d", part.value):
            doc.year = part  # "FRUS, 1941, vol. 4": the year names the volume
            continue
        if kind == "number" and archive_part is not None and archive_part.start < part.start and doc.parts \
                and not (doc.date or doc.locator or doc.quoted) and later and later[0].kind == "folio":
            for series in [*doc.parts, part]:  # "ASF, Mediceo del Principato, 1234, c. 45v": the filza's number
                _set_level(doc, f"series-{series.start}", series.text, (series.start, series.end))
            doc.parts = []
            doc.described_after_path = False
            continue
        if kind == "number":
            series_ahead = archive_part is not None and not doc.date and not doc.locator and (any(
                p.kind == "level" for p in later) or (  # "KA, MKSM, 1908, 25-1/4": the file's year, then its number
                archive_part.start < part.start and _year_in_call_number(part, later)
                and not doc.quoted and all(_call_number_like(p.text) for p in doc.parts)))
            if series_ahead and doc.parts:
                doc.parts.append(part)  # "ACS, PCM, 1934–36, b. 12": years of a series
                continue
            if not doc.has_content() and (doc.path or archive_part is not None) and not collection_seen:
                _set_level(doc, f"years-{part.start}", part.text, (part.start, part.end))
                continue
            if (doc.parts or doc.quoted) and doc.date is None and doc.locator is None and _YEAR.fullmatch(
                    part.value) and any(
                    p.kind in ("level", "archive") for p in later):
                doc.date = Part(part.start, part.end, part.text, "date", date={"date-parts": [[int(part.value)]]})
                continue  # "Report on Soviet grain exports, 1930, Box 4, …": a year dates the record
            if doc.locator is None:
                doc.locator = part
                continue
            kind = "text"
        if kind in ("folio", "page"):
            if part.value and doc.locator is not None and fold(part.text).startswith(_PINPOINT):
                doc.locator = part  # "Bl. 190–192, hier Bl. 191": the page meant
                continue
            if doc.locator is not None:
                doc = _next_doc(doc, part.start)
                docs.append(doc)
            doc.locator = part
            continue
        if kind == "date":
            if doc.date is not None or (doc.locator is not None and not doc.parts):
                doc = _next_doc(doc, part.start)
                docs.append(doc)
            doc.date = part
            continue
        if kind == "quoted":
            if doc.parts and doc.quoted is None and not doc.date and (all(_name_like(p) for p in doc.parts) or (
                    len(doc.parts) == 1 and _WRITTEN_BY.match(doc.parts[0].text))):
                doc.authors, doc.parts = doc.parts, []  # "Hull, “Hull to Roosevelt,” …": its writer first
            elif doc.quoted is not None or doc.parts:
                doc = _next_doc(doc, part.start)
                docs.append(doc)
            doc.quoted = part
            doc.described_after_path = bool(doc.path)
            continue
        if collection_seen and doc.number is None and index and parts[index - 1].kind in (
                "collection", "series", "volume") and doc.volume_title is None:
            doc.volume_title = part  # "Akten der Reichskanzlei, Kabinett Luther, Bd. 1, Nr. 85"
            continue
        if doc.path and not doc.described_after_path and doc.has_content() and not doc.locator \
                and _call_number_like(part.text):
            _set_level(doc, f"series-{part.start}", part.text, (part.start, part.end))
            continue  # "Eden to Halifax, 3 Apr. 1938, Hickleton Papers, A4.410.4.3": the item's number
        if doc.quoted is not None and not doc.parts and doc.date is None and doc.locator is None:
            doc.about.append(part)  # "“Hull to Roosevelt,” letter to Roosevelt, …": genre and recipient
            continue
        folio_first = doc.locator is not None and not (doc.parts or doc.date or doc.quoted or doc.authors) \
            and not _AND.match(part.text)  # "…, l. 12, and Stalin to Molotov": another document
        if (doc.locator is not None or doc.date is not None or doc.quoted is not None) and not part.joined \
                and not folio_first:  # "BL, Add. MS 51072, fo. 33, Cecil to Murray": the folio's own letter
            doc = _next_doc(doc, part.start)
            docs.append(doc)
        if not doc.parts:
            doc.described_after_path = bool(doc.path)
        joined_by = _AND_BEFORE_WORD.match(part.text)
        if joined_by and not doc.parts:
            part = Part(part.start + joined_by.end(), part.end, part.text[joined_by.end():], part.kind)
        doc.parts.append(part)
    for doc in docs:
        if archive_part is not None and doc.parts and not (doc.date or doc.quoted) and \
                archive_part.start < doc.parts[0].start and all(_call_number_like(p.text) for p in doc.parts):
            for series in doc.parts:  # "NAA, A1838, 3016/11/30 Part 1": codes after the archive, no description
                _set_level(doc, f"series-{series.start}", series.text, (series.start, series.end))
            doc.parts = []
        doc.end = max([doc.start, *(p.end for p in doc_parts(doc)), *(b for _, b in doc.path_spans)])
    return docs, archive, archive_place, archive_part


def _year_in_call_number(part: Part, later: list[Part]) -> bool:
    """"ZVS, 1912, 112-34": a year with more of the call number after it (a page after it makes it
    an imprint's year: "Firenze, Biblioteca della Rivista …, 1967, pp. 36–40")."""
    return bool(later) and later[0].kind not in ("page", "folio") and _YEAR.fullmatch(part.value) is not None


def _same_kind_again(path: list[tuple[str, str]], part: Part) -> int | None:
    """Where the path begins with a bare call number of the kind of `part` ("FO 371/…" again after
    "FO 371/…, A 3456/12/45"): the next file begins there. None for another kind, a lower level
    or a level word (which _set_level replaces)."""
    if part.level is None or part.level.word:
        return None
    kinds = [re.sub(r"-\d+$", "", name) for name, _ in path if not name.startswith(("series-", "years-"))]
    if not kinds or kinds[0] != part.level.level:
        return None  # "N 210/5/38, N 211/5/38": two papers of one file, its path goes on
    return next(index for index, (name, _) in enumerate(path) if name.startswith(part.level.level))


def path_after_ibid(parts: list[Part], last_path: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"…, ibid., EL/B1/45": the last reference's archive; a bare call number of the kind its path
    began with is another file there (the path starts again), anything else goes on in that file."""
    first = next((p for p in parts if p.kind == "level"), None)
    if first is not None and first.level is not None and not first.level.word and last_path \
            and re.sub(r"-\d+$", "", last_path[0][0]) == first.level.level:
        return []
    return list(last_path)


def _regions() -> frozenset[str]:
    return words("archive-regions.tsv")


def _is_city_of(text: str, archive: Archive) -> bool:
    """"College Park", "MD", "Cambridge": the archive's own city printed after its name."""
    pieces = {fold(p.strip()) for p in archive.city.replace(",", " ,").split(",")} | {
        fold(w) for w in archive.city.replace(",", " ").split()}
    return fold(text) in pieces or (archive.family == "us" and bool(re.fullmatch(r"[A-Z]{2}|D\.C\.", text)))


def _call_number_like(text: str) -> bool:
    """"A1838", "3016/11/30 Part 1", "PSF", "Z Europe": short, and a number or an acronym in it."""
    words = text.split()
    return 0 < len(words) <= 4 and bool(re.search(r"\d", words[0]) or (words[0].isupper() and len(words[0]) > 1))


def _content_start(doc: Doc) -> int:
    """Where the document's own parts (writer, description, title, date, locator) begin."""
    starts = [p.start for p in doc_parts(doc) if p not in (doc.volume, doc.number)]
    return min(starts) if starts else 1 << 30


def doc_parts(doc: Doc) -> list[Part]:
    parts = [*doc.authors, *doc.parts, doc.quoted, *doc.about, doc.date, doc.place, doc.locator, doc.volume,
             doc.number]
    return [p for p in parts if p is not None]


