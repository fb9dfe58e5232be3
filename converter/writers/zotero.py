"""zotero-json: an array of Zotero item `data` objects, as the Web API takes them to create items."""
from __future__ import annotations

import json

from converter.mappings.zotero import to_zotero
from converter.model import Document
from converter.report import Report
from converter.writers import report_unparsed

NAME = "zotero-json"


def write(document: Document, *, report: Report, **_options: object) -> str:
    report_unparsed(document, report, NAME)
    for unparsed in document.unparsed:
        if unparsed.format == NAME:  # JSON has no comments to keep raw input under
            report.add("unwritten-entry", f"unparsed Zotero JSON ({unparsed.reason}) cannot be written back",
                       unparsed.origin)
    items = [to_zotero(item.csl, report=report, origin=item.origin) for item in document.items]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
