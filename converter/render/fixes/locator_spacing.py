"""citeproc-py prints a locator exactly as given, so " 666" after a colon prints "Title: 666"
and a range typed "100 - 103" prints "100 – 103", where citeproc-js trims the locator and
closes up the spaces around a range's hyphen ("Title:666", "100–103"). A locator is read so when
its citation item is made: trimmed, and a hyphen or en dash between two numbers loses the spaces
around it.
"""
from __future__ import annotations

import re
from typing import Any

from citeproc import source

NAME = "locator_spacing"
DESCRIPTION = "trim locators and close up spaced ranges (100 - 103 -> 100-103), as citeproc-js"

SPACED_RANGE = re.compile(r"(\d)\s+([-\u2013])\s*(?=\d)|(\d)([-\u2013])\s+(?=\d)")


def normalize(identifier: Any) -> Any:
    if not isinstance(identifier, str):
        return identifier
    return SPACED_RANGE.sub(lambda m: (m.group(1) or m.group(3)) + (m.group(2) or m.group(4)), identifier.strip())


_original_init = source.Locator.__init__


def _init(self: Any, label: Any, identifier: Any) -> None:
    _original_init(self, label, normalize(identifier))


def apply() -> None:
    if source.Locator.__init__ is _original_init:
        source.Locator.__init__ = _init
