"""Dates in sort keys as citeproc-js makes them (CSL.dateAsSortKey), so that a bibliography sorts as
citeproc-js sorts it. citeproc-py keys a date by its first day only (YYYYYMMDD), a literal date by
its text, and a macro key by the whole text it renders, dates included. citeproc-js:

- keys a date by its start and its end, each as "1" + year (4 digits) + month + day, the parts the
  cs:date does not show as zeros; a year before Christ as "0" + (9999 - year). A single date has
  the empty end "10000000": 1984 sorts before 1984–1986, and 1984–1986 before 1985.
- gives a literal date ("1973b", "Han Dynasty") no key: it sorts after every dated item and the
  next key decides.
- renders a macro that holds a cs:date of its own as the keys of its dates alone, one after the
  other, without the macro's other text, affixes or delimiters, as one run of digits: "(1959)
  1997" keys as 1195900001000000001199700001000000, and citeproc-js collates numerically, so it
  sorts after "1997" (fixes/sort_collation.py collates digits as numbers).
- drops the keys of a nested date macro whose dates show nothing of the item (a month-and-day
  cs:date of a year-only date), as it drops a cs:group whose variables are all empty; the macro
  that is the sort key itself keeps them.
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc import DATES, model
from citeproc.source import DateRange, LiteralDate

from converter.render.fixes.sort_collation import SORTING

NAME = "date_sort_keys"
DESCRIPTION = "dates in sort keys keyed by start and end as citeproc-js keys them; date macros by their dates alone"

ALL_PARTS = frozenset({"year", "month", "day"})
_EMPTY_END = "1" + "0000" + "00" + "00"

# The keys of the date macro rendering now (innermost), each with whether its date shows anything.
_collected: ContextVar[list[tuple[str, bool]] | None] = ContextVar("collected", default=None)
# How many macros deep the sort key being rendered is (1: the key's own macro).
_depth: ContextVar[int] = ContextVar("depth", default=0)
_MARK = "macro-has-date"


def _part(date: Any, name: str, parts: frozenset[str] | set[str]) -> int:
    value = date.get(name, 0) if name in parts else 0
    return value if isinstance(value, int) else 0


def _single_key(date: Any, parts: frozenset[str] | set[str]) -> str:
    year = _part(date, "year", parts)
    if year < 0:
        year_text = ("0" + str(9999 + year)).zfill(4)
    else:
        year_text = "1" + f"{year:04d}"
    return f"{year_text}{_part(date, 'month', parts):02d}{_part(date, 'day', parts):02d}"


def date_key(date: Any, parts: frozenset[str] | set[str] = ALL_PARTS) -> str | None:
    """citeproc-js's key of a citeproc-py date: start and end, the parts not shown as zeros;
    None for a literal date or one without a year."""
    if date is None or isinstance(date, LiteralDate):
        return None
    begin, end = (date.begin, date.get("end")) if isinstance(date, DateRange) else (date, None)
    if not begin.get("year"):
        return None
    end_key = _single_key(end, parts) if end is not None and not end.is_nil() else _EMPTY_END
    return _single_key(begin, parts) + end_key


def _shows_something(date: Any, parts: set[str]) -> bool:
    begin = date.begin if isinstance(date, DateRange) else date
    return any(begin.get(name) for name in parts) or ("month" in parts and bool(begin.get("season")))


def _shown_parts(date_element: Any) -> set[str]:
    """The date-parts a cs:date shows: its date-parts attribute for a localized form, else its
    cs:date-part children (all three when it names none)."""
    if date_element.get("form") is not None:
        return set(date_element.get("date-parts", "year-month-day").split("-"))
    named = {part.get("name") for part in date_element.iterchildren() if part.get("name")}
    return named or set(ALL_PARTS)


def _holds_date(macro: model.Macro) -> bool:
    """Whether a cs:date is among the macro's own descendants (not in macros it calls); marked on
    the macro once, as citeproc-js marks it (its `macro-has-date` attribute)."""
    marked = macro.get(_MARK)
    if marked is None:
        marked = "true" if any(isinstance(node, model.Date) for node in macro.iterdescendants()) else "false"
        macro.set(_MARK, marked)
    return marked == "true"


def _date_macro_rendering(render: Any) -> Any:
    def macro_render(self: model.Macro, item: Any, context: Any = None, sort_options: Any = None) -> Any:
        if not SORTING.get():
            return render(self, item, context=context, sort_options=sort_options)
        depth = _depth.get() + 1
        depth_token = _depth.set(depth)
        try:
            if not _holds_date(self):
                return render(self, item, context=context, sort_options=sort_options)
            outer = _collected.get()
            keys: list[tuple[str, bool]] = []
            token = _collected.set(keys)
            try:
                render(self, item, context=context, sort_options=sort_options)
            finally:
                _collected.reset(token)
        finally:
            _depth.reset(depth_token)
        if not (depth == 1 or any(shown for _, shown in keys)):
            return None
        if outer is not None:  # a date macro inside a date macro: its keys are the outer one's
            outer.extend((key, True) for key, _ in keys)
            return None
        return model.String("".join(key for key, _ in keys)) if keys else None
    macro_render.__name__ = "macro_render_date_keys"
    return macro_render


def _date_keyed(process: Any) -> Any:
    def date_process(self: model.Date, item: Any, variable: str | None = None, show_parts: Any = None,
                     context: Any = None, **kwargs: Any) -> Any:
        if not SORTING.get() or self.is_locale_date():
            return process(self, item, variable, show_parts, context, **kwargs)
        name = (variable or self.get("variable") or "").replace("-", "_")
        try:
            date = item.reference[name]
        except (KeyError, model.VariableError):
            return None
        parts = _shown_parts(self)
        key = date_key(date, parts)
        if key is None:
            return None
        collected = _collected.get()
        if collected is not None:
            collected.append((key, _shows_something(date, parts)))
        return model.String(key)
    date_process.__name__ = "date_process_date_keys"
    return date_process


def _variable_date_keyed(sort_keys: Any) -> Any:
    def keys(self: model.Key, items: Any, context: Any) -> list[Any]:
        variable = self.get("variable", "").replace("-", "_")
        if variable in DATES:
            return [date_key(item.reference.get(variable)) for item in items]
        token = _depth.set(0)
        try:
            return sort_keys(self, items, context)
        finally:
            _depth.reset(token)
    keys.__name__ = "sort_keys_date_keys"
    return keys


def apply() -> None:
    if model.Key.sort_keys.__name__ == "sort_keys_date_keys":
        return
    model.Key.sort_keys = _variable_date_keyed(model.Key.sort_keys)
    model.Macro.render = _date_macro_rendering(model.Macro.render)
    model.Date.process = _date_keyed(model.Date.process)
