"""citeproc-py prints a literal date ("186X", "Han Dynasty") for every cs:date of its variable,
whatever date-parts that cs:date shows, so Chicago author-date, which gives the year after the
author and the month and day again after the publisher, prints "International Museum of
Photography, 186X." for a photograph dated "186X". citeproc-js renders a literal date in place of
the year: a cs:date that shows no year (month and day only) renders nothing for it; one that
shows the year renders the literal as citeproc-py does.
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import LiteralDate

NAME = "literal_date_year"
DESCRIPTION = "a literal date renders only where its cs:date shows the year"


def _shows_year(date: model.Date, show_parts: Any) -> bool:
    if show_parts is not None and "year" not in show_parts:
        return False
    return any(part.get("name") == "year" for part in date.iterchildren())


def _literal_in_year(process: Any) -> Any:
    def date_process(self: model.Date, item: Any, variable: str | None = None, show_parts: Any = None,
                     context: Any = None, **kwargs: Any) -> Any:
        name = (variable or self.get("variable") or "").replace("-", "_")
        try:
            value = item.reference[name] if name else None
        except (KeyError, model.VariableError):
            value = None
        # A cs:date with a form renders through the locale's cs:date, which comes back here.
        if (isinstance(value, LiteralDate) and (self.get("form") is None or self.is_locale_date())
                and not _shows_year(self, show_parts)):
            return None
        return process(self, item, variable, show_parts, context, **kwargs)
    date_process.__name__ = "date_process_literal_year"
    return date_process


def apply() -> None:
    if model.Date.process.__name__ != "date_process_literal_year":
        model.Date.process = _literal_in_year(model.Date.process)
