"""notes-json: a notes document, {"source", "abbreviations", "items", "notes"} (the gold's shape)."""
from __future__ import annotations

import json
import re

from converter.jsontext import position, too_deep
from converter.model import NOTE_KINDS, Citation, Document, Item, Note, Origin, Unparsed
from converter.report import Report

NAME = "notes-json"
EXTENSIONS = (".notes.json",)


def sniff(head: str) -> bool:
    return re.match(r'\s*\{[^\[]*"(notes|items|source|abbreviations|conventions)"\s*:', head) is not None


def read(text: str, *, origin: Origin, report: Report) -> Document:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        report.add("invalid-json", f"{error.msg}; expected a notes document",
                   origin.at(error.lineno, error.colno))
        return Document(unparsed=[Unparsed(text, origin, NAME, "invalid JSON")])
    except RecursionError:
        too_deep(text, 0, origin, report)
        return Document(unparsed=[Unparsed(text, origin, NAME, "JSON nested too deeply")])
    if not isinstance(data, dict):
        report.add("parse-error", "expected a JSON object with 'items' and 'notes'", origin)
        return Document()
    document = Document(abbreviations=dict(data.get("abbreviations") or {}))
    if isinstance(data.get("source"), dict):
        document.source = Item(data["source"], origin)
    for csl in data.get("items") or []:
        document.items.append(Item(csl, _locate(text, csl.get("id"), origin)))
    known = {item.id for item in document.items}
    for raw in data.get("notes") or []:
        note = Note(number=str(raw.get("number", "")), text=raw.get("text", ""),
                    kind=raw.get("kind") if raw.get("kind") in NOTE_KINDS else "explanatory",
                    origin=origin)
        for cite in raw.get("citations") or []:
            if str(cite.get("id")) not in known:
                report.add("parse-error", f"citation of unknown item {cite.get('id')!r}",
                           origin, note.number)
            note.citations.append(Citation.from_json(cite))
        document.notes.append(note)
    for raw in data.get("unparsed") or []:
        document.unparsed.append(Unparsed(raw.get("raw", ""), origin, raw.get("format", NAME),
                                          raw.get("reason", "")))
    return document


def _locate(text: str, item_id: object, origin: Origin) -> Origin:
    """The line of an item's "id" in the file, for messages that point at it."""
    at = text.find(f'"id": {json.dumps(item_id)}') if item_id is not None else -1
    return origin.at(*position(text, at)) if at >= 0 else origin
