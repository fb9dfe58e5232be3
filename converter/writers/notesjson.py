"""notes-json: the notes document, in the shape of the seed gold file."""
from __future__ import annotations

import json
from typing import Any

from converter.model import Document
from converter.report import Report

NAME = "notes-json"


def write(document: Document, *, report: Report, **_options: object) -> str:
    data: dict[str, Any] = {
        "source": document.source.csl if document.source else None,
        "abbreviations": document.abbreviations,
        "items": document.csl_items(),
        "notes": [note.to_json() for note in document.notes],
    }
    if document.unparsed:
        # JSON has no comments: raw input is kept under its own key, never dropped.
        data["unparsed"] = [{"raw": u.raw, "format": u.format, "reason": u.reason,
                             "origin": str(u.origin)} for u in document.unparsed]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
