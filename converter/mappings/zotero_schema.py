"""Zotero's schema (data/zotero-schema.json, version 41) as the tables the mapping needs, and the
validity of item data against it.

Everything here is read from the schema: item types with their fields (type-specific fields
through their `baseField`) and creator types, and its `csl` section: types, fields, creators. Only
the type choices the schema leaves open are in data/zotero-types.tsv.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from converter.data import tsv_rows
from converter.mappings import extra

# Keys of item data that are not bibliographic fields.
ITEM_KEYS = frozenset({"key", "version", "itemType", "creators", "tags", "collections", "relations",
                       "dateAdded", "dateModified", "extra", "parentItem", "deleted", "inPublications"})
# accessDate as the Web API takes it.
ACCESS_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}:\d{2}Z?)?$")


@cache
def item_types() -> dict[str, dict[str, Any]]:
    """itemType -> {"fields": {base-or-own field: field name}, "creators": [...], "primary": ...}."""
    out = {}
    for spec in extra.zotero_schema()["itemTypes"]:
        fields: dict[str, str] = {}
        for field in spec["fields"]:
            fields[field["field"]] = field["field"]
            if "baseField" in field:
                fields[field["baseField"]] = field["field"]
        creators = [c["creatorType"] for c in spec["creatorTypes"]]
        primary = next((c["creatorType"] for c in spec["creatorTypes"] if c.get("primary")), None)
        out[spec["itemType"]] = {"fields": fields, "own": {f["field"] for f in spec["fields"]},
                                 "creators": creators, "primary": primary}
    return out


@cache
def csl_type_of() -> dict[str, str]:
    """Zotero item type -> the CSL type it reads as."""
    return {zotero: csl for csl, zoteros in extra.zotero_schema()["csl"]["types"].items() for zotero in zoteros}


@cache
def _variable_fields() -> dict[str, list[str]]:
    """CSL variable -> the Zotero base fields that may hold it, in the schema's order."""
    table = extra.zotero_schema()["csl"]["fields"]
    out = {variable: list(fields) for variable, fields in table["text"].items()}
    out.update({variable: [field] for variable, field in table["date"].items()})
    out.pop("note", None)  # the free text of Extra itself
    return out


@cache
def _creator_types() -> dict[str, list[str]]:
    """CSL name variable -> Zotero creator types, in the schema's order."""
    out: dict[str, list[str]] = {}
    for creator_type, variable in extra.creator_variables().items():
        out.setdefault(variable, []).append(creator_type)
    return out


def zotero_type(csl: dict[str, Any]) -> str:
    """The Zotero item type for a CSL item: the rules of zotero-types.tsv, else the schema's table."""
    csl_type = str(csl.get("type", ""))
    for rule_type, condition, zotero, *_why in tsv_rows("zotero-types.tsv"):
        if rule_type == csl_type and _holds(condition, csl):
            return zotero
    return extra.zotero_schema()["csl"]["types"].get(csl_type, ["document"])[0]


def _holds(condition: str, csl: dict[str, Any]) -> bool:
    if condition == "*":
        return True
    variable, _, value = condition.partition("=")
    if not value:
        return bool(csl.get(variable))
    return str(csl.get(variable, "")).casefold() == value.casefold()


def field_for(item_type: str, variable: str) -> str | None:
    """The field of this item type that holds a CSL variable, or None (then it goes to Extra)."""
    fields = item_types()[item_type]["fields"]
    for base in _variable_fields().get(variable, []):
        if base in fields:
            return fields[base]
    return None


def creator_type_for(item_type: str, variable: str) -> str | None:
    spec = item_types()[item_type]
    if variable == "author" and spec["primary"]:
        return spec["primary"]
    # the primary creator type reads back as author: another variable cannot use it
    return next((t for t in _creator_types().get(variable, [])
                 if t in spec["creators"] and t != spec["primary"]), None)


def variable_for_creator(item_type: str, creator_type: str) -> str | None:
    if creator_type == item_types().get(item_type, {}).get("primary"):
        return "author"
    return extra.creator_variables().get(creator_type)


# ---- validity against the schema --------------------------------------------------------------

def errors(data: dict[str, Any]) -> list[str]:
    """What makes item data invalid for its type in Zotero's schema ([] when it is valid)."""
    spec = item_types().get(str(data.get("itemType")))
    if spec is None:
        return [f"itemType: {data.get('itemType')!r} is not a Zotero item type"]
    out = []
    for field, value in data.items():
        if field in ITEM_KEYS - {"extra"}:
            continue
        if field not in spec["own"]:
            out.append(f"{field}: not a field of {data['itemType']}")
        elif not isinstance(value, str):
            out.append(f"{field}: expected a string, found {type(value).__name__}")
        elif field == "accessDate" and value and not ACCESS_DATE.match(value):
            out.append(f"accessDate: {value!r} is not `YYYY-MM-DD[ hh:mm:ss]`, which the Web API requires")
    for index, creator in enumerate(data.get("creators", [])):
        if creator.get("creatorType") not in spec["creators"]:
            out.append(f"creators/{index}: {creator.get('creatorType')!r} is not a creator type of {data['itemType']}")
        if not (("name" in creator) ^ ("lastName" in creator and "firstName" in creator)):
            out.append(f"creators/{index}: expected `name`, or `firstName` and `lastName`")
    return out
