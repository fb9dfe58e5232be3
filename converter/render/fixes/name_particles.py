"""citeproc-py takes a CSL-JSON name's parts as given, where citeproc-js first parses them: the
lower-case words leading a family name ("van der Vlist") are its non-dropping particle, those
ending a given name ("Gustav von") its dropping particle, and "John, III" or "John,! Jr." in the
given name carries a suffix (the "!" asking for a comma before it). Without that, "van der
Vlist" sorts under "v" and never demotes, and "John, III Doe" is printed.

Names are parsed so when read, unless the name is a literal, has `"parse-names": false`, already
has particles, or its family name is in double quotes (which are then removed, leaving it
whole). Particles joined to the name without a space ("d'Wander", "al-One") are left as they are.
Apostrophes in names become ’ as in other fields (fixes/field_quotes.py).
"""
from __future__ import annotations

from typing import Any

from citeproc.source import json as csljson

NAME = "name_particles"
DESCRIPTION = "parse particles and suffixes out of CSL-JSON family and given names, as citeproc-js"


def _is_particle(word: str) -> bool:
    return bool(word) and word[0].islower()


def parse_name(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of one CSL-JSON name with particles and suffix parsed out (see the module doc)."""
    name = dict(data)
    if "literal" in name or name.get("parse-names") in (False, "false"):
        name.pop("parse-names", None)
        return name
    name.pop("parse-names", None)
    family, given = name.get("family"), name.get("given")
    if isinstance(family, str) and len(family) > 1 and family.startswith('"') and family.endswith('"'):
        name["family"] = family[1:-1]
        family = None
    if isinstance(given, str) and "," in given and "suffix" not in name:
        head, _, tail = given.partition(",")
        if tail.startswith("!"):
            tail = tail[1:]
            name["comma-suffix"] = True
        if tail.strip():
            name["given"], name["suffix"] = head.strip(), tail.strip()
            given = name["given"]
    if isinstance(family, str) and "non-dropping-particle" not in name:
        words = family.split(" ")
        count = 0
        while count < len(words) - 1 and _is_particle(words[count]):
            count += 1
        if count:
            name["non-dropping-particle"] = " ".join(words[:count])
            name["family"] = " ".join(words[count:])
    if isinstance(given, str) and "dropping-particle" not in name:
        words = given.split(" ")
        count = 0
        while count < len(words) - 1 and _is_particle(words[len(words) - 1 - count]):
            count += 1
        if count:
            name["dropping-particle"] = " ".join(words[len(words) - count:])
            name["given"] = " ".join(words[:len(words) - count])
    return name


def _typographic_parts(name: dict[str, Any]) -> dict[str, Any]:
    from converter.render.fixes.field_quotes import typographic

    return {k: typographic(v) if isinstance(v, str) and k != "parse-names" else v for k, v in name.items()}


def _wrap_parse_names(method: Any) -> Any:
    def parse_names(self: Any, json_data: Any) -> Any:
        names = [_typographic_parts(parse_name(n)) if isinstance(n, dict) else n for n in json_data]
        return method(self, names)
    parse_names.__name__ = "parse_names_particles"
    return parse_names


def apply() -> None:
    if csljson.CiteProcJSON.parse_names.__name__ != "parse_names_particles":
        csljson.CiteProcJSON.parse_names = _wrap_parse_names(csljson.CiteProcJSON.parse_names)
