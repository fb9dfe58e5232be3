"""citeproc-py wraps every rendered piece in its element's prefix and suffix (`Affixed.wrap`), and
most elements have neither: it then still reads both attributes, checks two seams and makes the
concatenations `"" + piece + ""`, and fixes/punctuation_in_quote.py also looks for a closing
quote before the (empty) suffix. For citeproc-py's String and MixedString, and for a plain str,
those concatenations give back the piece itself (their `+` returns the same object when the other
side is ""; an empty left side leaves every seam as it is). So an element without affixes returns
the piece at once; any other piece or element is wrapped as before. Whether an element has
affixes is read once, except for cs:date-part, whose attributes citeproc-py copies in while it
renders.
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.string import MixedString, String

NAME = "affixless_wrap"
DESCRIPTION = "a piece of an element without prefix or suffix is returned as it is, not concatenated with ''"
OUTPUT_PRESERVING = True

# Types whose `"" + piece + ""` is the piece itself (a str subclass of a formatter is not).
UNCHANGED_BY_EMPTY = (String, MixedString, str)


def _affixless(self: Any) -> bool:
    known = self.__dict__.get("_affixless")
    if known is None:
        known = not self.get("prefix", "") and not self.get("suffix", "")
        if not isinstance(self, model.Date_Part):
            self.__dict__["_affixless"] = known
    return known


def _skipping(wrap: Any) -> Any:
    def wrap_affixless(self: Any, string: Any) -> Any:
        if type(string) in UNCHANGED_BY_EMPTY and _affixless(self):
            return string
        return wrap(self, string)
    wrap_affixless.__wrapped__ = wrap  # type: ignore[attr-defined]
    return wrap_affixless


def apply() -> None:
    # After fixes/punctuation_in_quote.py in FIXES: it replaces Affixed.wrap, this wraps it.
    if model.Affixed.wrap.__name__ != "wrap_affixless":
        model.Affixed.wrap = _skipping(model.Affixed.wrap)
