"""citeproc-py renders the first date of a range with all its date-parts' affixes, so where the
locale's date format puts ", " after the day (en-US "January 2, 1925") a range comes out
"January 2,–November 23, 1925". In CSL 1.0.2 (and citeproc-js) the range delimiter replaces the
suffix of the last date-part rendered before it: "January 2–November 23, 1925".
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc import model

NAME = "date_range_affixes"
DESCRIPTION = "drop the suffix of the last date-part before a date range's delimiter"

# The first date of the range being rendered, while its range renders.
_range_begin: ContextVar[Any] = ContextVar("range_begin", default=None)


def _ranged(render_date_range: Any) -> Any:
    def render(self: model.Date, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        token = _range_begin.set(date_range.begin)
        try:
            return render_date_range(self, date_range, show_parts, context)
        finally:
            _range_begin.reset(token)
    render.__name__ = "render_date_range_affixes"
    return render


def _parts(parts: Any) -> Any:
    def date_parts(self: model.Date, date: Any, show_parts: Any, context: Any = None) -> list[Any]:
        output = parts(self, date, show_parts, context)
        if output and date is _range_begin.get():
            last = [part for part in self.iterchildren() if part.get("name") in show_parts][-1:]
            suffix = last[0].get("suffix", "") if last else ""
            text = str(output[-1])
            if suffix and text.endswith(suffix):
                output[-1] = text[:-len(suffix)]
        return output
    date_parts.__name__ = "parts_for_ranges"
    return date_parts


def apply() -> None:
    if model.Date.render_date_range.__name__ != "render_date_range_affixes":
        model.Date.render_date_range = _ranged(model.Date.render_date_range)
        model.Date.parts = _parts(model.Date.parts)
