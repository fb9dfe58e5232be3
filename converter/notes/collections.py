"""Published collections of documents (DVP SSSR, DDI, FRUS, DGFP, DBFP, DDF, ADAP, Akten der
Reichskanzlei) and the words that number their parts: series, volume, document.

The collections are rows of `data/document-collections.tsv`, the part words rows of
`data/document-parts.tsv`: adding a collection or a language is adding rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from converter.data import fold, tsv_rows
from converter.notes.archive_location import index_candidates


@dataclass(frozen=True)
class Collection:
    abbreviation: str
    title: str
    language: str
    series: str  # the word written to collection-title


@dataclass(frozen=True)
class PartMatch:
    part: str  # series | volume | number
    value: str
    end: int


@cache
def _forms() -> dict[str, tuple[tuple[str, bool, Collection], ...]]:
    """Printed forms by their first two characters: (form, case-sensitive?, collection), longest
    first; "DVP" in capitals, titles in any case."""
    index: dict[str, list[tuple[str, bool, Collection]]] = {}
    for abbreviation, aliases, title, language, series in tsv_rows("document-collections.tsv"):
        collection = Collection(abbreviation, title, language, series)
        for form in [abbreviation, title, *aliases.split("|")]:
            exact = " " not in form or form.isupper()
            key = form if exact else fold(form)
            index.setdefault(key[:2], []).append((key, exact, collection))
    return {k: tuple(sorted(v, key=lambda row: len(row[0]), reverse=True)) for k, v in index.items()}


@lru_cache(maxsize=8192)
def _candidates(head: str) -> tuple:
    """index_candidates of the collections for a text's first two characters (they recur in every part)."""
    return index_candidates(_forms(), head)


def known_collection(text: str) -> tuple[Collection, int] | None:
    """The collection printed at the start of text, and where its name ends."""
    candidates = _candidates(text[:2])
    if not candidates:
        return None
    folded = ""  # folded once, when a form printed in any case is first compared
    for form, exact, collection in candidates:
        if not (exact or folded):
            head = text[:120]
            folded = fold(head)
            if len(folded) != len(head):
                folded = text
        if (text if exact else folded).startswith(form) and (len(form) >= len(text) or not text[len(form)].isalnum()):
            return collection, len(form)
    return None


@lru_cache(maxsize=8192)
def collection_by_name(name: str) -> Collection | None:
    match = known_collection(name.strip())
    return match[0] if match and match[1] >= len(name.strip().rstrip(".,")) else None


@cache
def _parts() -> re.Pattern[str]:
    words = sorted({row[0] for row in tsv_rows("document-parts.tsv")}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    # The word in any case ("T.", "tom", "Vol."); the value a number, a Roman numeral or one capital
    # ("Series C"), so that "to the Head" is not volume "o".
    return re.compile(
        rf"(?i:(?P<word>{alternatives}))(?:\.\s*|\s+|(?=\d))"
        r"(?P<value>(?:\d+[a-z]?|[IVXLC]+|[A-Z])(?![\w])(?:\s?[–/-]\s?\d+)?|\d+(?:st|nd|rd|th|e|re|er|a)\b\.?)")


@cache
def _part_of() -> dict[str, str]:
    return {fold(row[0]): row[1] for row in tsv_rows("document-parts.tsv")}


def read_part(text: str) -> PartMatch | None:
    """"T. 7", "Tom 8", "Dok. 39", "Serie VII", "vol. 4", "n.193", "Series C", "Bd. 2", "Nr. 45"."""
    match = _parts().match(text)
    if match is None:
        return None
    part = _part_of().get(fold(match["word"]))
    if part is None:
        return None
    return PartMatch(part, match["value"].rstrip("."), match.end())


def read_ordinal_series(text: str) -> PartMatch | None:
    """"2nd ser.", "Second Series", "1re série", "Serie B" printed with the number first."""
    match = re.match(r"(?P<value>\d+(?:st|nd|rd|th|e|re|er|a)?|First|Second|Third|Fourth|Fifth)\s+"
                     r"(?:ser|series|série|serie|Reihe)\b\.?", text, re.IGNORECASE)
    if match is None:
        return None
    return PartMatch("series", match["value"], match.end())


def written_title(collection: Collection, printed: str) -> str:
    """The container-title of a document in a collection: the collection's title as the note
    prints it in full ("Papers Relating to the Foreign Relations of the United States", "I
    documenti diplomatici italiani"); for an abbreviation (FRUS, "DVP SSSR"), the table's title."""
    printed = printed.strip().rstrip(".,;:")
    if len(printed.split()) >= 3 and any(c.islower() for c in printed):
        return printed
    return collection.title


# "ADAP B II/1, Nr. 47": the short form prints a series letter and a volume without their words.
# A lone I, V or X is left out of the letters: printed alone it is a volume ("DDI, V, 12").
_UNMARKED_SERIES = re.compile(r"(?P<value>[A-HJ-UWYZ])(?=\s+(?:[IVXLC]+|\d+)(?:/\d+)?(?![\w/]))")
_UNMARKED_VOLUME = re.compile(r"(?P<value>(?:[IVXLC]+|\d+)/\d+)(?![\w/])")  # "II/1": a volume's part


def read_unmarked_part(text: str) -> PartMatch | None:
    """A series letter before a volume ("B II/1"), or a volume with its part ("II/1"), printed
    with no part word, inside a reference to a published collection."""
    series = _UNMARKED_SERIES.match(text)
    if series:
        return PartMatch("series", series["value"], series.end())
    volume = _UNMARKED_VOLUME.match(text)
    return PartMatch("volume", volume["value"], volume.end()) if volume else None
