"""citeproc-py ignores the `display` attribute (block, left-margin, right-inline, indent): an
annotation meant to stand in its own indented block runs on after the entry. With the HTML
formatter, an element with `display` is wrapped in the block citeproc-js writes for it, with
citeproc-js's line breaks; other formatters are unchanged.
"""
from __future__ import annotations

from typing import Any

from citeproc import frontend, model
from citeproc.formatter import html

NAME = "display_blocks"
DESCRIPTION = "display=block/left-margin/right-inline/indent as citeproc-js's HTML blocks"

BLOCKS = {
    "block": '\n\n    <div class="csl-block">{}</div>\n',
    "left-margin": '\n    <div class="csl-left-margin">{}</div>',
    "right-inline": '<div class="csl-right-inline">{}</div>\n  ',
    "indent": '<div class="csl-indent">{}</div>\n  ',
}
CLASSES = (model.Text, model.Group, model.Names, model.Date, model.Number, model.Label)


def _displayed(element: Any, render: Any, display: str) -> Any:
    def displayed_render(*args: Any, **kwargs: Any) -> Any:
        text = render(*args, **kwargs)
        if text is None or element.get_formatter() is not html:
            return text
        return BLOCKS[display].format(text)
    return displayed_render


def _wrap_xml_init(method: Any) -> Any:
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        method(self, *args, **kwargs)
        # Only elements with `display` get a wrapped render (an instance attribute), so the
        # others render at no extra cost; the root keeps them alive (lxml proxies are not kept).
        displayed = []
        for element in self.root.iter():
            display = element.get("display") if isinstance(element, CLASSES) else None
            if display in BLOCKS:
                element.__dict__["render"] = _displayed(element, element.render, display)
                displayed.append(element)
        self.root.__dict__["_displayed_elements"] = displayed
    init.__name__ = "init_displayed"
    return init


def apply() -> None:
    if frontend.CitationStylesXML.__init__.__name__ != "init_displayed":
        frontend.CitationStylesXML.__init__ = _wrap_xml_init(frontend.CitationStylesXML.__init__)
