"""citeproc-py treats demote-non-dropping-particle="sort-only" like "never" when a macro sort key
renders names, so Harvard (Cite Them Right) sorts "van Gennep" under V where CSL and citeproc-js
put it under G ("Gennep, Arnold van" for sorting, "van Gennep, A." for display). While a sort key
renders names (citeproc-py passes its sort options then), "sort-only" demotes.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "demote_particle_sort_only"
DESCRIPTION = "demote-non-dropping-particle=\"sort-only\" demotes particles in macro sort keys"


def _sorting_demotes(get_option: Any) -> Any:
    def name_get_option(self: model.Name, name: str, context: Any = None, sort_options: Any = None) -> Any:
        value = get_option(self, name, context, sort_options)
        if name == "demote-non-dropping-particle" and sort_options and value == "sort-only":
            return "display-and-sort"
        return value
    name_get_option.__name__ = "name_get_option_sort_only"
    return name_get_option


def apply() -> None:
    if model.Name.get_option.__name__ != "name_get_option_sort_only":
        model.Name.get_option = _sorting_demotes(model.Name.get_option)
