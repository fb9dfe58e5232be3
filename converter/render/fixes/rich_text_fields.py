"""citeproc-py reads only `<span class="nocase">` in a field value and prints every other tag as
text, so a title with `<i>De Anima</i>` (CSL-JSON's rich text, which our BibTeX reader writes
for \\emph and \\textsc) shows the tags in plain text and escapes nothing in HTML. citeproc-js
reads `<i>`, `<b>`, `<sup>`, `<sub>`, `<span style="font-variant:small-caps;">` and
`<span class="nocase">` as formatting; so do we. A marked part of a value is a string segment
that knows its marks and renders them with the formatter of the output being made: plain text
drops them, HTML and Markdown write them. Italics inside text the style sets in italics are
flipped to upright, as citeproc-js does (HTML `<span style="font-style:normal;">`): a formatter
that has a `Roman` class renders them with it.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from functools import cache
from typing import Any

from citeproc import model
from citeproc import string as cstring
from citeproc.source import json as csljson

NAME = "rich_text_fields"
DESCRIPTION = "read <i>, <b>, <sup>, <sub>, small-caps and nocase spans in field values as formatting"

_TAG = re.compile(r"<(/?)(i|b|sup|sub|span)((?:\s[^<>]*)?)>", re.IGNORECASE)
# mark -> the citeproc-py formatter class that renders it
FORMATTER_CLASSES = {"i": "Italic", "b": "Bold", "sup": "Superscript", "sub": "Subscript", "sc": "SmallCaps"}

_formatter: ContextVar[Any] = ContextVar("formatter", default=None)
# True while an element set in italics formats its text (marked segments are made text then).
_in_italics: ContextVar[bool] = ContextVar("in_italics", default=False)


@cache
def marked_class(marks: tuple[str, ...], nocase: bool) -> type:
    """A String (or NoCase) class whose text renders with these marks, outermost first."""
    base = cstring.NoCase if nocase else cstring.String

    def __str__(self: Any) -> str:  # noqa: N807 (a method of the class made here)
        text = str.__str__(self)
        formatter = _formatter.get()
        if formatter is None or not text:
            return text
        italics = _in_italics.get()
        for mark in reversed(marks):
            name = FORMATTER_CLASSES[mark]
            if mark == "i" and italics and hasattr(formatter, "Roman"):
                name = "Roman"
            text = getattr(formatter, name)(text)
        return str(text)

    def __format__(self: Any, spec: str) -> str:  # noqa: N807
        return format(str(self), spec)

    return type(f"Marked{base.__name__}", (base,), {"MARKS": marks, "__str__": __str__,
                                                    "__format__": __format__})


def _mark_of(name: str, attributes: str) -> str | None:
    name = name.lower()
    if name != "span":
        return name
    if "nocase" in attributes:
        return "nocase"
    if "small-caps" in attributes:
        return "sc"
    return None


def parse_rich_string(text: str) -> Any:
    """A field value as citeproc-py strings: plain parts as String, marked ones as marked
    classes; tags that are not formatting stay as text, and so does an unbalanced closing tag."""
    if "<" not in text:  # no tag (most values): one String, as the loop below would add it
        return cstring.MixedString([cstring.String(text)] if text else [])
    output = cstring.MixedString()
    stack: list[str | None] = []
    position = 0

    def emit(chunk: str) -> None:
        nonlocal output
        if not chunk:
            return
        marks = tuple(mark for mark in stack if mark and mark != "nocase")
        nocase = "nocase" in stack
        kind = marked_class(marks, nocase) if marks else (cstring.NoCase if nocase else cstring.String)
        output += kind(chunk)

    for match in _TAG.finditer(text):
        closing, name, attributes = match.group(1), match.group(2), match.group(3) or ""
        mark = _mark_of(name, attributes)
        if closing:
            if not stack:
                continue  # an unbalanced closing tag: kept as text below
            emit(text[position:match.start()])
            stack.pop()
        else:
            emit(text[position:match.start()])
            stack.append(mark)
        if mark is None and not closing:
            emit(match.group(0))  # a span that is not formatting: printed as typed
        position = match.end()
    emit(text[position:])
    return output


def _parse_string(self: Any, string: Any) -> Any:
    return parse_rich_string(str(string))


def _with_formatter(method: Any) -> Any:
    def render(self: model.Layout, *args: Any, **kwargs: Any) -> Any:
        token = _formatter.set(self.get_formatter())
        try:
            result = method(self, *args, **kwargs)
            # Made into text here, while the formatter is known: a marked segment renders its
            # marks only then.
            if isinstance(result, list) and not isinstance(result, cstring.MixedString):
                return [None if entry is None else str(entry) for entry in result]
            return None if result is None else str(result)
        finally:
            _formatter.reset(token)
    render.__name__ = method.__name__  # other fixes recognise their wrappers by name
    return render


def _italics_aware(method: Any) -> Any:
    def format(self: Any, string: Any) -> Any:  # the name of the method it wraps
        italic = self.__dict__.get("_sets_italics")
        if italic is None:
            italic = self.get("font-style") == "italic"
            if not isinstance(self, model.Date_Part):  # its attributes change while rendering
                self.__dict__["_sets_italics"] = italic
        if not italic:
            return method(self, string)
        token = _in_italics.set(True)
        try:
            return method(self, string)
        finally:
            _in_italics.reset(token)
    format.__name__ = method.__name__
    return format


def apply() -> None:
    if csljson.CiteProcJSON.parse_string is _parse_string:
        return
    model.Formatted.format = _italics_aware(model.Formatted.format)
    csljson.CiteProcJSON.parse_string = _parse_string
    model.Layout.render_citation = _with_formatter(model.Layout.render_citation)
    model.Layout.render_bibliography = _with_formatter(model.Layout.render_bibliography)
