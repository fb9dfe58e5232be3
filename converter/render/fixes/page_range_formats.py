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
prints as typed. Ranges of other than plain digits ("N110-5") are left to citeproc-py.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

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


def _formatting(method: Any) -> Any:
    def format_last_page(self: Any, first: Any, last: Any) -> Any:
        first_text, last_text = str(first), str(last)
        if not (first_text.isdigit() and last_text.isdigit()):
            return method(self, first, last)
        return collapsed(first_text, last_text, self.get_root().get_option("page-range-format"))
    format_last_page.__name__ = "format_last_page_lined_up"
    return format_last_page


def apply() -> None:
    if model.FormatNumber._format_last_page.__name__ != "format_last_page_lined_up":
        model.FormatNumber._format_last_page = _formatting(model.FormatNumber._format_last_page)
