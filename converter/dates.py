"""Dates between their written forms (EDTF/ISO 8601, biblatex, RIS) and CSL date objects.

CSL keeps a date as {"date-parts": [[Y, M, D]] or [[start], [end]]}, with "season" (1-4),
"circa" and "literal" beside. Written forms here are those of biblatex's `date` field, which is
EDTF level 1: `2007`, `2007-05`, `2007-05-01`, `1925-01-02/1925-11-23`, `1850~` (circa), `1850?`
(uncertain), `2007-21` (spring: months 21-24 are the seasons), `2007/..` (open range).
"""
from __future__ import annotations

import re
from typing import Any

CSLDate = dict[str, Any]

_PART = re.compile(
    r"^(?P<y>-?\d{1,4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<q>[~?%]?)$")


def parse_edtf(text: str) -> CSLDate | None:
    """An EDTF / ISO date or range as a CSL date; None when the text is not of that form."""
    text = text.strip()
    if not text:
        return None
    ends = text.split("/")
    if len(ends) > 2:
        return None
    parts: list[list[int]] = []
    circa = False
    season: int | None = None
    for end in ends:
        if end in ("", "..") and len(ends) == 2:
            continue  # an open end: CSL has no way to say "from 1925 on" but the start
        match = _PART.match(end)
        if not match:
            return None
        year, month, day = match["y"], match["m"], match["d"]
        circa = circa or bool(match["q"])
        date = [int(year)]
        if month:
            number = int(month)
            if 21 <= number <= 24 and not day:
                season = number - 20
            elif 1 <= number <= 12:
                date.append(number)
            else:
                return None
            if day:
                if not 1 <= int(day) <= 31:
                    return None
                date.append(int(day))
        parts.append(date)
    if not parts:
        return None
    result: CSLDate = {"date-parts": parts}
    if season:
        result["season"] = season
    if circa:
        result["circa"] = True
    return result


def format_edtf(date: CSLDate) -> str | None:
    """A CSL date as EDTF (the inverse of parse_edtf); None when it holds only a literal."""
    parts = date.get("date-parts")
    if not parts or not parts[0] or parts[0][0] in ("", None):
        return None
    ends = []
    for end in parts[:2]:
        written = [f"{int(end[0]):04d}" if int(end[0]) >= 0 else str(int(end[0]))]
        written += [f"{int(value):02d}" for value in end[1:3]]
        ends.append("-".join(written))
    if date.get("season") and len(parts[0]) == 1:
        ends[0] += f"-{20 + int(date['season']):02d}"
    text = "/".join(ends)
    if date.get("circa"):
        text += "~"
    return text


def year(date: CSLDate | None) -> int | None:
    """The first year of a CSL date, when it has one."""
    try:
        return int(date["date-parts"][0][0])  # type: ignore[index]
    except (KeyError, IndexError, TypeError, ValueError):
        return None
