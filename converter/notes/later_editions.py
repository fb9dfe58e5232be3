"""A later edition printed with its own imprint after the first edition's: "Baltimore 1954,
2. Aufl. New York 1969", "Oxford: Clarendon, 1954; 2nd edn, London: Methuen, 1963". The edition
cited is the later one, so its place, publisher and year are the item's; the first edition's
year becomes `original-date` (as "(London, 1961; 2nd edn, 1963)" in imprint.parse_imprint and
"München 1963, 6. Aufl. 1984" in tail._tail)."""
from __future__ import annotations

from typing import Any

from converter.notes.imprint import is_place
from converter.notes.title import _PLACE_YEAR, _TAIL_SEPARATOR, _imprint_parts

_IMPRINT_FIELDS = ("publisher-place", "publisher", "issued")


def later_edition_imprint(text: str, start: int, limit: int, csl: dict[str, Any]) -> int:
    """Read the imprint printed right after an edition's words at `start` into `csl` as the edition
    cited; return where it ends, or `start` where none follows or no earlier imprint was read (then
    the ordinary reading of the tail takes it)."""
    if "issued" not in csl:
        return start
    at = _TAIL_SEPARATOR.match(text, start, limit).end()
    fields: dict[str, Any] = {}
    place_year = _PLACE_YEAR.match(text, at, limit)
    if place_year and is_place(place_year.group("place")):  # "2. Aufl. New York 1969"
        fields["publisher-place"] = place_year.group("place").strip()
        if place_year.group("publisher"):
            fields["publisher"] = place_year.group("publisher").strip()
        fields["issued"] = {"date-parts": [[int(place_year.group("year"))]]}
        end = place_year.end()
    else:
        parts = _imprint_parts(text, at, limit)  # "2nd edn, London, Methuen, 1963"
        if parts is None or "issued" not in parts[0]:
            return start
        fields, end = parts
    csl.setdefault("original-date", csl["issued"])
    for key in _IMPRINT_FIELDS:  # the first edition's publisher is not the later one's
        csl.pop(key, None)
    for key, value in fields.items():
        if key in _IMPRINT_FIELDS:
            csl[key] = value
        else:
            csl.setdefault(key, value)
    return end
