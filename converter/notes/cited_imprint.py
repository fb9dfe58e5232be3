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
from dataclasses import replace
from typing import Any

from converter.notes.imprint import is_place
from converter.notes.locators import parse_locator
from converter.notes.reference import Reference
from converter.notes.title import _PLACE_YEAR, _TAIL_SEPARATOR, _imprint_parts

_IMPRINT_FIELDS = ("publisher-place", "publisher", "issued")
# "I: 1873–1892 (1982)", "IV: The 150th Anniversary and Beyond, 1912–1948 (1952)", "I (1970)": a volume of
# the set, its title if it has one and its year in parentheses, then the end of the reference or its page.
_VOLUME_OF_SET = re.compile(r"(?P<volume>[IVXLC]{1,6}|\d{1,2})(?::\s+(?P<title>[^();]{1,160}?))?\s*"
                            r"\((?P<year>(?:1[4-9]|20)\d\d)\)(?=\s*(?:[,.;]|$))")
_VOLUME_NUMBER = re.compile(r"(?P<volume>[IVXLC]{1,6}|\d{1,2})(?=[:,.;]|\s*$)")
_TITLE_END = re.compile(r"[,.;](?=\s|$)")


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
    if at == start or text[start:at].strip() not in (",", ".") or "volume" in csl:
        return start
    found = read_volume(text, at, limit, "number-of-volumes" in csl)
    if found is None:
        return start
    number, title, year, end = found
    csl["volume"] = number
    if title:
        csl["volume-title"] = title
    if year:
        csl["issued"] = {"date-parts": [[year]]}  # the volume's year, not the set's first
    return end


def read_volume(text: str, at: int, limit: int, arabic: bool) -> tuple[str, str | None, int | None, int] | None:
    """A volume of a set printed at `at`: its number, its own title and year where printed, and where
    it ends ("I: 1873–1892 (1982)", "IV: Beyond the Hundred and Fiftieth Year, p. 88", "III, p. 1200").
    Without a year in parentheses, the pages cited (labelled) or the reference's end must follow it.
    An arabic number only where `arabic` (after "4 vols")."""
    volume = _VOLUME_OF_SET.match(text, at, limit)
    if volume is not None and (arabic or not volume["volume"].isdigit()):
        return volume["volume"], (volume["title"] or "").strip() or None, int(volume["year"]), volume.end()
    number = _VOLUME_NUMBER.match(text, at, limit)
    if number is None or (number["volume"].isdigit() and not arabic):
        return None
    title_at = number.end()
    if text.startswith(":", title_at):
        title_at = _TAIL_SEPARATOR.match(text, title_at + 1, limit).end()
        if not text[title_at:title_at + 1].isalpha():
            return None  # Chicago's "2:45": the volume and the page, read as the tail reads them
        ends = [m.start() for m in _TITLE_END.finditer(text, title_at, limit)] + [limit]
    else:
        ends = [title_at]
    for end in ends:
        if end == title_at and number["volume"].isdigit() and not text[end:limit].strip(" ."):
            return None  # "(3 vols, Chicago, 1987), 1.": the page cited
        if _cited_pages_or_end(text, end, limit):
            title = text[title_at:end].strip(" ,.") if end > title_at else None
            return number["volume"], title or None, None, end
    return None


def _cited_pages_or_end(text: str, at: int, limit: int) -> bool:
    after = _TAIL_SEPARATOR.match(text, at, limit).end()
    if not text[after:limit].strip(" ."):
        return True
    return text[at:after].strip() == "," and parse_locator(text, after, need_label=True) is not None


def another_volume(text: str, pos: int, limit: int, last: Reference) -> Reference | None:
    """"…, 6 vols (London, 1948–54), I: The Gathering Storm (1948), p. 100; II, p. 5": after a volume
    of a set, another volume printed alone with its page is that volume of the same work (the
    work's fields, the volume's number, title and year), or None."""
    csl = last.csl
    if not csl.get("volume") or not csl.get("title") or last.ibid or last.short_form:
        return None
    found = read_volume(text, pos, limit, "number-of-volumes" in csl)
    if found is None or found[0] == csl["volume"]:
        return None
    number, title, year, end = found
    after = _TAIL_SEPARATOR.match(text, end, limit).end()
    locator = parse_locator(text, after, need_label=True) if after < limit else None
    if locator is None and text[end:limit].strip(" ."):
        return None
    fields = {key: value for key, value in csl.items() if key not in ("volume", "volume-title")}
    fields["volume"] = number
    if title:
        fields["volume-title"] = title
    if year:
        fields["issued"] = {"date-parts": [[year]]}
    return replace(last, csl=fields, start=pos, end=locator.end if locator else end, prefix=None, suffix=None,
                   locator=locator.value if locator else None, label=locator.label if locator else None,
                   spans=[("locator", locator.start, locator.end)] if locator else [])
