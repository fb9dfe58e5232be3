"""citeproc-py ignores cs:bibliography's `second-field-align`: a numbered bibliography comes out
as one run of text, where citeproc-js's HTML puts the first field (the number or label) in a
`csl-left-margin` block and the rest in a `csl-right-inline` block, so the text aligns after
the labels.

With the HTML formatter and second-field-align set, the entries are rendered as before, then
the first field of each entry's layout on its own; the entry's text then starts with that field
(and the layout's prefix), which becomes the left block, the rest the right block. An entry
whose text does not start with its first field (or a layout with its own formatting) stays one
block. Other formatters are unchanged.
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.formatter import html

NAME = "second_field_align"
DESCRIPTION = "second-field-align: the first field of each bibliography entry in its own HTML block"

LEFT = '\n    <div class="csl-left-margin">{}</div><div class="csl-right-inline">{}</div>\n  '
FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


def _first_field(layout: Any, item: Any) -> str | None:
    for child in layout.iterchildren():
        layout.repressed = {}
        try:
            text = child.render(item)
        except model.VariableError:
            continue
        if text is not None:
            return str(text)
    return None


def _aligned(method: Any) -> Any:
    def render_bibliography(self: Any, citation_items: Any) -> Any:
        if (self.getparent().get("second-field-align") is None or self.get_formatter() is not html
                or any(self.get(a) for a in FORMATTING)):
            return method(self, citation_items)
        items = list(citation_items)
        entries = method(self, items)
        if len(entries) != len(items):  # an entry rendered empty: which is which is unknown
            return entries
        output = []
        for item, entry in zip(items, entries, strict=True):
            text = str(entry)
            first = _first_field(self, item)
            left = self.get("prefix", "") + (first or "")
            if first and text.startswith(left) and len(text) > len(left):
                output.append(LEFT.format(left, text[len(left):]))
            else:
                output.append(entry)
        return output
    render_bibliography.__name__ = method.__name__
    return render_bibliography


def apply() -> None:
    if model.Layout.render_bibliography.__name__ == "render_bibliography_aligned":
        return
    aligned = _aligned(model.Layout.render_bibliography)
    aligned.__name__ = "render_bibliography_aligned"
    model.Layout.render_bibliography = aligned
