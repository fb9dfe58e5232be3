"""The whole CSL processor test suite through citeproc-py with our fixes (about 5 s of CPU).

A test not on tests/csl_suite_known_failures.txt must pass, and every listed test must still
fail: the list only shrinks (remove fixed tests with `bench/csl_suite.py --prune-known-failures`).
The suite is read in place from the shared folder; without it these tests are skipped.
"""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from converter.render import suite, suite_format
from converter.render.fixes import FIXES, apply_all

KNOWN_FAILURES_FILE = Path(__file__).with_name("csl_suite_known_failures.txt")
NAMES = suite_format.test_names() if suite_format.suite_dir().is_dir() else []


def known_failures() -> set[str]:
    names = set()
    for line in KNOWN_FAILURES_FILE.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip()
        if name:
            names.add(name)
    return names


KNOWN = known_failures()


def test_suite_is_there() -> None:
    if not NAMES:
        pytest.skip(f"no CSL test suite at {suite_format.suite_dir()}")
    assert len(NAMES) > 800


def test_known_failures_are_suite_tests() -> None:
    if not NAMES:
        pytest.skip("no CSL test suite")
    assert KNOWN - set(NAMES) == set()


@pytest.mark.parametrize("name", NAMES)
def test_csl_suite(name: str) -> None:
    apply_all()
    outcome = suite.run(suite_format.load(name))
    if name in KNOWN:
        assert not outcome.passed, f"{name} passes now: remove it from {KNOWN_FAILURES_FILE.name}"
    else:
        assert outcome.passed, f"{name}: {outcome.error or outcome.output!r}"


def test_parser_reads_sections_with_any_number_of_equal_signs() -> None:
    text = (
        ">>== MODE ==>>\ncitation\n<<== MODE ==<<\n"
        ">>===== RESULT =====>>\nDoe\n<<===== RESULT =====<<\n"
        ">>==== CSL ====>>\n<style/>\n<<==== CSL ====<<\n"
        '>>===== INPUT =====>>\n[{"id": "A"}]\n<<===== INPUT =====<<\n'
        '>>===== CITATION-ITEMS =====>>\n[[{"id": "A"}]]\n<<===== CITATION-ITEMS =====<<\n'
    )
    test = suite_format.parse(text, "x_Y")
    assert (test.mode, test.result, test.csl, test.input) == ("citation", "Doe", "<style/>", [{"id": "A"}])
    assert test.citation_items == [[{"id": "A"}]]
    assert test.category == "x"


def test_parser_rejects_a_fixture_without_result() -> None:
    with pytest.raises(suite_format.SuiteFormatError, match="RESULT"):
        suite_format.parse(">>== MODE ==>>\ncitation\n<<== MODE ==<<\n", "x_Y")


def _suite_outputs(*options: str) -> dict[str, tuple[str | None, str | None]]:
    command = [sys.executable, "-m", "converter.render.suite", "--json", *options]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=Path(__file__).parents[1])
    outcomes = (json.loads(line) for line in done.stdout.splitlines())
    return {o["name"]: (o["output"], o["error"]) for o in outcomes}


def test_speed_fixes_keep_every_suite_output_identical() -> None:
    """Fixes that declare OUTPUT_PRESERVING change speed only: the suite renders as stock does."""
    if not NAMES:
        pytest.skip("no CSL test suite")
    modules = {n: importlib.import_module(f"converter.render.fixes.{n}") for n in FIXES}
    speed = [n for n, module in modules.items() if getattr(module, "OUTPUT_PRESERVING", False)]
    assert speed
    stock = _suite_outputs("--stock")
    faster = _suite_outputs("--only", ",".join(speed))
    assert len(stock) == len(NAMES)
    assert {n for n in stock if stock[n] != faster[n]} == set()
