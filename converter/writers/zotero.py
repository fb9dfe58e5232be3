"""zotero-json: an array of Zotero item `data` objects, as the Web API takes them to create items."""
from __future__ import annotations

import json
from typing import Any

from converter.mappings.zotero import to_zotero
from converter.model import Document
from converter.report import Report
from converter.writers import report_unparsed

NAME = "zotero-json"


def write(document: Document, *, report: Report, **_options: object) -> str:
    report_unparsed(document, report, NAME)
    items: list[Any] = [to_zotero(item.csl, report=report, origin=item.origin) for item in document.items]
    # Elements of Zotero JSON input that were not items go back as they were read.
    items.extend(json.loads(unparsed.raw) for unparsed in document.unparsed if unparsed.format == NAME)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
