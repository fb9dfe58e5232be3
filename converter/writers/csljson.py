"""CSL-JSON: the canonical model, written as an array of items."""
from __future__ import annotations

import json

from converter.model import Document
from converter.report import Report
from converter.writers import report_unparsed

NAME = "csljson"


def write(document: Document, *, report: Report, **_options: object) -> str:
    report_unparsed(document, report, NAME)
    return json.dumps(document.csl_items(), ensure_ascii=False, indent=2) + "\n"
