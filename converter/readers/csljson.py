"""CSL-JSON: an array of items (a single item, or {"items": [...]}, is accepted too)."""
from __future__ import annotations

import re

from converter.jsontext import elements
from converter.model import Document, Item, Origin
from converter.report import Report
from converter.schema import errors

NAME = "csljson"
EXTENSIONS = (".csl.json", ".json")


def sniff(head: str) -> bool:
    return re.match(r'\s*\[\s*\{\s*"(id|type)"', head) is not None


def read(text: str, *, origin: Origin, report: Report) -> Document:
    document = Document()
    for value, where in elements(text, origin, report):
        values = value.get("items", value) if isinstance(value, dict) and "items" in value else value
        for csl in values if isinstance(values, list) else [values]:
            if not isinstance(csl, dict):
                report.add("parse-error", f"expected a JSON object (an item), found {type(csl).__name__}",
                           where)
                continue
            item = Item(dict(csl), where)
            for message in errors(item.csl):
                report.add("invalid-item", message, where, item.id or None)
            document.items.append(item)
    return document
