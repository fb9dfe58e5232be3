"""The hand-written realistic dev set (fixtures/notes/realistic/) is well formed: every numbered
note has exactly one gold line, in order, and the gold uses only the key fields of the shared
scorer. This checks the gold files, not the parser's score (bench/realistic_devset.py prints that)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import shared_scorer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "notes" / "realistic"
NAMES = ("chicago", "british", "mhra", "german", "archival-heldout")
# Markers the scorer reads besides the key fields: such a citation is not scored.
MARKERS = {"cross_reference", "unsure", "target_note"}
KINDS = {"citation", "explanatory", "mixed"}
CSL_TYPES = {"book", "chapter", "article-journal", "article-newspaper", "article-magazine", "thesis", "report",
             "webpage", "manuscript", "personal_communication", "paper-conference"}


SCORER = shared_scorer()
KEY_FIELDS = set(SCORER.KEY_FIELDS)
# A published collection cited by its abbreviation (FRUS, DBFP, ADAP) has its full title as gold.
COLLECTIONS = {SCORER.norm(row.split("\t")[2]) for row in
               (ROOT / "converter" / "data" / "document-collections.tsv").read_text("utf-8").splitlines()
               if row and not row.startswith("#")}


def _numbers(name: str) -> list[int]:
    text = (FIXTURES / f"{name}.notes.txt").read_text("utf-8")
    return [int(m.group(1)) for m in re.finditer(r"^(\d+)\. \S", text, re.MULTILINE)]


def _gold(name: str) -> list[dict]:
    lines = (FIXTURES / f"{name}.gold.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("name", NAMES)
def test_every_note_has_one_gold_line_in_order(name: str) -> None:
    numbers = _numbers(name)
    assert numbers == list(range(1, len(numbers) + 1)), "notes are numbered 1..N without gaps"
    assert 40 <= len(numbers) <= 60
    assert [row["note"] for row in _gold(name)] == numbers


@pytest.mark.parametrize("name", NAMES)
def test_gold_uses_only_key_fields(name: str) -> None:
    for row in _gold(name):
        assert set(row) <= {"note", "kind", "citations"}, row
        assert row["kind"] in KINDS, row
        assert (row["kind"] == "explanatory") == (not row["citations"]), row
        for cite in row["citations"]:
            assert set(cite) <= KEY_FIELDS | MARKERS, (row["note"], set(cite) - KEY_FIELDS - MARKERS)
            if cite.get("cross_reference"):
                continue
            assert cite["type"] in CSL_TYPES, (row["note"], cite["type"])
            assert isinstance(cite["author_family"], list), row["note"]
            assert cite["archival"] == bool(cite.get("archive") or cite.get("archive_location")
                                            or cite["type"] in ("manuscript", "personal_communication")), row["note"]
            year = cite.get("issued_year")
            assert year is None or re.fullmatch(r"\d{4}", year), (row["note"], year)


@pytest.mark.parametrize("name", NAMES)
def test_gold_values_are_printed_in_the_note_or_an_earlier_one(name: str) -> None:
    """Short forms and ibid. carry the full item's values, so a value must appear in this note
    or an earlier one (a typo in the gold would make the set unwinnable)."""
    notes = (FIXTURES / f"{name}.notes.txt").read_text("utf-8").splitlines()
    seen = ""
    for row, line in zip(_gold(name), notes, strict=True):
        seen += " " + line
        folded = SCORER.norm(seen)
        for cite in row["citations"]:
            for field in ("title", "container_title", "locator"):
                value = SCORER.norm(cite.get(field))
                if value and not (field == "container_title" and value in COLLECTIONS):
                    assert value in folded, (row["note"], field, value)
            # the hierarchy is written one way per archive ("busta 5" -> "b. 5"): its numbers are printed
            for number in re.findall(r"\d+", cite.get("archive_location") or ""):
                assert number in folded, (row["note"], "archive_location", number)
            for family in cite.get("author_family") or []:
                assert SCORER.norm(family) in folded, (row["note"], family)
