"""citeproc-py's `normalize_seam` (called at every join, affix and MixedString addition) compares
the last character of the text so far with the first of the next piece, but reads the last one
as `str(left)[-1]`: for a MixedString, the whole text joined from every segment, on every call,
so a join of n pieces builds n ever longer strings. The same character is read here from the end:
the last character of the last segment whose text is not empty (a plain MixedString's text is
its segments' texts joined, `MixedString.__str__`); any other piece, including a class of our
fixes with a `__str__` of its own, is still turned into its text. The first character of the
piece about to be added is read the same way from the front (`first_char`): it too was the whole
piece's text. The rest is citeproc-py's code: the same answer, the same pieces returned.
"""
from __future__ import annotations

import sys
from typing import Any

from citeproc import model
from citeproc import string as cstring

NAME = "seam_last_char"
DESCRIPTION = "normalize_seam reads the last character of the text so far, not the whole text"
OUTPUT_PRESERVING = True

_original_normalize_seam = cstring.normalize_seam
_MixedString = cstring.MixedString
_mixed_str = cstring.MixedString.__str__
# Pieces whose text is their own value (no __str__ of their own): sliced as they are.
_PLAIN = (str, cstring.String)


def last_char(text: Any) -> str:
    """`str(text)[-1:]`, without joining a plain MixedString's segments."""
    if type(text) in _PLAIN:
        return text[-1:]
    if type(text) is _MixedString and _MixedString.__str__ is _mixed_str:
        for segment in reversed(text):  # list order: MixedString's own __getitem__ indexes its text
            last = last_char(segment)
            if last:
                return last
        return ""
    return str(text)[-1:]


def first_char(text: Any) -> str:
    """`str(text)[:1]`, without joining a plain MixedString's segments."""
    if type(text) in _PLAIN:
        return text[:1]
    if type(text) is _MixedString and _MixedString.__str__ is _mixed_str:
        for segment in text:  # list order, as in last_char
            first = first_char(segment)
            if first:
                return first
        return ""
    return str(text)[:1]


def normalize_seam(left: Any, other: Any) -> Any:
    """citeproc-py's normalize_seam with the last character of `left` read by last_char."""
    last = last_char(left)
    first = first_char(other)
    if not last or not first:
        return other
    if last == " " and first == " ":  # a double space
        return cstring._strip_first_char(other)
    if last == first and first in cstring.SEAM_PUNCTUATION:  # a duplicated punctuation mark
        return cstring._strip_first_char(other)
    return other


def apply() -> None:
    # Only over citeproc-py's own: fixes/punctuation_collisions (applied later) wraps whichever
    # it finds when imported, and calls it by its module's name for it, so one imported before
    # this fix was applied is pointed at ours too.
    if cstring.normalize_seam is _original_normalize_seam:
        cstring.normalize_seam = normalize_seam
        if model.normalize_seam is _original_normalize_seam:
            model.normalize_seam = normalize_seam
    collisions = sys.modules.get("converter.render.fixes.punctuation_collisions")
    if collisions is not None and collisions._original_normalize_seam is _original_normalize_seam:
        collisions._original_normalize_seam = normalize_seam
