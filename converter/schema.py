"""Validation of items against the CSL 1.0.2 data model, built from data/csl-variables.json."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from converter.model import Item
from converter.report import Report


@cache
def variables() -> dict[str, list[str]]:
    """The CSL variables by kind: types, names, dates, numbers, strings."""
    text = resources.files("converter.data").joinpath("csl-variables.json").read_text("utf-8")
    return json.loads(text)


@cache
def all_variables() -> frozenset[str]:
    """Every CSL variable name (asked once per field by the mappings: built once)."""
    table = variables()
    return frozenset(v for kind in ("names", "dates", "numbers", "strings") for v in table[kind])


@cache
def item_schema() -> dict[str, Any]:
    """A JSON schema for one CSL-JSON item, strict like the official one (no extra keys)."""
    table = variables()
    string_or_number = {"type": ["string", "number"]}
    name = {
        "type": "object",
        "properties": {part: ({"type": "string"} if part in
                              ("family", "given", "dropping-particle", "non-dropping-particle",
                               "suffix", "literal") else {"type": ["string", "number", "boolean"]})
                       for part in table["name_parts"]},
        "additionalProperties": False,
    }
    date_parts = {"type": "array", "minItems": 1, "maxItems": 2,
                  "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": string_or_number}}
    date = {"anyOf": [
        {"type": "string"},
        {"type": "object", "additionalProperties": False, "properties": {
            "date-parts": date_parts, "season": string_or_number,
            "circa": {"type": ["string", "number", "boolean"]},
            "literal": {"type": "string"}, "raw": {"type": "string"}, "edtf": {"type": "string"}}},
    ]}
    properties: dict[str, Any] = {
        "id": string_or_number,
        "type": {"type": "string", "enum": table["types"]},
        "categories": {"type": "array", "items": {"type": "string"}},
        "custom": {"type": "object"},
    }
    properties.update({v: {"type": "array", "items": name} for v in table["names"]})
    properties.update({v: date for v in table["dates"]})
    properties.update({v: string_or_number for v in table["numbers"]})
    properties.update({v: {"type": "string"} for v in table["strings"]})
    return {"type": "object", "properties": properties, "required": ["id", "type"],
            "additionalProperties": False}


@cache
def _validator() -> jsonschema.protocols.Validator:
    return jsonschema.Draft7Validator(item_schema())


def errors(csl: dict[str, Any]) -> list[str]:
    """What is wrong with one item, as readable sentences ([] when it is valid)."""
    out = []
    for error in sorted(_validator().iter_errors(csl), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in error.path) or "item"
        out.append(f"{where}: {error.message}")
    return out


def validate(items: list[Item], report: Report) -> None:
    """Report every item that breaks the schema (the item is kept: a report, not a filter)."""
    for item in items:
        for message in errors(item.csl):
            report.add("invalid-item", message, item.origin, item.id)
