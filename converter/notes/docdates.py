"""Dates of archival documents as printed in notes, to CSL dates.

Forms: "7 fevralja 1924", "27e Maja 1924", "13 November 1925", "12. Mai 1925", "1° marzo 1924",
"1er mars 1924", "May 12, 1941", "12 Jan. 1940", "January 1940", "17.6.31", "3.6.1931",
"1925-01-13", and ranges for whole files: "2.1.1925–23.11.1925", "12–14 May 1925",
"2 January–23 November 1925". Month words come from `data/months.tsv` (every language we read).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from converter.data import fold, month, tsv_rows
from converter.notes.memo import for_one_note

CSLDate = dict[str, Any]

_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th|er|e|°|º|\.)?"
_WORD = r"(?P<{0}>[^\W\d_][^\W\d_'’]*\.?)"
_YEAR = r"(?P<{0}>1[5-9]\d\d|20\d\d)"
_DASH = r"\s*[–—-]\s*"


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    csl: CSLDate


def _forms() -> list[tuple[str, str]]:
    """(name, regex) of each date form, longest first; names say how to read the groups."""
    d, w, y = _DAY.format, _WORD.format, _YEAR.format
    return [
        ("numeric-range", rf"(?P<d1>[0-3]?\d)\.(?P<m1>[01]?\d)\.(?P<y1>\d{{4}}|\d\d){_DASH}"
                          rf"(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y2>\d{{4}}|\d\d)(?!\d)"),
        ("dmy-range", rf"{d('d1')}\s+{w('m1')}(?:,?\s+{y('y1')})?{_DASH}{d('d2')}\s+{w('m2')},?\s+{y('y2')}"),
        ("dd-my", rf"{d('d1')}{_DASH}{d('d2')}\s+{w('m2')},?\s+{y('y2')}"),
        ("mdy", rf"{w('m2')}\s+{d('d2')},?\s+{y('y2')}"),
        ("dmy", rf"{d('d2')}\s+{w('m2')},?\s+{y('y2')}"),
        ("iso", rf"{y('y2')}-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)"),
        ("numeric", r"(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y2>\d{4}|\d\d)(?![\d.])"),
        ("my", rf"{w('m2')},?\s+{y('y2')}"),
    ]


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rf"(?<![\w.]){regex}(?!\w)")) for name, regex in _forms())


def _year(text: str) -> int:
    value = int(text)
    return 1900 + value if len(text) == 2 else value  # "17.6.31": archival papers of the 1900s


def _month(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        value = int(text)
        return value if 1 <= value <= 12 else None
    return month(text)


def _day(text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    return value if 1 <= value <= 31 else None


def _read(name: str, match: re.Match[str]) -> CSLDate | None:
    groups = match.groupdict()
    end_month = _month(groups.get("m2"))
    if end_month is None:
        return None
    end: list[int] = [_year(groups["y2"]), end_month]
    if groups.get("d2") is not None:
        day = _day(groups["d2"])
        if day is None:
            return None
        end.append(day)
    if name in ("numeric-range", "dmy-range", "dd-my"):
        start_year = _year(groups["y1"]) if groups.get("y1") else end[0]
        start_month = _month(groups.get("m1")) if groups.get("m1") else end_month
        start_day = _day(groups.get("d1"))
        if start_month is None or start_day is None:
            return None
        return {"date-parts": [[start_year, start_month, start_day], end]}
    return {"date-parts": [end]}


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date printed in text[start:end], left to right, without overlaps. A date of another
    calendar printed before its Gregorian one ("12 Rabi' al-awwal 1350 / 28 July 1931") is part
    of that date's span."""
    found = list(_find_dates(text, start, len(text) if end is None else end))
    for index, date in enumerate(found):
        other = _calendar_before(text, start, date.start)
        if other is not None:  # "(24 February 1931)": with its closing parenthesis
            closing = text.startswith(_CLOSING.get(text[date.start - 1:date.start], "\0"), date.end)
            found[index] = DateMatch(other, date.end + closing, date.csl)
    return found


_CLOSING = {"(": ")", "[": "]"}
_OTHER_YEAR = r"(?:\d{3,4}|an\s+[IVXL]+)"  # "1350", "an II"


@cache
def _other_calendar() -> re.Pattern[str]:
    """A day, a month of data/calendar-months.tsv and a year, then "/", "(" or "[" (and spaces)
    before the Gregorian date, as the end of a stretch."""
    names = sorted((_name_pattern(row[0]) for row in tsv_rows("calendar-months.tsv")), key=len, reverse=True)
    return re.compile(rf"(?<!\w)[0-3]?\d\.?\s+(?:{'|'.join(names)})\s+{_OTHER_YEAR}\s*(?:/|,|\(|\[)\s*$",
                      re.IGNORECASE)


def _name_pattern(name: str) -> str:
    out = []
    for char in name:
        if char == "'":
            out.append("['’‘ʿʾ`]?")
        elif char in " -":
            out.append("[\\s-]?")
        else:
            out.append(re.escape(char) if char not in "aiu" else {"a": "[aāâ]", "i": "[iīî]", "u": "[uūû]"}[char])
    return "".join(out)


def _calendar_before(text: str, start: int, at: int) -> int | None:
    """Where a date of another calendar printed right before `at` begins, or None."""
    if at - start < 8:
        return None
    found = _other_calendar().search(text, max(start, at - 40), at)
    return found.start() if found else None


# What every form needs, looked for before the forms themselves (most stretches print pages, not
# dates): the two numeric forms a "d.m.yy", every other form a year.
_DIGIT = re.compile(r"\d")
_NUMERIC_SHAPE = re.compile(r"\d\.[01]?\d\.\d\d")
_YEAR_SHAPE = re.compile(r"1[5-9]\d\d|20\d\d")
_NUMERIC_FORMS = frozenset(("numeric-range", "numeric"))


# Every form ends with a digit, and all but the two that begin with a month's name begin with
# one: a form is looked for from the first digit (those two from the name before it) to the
# character after the last digit.
_UP_TO_LAST_DIGIT = re.compile(r".*\d", re.DOTALL)
_WORD_FIRST_FORMS = frozenset(("mdy", "my"))
_LETTER = re.compile(r"[^\W\d_]")  # the letters of a month's name, as _WORD reads them
_LETTERS = re.compile(r"[^\W\d_]+")


def _name_before(text: str, start: int, digit: int) -> int:
    """The earliest place a month's name can begin when its number follows it at the first digit
    ("May 1924", "Sept., 1924": letters, ".", ",", spaces): a name printed before a later number
    begins after this digit, since a name and the spaces after it hold no digit."""
    at = digit
    while at > start and text[at - 1].isspace():
        at -= 1
    if at == digit:
        return digit
    for mark in ",.":
        if at > start and text[at - 1] == mark:
            at -= 1
    letters_end = at
    while at > start and _LETTER.match(text, at - 1):
        at -= 1
    return at if at < letters_end else digit


@for_one_note
def _find_dates(text: str, start: int, end: int) -> tuple[DateMatch, ...]:
    first_digit = _DIGIT.search(text, start, end)
    if not first_digit:
        return ()
    numeric = _NUMERIC_SHAPE.search(text, start, end) is not None
    year = _YEAR_SHAPE.search(text, start, end) is not None
    if not (numeric or year):
        return ()
    # the lookahead after a form's last digit reads one character more
    stop = min(end, _UP_TO_LAST_DIGIT.match(text, start, end).end() + 1)  # type: ignore[union-attr]
    name_start = _name_before(text, start, first_digit.start())
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _patterns():
        if not (numeric if name in _NUMERIC_FORMS else year):
            continue
        for match in pattern.finditer(text, name_start if name in _WORD_FIRST_FORMS else first_digit.start(), stop):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            csl = _read(name, match)
            if csl is not None:
                found.append(DateMatch(match.start(), match.end(), csl))
                taken.append((match.start(), match.end()))
    return tuple(sorted(found, key=lambda m: m.start))


def parse_date(text: str) -> CSLDate | None:
    """The CSL date a whole string prints (date words such as "vom", "del" allowed before)."""
    stripped = text.strip().rstrip(".,;")
    if not any(map(str.isdigit, stripped)):
        return None
    folded = fold(stripped)
    if folded.startswith(_date_word_heads()):  # most pieces begin with no date word: one test for all
        for word in _date_words():
            if folded.startswith(word + " "):
                stripped = stripped[len(word):].strip()
                break
    if not _DIGIT.match(stripped):  # every form begins with a digit or a month's name ("May 12, 1941")
        name = _LETTERS.match(stripped)
        if name is None or month(name.group(0)) is None:
            return None
    matches = find_dates(stripped)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end >= len(stripped.rstrip(".")):
        return matches[0].csl
    return None


@cache
def _date_words() -> tuple[str, ...]:
    words = [fold(row[0]) for row in tsv_rows("document-date-words.tsv") if row[1] == "date"]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _date_word_heads() -> tuple[str, ...]:
    return tuple(word + " " for word in _date_words())


def date_words() -> tuple[str, ...]:
    """Folded words that introduce a date inside a description ("vom", "del", "dated")."""
    return _date_words()
