"""Diagnostics: what went wrong or was doubtful, where, and how bad.

Every reader, stage and writer receives the one Report of a run and adds to it; nothing logs or
warns on its own. Codes form a closed set, each with a fixed severity, so that `--strict`, the exit
status and the JSON report all read from one table.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from converter.model import Origin


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2


# code -> (severity, what it means). Add a row to add a code; nothing else may be reported.
CODES: dict[str, tuple[Severity, str]] = {
    # input that could not be read at all
    "unreadable-input": (Severity.ERROR, "the input could not be opened or decoded"),
    "invalid-json": (Severity.ERROR, "the input is not valid JSON"),
    "invalid-encoding": (Severity.ERROR, "a byte sequence is not valid in the input's encoding"),
    "input-too-large": (Severity.ERROR, "the input exceeds a resource limit and was refused"),
    # one entry or note
    "parse-error": (Severity.ERROR, "an entry could not be parsed; its raw text is kept"),
    "recovered-entry": (Severity.WARNING, "an entry the BibTeX parser skipped was found and read on its own"),
    "invalid-item": (Severity.ERROR, "an item does not conform to the CSL-JSON schema"),
    "duplicate-key": (Severity.WARNING, "two entries share a key; the later one was renamed"),
    "duplicate-field": (Severity.WARNING, "an entry repeats a field; the first value was kept"),
    "undefined-string": (Severity.WARNING, "an @string macro is used but never defined"),
    "missing-crossref": (Severity.WARNING, "a crossref/xdata/related target does not exist"),
    "unknown-type": (Severity.WARNING, "an entry type is unknown; it was read as a generic type"),
    "unmapped-field": (Severity.WARNING, "a field has no mapping; it was kept in note/extra"),
    "lossy-field": (Severity.WARNING, "a value cannot be carried by the target format"),
    "unwritten-entry": (Severity.ERROR, "raw input the target format cannot hold was not written"),
    "invalid-date": (Severity.WARNING, "a date could not be parsed; it was kept as a literal"),
    "not-an-item": (Severity.INFO, "a Zotero note, attachment or annotation is not a bibliographic item"),
    "latex-decoding": (Severity.WARNING, "LaTeX in a value could not be decoded; kept as printed"),
    # notes
    "low-confidence": (Severity.INFO, "a citation was parsed with low confidence"),
    "unresolved-short-form": (Severity.WARNING, "a short form or ibid. matches no earlier item"),
    "unparsed-segment": (Severity.WARNING, "part of a note looks like a reference but was not parsed"),
    "not-a-note": (Severity.INFO, "text around the notes was skipped as page furniture"),
    # rendering
    "style-not-found": (Severity.ERROR, "the CSL style or locale could not be found"),
    "render-warning": (Severity.WARNING, "the CSL processor reported a problem"),
    # Zotero
    "zotero-auth": (Severity.ERROR, "the Zotero API key is invalid or lacks access"),
    "zotero-failed": (Severity.ERROR, "Zotero refused an object"),
    "zotero-conflict": (Severity.ERROR, "an object changed in Zotero since it was read (412)"),
    "zotero-network": (Severity.ERROR, "the Zotero server could not be reached"),
    "zotero-matched": (Severity.INFO, "an item made in Zotero by hand was recognised, not duplicated"),
    # configuration
    "config-insecure": (Severity.WARNING, "the config file holds a secret but is readable by others"),
    "config-invalid": (Severity.ERROR, "the config file could not be read"),
    "config-unknown-setting": (Severity.WARNING, "the config file has a setting bibconv does not know"),
}


class ExitCode(IntEnum):
    OK = 0
    ENTRIES_FAILED = 1  # some entries failed; the rest was written
    BAD_INPUT = 2  # bad usage or unreadable input
    ZOTERO = 3  # Zotero or network failure


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    origin: Origin | None = None
    key: str | None = None  # entry key or note number
    severity: Severity = field(init=False)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code!r}; add it to report.CODES")
        object.__setattr__(self, "severity", CODES[self.code][0])

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        key = f"[{self.key}] " if self.key else ""
        return f"{where}{self.severity.name.lower()}: {key}{self.message} ({self.code})"

    def to_json(self) -> dict[str, Any]:
        origin = self.origin or Origin()
        return {
            "severity": self.severity.name.lower(),
            "code": self.code,
            "message": self.message,
            "file": origin.file if self.origin else None,
            "line": origin.line,
            "column": origin.column,
            "key": self.key,
        }


@dataclass
class Report:
    """The diagnostics of one run, in the order they were found."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, code: str, message: str, origin: Origin | None = None,
            key: str | None = None) -> Diagnostic:
        diagnostic = Diagnostic(code, message, origin, key)
        self.diagnostics.append(diagnostic)
        return diagnostic

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == Severity.ERROR]

    def codes(self) -> list[str]:
        return [d.code for d in self.diagnostics]

    def exit_code(self, strict: bool = False) -> ExitCode:
        worst = max((d.severity for d in self.diagnostics), default=Severity.INFO)
        if worst == Severity.ERROR or (strict and worst == Severity.WARNING):
            return ExitCode.ENTRIES_FAILED
        return ExitCode.OK

    def to_json(self) -> str:
        return json.dumps([d.to_json() for d in self.diagnostics], ensure_ascii=False, indent=1)
