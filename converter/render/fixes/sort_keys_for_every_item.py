"""citeproc-py sorts by rendering every sort key of every item first, then compares items key
by key. A later key only matters between items that tie on all earlier ones, and a macro key
(Chicago's `source-bib` renders a whole source) costs a full rendering. Items are sorted by
the first key; each run of items that tie on it is then sorted by the next key, rendered for
those items only, and so on. Comparisons are citeproc-py's own (lower-cased, compared as
integers when both are numbers, missing keys last even when descending) and every sort is
stable, so the order is the one citeproc-py's single sort gives.

citeproc-py lower-cases (for our keys: collates, fixes/sort_collation.py) and parses both values
again at every comparison, n log n times; each value is prepared once here (`_prepared`), and
comparisons of prepared values give the same answers (`_compare_prepared`). Where one key orders
them all (every value missing, or a number, or every one present a text that is no number), the
items are sorted by that key (`_by_key`), which gives the same order without a Python comparison
per pair.
"""
from __future__ import annotations

from functools import cmp_to_key
from typing import Any

from citeproc import model

NAME = "sort_keys_for_every_item"
DESCRIPTION = "render a later sort key only for the items that tie on the earlier ones"
OUTPUT_PRESERVING = True

_original_sort = model.Sort.sort


def _compare(left: Any, right: Any, descending: bool) -> int:
    """citeproc-py's comparison of one key's values (Sort.sort's inner mycmp)."""
    if left is not None and right is not None:
        try:
            left, right = str(left.lower()), str(right.lower())
        except AttributeError:
            pass
        try:
            left, right = int(str(left)), int(str(right))
        except ValueError:
            pass
        result = (left > right) - (left < right)
        return -result if descending else result
    if left is not None:
        return -1
    if right is not None:
        return 1
    return 0


class _Prepared:
    """A key value with what `_compare` computes from it: `str(value.lower())` and that string as
    an integer (None when it is not one). `lowered` is None for a value without `.lower()`."""

    __slots__ = ("lowered", "number", "value")

    def __init__(self, value: Any) -> None:
        self.value = value
        self.lowered = self.number = None
        if value is not None:
            try:
                self.lowered = str(value.lower())
            except AttributeError:
                return
            try:
                self.number = int(self.lowered)
            except ValueError:
                pass


def _compare_prepared(left: _Prepared, right: _Prepared, descending: bool) -> int:
    """`_compare(left.value, right.value, descending)`, from the prepared forms."""
    if left.lowered is None or right.lowered is None:
        return _compare(left.value, right.value, descending)  # None, or a value without .lower()
    if left.number is not None and right.number is not None:
        a: Any = left.number
        b: Any = right.number
    else:
        a, b = left.lowered, right.lowered
    result = (a > b) - (a < b)
    return -result if descending else result


def _by_key(pairs: list[tuple[Any, _Prepared]], descending: bool) -> list[tuple[Any, _Prepared]] | None:
    """The pairs in `_compare_prepared`'s order, stably, where one key gives it: the values present
    all numbers (compared as numbers) or all texts that are no number (compared as texts), the
    missing ones last in their order (as `_compare` puts them, descending or not); None where
    values of both kinds, or without `.lower()`, would be compared pair by pair."""
    present = [pair for pair in pairs if pair[1].value is not None]
    if any(pair[1].lowered is None for pair in present):
        return None
    numbers = sum(pair[1].number is not None for pair in present)
    if numbers == len(present):
        ordered = sorted(present, key=lambda pair: pair[1].number, reverse=descending)
    elif numbers == 0:
        ordered = sorted(present, key=lambda pair: pair[1].lowered, reverse=descending)
    else:
        return None
    return ordered + [pair for pair in pairs if pair[1].value is None]


def _sort_by_keys(items: list[Any], keys: list[Any], context: Any) -> list[Any]:
    if not keys or len(items) < 2:
        return items
    key, rest = keys[0], keys[1:]
    descending = key.get("sort", "ascending").lower() == "descending"
    values = [_Prepared(value) for value in key.sort_keys(items, context)]
    pairs = list(zip(items, values, strict=True))
    ordered = _by_key(pairs, descending)
    pairs = ordered if ordered is not None else sorted(
        pairs, key=cmp_to_key(lambda a, b: _compare_prepared(a[1], b[1], descending)))
    if not rest:
        return [item for item, _ in pairs]
    output: list[Any] = []
    start = 0
    for end in range(1, len(pairs) + 1):
        if end == len(pairs) or _compare_prepared(pairs[start][1], pairs[end][1], descending) != 0:
            output += _sort_by_keys([item for item, _ in pairs[start:end]], rest, context)
            start = end
    return output


def _sort(self: Any, items: list[Any], context: Any) -> list[Any]:
    return _sort_by_keys(list(items), self.findall("cs:key", self.nsmap), context)


def apply() -> None:
    if model.Sort.__dict__["sort"] is _original_sort:
        model.Sort.sort = _sort
