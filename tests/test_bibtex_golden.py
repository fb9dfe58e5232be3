"""Golden CSL-JSON for every entry of the three corpora: a change in reading shows as a diff of
fixtures/bibtex/<corpus>.csl.json. `make accept` (BIBCONV_ACCEPT=1) rewrites them; review the diff."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from converter.model import Origin
from converter.readers import biblatex
from converter.report import Report

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("biblatex-examples", "xampl", "notes-test")


@pytest.mark.parametrize("name", CORPORA)
def test_golden_csl_of_corpus(name: str) -> None:
    text = (ROOT / "fixtures" / "corpora" / f"{name}.bib").read_text(encoding="utf-8")
    items = biblatex.read(text, origin=Origin(f"{name}.bib"), report=Report()).csl_items()
    golden = ROOT / "fixtures" / "bibtex" / f"{name}.csl.json"
    if os.environ.get("BIBCONV_ACCEPT"):
        golden.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == [item["id"] for item in expected]
    for item, want in zip(items, expected, strict=True):
        assert item == want, item["id"]
