"""Where two rendered pieces meet, citeproc-py only drops a repeated mark ("..", ",,"). citeproc-js
also drops a period or colon that follows a mark that already ends the phrase ("Life?" + "." is
"Life?", "etc;" + ":" is "etc;"), and it looks through closing markup to find that mark
("<i>reference.</i>" + "." is "<i>reference.</i>").

So at every seam (citeproc-py's normalize_seam, used by its joins and affixes): the last
character of the left piece, past any closing HTML tags, decides whether a leading "." or ":"
of the right piece is dropped (after . : ; ! ? for a period, after : ; ! ? for a colon, as
citeproc-js's punctuation table does); a repeated mark is dropped across closing tags too; and a
colon or semicolon ending the left piece gives way to a "!" or "?" starting the right one.
"""
from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc import string as cstring

from converter.render.fixes import seam_last_char
from converter.render.fixes.seam_last_char import first_char, last_char

NAME = "punctuation_collisions"
DESCRIPTION = "drop a period or colon after a mark that already ends the phrase, looking past closing tags"

# The right piece's first character -> the left piece's last characters that make it redundant.
REDUNDANT_AFTER = {".": ".:;!?", ":": ":;!?", ",": ",", ";": ";", "!": "!", "?": "?"}
CLOSING_TAGS = re.compile(r"(?:</[a-z]+>)+$")

# The left piece's last character that a following mark replaces ("colon:" + "!" is "colon!").
REPLACED_BY = {"!": ":;", "?": ":;"}

_original_normalize_seam = cstring.normalize_seam
_original_add = cstring.MixedString.__add__


def _normalize_seam(left: Any, other: Any) -> Any:
    last = None
    if _original_normalize_seam is seam_last_char.normalize_seam:
        # Its code, here, so that each of the two characters is read once for both tests, the
        # right piece's first: a piece that begins with neither a space nor a mark loses nothing
        # (the usual case), whatever the (longer) left piece ends with.
        first = first_char(other)
        if not first or (first != " " and first not in cstring.SEAM_PUNCTUATION and first not in REDUNDANT_AFTER):
            return other
        last = last_char(left)
        if not last:
            return other  # nothing to drop: neither test below drops after an empty piece
        if (last == " " and first == " ") or (last == first and first in cstring.SEAM_PUNCTUATION):
            other = cstring._strip_first_char(other)
            first = first_char(other)
    else:
        other = _original_normalize_seam(left, other)
        first = first_char(other)
    if not first or first not in REDUNDANT_AFTER:
        return other  # the common case: no need to look at the (longer) left piece
    if last is None:
        last = last_char(left)
    if last == ">":  # closing tags can end the text only where it ends with ">" (or, for "$", ">\n")
        last = CLOSING_TAGS.sub("", str(left))[-1:]
    if last and last in REDUNDANT_AFTER[first]:
        return cstring._strip_first_char(other)
    return other


def _without_last_char(text: Any) -> Any:
    segments = list(text)
    last = segments[-1]
    shortened = type(last)(str(last)[:-1]) if isinstance(last, str) else last
    return cstring.MixedString([*segments[:-1], *([shortened] if str(shortened) else [])])


def _concatenated(self: Any, other: Any) -> Any:
    """citeproc-py's MixedString.__add__ under its discard_empty_other, step by step, but for how
    it finds that `other` is no list: it tries list addition and catches the TypeError, which
    cost more than the rest of the addition; `self + [other]` is what it then adds."""
    if other == "":
        return self
    other = cstring.normalize_seam(self, other)
    if other == "" or other == []:
        return self
    return self.__class__(list.__add__(self, other if isinstance(other, list) else [other]))


# citeproc-py's own addition (as this module found it) is restated by _concatenated.
_ADDITION = _concatenated if (getattr(_original_add, "__module__", None) == "citeproc.string" and
                              getattr(_original_add, "__qualname__", None) == "MixedString.__add__") else _original_add


def _add(self: Any, other: Any) -> Any:
    first = first_char(other) if other is not None else ""
    if first in REPLACED_BY and self:
        last_segment = list.__getitem__(self, -1)
        if isinstance(last_segment, str) and last_segment[-1:] in REPLACED_BY[first]:
            self = _without_last_char(self)
    return _ADDITION(self, other)


def apply() -> None:
    if cstring.normalize_seam is _normalize_seam:
        return
    cstring.normalize_seam = _normalize_seam
    model.normalize_seam = _normalize_seam
    cstring.MixedString.__add__ = _add
