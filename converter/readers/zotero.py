"""zotero-json: an array of Zotero items as the Web API returns them, `{"key", "version", "data"}`,
or their bare `data` objects (both are read; one object alone is accepted too)."""
from __future__ import annotations

import json
import re

from converter.jsontext import elements
from converter.mappings.zotero import from_zotero
from converter.model import Document, Item, Origin, Unparsed
from converter.report import Report
from converter.schema import errors

NAME = "zotero-json"
EXTENSIONS = (".zotero.json",)

# Zotero item types that are not bibliographic items: kept out of the bibliography, reported.
NOT_ITEMS = frozenset({"note", "attachment", "annotation"})


def sniff(head: str) -> bool:
    return re.match(r'\s*\[?\s*\{', head) is not None and re.search(r'"itemType"\s*:', head) is not None


def read(text: str, *, origin: Origin, report: Report) -> Document:
    document = Document()
    for value, where in elements(text, origin, report):
        for element in value if isinstance(value, list) else [value]:
            data = element.get("data", element) if isinstance(element, dict) else element
            if not isinstance(data, dict) or not isinstance(data.get("itemType"), str):
                report.add("parse-error", "expected a Zotero item: an object with `itemType`, or "
                           "`{\"key\", \"version\", \"data\": {...}}`", where)
                document.unparsed.append(Unparsed(json.dumps(element, ensure_ascii=False), where, NAME,
                                                  "not a Zotero item"))
                continue
            if data["itemType"] in NOT_ITEMS:
                key = data.get("key") if isinstance(data.get("key"), str) else None
                report.add("not-an-item", f"Zotero {data['itemType']} {key or ''} skipped".rstrip(), where, key)
                continue
            if not isinstance(data.get("key", ""), str):
                data = {k: v for k, v in data.items() if k != "key"}
            if "key" not in data and isinstance(element.get("key"), str):
                data = {"key": element["key"], **data}
            csl = from_zotero(data, report=report, origin=where)
            for message in errors(csl):
                report.add("invalid-item", message, where, csl["id"])
            document.items.append(Item(csl, where))
    return document
