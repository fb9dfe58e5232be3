"""An in-text style that collapses cites by author (collapse="year", "year-suffix",
"year-suffix-ranged") and sorts its citations has citeproc-js sort them in author groups
(its "grouped sort"): first by author and the style's keys; then each author's group takes the
first sort key of its first cite, groups with equal keys keep the authors' order, and a group
keeps its cites together. citeproc-py sorts by the style's keys alone and leaves ties in the
order given, so Harvard's year-only sort gives "(Gorodetsky, 2009; Kocho-Williams, 2012; Best,
2012)" where citeproc-js gives "(Gorodetsky, 2009; Best, 2012; Kocho-Williams, 2012)".

The author of a cite stands for the names citeproc-js renders first: the family (or literal) names
of the first variable the citation's first cs:names (or its substitute's) finds in the item, cut
to et-al-use-first and "et al." from et-al-min on, collated as sort keys are. Cites without such
names form one group, after the others in the first sort, as citeproc-js's missing author strings
do.
"""
from __future__ import annotations

from functools import cmp_to_key
from typing import Any

from citeproc import model

from converter.render.fixes.sort_collation import collation_key

NAME = "cite_grouped_sort"
DESCRIPTION = "sort the cites of author-collapsing in-text styles in author groups, as citeproc-js"

AUTHOR_COLLAPSES = ("year", "year-suffix", "year-suffix-ranged")


def _names_elements(element: Any, seen: set[str]) -> Any:
    """The cs:names under `element` in document order, macros followed."""
    for child in element.iterchildren():
        if isinstance(child, model.Names):
            yield child
        elif isinstance(child, model.Text) and child.get("macro") and child.get("macro") not in seen:
            seen.add(child.get("macro"))
            yield from _names_elements(child.get_macro(child.get("macro")), seen)
        else:
            yield from _names_elements(child, seen)


def _author_variables(citation: Any) -> list[str]:
    """The name variables the citation's first cs:names renders, its substitute's after them."""
    known = citation.__dict__.get("_grouped_sort_variables")
    if known is None:
        known = []
        try:
            first = next(_names_elements(citation.layout, set()), None)
            if first is not None:
                known += first.get("variable", "").split()
                for substitute in first.iterchildren():
                    if isinstance(substitute, model.Substitute):
                        for names in _names_elements(substitute, set()):
                            known += names.get("variable", "").split()
        except (IndexError, AttributeError):  # a macro the style lacks: the names found so far
            pass
        citation.__dict__["_grouped_sort_variables"] = known
    return known


def _option(citation: Any, name: str) -> int | None:
    value = citation.get(name) or citation.getparent().get(name)
    return int(value) if value and value.isdigit() else None


def _author(cite: Any, citation: Any) -> str | None:
    reference = cite.reference
    for variable in _author_variables(citation):
        names = reference.get(variable.replace("-", "_"))
        if names:
            minimum, first = _option(citation, "et-al-min"), _option(citation, "et-al-use-first")
            shown = list(names)
            if minimum and first and len(shown) >= minimum:
                shown = [*shown[:first], {"literal": "et al."}]
            text = " ".join(str(name.get("family") or name.get("literal") or name.get("given") or "")
                            for name in shown)
            return collation_key(text)
    return None


def _compare(left: Any, right: Any, descending: bool) -> int:
    """citeproc-py's comparison of two values of one sort key (missing values last)."""
    if left is None or right is None:
        return (left is None) - (right is None)
    left, right = str(left.lower()), str(right.lower())
    if left.isdigit() and right.isdigit():
        left, right = int(left), int(right)  # type: ignore[assignment]
    result = (left > right) - (left < right)
    return -result if descending else result


def _grouped(self: model.Sort, cites: list[Any], context: Any) -> list[Any]:
    first_key = self.findall("cs:key", self.nsmap)[0]
    descending = first_key.get("sort", "ascending").lower() == "descending"
    authors = [_author(cite, self.getparent()) for cite in cites]
    # `cites` is sorted by the style's keys: a stable sort by author sorts by author, then keys.
    order = sorted(range(len(cites)), key=lambda index: (authors[index] is None, authors[index] or ""))
    firsts = first_key.sort_keys([cites[index] for index in order], context)
    leader_key = []
    for position, index in enumerate(order):
        same_group = position and authors[order[position - 1]] == authors[index]
        leader_key.append(leader_key[-1] if same_group else firsts[position])
    ranked = sorted(range(len(order)), key=cmp_to_key(
        lambda a, b: _compare(leader_key[a], leader_key[b], descending) or (a - b)))
    return [cites[order[position]] for position in ranked]


def _grouping(sort: Any) -> Any:
    def sort_items(self: model.Sort, items: Any, context: Any) -> Any:
        items = sort(self, items, context)
        citation = self.getparent()
        if (len(items) > 1 and isinstance(citation, model.Citation)
                and citation.get("collapse") in AUTHOR_COLLAPSES
                and citation.getparent().get("class") == "in-text"
                and self.findall("cs:key", self.nsmap)):
            return _grouped(self, list(items), context)
        return items
    sort_items.__name__ = "sort_cites_grouped"
    return sort_items


def apply() -> None:
    if model.Sort.sort.__name__ != "sort_cites_grouped":
        model.Sort.sort = _grouping(model.Sort.sort)
