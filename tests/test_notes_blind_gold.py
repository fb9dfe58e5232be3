"""The blind set (fixtures/notes/blind/: notes in the four conventions written without looking at
the parser, never tuned to) is well formed, by the same rules as the realistic set's gold: one gold
line per note in order, key fields only, and every gold value printed in that note or an earlier
one. This checks the gold files, not the parser's score (`bench/realistic_devset.py --set blind`)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_notes_realistic_gold import COLLECTIONS, CSL_TYPES, KEY_FIELDS, KINDS, MARKERS, SCORER

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "notes" / "blind"
NAMES = ("chicago", "british", "mhra", "german")


def _notes(name: str) -> list[str]:
    return (FIXTURES / f"{name}.notes.txt").read_text("utf-8").splitlines()


def _gold(name: str) -> list[dict]:
    lines = (FIXTURES / f"{name}.gold.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("name", NAMES)
def test_every_note_has_one_gold_line_in_order(name: str) -> None:
    numbers = [int(m.group(1)) for line in _notes(name) if (m := re.match(r"(\d+)\. \S", line))]
    assert numbers == list(range(1, len(_notes(name)) + 1)), "one note a line, numbered 1..N without gaps"
    assert 30 <= len(numbers) <= 40
    assert [row["note"] for row in _gold(name)] == numbers


@pytest.mark.parametrize("name", NAMES)
def test_gold_uses_only_key_fields(name: str) -> None:
    for row in _gold(name):
        assert set(row) == {"note", "kind", "citations"}, row
        assert row["kind"] in KINDS, row
        scored = [cite for cite in row["citations"] if not cite.get("cross_reference")]
        assert (row["kind"] == "explanatory") == (not row["citations"]), row
        for cite in row["citations"]:
            assert set(cite) <= KEY_FIELDS | MARKERS, (row["note"], set(cite) - KEY_FIELDS - MARKERS)
            if cite.get("cross_reference"):
                target = cite["target_note"]  # 'see n. 4 above', 'see below, n. 15', 'wie Anm. 4'
                assert target.isdigit() and int(target) != row["note"] and int(target) <= len(_notes(name)), row
        for cite in scored:
            assert set(cite) == KEY_FIELDS | {"locator"}, (row["note"], KEY_FIELDS - set(cite))
            assert cite["type"] in CSL_TYPES, (row["note"], cite["type"])
            assert isinstance(cite["author_family"], list), row["note"]
            assert cite["archival"] == bool(cite.get("archive") or cite.get("archive_location")
                                            or cite["type"] in ("manuscript", "personal_communication")), row["note"]
            year = cite.get("issued_year")
            assert year is None or re.fullmatch(r"\d{4}", year), (row["note"], year)


@pytest.mark.parametrize("name", NAMES)
def test_gold_values_are_printed_in_the_note_or_an_earlier_one(name: str) -> None:
    """Short forms and ibid. carry the full item's values, so each value must appear in this note
    or an earlier one; an archive declared 'hereafter X' is given by its name as declared."""
    seen = ""
    for row, line in zip(_gold(name), _notes(name), strict=True):
        seen += " " + line
        folded = SCORER.norm(seen)
        for cite in row["citations"]:
            for field in ("title", "container_title", "locator", "archive", "archive_location", "issued_year"):
                value = SCORER.norm(cite.get(field))
                if value and not (field == "container_title" and value in COLLECTIONS):
                    assert value in folded, (row["note"], field, value)
            for family in cite.get("author_family") or []:
                assert SCORER.norm(family) in folded, (row["note"], family)
