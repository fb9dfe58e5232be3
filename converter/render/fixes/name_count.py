"""citeproc-py renders `<name form="count"/>` as a number, then formats it as text before
cs:names adds up the counts of its variables, so an author count of 3 and an editor count of 2
print "32" instead of "5". The count of a cs:name is kept a number until cs:names adds it up
(cs:names already prints the sum, or nothing for 0).
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "name_count"
DESCRIPTION = "add up name counts of several variables as numbers, not as concatenated text"

_original_markup = model.Name.markup


def _markup(self: Any, text: Any) -> Any:
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    return _original_markup(self, text)


def apply() -> None:
    if model.Name.__dict__["markup"] is _original_markup:
        model.Name.markup = _markup
