"""citeproc-py's cs:name reads each of its sixteen options anew every time it renders a name list:
`Name.get_option` climbs to the enclosing cs:citation or cs:bibliography, which asks the style
root, which searches for its `cs:style-options`, and converts the answer ("true", "3") again; and
it searches its own children for cs:name-part elements for every name it formats. Chicago asks
this about 34,000 times per 1,000 bibliography entries. None of these answers changes once the
style is parsed: the attributes are the style's, and the cs:name's place in it is fixed.

So a cs:name keeps, per (option, context element), the value citeproc-py's own `get_option`
gave, and its list of cs:name-part children while its number of children is unchanged. Options
that a sort key passes in (`sort_options`) are read from there on every call, as before. Only
citeproc-py's own method is replaced (it is applied before any fix wraps Name.get_option), so
every wrapper around it (demote_particle_sort_only, disambiguation, delimiter_after_inverted_name)
still sees and adjusts each value on every call.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "name_option_lookups"
DESCRIPTION = "a cs:name's inherited options and cs:name-part children found once per style"
OUTPUT_PRESERVING = True

_original_get_option = model.Name.get_option
_original_findall = model.Name.findall
NAME_PART_PATH = "cs:name-part"


def _get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
    if sort_options and name in sort_options:
        return _original_get_option(self, name, context, sort_options)
    kept = self.__dict__.get("_kept_options")
    if kept is None:
        kept = self.__dict__["_kept_options"] = {}
    key = (name, self if context is None else context)
    try:
        return kept[key]
    except KeyError:
        value = kept[key] = _original_get_option(self, name, context, sort_options)
        return value


def _findall(self: Any, path: str, namespaces: Any = None) -> list[Any]:
    if path != NAME_PART_PATH:
        return _original_findall(self, path, namespaces)
    kept = self.__dict__.get("_kept_name_parts")
    if kept is None or kept[0] != len(self):
        kept = self.__dict__["_kept_name_parts"] = (len(self), _original_findall(self, path, namespaces))
    return list(kept[1])  # a new list, as lxml's findall gives


def apply() -> None:
    # Only citeproc-py's own method: a wrapper already around it would otherwise be bypassed.
    if model.Name.__dict__["get_option"] is _original_get_option:
        model.Name.get_option = _get_option
    if "findall" not in model.Name.__dict__:
        model.Name.findall = _findall
