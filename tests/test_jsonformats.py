"""CSL-JSON and notes-json: the canonical model read and written back."""
from __future__ import annotations

import json

from converter import formats
from converter.model import Origin
from converter.pipeline import read_text, write_text
from converter.report import Report
from converter.schema import errors
from tests.conftest import FIXTURES

GOLD = FIXTURES / "seed" / "dundovich-2020.gold.json"


def test_gold_items_pass_our_csl_schema() -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    assert [errors(item) for item in gold["items"] if errors(item)] == []
    assert errors(gold["source"]) == []


def test_schema_rejects_unknown_keys_and_types() -> None:
    assert errors({"id": "a", "type": "letter"})  # CSL 1.0.2 has no letter type
    assert errors({"id": "a", "type": "book", "gold_comment": "x"})
    assert errors({"id": "a", "type": "book", "author": [{"family": "X", "first": "Y"}]})


def test_notes_json_round_trip_keeps_the_gold() -> None:
    text = GOLD.read_text("utf-8")
    report = Report()
    document = read_text(text, "notes-json", origin=Origin("gold.json"), report=report)
    again = json.loads(write_text(document, "notes-json", report=report))
    gold = json.loads(text)
    assert report.diagnostics == []
    assert again["items"] == gold["items"]
    assert again["source"] == gold["source"]
    assert again["abbreviations"] == gold["abbreviations"]
    for mine, theirs in zip(again["notes"], gold["notes"], strict=True):
        theirs = {k: v for k, v in theirs.items() if k != "gold_comment"}
        theirs["citations"] = [{k: v for k, v in c.items() if k != "gold_comment"}
                               for c in theirs["citations"]]
        assert mine == theirs


def test_csljson_reports_line_and_column_and_keeps_earlier_items() -> None:
    text = '[\n {"id": "a", "type": "book"},\n {"id": "b", "type": "book",,}\n]'
    report = Report()
    document = read_text(text, "csljson", origin=Origin("x.json"), report=report)
    assert [item.id for item in document.items] == ["a"]
    [diagnostic] = report.diagnostics
    assert diagnostic.code == "invalid-json"
    assert (diagnostic.origin.line, diagnostic.origin.column) == (3, 29)
    assert document.items[0].origin.line == 2


def test_detection_prefers_content_then_extension() -> None:
    assert formats.detect("refs.txt", '[{"id": "x", "type": "book"}]') == "csljson"
    assert formats.detect("gold.json", GOLD.read_text("utf-8")[:4096]) == "notes-json"
    assert formats.detect("refs.json", "[]") == "csljson"
