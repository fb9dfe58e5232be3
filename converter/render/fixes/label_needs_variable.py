"""citeproc-py's cs:label prints its term whether or not the item has the variable, so MHRA's
`<text variable="edition"/><label variable="edition"/>` leaves a stray "Edition" in every
journal article. CSL 1.0.2 (and citeproc-js): a label renders only when its variable is not empty;
for `locator`, only when the cite has a locator. A variable that a cs:substitute rendered counts as
empty in the rest of the entry (fixes/substitute_suppresses.py), so APA's edition label does not
print "(ed.)" after a title that stands in for the author with its edition.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

from converter.render.fixes.substitute_suppresses import suppressed_variables

NAME = "label_needs_variable"
DESCRIPTION = "render cs:label only when its variable (or the cite's locator) is not empty"


def _needing_variable(process: Any) -> Any:
    def label_process(self: model.Label, item: Any, variable: str | None = None, *args: Any,
                      **kwargs: Any) -> Any:
        if variable is None:  # a label of its own, not one that cs:names renders for a role
            name = self.get("variable") or ""
            present = item.has_locator if name == "locator" else name.replace("-", "_") in item.reference
            if not present or name in suppressed_variables(self, kwargs.get("context")):
                return None
        return process(self, item, variable, *args, **kwargs)
    label_process.__name__ = "label_process_needing_variable"
    return label_process


def apply() -> None:
    if model.Label.process.__name__ != "label_process_needing_variable":
        model.Label.process = _needing_variable(model.Label.process)
