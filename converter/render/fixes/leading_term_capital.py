"""citeproc-js capitalises the first letter of a term (cs:text term="...") that is the first
thing a bibliography entry prints: an item with neither author nor title starts "N.d." in
Chicago author-date and APA, "No date" in Harvard. citeproc-py prints the term as the locale
has it ("n.d."). Here each bibliography entry notes whether it has printed anything yet, and a
term printed before anything else is capitalised.
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc import model

NAME = "leading_term_capital"
DESCRIPTION = "capitalise a term that starts a bibliography entry, as citeproc-js"

# For the entry being rendered: [nothing printed yet]; None outside bibliography entries.
_entry: ContextVar[list[bool] | None] = ContextVar("leading_term_entry", default=None)


def _entry_rendering(render_children: Any) -> Any:
    def render(self: model.Layout, item: Any, *args: Any, **kwargs: Any) -> Any:
        if _entry.get() is not None or not self.getparent().tag.endswith("bibliography"):
            return render_children(self, item, *args, **kwargs)
        token = _entry.set([True])
        try:
            return render_children(self, item, *args, **kwargs)
        finally:
            _entry.reset(token)
    render.__name__ = render_children.__name__
    return render


def _printing(render: Any, is_term: Any) -> Any:
    def printed(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        entry = _entry.get()
        if entry is None or not entry[0]:
            return render(self, item, *args, **kwargs)
        text = render(self, item, *args, **kwargs)
        if text and entry[0]:
            if is_term(self) and hasattr(text, "capitalize_first"):
                text = text.capitalize_first()
            entry[0] = False
        return text
    printed.__name__ = render.__name__
    return printed


def apply() -> None:
    if getattr(model.Layout.render_children, "_leading_term", False):
        return
    model.Layout.render_children = _entry_rendering(model.Layout.render_children)
    model.Layout.render_children._leading_term = True  # type: ignore[attr-defined]
    model.Text.render = _printing(model.Text.render, lambda element: "term" in element.attrib)
    for cls in (model.Names, model.Date, model.Number):
        cls.render = _printing(cls.render, lambda element: False)
