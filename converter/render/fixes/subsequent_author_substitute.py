"""citeproc-py ignores cs:bibliography's `subsequent-author-substitute`: Chicago 17th edition
asks for "———." in place of the author of an entry whose authors are those of the entry before it,
and citeproc-js prints it. With the option set, the first names an entry renders (its outermost
cs:names, substitutes included) are compared with the previous entry's, and when they are the same
the substitute string is rendered in their place (CSL's default rule, complete-all).
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc import model

NAME = "subsequent_author_substitute"
DESCRIPTION = "honour subsequent-author-substitute (complete-all) in bibliographies"

_bibliography: ContextVar[dict[str, Any] | None] = ContextVar("bibliography", default=None)
_entry: ContextVar[dict[str, Any] | None] = ContextVar("entry", default=None)


def _bibliography_rendering(render_bibliography: Any) -> Any:
    def render(self: model.Layout, citation_items: Any) -> Any:
        substitute = self.getparent().get("subsequent-author-substitute")
        token = _bibliography.set({"substitute": substitute, "previous": None} if substitute is not None else None)
        try:
            return render_bibliography(self, citation_items)
        finally:
            _bibliography.reset(token)
    render.__name__ = "render_bibliography_substituting"
    return render


def _entry_rendering(render_children: Any) -> Any:
    def render(self: model.Layout, item: Any, *args: Any, **kwargs: Any) -> Any:
        bibliography = _bibliography.get()
        if bibliography is None or _entry.get() is not None:
            return render_children(self, item, *args, **kwargs)
        entry = {"depth": 0, "names": None, "previous": bibliography["previous"],
                 "substitute": bibliography["substitute"]}
        token = _entry.set(entry)
        try:
            return render_children(self, item, *args, **kwargs)
        finally:
            _entry.reset(token)
            bibliography["previous"] = entry["names"]
    render.__name__ = "render_children_substituting"
    return render


def _names_rendering(render: Any) -> Any:
    def names_render(self: model.Names, item: Any, *args: Any, **kwargs: Any) -> Any:
        entry = _entry.get()
        if entry is None or entry["names"] is not None:
            return render(self, item, *args, **kwargs)
        entry["depth"] += 1
        try:
            text = render(self, item, *args, **kwargs)
        finally:
            entry["depth"] -= 1
        if entry["depth"] == 0 and text:
            entry["names"] = str(text)
            if entry["previous"] == entry["names"]:
                return model.String(entry["substitute"])
        return text
    names_render.__name__ = "names_render_substituting"
    return names_render


def apply() -> None:
    if model.Layout.render_bibliography.__name__ == "render_bibliography_substituting":
        return
    model.Layout.render_bibliography = _bibliography_rendering(model.Layout.render_bibliography)
    model.Layout.render_children = _entry_rendering(model.Layout.render_children)
    model.Names.render = _names_rendering(model.Names.render)
