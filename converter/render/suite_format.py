"""The CSL processor test suite's `.txt` fixture format, read in place from the shared folder.

A fixture is a run of sections, each `>>===== NAME =====>>` … `<<===== NAME =====<<` (the number
of `=` varies between files). MODE, RESULT and CSL are plain text; INPUT, CITATION-ITEMS,
CITATIONS, BIBENTRIES, BIBSECTION and ABBREVIATIONS are JSON. Sections we do not use (VERSION,
DESCRIPTION...) are kept as text in `other`.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SECTION = re.compile(r"^>>=+\s*([A-Z-]+)\s*=+>>[ \t]*\n(.*?)^<<=+\s*\1\s*=+<<", re.MULTILINE | re.DOTALL)
JSON_SECTIONS = ("INPUT", "CITATION-ITEMS", "CITATIONS", "BIBENTRIES", "BIBSECTION", "ABBREVIATIONS")
REQUIRED_SECTIONS = ("MODE", "RESULT", "CSL", "INPUT")
# Where the suite lies inside the shared folder.
HUMANS = Path("csl-test-suite") / "processor-tests" / "humans"


class SuiteFormatError(ValueError):
    """A fixture that lacks a required section or holds JSON that does not parse."""


@dataclass
class SuiteTest:
    name: str
    mode: str
    result: str
    csl: str
    input: list[dict[str, Any]]
    citation_items: list[list[dict[str, Any]]] | None = None
    citations: list[list[Any]] | None = None
    bibentries: list[list[str]] | None = None
    bibsection: dict[str, Any] | None = None
    abbreviations: dict[str, Any] | None = None
    other: dict[str, str] = field(default_factory=dict)

    @property
    def category(self) -> str:
        return self.name.split("_", 1)[0]


def parse(text: str, name: str) -> SuiteTest:
    """Parse one fixture; `name` is its file name without `.txt`."""
    sections: dict[str, str] = {}
    for match in SECTION.finditer(text):
        sections[match.group(1)] = match.group(2)
    missing = [s for s in REQUIRED_SECTIONS if s not in sections]
    if missing:
        raise SuiteFormatError(f"{name}: no {', '.join(missing)} section")
    data: dict[str, Any] = {}
    for section in JSON_SECTIONS:
        if section in sections:
            try:
                data[section] = json.loads(sections[section])
            except json.JSONDecodeError as error:
                raise SuiteFormatError(f"{name}: {section} is not JSON: {error}") from error
    used = {*REQUIRED_SECTIONS, *JSON_SECTIONS}
    return SuiteTest(
        name=name,
        mode=sections["MODE"].strip(),
        # The suite's own harness compares without the final newline and trailing blanks.
        result=sections["RESULT"].rstrip("\n"),
        csl=sections["CSL"].strip(),
        input=data["INPUT"],
        citation_items=data.get("CITATION-ITEMS"),
        citations=data.get("CITATIONS"),
        bibentries=data.get("BIBENTRIES"),
        bibsection=data.get("BIBSECTION"),
        abbreviations=data.get("ABBREVIATIONS"),
        other={k: v for k, v in sections.items() if k not in used},
    )


def shared_dir() -> Path:
    """The shared folder: $BIBCONV_SHARED, else `<repo>/../shared`."""
    env = os.environ.get("BIBCONV_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared"


def suite_dir() -> Path:
    return shared_dir() / HUMANS


def test_names(directory: Path | None = None) -> list[str]:
    """Every fixture name in the suite, sorted."""
    return sorted(p.stem for p in (directory or suite_dir()).glob("*.txt"))


def load(name: str, directory: Path | None = None) -> SuiteTest:
    path = (directory or suite_dir()) / f"{name}.txt"
    # Some fixtures start with a byte-order mark.
    return parse(path.read_text(encoding="utf-8-sig"), name)


def load_all(names: list[str] | None = None, directory: Path | None = None) -> Iterator[SuiteTest]:
    for name in names if names is not None else test_names(directory):
        yield load(name, directory)
