"""The one place the notes pipeline calls the archival recogniser (notes/archival.py and
notes/declarations.py, issue 4).

Those modules are written in parallel; until they are importable every function here answers
"nothing found", so the rest of the pipeline runs (and is tested) without them. Nothing else in
notes/ imports them directly.
"""
from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import Any

from converter.notes.reference import ArchivalMatch


@cache
def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"converter.notes.{name}")
    except ImportError:
        # Absent, or present but not importable yet (written in parallel, one part missing):
        # the notes pipeline then runs without archival recognition rather than failing.
        return None


def available() -> bool:
    return _module("archival") is not None


def find_declarations(text: str) -> list[Any]:
    """The "(hereafter X)" parentheticals of a text, in reading order (.abbreviation, .expansion,
    .start, .end)."""
    module = _module("declarations")
    return list(module.find_declarations(text)) if module else []


def mask_declarations(text: str) -> str:
    """The text with its declarations blanked out, offsets unchanged."""
    module = _module("declarations")
    return module.mask_declarations(text) if module else text


def context(abbreviations: dict[str, str]) -> Any:
    """An ArchivalContext holding the abbreviations declared so far (None without the module)."""
    module = _module("archival")
    if module is None:
        return None
    factory = getattr(module, "ArchivalContext", None)
    if factory is None:
        return None
    try:
        return factory(abbreviations=abbreviations)
    except TypeError:
        return factory(abbreviations)


def learn(archival_context: Any, abbreviations: dict[str, str]) -> None:
    """Tell the context about abbreviations declared so far (it keeps the rest it learned)."""
    known = getattr(archival_context, "abbreviations", None)
    if isinstance(known, dict):
        for abbreviation, expansion in abbreviations.items():
            known.setdefault(abbreviation, expansion)


def parse_archival(text: str, start: int, archival_context: Any) -> ArchivalMatch | None:
    """The archival references that begin at `start`, or None."""
    module = _module("archival")
    if module is None:
        return None
    return module.parse_archival(text, start, archival_context)


def identity(csl: dict[str, Any]) -> tuple | None:
    """The key under which two archival items are one document (None: not archival, or unknown)."""
    module = _module("archival")
    if module is None or not hasattr(module, "identity"):
        return None
    return module.identity(csl)
