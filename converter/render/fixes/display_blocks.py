"""citeproc-py ignores the `display` attribute (block, left-margin, right-inline, indent): an
annotation meant to stand in its own indented block runs on after the entry. With the HTML
formatter, an element with `display` is wrapped in the block citeproc-js writes for it, with
citeproc-js's line breaks; other formatters are unchanged.
"""
from __future__ import annotations

from typing import Any

from citeproc import model
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


def _wrap_render(method: Any) -> Any:
    def render(self: Any, *args: Any, **kwargs: Any) -> Any:
        text = method(self, *args, **kwargs)
        display = self.__dict__.get("_display", "")
        if display == "":
            display = self.__dict__["_display"] = self.get("display")
        if text is None or display not in BLOCKS or self.get_formatter() is not html:
            return text
        return BLOCKS[display].format(text)
    render.__name__ = "render_displayed"
    return render


def apply() -> None:
    for cls in CLASSES:
        if cls.render.__name__ != "render_displayed":
            cls.render = _wrap_render(cls.render)
