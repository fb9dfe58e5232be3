"""citeproc-py makes a locale term's text anew at each use: `Term.single` and `Term.multiple` search
the term for its cs:single / cs:multiple child, preformat its text with the output formatter and
wrap it in a new String. Quotation marks, "ed.", "and", the page-range delimiter and the like are
looked up this way several times per bibliography entry. A term's text does not change once the
locale is parsed, and the preformatting depends only on the formatter, so each term keeps its
String for the formatter it was made with (a bibliography with another formatter makes it again).
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "term_texts"
DESCRIPTION = "a locale term's singular and plural texts made once per output formatter"
OUTPUT_PRESERVING = True

_ORIGINALS = {"single": model.Term.single, "multiple": model.Term.multiple}


def _kept(name: str, made: property) -> property:
    key = f"_kept_{name}"

    def text(self: Any) -> Any:
        formatter = self.get_formatter()
        kept = self.__dict__.get(key)
        if kept is not None and kept[0] is formatter:
            return kept[1]
        value = made.fget(self)  # type: ignore[misc]
        self.__dict__[key] = (formatter, value)
        return value
    text.__name__ = f"{name}_kept"
    return property(text)


def apply() -> None:
    for name, original in _ORIGINALS.items():
        if model.Term.__dict__[name] is original:
            setattr(model.Term, name, _kept(name, original))
