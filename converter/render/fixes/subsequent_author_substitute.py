"""citeproc-py ignores cs:bibliography's `subsequent-author-substitute`: Chicago 17th edition
asks for "———." in place of the author of an entry whose authors are those of the entry before it,
and citeproc-js prints it. With the option set, the first names an entry renders (its outermost
cs:names, substitutes included) are compared with the previous entry's, and when they are the same
the substitute string is rendered in their place (CSL's default rule, complete-all).

As citeproc-js does, only the names are replaced and their label is kept: editors after the
same editors are "———, eds.". Names are compared as rendered, whatever their role (citeproc-js
compares the rendered names alone), so an author after the same person as editor is "———." too.
Where the first names are a substitute's text (a title), the value of the first variable it renders
is compared, and only that value is replaced, in its formatting: “———.” in place of a quoted title
(under the partial rules, MHRA's, the whole text is, quotes and all: "——, in").
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
        # citeproc-js keeps a title's formatting under the complete rules, not under the partial ones.
        whole = self.getparent().get("subsequent-author-substitute-rule", "complete-all").startswith("partial")
        token = _bibliography.set({"substitute": substitute, "previous": None, "whole_text": whole}
                                  if substitute is not None else None)
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
        entry = {"depth": 0, "names": None, "parts": [], "text": None,
                 "previous": bibliography["previous"], "substitute": bibliography["substitute"],
                 "whole_text": bibliography["whole_text"]}
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
        if entry["depth"] == 0 and entry["parts"]:
            # The rendered cs:name lists, labels left out (the names may be substituted by "").
            entry["names"] = ("names", *entry["parts"])
        elif entry["depth"] == 0 and text and entry["text"] is not None:
            # A substitute's text where there are no names: its first variable (replaced below, or
            # here the whole text under a partial rule).
            entry["names"] = ("text", entry["text"])
            if entry["whole_text"] and entry["previous"] == entry["names"]:
                return model.String(entry["substitute"])
        return text
    names_render.__name__ = "names_render_substituting"
    return names_render


def _name_rendering(render: Any) -> Any:
    def name_render(self: model.Name, item: Any, *args: Any, **kwargs: Any) -> Any:
        entry = _entry.get()
        if entry is None or entry["names"] is not None or not entry["depth"]:
            return render(self, item, *args, **kwargs)
        text = render(self, item, *args, **kwargs)
        if text:
            entry["parts"].append(str(text))
            # The same names as the entry before, so far: the names are replaced, the label kept.
            if entry["previous"] == ("names", *entry["parts"]):
                return model.String(entry["substitute"])
        return text
    name_render.__name__ = "name_render_substituting"
    return name_render


def _variable_rendering(variable_text: Any) -> Any:
    def text_variable(self: model.Text, item: Any, context: Any) -> Any:
        text = variable_text(self, item, context)
        entry = _entry.get()
        if (entry is None or not entry["depth"] or entry["names"] is not None or entry["parts"]
                or entry["text"] is not None or text is None or not str(text)):
            return text
        # The first variable a substitute's text renders, where no names were: citeproc-js keeps
        # its value to compare, and replaces only that value, leaving quotes and affixes.
        entry["text"] = str(text)
        if not entry["whole_text"] and entry["previous"] == ("text", entry["text"]):
            return model.String(entry["substitute"])
        return text
    text_variable.__name__ = "text_variable_substituting"
    return text_variable


def apply() -> None:
    if model.Layout.render_bibliography.__name__ == "render_bibliography_substituting":
        return
    model.Layout.render_bibliography = _bibliography_rendering(model.Layout.render_bibliography)
    model.Layout.render_children = _entry_rendering(model.Layout.render_children)
    model.Names.render = _names_rendering(model.Names.render)
    model.Name.render = _name_rendering(model.Name.render)
    model.Text._variable = _variable_rendering(model.Text._variable)
