"""citeproc-py keeps a bibliography's registered keys in a list and asks `key in keys` of it:
`register` once for every cite it is given, and `CitationItem.is_bad` twice for every cite
that renders (our cite_order sorts a citation's cites into good and bad ones). Over a book's
notes that is quadratic: the 5,000th note scans thousands of keys for each of its cites, and
render/engine.py registers each cite twice (a bare cite, then the note's citation).

Here each bibliography keeps a set of its keys beside the list. citeproc-py only appends to the
list (`register`) or replaces it (`sort`), so the set is extended by the keys appended since
it was last looked at, and rebuilt when the list is replaced or shrinks. The list stays what
citeproc-py reads everywhere else (order, citation numbers); answers are those of the scans.
"""
from __future__ import annotations

from typing import Any

from citeproc import frontend, source

NAME = "registered_key_scans"
DESCRIPTION = "answer 'is this key registered?' from a set kept beside the bibliography's key list"
OUTPUT_PRESERVING = True

_original_register = frontend.CitationStylesBibliography.register
_original_is_bad = source.CitationItem.is_bad


def registered_keys(bibliography: Any) -> set[str]:
    """The keys in `bibliography.keys`, as a set brought up to date with the list."""
    keys = bibliography.keys
    entry = bibliography.__dict__.get("_registered_keys")
    if entry is None or entry[0] is not keys or entry[1] > len(keys):
        entry = (keys, 0, set())
    if entry[1] < len(keys):
        entry[2].update(keys[entry[1]:])
        entry = (keys, len(keys), entry[2])
    bibliography.__dict__["_registered_keys"] = entry
    return entry[2]


def _register(self: Any, citation: Any, callback: Any = None) -> None:
    citation.bibliography = self
    known = registered_keys(self)
    keys, items, source_ = self.keys, self.items, self.source
    for item in citation.cites:
        key = item.key
        if key in source_:
            if key not in known:
                keys.append(key)
                items.append(item)
                known.add(key)
        elif callback is not None:
            callback(item)
    self.__dict__["_registered_keys"] = (keys, len(keys), known)


def _is_bad(self: Any) -> bool:
    return self.key not in registered_keys(self.bibliography)


def apply() -> None:
    if frontend.CitationStylesBibliography.__dict__["register"] is _original_register:
        frontend.CitationStylesBibliography.register = _register
    if source.CitationItem.__dict__["is_bad"] is _original_is_bad:
        source.CitationItem.is_bad = _is_bad
