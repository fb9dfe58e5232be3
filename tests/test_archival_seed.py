"""The archival recogniser on the seed's archival notes, compared field by field with the gold.

The notes are read in order with one context, as the pipeline does: declarations learned from each
note, references found by trying parse_archival at every word start (the pipeline strips lead-ins,
here they are simply skipped), the masked text passed in. Per-field figures are printed (pytest -s).
"""
from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest

from converter.notes.archival import ArchivalContext, identity, parse_archival
from converter.notes.declarations import find_declarations, mask_declarations
from converter.notes.reference import Reference

FIELDS = ["type", "archive", "archive-place", "archive_location", "author", "recipient", "title", "issued",
          "number", "volume", "event-place", "publisher-place", "container-title", "collection-title",
          "collection-number", "page", "locator"]


def _norm(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(sorted(_norm(n.get("family") or n.get("literal")) for n in value))
    if isinstance(value, dict):
        return json.dumps(value.get("date-parts"))
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    text = re.sub(r"[‐‑‒–—―−]", "-", text).replace("’", "'")
    return re.sub(r"\s+", " ", text).strip(" .,;")


def _values(csl: dict[str, Any], locator: str | None) -> dict[str, str]:
    out = {field: _norm(csl.get(field)) for field in FIELDS if field != "locator"}
    out["archive_location"] = re.sub(r"[^0-9a-z]+", " ", out["archive_location"]).strip()
    out["locator"] = _norm(locator)
    return out


def _archival(item: dict[str, Any]) -> bool:
    return bool(item.get("archive")) or (item.get("type") == "chapter" and item.get("number") is not None)


def _references(text: str, context: ArchivalContext) -> list[Reference]:
    masked = mask_declarations(text)
    found: list[Reference] = []
    position = 0
    while position < len(masked):
        starts = [m.start() for m in re.finditer(r"(?<!\S)\S", masked[position:])]
        match = None
        for offset in starts:
            match = parse_archival(masked, position + offset, context)
            if match is not None:
                break
        if match is None:
            break
        found.extend(match.references)
        position = max(match.end, position + 1)
    return found


def _merge(first: dict[str, Any], later: dict[str, Any]) -> None:
    """As the pipeline merges one document cited twice: the first title, missing details filled."""
    for key, value in later.items():
        if key not in first:
            first[key] = value
        elif key in ("author", "recipient"):
            for old, new in zip(first[key], value, strict=False):
                if old.get("family") == new.get("family") and "given" in new:
                    old.setdefault("given", new["given"])


@pytest.fixture(scope="module")
def comparison() -> dict[str, list[int]]:
    from tests.conftest import FIXTURES
    gold = json.loads((FIXTURES / "seed" / "dundovich-2020.gold.json").read_text("utf-8"))
    items = {item["id"]: item for item in gold["items"]}
    context = ArchivalContext()
    documents: dict[Any, dict[str, Any]] = {}
    cited: list[tuple[list[dict[str, str]], list[tuple[dict[str, Any], str | None]]]] = []
    for note in gold["notes"]:
        for declaration in find_declarations(note["text"]):
            context.abbreviations.setdefault(declaration.abbreviation, declaration.expansion)
        golds = [_values(items[c["id"]], c["locator"]) for c in note["citations"] if _archival(items[c["id"]])]
        preds = []
        for reference in _references(note["text"], context):
            key = identity(reference.csl) or id(reference)
            if key in documents:
                _merge(documents[key], reference.csl)
            else:
                documents[key] = reference.csl
            preds.append((documents[key], reference.locator))
        cited.append((golds, preds))
    counts = {field: [0, 0, 0] for field in FIELDS}
    for golds, pred_items in cited:
        preds = [_values(csl, locator) for csl, locator in pred_items]
        for index in range(max(len(golds), len(preds))):
            g = golds[index] if index < len(golds) else {}
            p = preds[index] if index < len(preds) else {}
            for field in FIELDS:
                gv, pv = g.get(field, ""), p.get(field, "")
                if gv and gv == pv:
                    counts[field][0] += 1
                    continue
                if gv or pv:
                    print(f"  {field}: gold={gv!r} predicted={pv!r}")
                counts[field][1] += bool(pv)
                counts[field][2] += bool(gv)
    return counts


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_seed_archival_fields_reach_the_target(comparison: dict[str, list[int]]) -> None:
    for field, (tp, fp, fn) in comparison.items():
        print(f"{field:18} F1 {_f1(tp, fp, fn):.3f}  (tp {tp}, fp {fp}, fn {fn})")
    # Note 51 prints a half-translated description ("Note of …") that the gold replaces by the
    # full form of note 53: the one title a document-by-document reading cannot get.
    targets = {field: 0.97 for field in FIELDS}
    targets["title"] = 0.95
    low = {field: round(_f1(*comparison[field]), 3) for field in FIELDS
           if _f1(*comparison[field]) < targets[field]}
    assert low == {}


def test_seed_has_every_archival_citation(comparison: dict[str, list[int]]) -> None:
    tp, fp, fn = comparison["type"]
    assert tp > 40 and fp == 0 and fn == 0
