"""RIS, as Zotero reads it: `XX  - value` lines, records from `TY` to `ER`, the field and type tables
of mappings/ris.py, and `N1  - variable: value` lines (Zotero's Extra convention) lifted back.

A bad line is reported with its file:line and kept as an Unparsed record; the rest of its record
and of the file converts. Continuation lines (without a tag) extend the previous value, as every
RIS reader allows: with a line break in notes and abstracts, with a space elsewhere.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from converter.keys import assign_keys
from converter.mappings import extra
from converter.mappings.ris import (
    LINE,
    LIST_TAGS,
    MULTILINE_TAGS,
    csl_type_of,
    decode_date,
    decode_keywords,
    decode_name,
    read_rule,
)
from converter.model import Document, Item, Origin, Unparsed
from converter.report import Report
from converter.schema import errors

NAME = "ris"
EXTENSIONS = (".ris",)
_MALFORMED = re.compile(r"^\s*[A-Za-z][A-Za-z0-9]\s{0,4}-{1,2}(?:\s|$)")


def sniff(head: str) -> bool:
    first = next((line for line in head.lstrip("\ufeff").splitlines() if line.strip()), "")
    return re.match(r"TY {1,2}- ", first) is not None


@dataclass
class Field:
    tag: str
    value: str
    line: int


def read(text: str, *, origin: Origin, report: Report) -> Document:
    document = Document()
    for fields, start in records(text.lstrip("\ufeff"), origin, report, document):
        where = origin.at(start)
        csl = item(fields, where, origin, report)
        document.items.append(Item(csl, where))
    _give_ids(document, report)
    for entry in document.items:
        for message in errors(entry.csl):
            report.add("invalid-item", message, entry.origin, entry.id)
    return document


def records(text: str, origin: Origin, report: Report, document: Document) -> Iterator[tuple[list[Field], int]]:
    """The records of an RIS text as their fields, with the line each record starts on."""
    current: list[Field] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        line = line.rstrip("\r")
        match = LINE.match(line)
        if match:
            tag, value = match[1], (match[2] or "").rstrip()
            if tag == "ER":
                if current is not None:
                    yield current, start
                current = None
                continue
            if tag == "TY" and current:
                yield current, start  # a missing ER is forgiven, as Zotero does
                current = None
            if current is None:
                current, start = [], number
            current.append(Field(tag, value, number))
            continue
        if current is None:
            if line.strip() and not line.startswith("#"):
                _bad_line(line, number, "a line outside a record; expected `TY  - ` to begin one",
                          origin, report, document)
            continue
        if _MALFORMED.match(line):
            _bad_line(line, number, "expected a tag line `XX  - value` (two capitals or digits, two "
                      "spaces, a dash, a space)", origin, report, document)
            continue
        last = current[-1]
        if last.tag in MULTILINE_TAGS or last.tag in LIST_TAGS:
            last.value += "\n" + line.rstrip()
        elif line.strip():
            last.value = f"{last.value} {line.strip()}".strip()
    if current:
        yield current, start


def _bad_line(line: str, number: int, expected: str, origin: Origin, report: Report, document: Document) -> None:
    where = origin.at(number)
    report.add("parse-error", f"{expected}: {line[:80]!r}", where)
    document.unparsed.append(Unparsed(line, where, NAME, "bad line"))


def item(fields: list[Field], where: Origin, origin: Origin, report: Report) -> dict[str, Any]:
    """One record as a CSL item (its id may be missing: read() gives it one)."""
    ty = next((f.value.strip().upper() for f in fields if f.tag == "TY"), "")
    csl_type = csl_type_of(ty)
    if csl_type is None:
        report.add("unknown-type", f"RIS type {ty!r} is unknown; read as document" if ty else
                   "the record has no TY line; read as document", where)
        csl_type = "document"
    lifted: dict[str, Any] = {}
    notes: list[str] = []
    taken: set[int] = set()
    for index, field in enumerate(fields):
        if field.tag in ("M2", "N1"):
            found, rest = extra.parse_extra(field.value)
            if field.tag == "N1" and rest:
                continue  # a note, unless every line of it is an Extra line (Zotero's own Extra)
            for variable, value in found.items():
                if extra.kind(variable) == "names":
                    lifted.setdefault(variable, []).extend(value)
                else:
                    lifted.setdefault(variable, value)
            if rest:
                notes.append(rest)
            taken.add(index)
    csl_type = lifted.pop("type", csl_type)
    csl: dict[str, Any] = {"type": csl_type}
    pages: dict[str, str] = {}
    later: dict[str, Field] = {}
    keywords: list[str] = []
    for index, field in enumerate(fields):
        if index in taken or field.tag == "TY" or not field.value.strip():
            continue
        at = origin.at(field.line)
        rule = read_rule(field.tag, csl_type)
        if rule is None:
            report.add("unmapped-field", f"RIS tag {field.tag} has no CSL variable for {csl_type}; kept in note",
                       at, csl.get("id"))
            notes.append(f"{field.tag}  - {field.value}")
            continue
        variable, value = rule.variable, field.value.strip() if field.tag not in MULTILINE_TAGS else field.value
        if rule.direction == "also":
            later.setdefault(variable, field)
        elif variable == "note":
            notes.append(value)
        elif variable == "keyword":
            keywords.append(value)
        elif variable == "page" and field.tag in ("SP", "EP") and field.tag not in pages:
            pages[field.tag] = value
        elif extra.kind(variable) == "names":
            csl.setdefault(variable, []).append(decode_name(value))
        elif variable in csl or (variable == "page" and field.tag in pages):
            report.add("duplicate-field", f"{field.tag} repeats {variable}; the first value was kept, "
                       "this one is in note", at, csl.get("id"))
            notes.append(f"{field.tag}  - {field.value}")
        elif extra.kind(variable) == "dates":
            csl[variable] = _date(value, at, report)
        else:
            csl[variable] = value
    if pages:
        csl["page"] = "-".join(pages[tag] for tag in ("SP", "EP") if tag in pages)
    for variable, field in later.items():
        if variable not in csl:
            csl[variable] = _date(field.value.strip(), origin.at(field.line), report)
    if keywords and decode_keywords(keywords):
        csl["keyword"] = decode_keywords(keywords)
    if "id" not in csl and lifted.get("citation-key"):
        csl["id"] = str(lifted["citation-key"])
    csl.update(lifted)  # bibconv's exact form of a value wins over the tag's
    if notes:
        csl["note"] = "\n".join(notes)
    return ({"id": csl.pop("id")} if "id" in csl else {}) | csl


def _date(text: str, at: Origin, report: Report) -> dict[str, Any]:
    date = decode_date(text)
    if date is None:
        report.add("invalid-date", f"date {text!r} is not RIS `YYYY/MM/DD/` nor ISO 8601; kept as a literal", at)
        return {"literal": text}
    return date


def _give_ids(document: Document, report: Report) -> None:
    """Records without ID get their citation key; a repeated ID is reported, then made unique."""
    seen: set[str] = set()
    for entry in document.items:
        key = entry.csl.get("id")
        if key and key in seen:
            report.add("duplicate-key", f"ID {key!r} is used by an earlier record; renamed", entry.origin, key)
        if key:
            seen.add(key)
    csl_items = [entry.csl for entry in document.items]
    assign_keys(csl_items)
    for entry in document.items:  # assign_keys appends the id: put it first, as everywhere else
        csl = entry.csl
        entry.csl = {"id": csl["id"], **{k: v for k, v in csl.items() if k != "id"}}
