"""RIS, as Zotero writes it: TY first, ER last, `XX  - value` lines through mappings/ris.py's tables.

A variable no tag can hold unchanged is written as an `N1  - variable: value` line (Zotero's Extra
convention), so bibconv reads it back; what not even that holds is reported as `lossy-field`.
Raw lines the RIS reader could not parse are written back under `#` comments between records.
"""
from __future__ import annotations

from typing import Any

from converter.mappings import extra
from converter.mappings.ris import CANNOT_HOLD, MULTILINE_TAGS, encode, holds, ris_type, tag_lines, write_rules
from converter.model import Document, Origin
from converter.report import Report
from converter.schema import all_variables, variables
from converter.writers import report_unparsed

NAME = "ris"
NEWLINE = "\r\n"  # RIS is specified with CR LF line ends, and Zotero writes them


def write(document: Document, *, report: Report, **_options: object) -> str:
    report_unparsed(document, report, NAME)
    out: list[str] = []
    for item in document.items:
        out.extend(_line(tag, value) for tag, value in record(item.csl, report=report, origin=item.origin))
        out.append("")
    for unparsed in document.unparsed:
        if unparsed.format == NAME:
            out.append(f"# bibconv: unparsed RIS ({unparsed.reason}) from {unparsed.origin}")
            out.extend(f"# {line}" for line in unparsed.raw.splitlines())
            out.append("")
    return NEWLINE.join(out) + (NEWLINE if out else "")


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {value}".rstrip(" ") if value else f"{tag}  - "


def record(csl: dict[str, Any], *, report: Report, origin: Origin | None = None) -> list[tuple[str, str]]:
    """The (tag, value) lines of one item, from TY to ER."""
    key = str(csl.get("id", "")) or None

    def lossy(what: str, detail: str) -> None:
        report.add("lossy-field", f"RIS: {detail}: {CANNOT_HOLD[what]}", origin, key)

    csl_type = str(csl.get("type", "document"))
    ty, exact = ris_type(csl_type)
    lines: list[tuple[str, str]] = [("TY", ty)]
    in_notes: dict[str, Any] = {} if exact else {"type": csl_type}
    known = all_variables() | {"id"}
    for variable, value in csl.items():
        if variable in ("type", "note"):
            continue
        if variable in ("categories", "custom"):
            lossy(variable, variable)
            continue
        if variable not in known:
            lossy("unknown-variable", str(variable))
            continue
        if not _check_parts(variable, value, lossy):
            continue
        chosen = write_rules(variable, csl_type)
        if chosen and holds(chosen[0], value):
            for rule in chosen:
                for tag, text in encode(rule, value):
                    if tag in MULTILINE_TAGS:
                        _check_lines(variable, text, lossy)
                    lines.append((tag, text))
        else:
            in_notes[variable] = value
            # a range or circa date still gets its year where other readers look for it (PY)
            for rule in chosen[1:] if extra.kind(variable) == "dates" else ():
                lines.extend(encode(rule, value))
    for variable, value in in_notes.items():
        kept, why = extra.holdable_lines(variable, value)
        if why:
            lossy("extra-line", f"{variable}: {why}")
        lines.extend(("N1", line) for line in kept)
    note = str(csl.get("note", "") or "")
    if note:
        if not extra.parse_extra(note)[1]:
            lossy("note-line", f"note: {note!r}")
        _check_lines("note", note, lossy)
        lines.append(("N1", note))
    lines.append(("ER", ""))
    return lines


def _check_lines(variable: str, text: str, lossy: Any) -> None:
    """A multi-line value is held unless a line looks like a tag or ends in spaces."""
    for line in tag_lines(text):
        lossy("tag-line", f"{variable}: {line!r}")
    if any(line != line.rstrip() for line in text.splitlines()):
        lossy("line-spaces", variable)


def _check_parts(variable: str, value: Any, lossy: Any) -> bool:
    """Report the parts of a value RIS loses; False when the value cannot be written at all."""
    if variable in variables()["names"]:
        if not isinstance(value, list) or not all(isinstance(name, dict) for name in value):
            lossy("not-names", variable)
            return False
        for name in value:
            if extra.dropped_parts(name):
                lossy("name-part", f"{variable}: {', '.join(extra.dropped_parts(name))}")
    elif isinstance(value, dict) and value.get("date-parts") and set(value) & {"raw", "edtf", "literal"}:
        lossy("date-detail", variable)
    return True

