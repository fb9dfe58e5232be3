"""A note's text as escaped HTML, with each recognised field's span marked in its field's colour.

Spans come from the citations (`(field, start, end)` in note-text offsets). They may overlap (a
locator inside an archive location) or be wrong (out of range, reversed, not numbers): the text is
cut at every span boundary, each piece is marked with the narrowest span that covers it, and a
span that cannot be placed is returned as a problem instead of being drawn. The text itself is
always escaped, whatever the spans say.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import escape
from itertools import pairwise

from converter import data

FIELDS_TABLE = "review-fields.tsv"
OTHER = "other"


@dataclass(frozen=True)
class FieldStyle:
    name: str
    label: str
    colour: str


@cache
def field_styles() -> tuple[FieldStyle, ...]:
    return tuple(FieldStyle(*row[:3]) for row in data.tsv_rows(FIELDS_TABLE))


def css_class(field: str) -> str:
    """The CSS class of a field: only names from the table, so no span can inject a class."""
    known = {style.name for style in field_styles()}
    name = field if field in known else OTHER
    return "f-" + re.sub(r"[^a-z0-9-]", "-", name.lower())


def field_css() -> str:
    colour = re.compile(r"#[0-9a-fA-F]{3,8}")
    rules = []
    for style in field_styles():
        if colour.fullmatch(style.colour):
            rules.append(f".{css_class(style.name)}{{background:{style.colour}}}")
    return "\n".join(rules)


@dataclass(frozen=True)
class Mark:
    field: str
    start: int
    end: int
    citation: int  # index of the citation within the note


def valid_marks(text: str, spans_by_citation: list[list[object]]) -> tuple[list[Mark], list[str]]:
    """The spans that can be drawn, and a message for each that cannot."""
    marks: list[Mark] = []
    problems: list[str] = []
    for index, spans in enumerate(spans_by_citation):
        for span in spans:
            mark = _mark(span, index, len(text))
            if isinstance(mark, str):
                problems.append(f"citation {index + 1}: {mark}")
            else:
                marks.append(mark)
    return marks, problems


def _mark(span: object, citation: int, length: int) -> Mark | str:
    if not isinstance(span, list | tuple) or len(span) != 3:
        return f"span {_short(span)} is not (field, start, end)"
    field, start, end = span
    if not isinstance(field, str) or not all(type(n) is int for n in (start, end)):
        return f"span {_short(span)} is not (field, start, end)"
    if not 0 <= start < end <= length:
        return f"span {_short(span)} lies outside the note's {length} characters"
    return Mark(field, start, end, citation)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def highlight(text: str, marks: list[Mark]) -> str:
    """Escaped HTML of the text, each piece inside the narrowest span covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for left, right in pairwise(cuts):
        piece = escape(text[left:right])
        covering = [m for m in marks if m.start <= left and right <= m.end]
        if not covering:
            out.append(piece)
            continue
        inner = min(covering, key=lambda m: (m.end - m.start, m.citation))
        fields = " ".join(dict.fromkeys(m.field for m in covering))
        cites = " ".join(str(i + 1) for i in sorted({m.citation for m in covering}))
        out.append(f'<mark class="hl {css_class(inner.field)}" data-field="{escape(inner.field)}" '
                   f'data-cite="{cites}" title="{escape(fields)}">{piece}</mark>')
    return "".join(out)
