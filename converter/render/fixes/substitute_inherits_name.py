"""citeproc-py lets a shorthand `<names variable="editor"/>` inherit the cs:name and cs:label of
the cs:names it substitutes for only when it is a direct child of cs:substitute. Chicago nests
them in cs:choose inside the substitute, so an edited book's editors came out with the style's
defaults ("K. McDermott, J. Agnew, The Comintern") instead of "Kevin McDermott and Jeremy Agnew,
eds.". CSL 1.0.2 and citeproc-js: every shorthand cs:names inside a cs:substitute inherits.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "substitute_inherits_name"
DESCRIPTION = "shorthand cs:names anywhere inside cs:substitute inherit the parent's name and label"


def _inheriting(process: Any) -> Any:
    def names_process(self: model.Names, item: Any, names_context: Any = None, context: Any = None,
                      **kwargs: Any) -> Any:
        if names_context is None and self.name is None:
            parents = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
            if parents:
                names_context = parents[0]
        return process(self, item, names_context, context, **kwargs)
    names_process.__name__ = "names_process_inheriting"
    return names_process


def apply() -> None:
    if model.Names.process.__name__ != "names_process_inheriting":
        model.Names.process = _inheriting(model.Names.process)
