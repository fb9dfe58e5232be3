"""crossref and xdata: what a BibTeX/BibLaTeX entry inherits from the entries it names, by
biblatex's rules (mappings/bibtex.py INHERITANCE); related entries are checked, not merged."""
from __future__ import annotations

from typing import Any

from converter.mappings import bibtex as rules
from converter.report import Report


def _parent(key: str, entry: Any, by_key: dict[str, Any], report: Report, what: str) -> Any:
    parent = by_key.get(key) or by_key.get(key.lower())
    if parent is None:
        report.add("missing-crossref", f"{what} {key!r} names no entry of this input", entry.origin, entry.key)
    return parent


def inherited(entry: Any, by_key: dict[str, Any], resolved: dict[int, dict[str, str]], report: Report,
              chain: tuple[str, ...]) -> dict[str, str]:
    """The entry's fields with what xdata and crossref parents give it (biblatex's rules)."""
    if id(entry) in resolved:
        return resolved[id(entry)]
    fields = dict(entry.fields)
    if entry.key in chain:
        report.add("missing-crossref", f"crossref/xdata cycle through {entry.key!r}", entry.origin, entry.key)
        return fields
    chain = (*chain, entry.key)
    for key in [part.strip() for part in fields.get("xdata", "").split(",") if part.strip()]:
        parent = _parent(key, entry, by_key, report, "xdata")
        if parent is not None:
            for name, value in inherited(parent, by_key, resolved, report, chain).items():
                if name not in fields and name not in rules.NEVER_INHERITED:
                    fields[name] = value
    key = fields.get("crossref", "").strip()
    if key:
        parent = _parent(key, entry, by_key, report, "crossref")
        if parent is not None:
            given = inherited(parent, by_key, resolved, report, chain)
            mapping, excluded = rules.inheritance(parent.entry_type, entry.entry_type)
            for name in [n for n in given if n in mapping] + [n for n in given if n not in mapping]:
                if name in rules.NEVER_INHERITED or name in excluded:
                    continue
                for target in mapping.get(name, (name,)):
                    fields.setdefault(target, given[name])
    for key in [part.strip() for part in fields.get("related", "").split(",") if part.strip()]:
        _parent(key, entry, by_key, report, "related entry")
    resolved[id(entry)] = fields
    return fields
