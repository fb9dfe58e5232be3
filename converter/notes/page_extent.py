"""Pages read after an article's or chapter's details: a long range is its extent (page), a single
page or a short range the page cited (the locator). Moved from tail.py, which calls it."""
from __future__ import annotations

import re
from typing import Any

from converter.notes.reference import Reference

_PAGE_RANGE = re.compile(r"(\d+)\s*[–—-]\s*(\d+)")


def _take_pages(reference: Reference, locator: Any, csl: dict[str, Any], pages_taken: bool) -> None:
    """Pages of an article or chapter: a long range is its extent (page); a single page or a
    short range is the page cited (the locator), as "(2002): 152–153" in a Chicago note.
    "hier S. 50" / "at p. 520" is always the page cited, what came before it the extent."""
    if locator.pinpoint:
        if reference.locator is not None and "page" not in csl:
            csl["page"] = reference.locator
        reference.locator, reference.label = locator.value, locator.label
        return
    part_of = "container-title" in csl and csl.get("type") != "book"
    if part_of and not pages_taken and locator.label == "page" and _extent_like(locator.value):
        csl["page"] = locator.value
        return
    if part_of and pages_taken and "page" not in csl and reference.label == locator.label == "page":
        if _extent_like(locator.value):  # "…, 5 (Berlin, 1968), pp. 165–485": the extent after a volume
            csl["page"] = locator.value
            return
        csl["page"] = reference.locator  # "S. 179–183, S. 249": the extent, then the page cited
        reference.locator = locator.value
        return
    if reference.locator is None:
        reference.locator, reference.label = locator.value, locator.label


EXTENT_PAGES = 10  # a range this long is an article's or chapter's extent, not the page cited


def _extent_like(value: str) -> bool:
    bounds = _PAGE_RANGE.fullmatch(value)
    if not bounds:
        return False
    first, last = bounds.group(1), bounds.group(2)
    if len(last) < len(first):  # "205–25": the end printed with its last digits only
        last = first[: len(first) - len(last)] + last
    return int(last) - int(first) >= EXTENT_PAGES
