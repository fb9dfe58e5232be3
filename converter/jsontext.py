"""JSON input with positions: each element of a top-level array keeps its line and column."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from converter.model import Origin
from converter.report import Report

_decoder = json.JSONDecoder()


def position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def elements(text: str, origin: Origin, report: Report) -> Iterator[tuple[Any, Origin]]:
    """Yield (value, origin) for each element of a JSON array, or the one top-level value.

    On a syntax error the error is reported with its line and column and reading stops there;
    the elements already read are kept.
    """
    index = _skip(text, 0)
    if not text.startswith("[", index):
        try:
            value, end = _decoder.raw_decode(text, index)
            if _skip(text, end) != len(text):
                raise json.JSONDecodeError("Extra data", text, _skip(text, end))
        except json.JSONDecodeError as error:
            _invalid(error, origin, report)
            return
        except RecursionError:
            too_deep(text, index, origin, report)
            return
        yield value, origin.at(*position(text, index))
        return
    index = _skip(text, index + 1)
    if text.startswith("]", index):
        return
    while True:
        try:
            value, end = _decoder.raw_decode(text, index)
        except json.JSONDecodeError as error:
            _invalid(error, origin, report)
            return
        except RecursionError:
            too_deep(text, index, origin, report)
            return
        yield value, origin.at(*position(text, index))
        index = _skip(text, end)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
            continue
        if text.startswith("]", index) and _skip(text, index + 1) == len(text):
            return
        error = json.JSONDecodeError("Expecting ',' or ']' after an array element", text, index)
        _invalid(error, origin, report)
        return


def _invalid(error: json.JSONDecodeError, origin: Origin, report: Report) -> None:
    report.add("invalid-json", f"{error.msg}; the rest of the file was not read",
               origin.at(error.lineno, error.colno))


def too_deep(text: str, index: int, origin: Origin, report: Report) -> None:
    """JSON nested deeper than Python's parser can follow (a hostile input): refused, not a crash."""
    report.add("input-too-large", "JSON nested too deeply (over about 900 levels); the rest of the file "
               "was not read", origin.at(*position(text, index)))
