"""citeproc-py collapses a page range by the digits its two numbers share from the left, without
lining them up: under page-range-format="minimal-two" (MHRA, MLA) "1-23" prints "1–3", "9-27"
"9–7" and "1-163" "1–3"; an abbreviated last page ("110-5", "107-08") is never expanded, so
"expanded" prints "110–5"; and "chicago-16" keeps the four-digit rule of "chicago" (15th ed.),
printing "2787–2816" for "2787–816".

CSL 1.0.2, Appendix V (and citeproc-js): the last page is first expanded to the digits of the
first ("110-5" is 110–115); a range that does not go up, or whose last page has more digits,
stays in full; "minimal" keeps the digits that differ, "minimal-two" at least two of them;
"chicago" (= chicago-15) expands below 100 and at multiples of 100, is minimal for 101–109 and
the like and minimal-two otherwise, and a four-digit range changing three or more digits stays
in full (1496–1504); "chicago-16" drops that last rule. Without page-range-format a range
prints as typed.

citeproc-py also makes an en dash of every hyphen in a page field and collapses its parts as
digits ("Michaelson-Morely" -> "Michaelson–orely" under "minimal", "i-ix" -> "i–x"). As
citeproc-js does: pages with one letter prefix on both ends collapse their digits, the last
losing the prefix ("B13-B14" -> "B13–14"; "expanded" gives "N110–N115"); roman numerals get the
range delimiter and are not collapsed; a hyphen between anything else (different or missing
prefixes, words, "300-31862 (Autumn 1978): 4156") is no range and is printed as typed, closed
up ("N110 - 5" -> "N110-5"), as is an escaped hyphen ("3\\-B" -> "3-B").
"""
from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.string import String

from converter.render.fixes.number_ranges import _range_delimiter

NAME = "page_range_formats"
DESCRIPTION = "page-range-format collapsing on lined-up digits, abbreviated last pages expanded (Appendix V)"


def collapsed(first: str, last: str, range_format: str | None) -> str:
    """The last page of first–last as `range_format` prints it (both plain digit strings)."""
    if not range_format:
        return last  # without page-range-format, ranges print as typed
    if len(last) < len(first):
        last = first[:len(first) - len(last)] + last
    if range_format == "expanded" or int(last) <= int(first) or len(last) != len(first):
        return last
    common = next((index for index, (a, b) in enumerate(zip(first, last, strict=True)) if a != b), len(first))
    if range_format.startswith("chicago"):
        number = int(first)
        if number < 100 or number % 100 == 0:
            return last
        if range_format in ("chicago", "chicago-15") and len(first) == 4 and len(first) - common >= 3:
            return last
        range_format = "minimal" if number % 100 < 10 else "minimal-two"
    if range_format == "minimal":
        return last[common:]
    if range_format == "minimal-two":
        return last[min(common, len(last) - 2):]
    return last


RANGE = re.compile(r"\s*[-\u2013]\s*")
PREFIXED = re.compile(r"([^\W\d_]+)(\d+)")
ROMAN = re.compile(r"[ivxlcdm]+|[IVXLCDM]+")
SUFFIXED = re.compile(r"\d+[^\W\d_]*")  # "12a": citeproc-py's own handling is citeproc-js's


def _page_piece(self: Any, piece: str, method: Any) -> Any:
    """One comma- or ampersand-separated part of a page field."""
    parts = RANGE.split(piece.strip())
    if len(parts) != 2 or all(SUFFIXED.fullmatch(part) for part in parts):
        return method(self, piece, "page")
    first, last = parts
    delimiter = _range_delimiter(self, "page")
    prefixes = PREFIXED.fullmatch(first), PREFIXED.fullmatch(last)
    if prefixes[0] and prefixes[1] and prefixes[0].group(1) == prefixes[1].group(1):
        range_format = self.get_root().get_option("page-range-format")
        if not range_format:
            return first + delimiter + last
        digits = collapsed(prefixes[0].group(2), prefixes[1].group(2), range_format)
        return first + delimiter + (prefixes[1].group(1) + digits if range_format == "expanded" else digits)
    if ROMAN.fullmatch(first) and ROMAN.fullmatch(last):
        return first + delimiter + last
    return first + RANGE.search(piece).group().strip() + last  # no range: the hyphen as typed, closed up


def _paging(method: Any) -> Any:
    def process(self: Any, value: Any, variable: str) -> Any:
        text = str(value)
        if variable != "page" or ("-" not in text and "\u2013" not in text):
            return method(self, value, variable)
        if "\\-" in text:  # an escaped hyphen is a hyphen, not a range ("3\\-B")
            return String(text.replace("\\-", "-"))
        amp = " " + self.unicode_character("AMPERSAND") + " "
        return String(", ".join(amp.join(str(_page_piece(self, piece, method)) for piece in item.split("&"))
                                for item in text.split(",")))
    process.__name__ = "process_page_ranges"
    return process


def _formatting(method: Any) -> Any:
    def format_last_page(self: Any, first: Any, last: Any) -> Any:
        first_text, last_text = str(first), str(last)
        if not (first_text.isdigit() and last_text.isdigit()):
            return method(self, first, last)
        return collapsed(first_text, last_text, self.get_root().get_option("page-range-format"))
    format_last_page.__name__ = "format_last_page_lined_up"
    return format_last_page


def apply() -> None:
    if model.FormatNumber.__dict__.get("_page_range_formats_applied"):
        return
    model.FormatNumber._page_range_formats_applied = True
    model.FormatNumber._format_last_page = _formatting(model.FormatNumber._format_last_page)
    # cs:text reads page through FormatNumber._process; cs:number through Number's own
    # (fixes/number_ranges.py).
    for cls in (model.FormatNumber, model.Number):
        cls._process = _paging(cls.__dict__["_process"])
