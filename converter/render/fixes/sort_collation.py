"""citeproc-py sorts a bibliography by comparing rendered sort keys as plain strings, so
"Čičerin" sorts after "Spriano", an item sorted by its quoted title ("“Beseda ...") goes after every
letter, and "April 11, 1924" comes before "March 13, 1924". citeproc-js compares keys with the
locale's collation at base strength, ignoring punctuation, and renders the dates inside a macro
key as sortable dates (year, month, day). So do we: while a sort key renders, a date renders as
its sort key (citeproc-py's own Date.sort_key, YYYYYMMDD), and every rendered key is compared by
its base letters (accents and case folded, punctuation left out). Name lists in keys leave
their labels out.
"""
from __future__ import annotations

import unicodedata
from contextvars import ContextVar
from typing import Any

from citeproc import model
from citeproc.source import DateRange, LiteralDate

NAME = "sort_collation"
DESCRIPTION = "sort keys compared by base letters, ignoring punctuation; dates in macro keys by date"

_sorting: ContextVar[bool] = ContextVar("sorting", default=False)


def collation_key(text: str) -> str:
    """Base letters, digits and word breaks of a key: NFKD with combining marks dropped, case
    folded, punctuation and symbols left out, runs of spaces as one space. (Spaces count, as they
    do in citeproc-js: "Mussolini al Ministro" sorts before "Mussolini, all’ambasciatore".)"""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(char if unicodedata.category(char)[0] in "LN" else " " if char.isspace() else ""
                   for char in decomposed.casefold())
    return " ".join(kept.split())


class SortKey(str):
    """A rendered key. citeproc-py compares `str(key.lower())`: for this key, its collation key;
    keys equal at base strength tie, and the next sort key decides, as in citeproc-js."""

    def lower(self) -> str:  # type: ignore[override]
        return collation_key(self)


def _keyed(sort_keys: Any) -> Any:
    def keys(self: model.Key, items: Any, context: Any) -> list[Any]:
        token = _sorting.set(True)
        # A year-suffix ("1924c") is given after sorting, as in citeproc-js: keys are made without it.
        suffixes = {}
        for item in items:
            reference = item.reference
            if "year_suffix" in reference:
                suffixes[id(reference)] = (reference, reference.pop("year_suffix"))
        try:
            values = sort_keys(self, items, context)
        finally:
            _sorting.reset(token)
            for reference, suffix in suffixes.values():
                reference["year_suffix"] = suffix
        out = []
        for value in values:
            if value is None or isinstance(value, int | float):
                out.append(value)
                continue
            text = str(value)
            # Numeric keys stay numbers for citeproc-py's integer comparison.
            out.append(text if text.strip().isdigit() else SortKey(text))
        return out
    keys.__name__ = "sort_keys_collated"
    return keys


def _shown_parts(date_element: Any) -> set[str]:
    """The date-parts a cs:date shows: its date-parts attribute for a localized form, else its
    cs:date-part children (all three when it names none)."""
    if date_element.get("form") is not None:
        return set(date_element.get("date-parts", "year-month-day").split("-"))
    named = {part.get("name") for part in date_element.iterchildren() if part.get("name")}
    return named or {"year", "month", "day"}


def _date_key(date: Any, parts: set[str]) -> str:
    """citeproc-py's Date.sort_key (YYYYYMMDD) limited to the parts shown, the rest as zeros."""
    key = date.sort_key()
    return key[:5] + (key[5:7] if "month" in parts else "00") + (key[7:9] if "day" in parts else "00")


def _dated(process: Any) -> Any:
    def date_process(self: model.Date, item: Any, variable: str | None = None, show_parts: Any = None,
                     context: Any = None, **kwargs: Any) -> Any:
        if _sorting.get() and not self.is_locale_date():
            name = (variable or self.get("variable") or "").replace("-", "_")
            try:
                date = item.reference[name]
            except (KeyError, model.VariableError):
                date = None
            if date is not None and not isinstance(date, LiteralDate):
                first = date.begin if isinstance(date, DateRange) else date
                return model.String(_date_key(first, _shown_parts(self)))
        return process(self, item, variable, show_parts, context, **kwargs)
    date_process.__name__ = "date_process_sortable"
    return date_process


def _unlabelled(render: Any) -> Any:
    def label_render(self: model.Label, *args: Any, **kwargs: Any) -> Any:
        # A name list in a sort key is the names alone, as citeproc-js makes it: "Gaonkar, ed."
        # and "Gaonkar" tie, and the title decides.
        if _sorting.get() and isinstance(self.getparent(), model.Names):
            return None
        return render(self, *args, **kwargs)
    label_render.__name__ = "label_render_unlabelled"
    return label_render


def apply() -> None:
    if model.Label.render.__name__ != "label_render_unlabelled":
        model.Label.render = _unlabelled(model.Label.render)
    if model.Key.sort_keys.__name__ != "sort_keys_collated":
        model.Key.sort_keys = _keyed(model.Key.sort_keys)
    if model.Date.process.__name__ != "date_process_sortable":
        model.Date.process = _dated(model.Date.process)
