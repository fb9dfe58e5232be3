"""Memos that live for one note.

The readers ask about the same places of a note again and again (a name at this offset, the
comma-separated parts of this stretch), so those answers are memoised; but a memo keyed on the
note's text would also answer for an identical note later in the book, or in a benchmark that
replicates its notes, and measure a cache instead of the parser. `find_references` therefore
forgets these memos before each note.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMOS: list[Any] = []


def for_one_note(function: F) -> F:
    """Memoise a pure function of a note's text and offsets until the next note begins."""
    memo = lru_cache(maxsize=1 << 12)(function)  # bounded: the later stages ask too, with no note boundary
    _MEMOS.append(memo)
    return memo  # type: ignore[return-value]


def forget_note() -> None:
    """Called before each note: nothing remembered of one note answers for another."""
    for memo in _MEMOS:
        memo.cache_clear()
