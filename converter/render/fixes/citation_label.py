"""citeproc-py has no value for the `citation-label` variable unless the item carries one, where
citeproc-js makes one (the "trigraph") from the authors' family names and the year: "Doe65" for
one author, "RoNo78" for two, "BrCh98"-like for three ("Br" + "C" + "h"... by the CSL default
Aaaa00:AaAa00:AaAA00:AAAA00), and adds the year-suffix when the label is ambiguous.

Each item without a citation-label gets the trigraph when read: four letters of one family
name, two of each of two, two, one and one of three, one of each of the first four; then the
year's last two digits. When the item has a year-suffix (fixes/disambiguation.py) a rendered
citation-label ends with it, and the year-suffix is not added again after a year.
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import json as csljson
from citeproc.string import String

from converter.render.fixes import disambiguation

NAME = "citation_label"
DESCRIPTION = "make a citation-label (trigraph) from names and year, with the year-suffix"

# Letters taken from each family name, by number of names (the CSL default trigraph).
LETTERS = {1: (4,), 2: (2, 2), 3: (2, 1, 1)}
CREATORS = ("author", "editor", "translator", "composer", "director")


def trigraph(reference: Any) -> str | None:
    """The label of a parsed reference (names after particle parsing, dates as citeproc-py's)."""
    names = next((reference[r] for r in CREATORS if isinstance(reference.get(r), list) and reference[r]), None)
    if not names:
        return None
    families = [str(n.get("family") or n.get("literal") or "") for n in names]
    widths = LETTERS.get(len(families), (1, 1, 1, 1))
    label = "".join(family[:width] for family, width in zip(families, widths, strict=False))
    issued = reference.get("issued")
    year = issued.get("begin", issued).get("year") if isinstance(issued, dict) else None
    return label + (str(year)[-2:] if isinstance(year, int) else "")


def _wrap_init(method: Any) -> Any:
    def init(self: Any, json_data: Any) -> None:
        method(self, json_data)
        for data in json_data:
            key = str(data.get("id", "")).lower()
            reference = self.get(key)
            if reference is not None and "citation_label" not in reference:
                label = trigraph(reference)
                if label:
                    reference["citation_label"] = String(label)
    init.__name__ = "init_labelled"
    return init


def _wrap_variable(method: Any) -> Any:
    def variable(self: Any, item: Any, context: Any) -> Any:
        text = method(self, item, context)
        if text is not None and self.get("variable") == "citation-label":
            suffix = item.reference.get("year_suffix")
            if suffix:
                entry = disambiguation._entry.get()
                if entry is not None and entry[0] is item:
                    entry[1] = False  # the suffix is here, not after a year
                return text + suffix
        return text
    variable.__name__ = "variable_labelled"
    return variable


def apply() -> None:
    if csljson.CiteProcJSON.__init__.__name__ == "init_labelled":
        return
    csljson.CiteProcJSON.__init__ = _wrap_init(csljson.CiteProcJSON.__init__)
    model.Text._variable = _wrap_variable(model.Text._variable)
