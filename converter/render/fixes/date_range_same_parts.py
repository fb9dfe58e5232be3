"""citeproc-py renders nothing for a date range whose shown parts are all the same: a file dated
2 January–23 November 1925 shown by year only (author-date's `date-parts="year"`) drops the
year, since "1925" is both the range's common part and its only part, and the range renders as
empty. CSL 1.0.2 and citeproc-js: when the dates do not differ in any part shown, the range
renders as the single date ("1925").
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "date_range_same_parts"
DESCRIPTION = "a date range that does not differ in any shown part renders as one date"

PARTS = ("year", "month", "day")


def _same_in(date_range: Any, parts: list[str]) -> bool:
    begin, end = date_range.begin, date_range.end
    return all(getattr(begin, "get", lambda *_: None)(part) == getattr(end, "get", lambda *_: None)(part)
               for part in parts)


def _collapsing(render_date_range: Any) -> Any:
    def render(self: model.Date, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        parts = list(show_parts) if show_parts is not None else list(PARTS)
        if self.get("form") is None and not self.is_locale_date():
            # A date of the style's own: it shows only the date-parts it has.
            named = {part.get("name") for part in self.iterchildren() if part.get("name")}
            parts = [part for part in parts if part in named] or parts
        if not date_range.end.is_nil() and _same_in(date_range, parts):
            return self.render_single_date(date_range.begin, parts, context)
        return render_date_range(self, date_range, show_parts, context)
    render.__name__ = "render_date_range_same_parts"
    return render


def apply() -> None:
    if model.Date.render_date_range.__name__ != "render_date_range_same_parts":
        model.Date.render_date_range = _collapsing(model.Date.render_date_range)
