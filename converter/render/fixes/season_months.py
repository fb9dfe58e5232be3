"""CSL-JSON writes a season as a month number: 13–16 (or 17–20, 21–24) for spring, summer,
autumn and winter, as citeproc-js reads them. citeproc-py takes such a month as a month and
finds no term for it, so "Spring 1999" prints as "1999"; a month outside 1–24 (-1, 60) is
likewise printed as nothing but still counts as a month. After citeproc-py has read a date, a
month of 13–24 becomes the date's season (and its day is dropped); any other month outside 1–12
is dropped with its day.
"""
from __future__ import annotations

from typing import Any

from citeproc.source import Date, DateRange
from citeproc.source import json as csljson

NAME = "season_months"
DESCRIPTION = "read CSL-JSON months 13-24 as seasons and drop impossible months"


def _fix(date: Any) -> None:
    month = date.get("month")
    if not isinstance(month, int):
        return
    if 13 <= month <= 24:
        date["season"] = (month - 13) % 4 + 1
    elif 1 <= month <= 12:
        return
    del date["month"]
    date.pop("day", None)


def _wrap_parse_date(method: Any) -> Any:
    def parse_date(self: Any, json_data: Any) -> Any:
        date = method(self, json_data)
        if isinstance(date, DateRange):
            for end in ("begin", "end"):
                if isinstance(date.get(end), Date):
                    _fix(date[end])
        elif isinstance(date, Date):
            _fix(date)
        return date
    parse_date.__name__ = "parse_date_seasons"
    return parse_date


def apply() -> None:
    if csljson.CiteProcJSON.parse_date.__name__ != "parse_date_seasons":
        csljson.CiteProcJSON.parse_date = _wrap_parse_date(csljson.CiteProcJSON.parse_date)
