"""citeproc-py looks up a cs:label's term under the variable's own name, and the locales have no
"number-of-volumes" or "number-of-pages" term, so "3 vols." comes out "3."; it also takes "3" as
singular. CSL (and citeproc-js) label these counts with the "volume" and "page" terms, plural when
the count is more than one.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "label_count_terms"
DESCRIPTION = "label number-of-volumes/number-of-pages with the volume/page terms, plural above one"

COUNT_TERMS = {"number-of-volumes": "volume", "number-of-pages": "page"}


def _counting(process: Any) -> Any:
    def label_process(self: model.Label, item: Any, variable: str | None = None, *args: Any,
                      **kwargs: Any) -> Any:
        name = variable or self.get("variable")
        term = COUNT_TERMS.get(name or "")
        if term is None:
            return process(self, item, variable, *args, **kwargs)
        try:
            value = str(item.reference[name.replace("-", "_")])
        except (KeyError, model.VariableError):
            return None
        form = self.get("form", "long")
        plural_option = self.get("plural", "contextual")
        plural = plural_option == "always" or (plural_option == "contextual"
                                                and value.strip().isdigit() and int(value) > 1)
        lookup = self.get_plural_term if plural else self.get_single_term
        return lookup(name=term, form=form if form != "long" else None)
    label_process.__name__ = "label_process_counting"
    return label_process


def apply() -> None:
    if model.Label.process.__name__ != "label_process_counting":
        model.Label.process = _counting(model.Label.process)
