"""Locators: "42–55", "p. 40", "pp. 108–110", "S. 23 f.", "hier S. 50", "fol. 3v", "col. 12".

Like pandoc's parseLocator this never fails: `parse_locator` returns None when no locator begins
at the position, and the caller goes on with the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from converter.data import fold
from converter.notes.vocabulary import locator_label_pattern, locator_terms

_NUMBER = r"(?:\d+[a-z]?(?:\s?(?:r|v|ob)\.?)?|[ivxlcdm]+)(?!\w|\.\d)"
_RANGE = rf"{_NUMBER}(?:\s*[–—-]\s*{_NUMBER})?(?:\s?f{{1,2}}\.|\s?sqq?\.|\s?et\s+seq\.)?"
_LIST = rf"{_RANGE}(?:\s*(?:,|and|e|und|&)\s*{_RANGE}(?=\s*(?:[.;)]|$)))*"


_ROMAN = re.compile(r"[ivxlcdm]+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_PINPOINT = re.compile(r"(?:hier|here|at)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Locator:
    value: str
    label: str  # a CSL locator term
    start: int
    end: int
    pinpoint: bool = False  # "hier S. 50", "at p. 520": the page cited within an extent


@cache
def _pattern() -> re.Pattern[str]:
    labels = locator_label_pattern()
    # "1:113–124": a volume before the colon (the item's), the locator after it
    return re.compile(rf"(?:(?P<label>(?:hier\s+|here\s+|at\s+)?(?:{labels}))\.?\s*)?(?:\d{{1,3}}:(?=\d))?"
                      rf"(?P<value>(?:[ivxlc]{{1,6}}\.\s?(?=\d))?{_LIST})", re.IGNORECASE)


# Pure, and asked about the same places of a note by the title, tail and splitter readers in turn;
# a Locator is frozen, so one answer can be handed out again.
@lru_cache(maxsize=1 << 14)
def parse_locator(text: str, pos: int, *, need_label: bool = False) -> Locator | None:
    """The locator that begins at `pos`, or None."""
    match = _pattern().match(text, pos)
    if not match or (need_label and not match.group("label")):
        return None
    value = match.group("value").strip()
    if not match.group("label") and _ROMAN.fullmatch(value):
        return None  # a bare roman numeral is a word ("I", "mi"), not a page
    label = "page"
    if match.group("label"):
        printed = _SPACES.sub(" ", fold(match.group("label"))).removeprefix("hier ").removeprefix("here ")
        label = locator_terms().get(printed, "page")
    pinpoint = bool(_PINPOINT.match(match.group("label") or ""))
    return Locator(value, label, match.start(), match.end(), pinpoint)


@lru_cache(maxsize=1 << 12)
def is_locator(text: str) -> bool:
    """The whole text is one locator."""
    found = parse_locator(text, 0)
    return found is not None and found.end >= len(text.rstrip(". "))
