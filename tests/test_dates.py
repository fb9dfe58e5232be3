from __future__ import annotations

import pytest

from converter.dates import format_edtf, parse_edtf


@pytest.mark.parametrize(("text", "csl"), [
    ("2007", {"date-parts": [[2007]]}),
    ("2007-05", {"date-parts": [[2007, 5]]}),
    ("1924-02-26", {"date-parts": [[1924, 2, 26]]}),
    ("1925-01-02/1925-11-23", {"date-parts": [[1925, 1, 2], [1925, 11, 23]]}),
    ("1850~", {"date-parts": [[1850]], "circa": True}),
    ("2007-21", {"date-parts": [[2007]], "season": 1}),
])
def test_edtf_both_ways(text: str, csl: dict) -> None:
    assert parse_edtf(text) == csl
    assert format_edtf(csl) == text


@pytest.mark.parametrize("text", ["forthcoming", "2007-13", "1924-02-32", "12/05/2007", "a/b/c"])
def test_not_edtf(text: str) -> None:
    assert parse_edtf(text) is None


def test_open_end_keeps_the_start() -> None:
    assert parse_edtf("1925/..") == {"date-parts": [[1925]]}
