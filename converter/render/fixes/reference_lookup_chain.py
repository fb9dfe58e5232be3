"""citeproc-py reads every variable of every item through a chain of properties: the
citation item's `reference` asks its `citation` for its `bibliography` for its `source`, and
each step is CustomDict's `__getattr__`, which calls a Python `__getitem__` that turns a
KeyError into VariableError. A bibliography entry reads its item's variables hundreds of
times, so the chain costs more than the rendering. The same dict look-ups are made directly;
a missing key still raises VariableError, and a missing step falls back to the original.
"""
from __future__ import annotations

from typing import Any

from citeproc import source

NAME = "reference_lookup_chain"
DESCRIPTION = "read citation items' references and CustomDict attributes by direct dict look-ups"
OUTPUT_PRESERVING = True

_original_reference = source.CitationItem.reference
_dict_getitem = dict.__getitem__


def _custom_getattr(self: Any, name: str) -> Any:
    try:
        return _dict_getitem(self, name)
    except KeyError:
        raise source.VariableError from None


def _reference(self: Any) -> Any:
    try:
        bibliography = _dict_getitem(_dict_getitem(self, "citation"), "bibliography")
        key = _dict_getitem(self, "key")
    except KeyError:
        return _original_reference.fget(self)
    return bibliography.source[key]


def apply() -> None:
    # In 0.11.1 only CustomDict itself defines __getitem__, so its subclasses' look-ups are dict's.
    source.CustomDict.__getattr__ = _custom_getattr
    source.CitationItem.reference = property(_reference)
