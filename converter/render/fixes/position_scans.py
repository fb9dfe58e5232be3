"""citeproc-py decides a cite's position (first, subsequent, ibid., near-note) by scanning the
list of every cite rendered so far, once per `position` test: "was this item cited before?"
walks the whole list, and near-note walks it backwards to the start even once the note distance
is exceeded. Over a book's notes that is quadratic: the 5,000th note scans thousands of cites
for each of its position tests.

citeproc-py only ever appends to that list, so the keys seen so far are kept in a set that is
extended by the cites appended since the last test (and rebuilt if the list is replaced or
shrinks), and the near-note walk stops once the distance is exceeded. The results are those of
citeproc-py's If._position.

While fixes/disambiguation.py renders the cite it compares (`comparing_cites`), position tests
answer as citeproc-js's getAmbiguousCite sets them: a subsequent cite within near-note distance,
not ibid. (there is no note before it to scan).
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc import model

NAME = "position_scans"
DESCRIPTION = "answer position tests from a set of cited keys instead of scanning every earlier cite"
OUTPUT_PRESERVING = True

_original_position = model.If._position
# True while disambiguation renders an item's cite to compare it with the others'.
comparing_cites: ContextVar[bool] = ContextVar("comparing_cites", default=False)
COMPARED_POSITIONS = frozenset({"subsequent", "near-note"})
# id of a cites list -> (the list, how many of its cites are in `keys`, keys)
_seen: dict[int, tuple[list[Any], int, set[str]]] = {}


def _cited_keys(cites: list[Any]) -> set[str]:
    entry = _seen.get(id(cites))
    if entry is None or entry[0] is not cites or entry[1] > len(cites):
        if len(_seen) > 64:  # lists of finished bibliographies
            _seen.clear()
        entry = (cites, 0, set())
    _, counted, keys = entry
    for cite in cites[counted:]:
        keys.add(cite.key)
    _seen[id(cites)] = (cites, len(cites), keys)
    return keys


def _position(self: Any, item: Any, context: Any) -> list[bool]:
    if context is None:
        context = self
    if context.xpath_search("./ancestor::*[self::cs:bibliography]"):
        return [False]
    if comparing_cites.get():
        return [position in COMPARED_POSITIONS for position in self.get("position").split()]
    cites = context.get_layout().getparent().cites
    last_cite = cites[-1] if cites else None
    already_cited = item.key in _cited_keys(cites)
    possibly_ibid = (already_cited and item.key == last_cite.key
                     and (item.citation is last_cite.citation or len(last_cite.citation.cites) == 1))
    results = []
    for position in self.get("position").split():
        result = False
        if position == "first":
            result = not already_cited
        elif position == "subsequent":
            result = already_cited
        elif possibly_ibid and position == "ibid":
            result = item.has_locator or not last_cite.has_locator
        elif possibly_ibid and position == "ibid-with-locator":
            result = ((item.has_locator and not last_cite.has_locator)
                      or (item.has_locator and last_cite.has_locator and item.locator != last_cite.locator))
        elif already_cited and position == "near-note":
            max_distance = self.get_root().get_option("near-note-distance")
            citations = 1
            last_citation = None
            for cite in reversed(cites):
                if citations > max_distance:
                    break  # citeproc-py walks on, but nothing further can match
                if item.key == cite.key:
                    result = True
                    break
                if cite.citation is not last_citation:
                    citations += 1
                    last_citation = cite.citation
        results.append(result)
    return results


def apply() -> None:
    if model.If.__dict__["_position"] is _original_position:
        model.If._position = _position
