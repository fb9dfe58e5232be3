"""Every reader on fuzzed input, short profile (bench/fuzz.py runs 100,000+ cases): no exception
escapes, and every entry or note of a structured case is in the output or named in the report."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from converter import formats
from tests.fuzzcases import READERS, STRUCTURED, Case, cases, run

SHORT = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def available(fmt: str) -> bool:
    try:
        importlib.import_module(f"converter.readers.{formats.get(fmt).reader}")
    except ModuleNotFoundError:
        return False
    return True


@pytest.mark.parametrize("fmt", READERS)
def test_reader_survives_fuzzing(fmt: str) -> None:
    if not available(fmt):
        pytest.skip(f"no {fmt} reader yet")

    @SHORT
    @given(cases(fmt))
    def check(case: Case) -> None:
        outcome = run(case)
        assert outcome.error is None, f"{fmt} reader raised on {case.data[:300]!r}:\n{outcome.error}"
        assert not outcome.missing, f"{fmt}: {outcome.missing} silently dropped from {case.data[:500]!r}"

    check()


def test_every_reader_of_the_brief_has_structured_cases() -> None:
    assert set(STRUCTURED) == {"bibtex", "biblatex", "ris", "csljson", "notes", "notes-md", "notes-docx"}
    assert set(READERS) >= {f.name for f in formats.FORMATS if f.reader}


def test_the_check_can_fail() -> None:
    # a marker that is nowhere, and a reader given input it must reject: both are caught
    case = Case("csljson", b'[{"id": "QXZ0", "type": "book"}]', ["QXZ0", "QXZ9"])
    assert run(case).missing == ["QXZ9"]


FOUND = Path(__file__).resolve().parent.parent / "fixtures" / "fuzz"


@pytest.mark.parametrize("path", sorted(FOUND.glob("*.bin")), ids=lambda p: p.stem)
def test_inputs_fuzzing_broke_once(path: Path) -> None:
    """fixtures/fuzz/<format>--<what>.bin: inputs on which a reader once raised."""
    fmt = path.stem.split("--")[0]
    outcome = run(Case(fmt, path.read_bytes(), []))
    assert outcome.error is None, outcome.error
