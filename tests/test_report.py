from __future__ import annotations

import pytest

from converter.model import Origin
from converter.report import CODES, ExitCode, Report, Severity


def test_codes_are_a_closed_set() -> None:
    with pytest.raises(ValueError):
        Report().add("no-such-code", "x")


def test_exit_code_follows_worst_severity() -> None:
    report = Report()
    report.add("unmapped-field", "x")
    assert report.exit_code() == ExitCode.OK
    assert report.exit_code(strict=True) == ExitCode.ENTRIES_FAILED
    report.add("parse-error", "y", Origin("a.bib", 3, 1))
    assert report.exit_code() == ExitCode.ENTRIES_FAILED
    assert str(report.diagnostics[-1]).startswith("a.bib:3:1: error:")


def test_every_code_has_a_severity_and_meaning() -> None:
    for code, (severity, meaning) in CODES.items():
        assert isinstance(severity, Severity) and meaning, code
