"""Locators: "42–55", "p. 40", "pp. 108–110", "S. 23 f.", "hier S. 50", "fol. 3v", "col. 12",
"p. 4 n. 2", "114–17 at 116", "ici p. 68", "vol. 2, p. 45".

Like pandoc's parseLocator this never fails: `parse_locator` returns None when no locator begins
at the position, and the caller goes on with the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from converter.data import fold, tsv_rows
from converter.notes.memo import for_one_note
from converter.notes.vocabulary import locator_label_pattern, locator_terms

_NUMBER = r"(?:\d+(?=nn?\d)|(?:\d+[a-z]?(?:\s?(?:r|v|ob)\.?)?|[ivxlcdm]+)(?!\w|\.\d))"  # "452n14": Chicago
_RANGE = rf"{_NUMBER}(?:\s*[–—-]\s*{_NUMBER})?(?:\s?f{{1,2}}\.|\s?sqq?\.|\s?et\s+seq\.)?"
_LIST = rf"{_RANGE}(?:\s*(?:,|and|e|und|&)\s*{_RANGE}(?=\s*(?:[.;)]|$)))*"
# "p. 4 n. 2", "S. 12, Anm. 3": a note on the page cited belongs to the locator ("48, n. 3" with a
# comma is an Italian journal's volume and number, so a bare "n." must follow without one)
_NOTE_PART = (r"(?:(?:\s+nn?\.\s*|nn?(?=\d)|\s*,?\s*(?:notes?|Anm|Fn|fn|nota)\.?\s*)\d+[a-z]?"
              r"(?:\s*[–—-]\s*\d+)?(?![\w.]\w)|\s+nn?\.(?=\s*(?:[;,)]|$)))?")  # "p. 302 n.": a note on it


_ROMAN = re.compile(r"[ivxlcdm]+", re.IGNORECASE)
_COMMA_NOTE = re.compile(r",\s*nn?\.\s*\d+[a-z]?(?:\s*[–—-]\s*\d+)?(?![\w.]\w)")
_SPACES = re.compile(r"\s+")
_LEADING_NUMBER = re.compile(r"\d+")
# After a volume ("vol. 2, p. 45", "Bd. 2, S. 45", "2:45"): the page cited follows.
_VOLUME_THEN = re.compile(r"\s*[,:]\s*")
_ITEM_LABELS = frozenset(("volume", "issue"))
_PAGE_LABELS = frozenset(("page", "folio", "column", "line"))


@dataclass(frozen=True)
class Locator:
    value: str
    label: str  # a CSL locator term
    start: int
    end: int
    pinpoint: bool = False  # "hier S. 50", "at p. 520": the page cited within an extent


@cache
def pinpoint_words() -> tuple[str, ...]:
    """Words that put the page cited inside an extent, longest first (data/locator-pinpoints.tsv)."""
    return tuple(sorted({fold(row[0]) for row in tsv_rows("locator-pinpoints.tsv")}, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    labels = locator_label_pattern()
    pins = "|".join(re.escape(word).replace(r"\ ", r"\s*") for word in pinpoint_words())
    # "1:113–124": a volume before the colon (the item's), the locator after it
    return re.compile(rf"(?:(?P<pin>{pins})(?<=\.)\s*|(?P<pinword>{pins})\s+)?"
                      rf"(?:(?P<label>{labels})\.?\s*)?(?:\d{{1,3}}:(?=\d))?"
                      rf"(?P<value>(?:[ivxlc]{{1,6}}\.\s?(?=\d))?{_LIST}{_NOTE_PART})", re.IGNORECASE)


# Pure, and asked about the same places of a note by the title, tail and splitter readers in turn;
# a Locator is frozen, so one answer can be handed out again.
@for_one_note
def parse_locator(text: str, pos: int, *, need_label: bool = False) -> Locator | None:
    """The locator that begins at `pos`, or None."""
    match = _pattern().match(text, pos)
    if not match:
        return None
    pin = match.group("pin") or match.group("pinword")
    if pin and not match.group("label") and not _LEADING_NUMBER.match(match.group("value")):
        return None  # "at xi" / "qui i": a bare roman numeral after a word is no page
    if need_label and not (match.group("label") or pin):
        return None
    value = match.group("value").strip()
    if not match.group("label") and _ROMAN.fullmatch(value):
        return None  # a bare roman numeral is a word ("I", "mi"), not a page
    label = "page"
    if match.group("label"):
        printed = _SPACES.sub(" ", fold(match.group("label"))).removeprefix("hier ").removeprefix("here ")
        label = locator_terms().get(printed, "page")
        if label in _ITEM_LABELS:  # "vol. 2, p. 45": the item's volume, then the page cited
            then = _VOLUME_THEN.match(text, match.end())
            cited = parse_locator(text, then.end(), need_label=True) if then else None
            if cited is not None and cited.label in _PAGE_LABELS:  # "vol. 48, n. 3": a journal's number
                return Locator(cited.value, cited.label, match.start(), cited.end, cited.pinpoint)
    pinpoint = bool(pin) or fold(match.group("label") or "").startswith(("hier ", "here "))
    end = match.end()
    note = _COMMA_NOTE.match(text, end) if match.group("label") and label == "page" else None
    if note:  # "p. 45, n. 3": after a labelled page a note (a bare "48, n. 3" is a journal's number)
        value, end = value + text[end:note.end()], note.end()
    return Locator(value, label, match.start(), end, pinpoint)


@lru_cache(maxsize=1 << 12)
def is_locator(text: str) -> bool:
    """The whole text is one locator."""
    found = parse_locator(text, 0)
    return found is not None and found.end >= len(text.rstrip(". "))
