"""The part of a work that a note cites, printed after the work's own imprint, whose imprint is
the item's.

A later edition ("Baltimore 1954, 2. Aufl. New York 1969", "Oxford: Clarendon, 1954; 2nd edn,
London: Methuen, 1963"): the edition cited is the later one, so its place, publisher and year are
the item's; the first edition's year becomes `original-date` (as "(London, 1961; 2nd edn, 1963)"
in imprint.parse_imprint and "München 1963, 6. Aufl. 1984" in tail._tail).

One volume of a multi-volume work with its own title and year (MHRA "The Diary of Beatrice Webb,
4 vols (London: Virago, 1982–85), I: 1873–1892 (1982), p. 100"): one reference, the volume's
number, title and year the item's.
"""
from __future__ import annotations

import re
from typing import Any

from converter.notes.imprint import is_place
from converter.notes.title import _PLACE_YEAR, _TAIL_SEPARATOR, _imprint_parts

_IMPRINT_FIELDS = ("publisher-place", "publisher", "issued")
# "I: 1873–1892 (1982)", "IV: The 150th Anniversary and Beyond, 1912–1948 (1952)", "I (1970)": a volume of
# the set, its title if it has one and its year in parentheses, then the end of the reference or its page.
_VOLUME_OF_SET = re.compile(r"(?P<volume>[IVXLC]{1,6}|\d{1,2})(?::\s+(?P<title>[^();]{1,160}?))?\s*"
                            r"\((?P<year>(?:1[4-9]|20)\d\d)\)(?=\s*(?:[,.;]|$))")


def later_edition_imprint(text: str, start: int, limit: int, csl: dict[str, Any]) -> int:
    """Read the imprint printed right after an edition's words at `start` into `csl` as the edition
    cited; return where it ends, or `start` where none follows or no earlier imprint was read (then
    the ordinary reading of the tail takes it)."""
    if "issued" not in csl:
        return start
    at = _TAIL_SEPARATOR.match(text, start, limit).end()
    fields: dict[str, Any] = {}
    place_year = _PLACE_YEAR.match(text, at, limit)
    if place_year and is_place(place_year.group("place")):  # "2. Aufl. New York 1969"
        fields["publisher-place"] = place_year.group("place").strip()
        if place_year.group("publisher"):
            fields["publisher"] = place_year.group("publisher").strip()
        fields["issued"] = {"date-parts": [[int(place_year.group("year"))]]}
        end = place_year.end()
    else:
        parts = _imprint_parts(text, at, limit)  # "2nd edn, London, Methuen, 1963"
        if parts is None or "issued" not in parts[0]:
            return start
        fields, end = parts
    csl.setdefault("original-date", csl["issued"])
    for key in _IMPRINT_FIELDS:  # the first edition's publisher is not the later one's
        csl.pop(key, None)
    for key, value in fields.items():
        if key in _IMPRINT_FIELDS:
            csl[key] = value
        else:
            csl.setdefault(key, value)
    return end


def volume_of_set(text: str, start: int, limit: int, csl: dict[str, Any]) -> int:
    """After the imprint of a multi-volume work, at `start`: the volume cited with its own title and
    year ("I: 1873–1892 (1982)") read into `csl`; return where it ends, or `start` where none follows.
    An arabic volume number is read only after "4 vols" (a Roman one after any imprint)."""
    at = _TAIL_SEPARATOR.match(text, start, limit).end()
    if at == start or text[start:at].strip() not in (",", "."):
        return start
    volume = _VOLUME_OF_SET.match(text, at, limit)
    if volume is None or "volume" in csl or (volume["volume"].isdigit() and "number-of-volumes" not in csl):
        return start
    csl["volume"] = volume["volume"]
    if volume["title"]:
        csl["volume-title"] = volume["title"].strip()
    csl["issued"] = {"date-parts": [[int(volume["year"])]]}  # the volume's year, not the set's first
    return volume.end()
