"""How far a reference may run in a note: to the next ";" outside brackets, and not past a
sentence that begins after the page ending it ("Browder, Origins, 30–31. Browder relies ...").

Both are found once per note (the splitter asks about every place a reference may begin).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

_BRACKET_OR_SEMICOLON = re.compile(r"[();]")


# "Browder, Origins, 30–31. Browder relies on ...", "Zeidler, Reichswehr, S. 110. Die dort genannte
# Zahl ...": a page after a comma or a label, a full stop, then a sentence (a capitalised word and a
# lower-case one); the reference ends at that stop. Found from the stop back to the page, since a
# digit before a full stop is rare in a note and the page's shape is costly to look for everywhere.
_PAGE_STOP = re.compile(r"\d[a-z]?(?:\s*f{1,2}\.)?\.(?=\s+[A-ZÀ-Þ][\w’']*\s+[a-zà-ÿ])")
_PAGE_BEFORE = re.compile(r"(?:,\s*|\b(?:pp?|S|ff?|fols?|Bl|col|ll?)\.\s*)(?P<number>\d+[a-z]?(?:\s*[–-]\s*\d+)?)"
                          r"(?:\s*f{1,2}\.)?\.$")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def sentence_stop(text: str, pos: int, limit: int) -> int:
    """Where a sentence begins after the page that ends a reference, or limit."""
    stops = _stops(text)
    at = bisect_left(stops, (pos, 0))
    return stops[at][1] if at < len(stops) and stops[at][1] <= limit else limit


@lru_cache(maxsize=16)
def _stops(text: str) -> list[tuple[int, int]]:
    """(start, end) of each page-then-sentence stop in a note, asked once per note."""
    stops = []
    for stop in _PAGE_STOP.finditer(text):
        page = _PAGE_BEFORE.search(text, max(0, stop.start() - 24), stop.end())
        if page and not (_YEAR.fullmatch(page.group("number")) and page.group(0).startswith(",")):
            stops.append((page.start(), stop.end()))
    return stops


def segment_end(text: str, pos: int) -> int:
    """The next ";" outside parentheses: a secondary reference never runs past it."""
    ends = _semicolons(text)
    return ends[bisect_left(ends, pos)]


@lru_cache(maxsize=16)
def _semicolons(text: str) -> list[int]:
    """Offsets of the ";" outside parentheses in a note, and its length last."""
    if ";" not in text:
        return [len(text)]
    ends, depth = [], 0
    for mark in _BRACKET_OR_SEMICOLON.finditer(text):  # only these characters matter
        char = mark.group(0)
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            ends.append(mark.start())
    ends.append(len(text))
    return ends
