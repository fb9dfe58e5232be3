"""The hand-written notes sets are well formed: fixtures/notes/realistic/ (the development set)
and fixtures/notes/blind/ (written without looking at the parser, never tuned to). Every numbered
note has exactly one gold line, in order; the gold uses only the key fields of the shared scorer;
every gold value is printed in that note or an earlier one (short forms and ibid. carry the full
item's values, so a typo in the gold would make a set unwinnable). This checks the gold files,
not the parser's score: `bench/realistic_devset.py [--set blind]` prints that."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import shared_scorer

ROOT = Path(__file__).resolve().parent.parent
# set -> (its files, how many notes a file holds)
SETS: dict[str, tuple[tuple[str, ...], range]] = {
    "realistic": (("chicago", "british", "mhra", "german", "archival-heldout"), range(40, 61)),
    "blind": (("chicago", "british", "mhra", "german"), range(30, 41)),
    "blind2": (("chicago", "british", "mhra", "german"), range(35, 41)),
    "blind3": (("chicago", "british", "mhra", "german"), range(35, 41)),
}
FILES = [(name, file) for name, (files, _) in SETS.items() for file in files]
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


def _notes(name: str, file: str) -> list[str]:
    return (ROOT / "fixtures" / "notes" / name / f"{file}.notes.txt").read_text("utf-8").splitlines()


def _gold(name: str, file: str) -> list[dict]:
    lines = (ROOT / "fixtures" / "notes" / name / f"{file}.gold.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize(("name", "file"), FILES)
def test_every_note_has_one_gold_line_in_order(name: str, file: str) -> None:
    numbers = [int(m.group(1)) for line in _notes(name, file) if (m := re.match(r"(\d+)\. \S", line))]
    assert numbers == list(range(1, len(_notes(name, file)) + 1)), "one note a line, numbered 1..N without gaps"
    assert len(numbers) in SETS[name][1]
    assert [row["note"] for row in _gold(name, file)] == numbers


@pytest.mark.parametrize(("name", "file"), FILES)
def test_gold_uses_only_key_fields(name: str, file: str) -> None:
    count = len(_notes(name, file))
    for row in _gold(name, file):
        assert set(row) == {"note", "kind", "citations"}, row
        assert row["kind"] in KINDS, row
        assert (row["kind"] == "explanatory") == (not row["citations"]), row
        for cite in row["citations"]:
            assert set(cite) <= KEY_FIELDS | MARKERS, (row["note"], set(cite) - KEY_FIELDS - MARKERS)
            if cite.get("cross_reference"):
                target = cite.get("target_note") or ""  # 'see n. 4 above', 'wie Anm. 4' (or 'Dok. 12')
                assert not target.isdigit() or row["note"] != int(target) <= count, row
                continue
            assert set(cite) == KEY_FIELDS | {"locator"}, (row["note"], KEY_FIELDS - set(cite))
            assert cite["type"] in CSL_TYPES, (row["note"], cite["type"])
            assert isinstance(cite["author_family"], list), row["note"]
            assert cite["archival"] == bool(cite.get("archive") or cite.get("archive_location")
                                            or cite["type"] in ("manuscript", "personal_communication")), row["note"]
            year = cite.get("issued_year")
            assert year is None or re.fullmatch(r"\d{4}", year), (row["note"], year)


@pytest.mark.parametrize(("name", "file"), FILES)
def test_gold_values_are_printed_in_the_note_or_an_earlier_one(name: str, file: str) -> None:
    seen = ""
    for row, line in zip(_gold(name, file), _notes(name, file), strict=True):
        seen += " " + line
        folded = SCORER.norm(seen)
        for cite in row["citations"]:
            for field in ("title", "container_title", "locator", "archive", "issued_year"):
                value = SCORER.norm(cite.get(field))
                if value and not (field == "container_title" and value in COLLECTIONS):
                    assert value in folded, (row["note"], field, value)
            # the hierarchy is written one way per archive ("busta 5" -> "b. 5"): its numbers are printed
            for number in re.findall(r"\d+", cite.get("archive_location") or ""):
                assert number in folded, (row["note"], "archive_location", number)
            for family in cite.get("author_family") or []:
                assert SCORER.norm(family) in folded, (row["note"], family)
