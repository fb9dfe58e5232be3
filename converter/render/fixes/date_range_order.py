"""citeproc-py renders a date range as the parts that differ, a dash, then the parts the two dates
share, whatever order the date's parts have: "6–9, May 2000" for 6–9 May in en-US, "1– 2June"
for 1–2 June with Chicago's `<date-part name="day" prefix=" "/>`. CSL and citeproc-js keep the
date's own order and collapse only the parts from the largest that differs down to the day:
the first date's parts are rendered up to the last of those, the suffix of that part dropped, the
range delimiter (the `range-delimiter` of the part rendered last, else an en dash), then the
second date's collapsed parts with the prefix of the first dropped, then the shared parts that
follow: "May 6–9, 2000", "June 1–2", "2 January–4 March 1999".
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "date_range_order"
DESCRIPTION = "render a date range in the date's own part order, collapsing only the parts that differ"

PARTS = ("year", "month", "day")
EN_DASH = "\u2013"


def _value(date: Any, name: str) -> Any:
    value = date.get(name)
    if name == "month" and value is None and date.get("season") is not None:
        return ("season", date.get("season"))
    return value


def _rendered(part: Any, date: Any, context: Any) -> str | None:
    try:
        text = part.render(date, context)
    except model.VariableError:
        return None
    return text


def _without_suffix(part: Any, text: Any) -> Any:
    suffix = part.get("suffix", "")
    return str(text)[:-len(suffix)] if suffix and str(text).endswith(suffix) else text


def _without_prefix(part: Any, text: Any) -> Any:
    prefix = part.get("prefix", "")
    return str(text)[len(prefix):] if prefix and str(text).startswith(prefix) else text


def _ordered(render_date_range: Any) -> Any:
    def render(self: model.Date, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        begin, end = date_range.begin, date_range.end
        if end.is_nil():
            return render_date_range(self, date_range, show_parts, context)
        shown = list(show_parts) if show_parts is not None else list(PARTS)
        parts = [part for part in self.iterchildren() if part.get("name") in shown]
        names = [part.get("name") for part in parts]
        ranged = [name for name in PARTS if name in names and _value(end, name) is not None]
        differing = next((index for index, name in enumerate(ranged)
                          if _value(begin, name) != _value(end, name)), None)
        if differing is None:
            return render_date_range(self, date_range, show_parts, context)
        if context is None or not isinstance(context, model.Delimited):
            context = self
        # The parts join as citeproc-py joins a single date's, but a locale's date keeps its delimiter.
        joiner = context if self.is_locale_date() and self.get("delimiter") is None else self
        collapsed = set(ranged[differing:])
        output: list[Any] = []
        second: list[Any] = []
        for part in parts:
            name = part.get("name")
            text = _rendered(part, begin, context)
            if name not in collapsed:
                if text is not None:
                    output.append(text)
                continue
            collapsed.discard(name)
            end_text = _rendered(part, end, context)
            if end_text is not None:
                second.append(_without_prefix(part, end_text) if not second else end_text)
            if collapsed:
                if text is not None:
                    output.append(text)
                continue
            # The last collapsed part: the first date stops here and the second one follows.
            delimiter = part.get("range-delimiter") or EN_DASH
            first = _without_suffix(part, text) if text is not None else ""
            output.append(first + delimiter + joiner.join(second))
        return joiner.join(output)
    render.__name__ = "render_date_range_ordered"
    return render


def apply() -> None:
    if model.Date.render_date_range.__name__ != "render_date_range_ordered":
        model.Date.render_date_range = _ordered(model.Date.render_date_range)
