"""Zotero's Extra convention: `Key: value` lines as citeproc-js and Zotero read them."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter.mappings.extra import captured_lines, format_extra, key_variables, parse_extra, unholdable
from converter.schema import errors, variables
from tests.csl_strategies import date, free_line, name, phrase, short


@pytest.mark.parametrize(("line", "variable"), [
    ("original-date: 1850", "original-date"),
    ("Original Date: 1850", "original-date"),  # Zotero field label
    ("originalDate: 1850", "original-date"),  # Zotero field name
    ("ORIGINAL_DATE: 1850", "original-date"),
    ("archive_location: F. 4, op. 20", "archive_location"),
    ("Archive Location: F. 4, op. 20", "archive_location"),
    ("archive-place: Moskva", "archive-place"),
    ("Place: Moskva", "publisher-place"),  # Zotero `place`
    ("Series Title: Studi", "collection-title"),  # Zotero `seriesTitle`
    ("Num Pages: 300", "number-of-pages"),
    ("Book Title: Opere", "container-title"),  # type-specific field through its base field
    ("Citation Key: graziosi2007", "citation-key"),
    ("DOI: 10.1000/x", "DOI"),
    ("doi: 10.1000/x", "DOI"),
    ("{:container-title: Limes}", "container-title"),  # citeproc-js's old form
])
def test_keys_in_any_spelling(line: str, variable: str) -> None:
    found, rest = parse_extra(line)
    assert list(found) == [variable]
    assert rest == ""


def test_names_dates_and_free_text() -> None:
    found, rest = parse_extra(
        "Seen at the archive in 2019.\n"
        "recipient: Jurenev || K.K.\n"
        "Recipient: Čičerin || Georgij\n"
        "editor: Accademia dei Lincei\n"
        "issued: 1925-01-02/1925-11-23\n"
        "original-date: 1850~\n"
        "event-date: spring 1850\n"
        "Unknown Key: stays\n")
    assert found["recipient"] == [{"family": "Jurenev", "given": "K.K."}, {"family": "Čičerin", "given": "Georgij"}]
    assert found["editor"] == [{"literal": "Accademia dei Lincei"}]
    assert found["issued"] == {"date-parts": [[1925, 1, 2], [1925, 11, 23]]}
    assert found["original-date"] == {"date-parts": [[1850]], "circa": True}
    assert found["event-date"] == {"literal": "spring 1850"}
    assert rest == "Seen at the archive in 2019.\nUnknown Key: stays"
    assert errors({"id": "x", "type": "book", **found}) == []


def test_particles_and_suffix() -> None:
    found, _ = parse_extra("author: van der Berg || Ludwig von, Jr.\nauthor: hooks || bell")
    assert found["author"][0] == {"family": "Berg", "given": "Ludwig", "non-dropping-particle": "van der",
                                  "dropping-particle": "von", "suffix": "Jr."}
    assert found["author"][1] == {"family": "hooks", "given": "bell"}  # no particle without a name left


def test_type_retypes_only_with_a_csl_type() -> None:
    assert parse_extra("type: dataset")[0] == {"type": "dataset"}
    assert parse_extra("Type: Telegram")[0] == {"genre": "Telegram"}


def test_a_repeated_variable_keeps_the_first_and_loses_nothing() -> None:
    found, rest = parse_extra("volume: 7\nvolume: 8")
    assert found == {"volume": "7"}
    assert rest == "volume: 8"


def test_note_is_free_text_not_a_variable() -> None:
    assert parse_extra("note: see above") == ({}, "note: see above")


def test_unholdable_values() -> None:
    assert unholdable("title", "two\nlines")
    assert unholdable("issued", {"date-parts": [[1924, 2, 26]]}) is None
    assert unholdable("author", [{"family": "Litvinov"}]) is None
    assert unholdable("author", [{"family": "Litvinov", "static-ordering": True}]) is None  # reported apart
    assert unholdable("author", [{"literal": " "}])
    assert unholdable("annote", "}") is None
    assert captured_lines("Title: a line\nfree") == ["Title: a line"]


# ---- round trip over generated variables -------------------------------------------------

_phrase, _name, _date, _free_line = phrase, name, date, free_line
_text_variables = sorted(set(variables()["strings"]) - {"note", "journalAbbreviation", "shortTitle"})


@st.composite
def extra_variables(draw: st.DrawFn) -> dict:
    out: dict = {}
    for variable in draw(st.lists(st.sampled_from(_text_variables), max_size=5, unique=True)):
        out[variable] = draw(_phrase)
    for variable in draw(st.lists(st.sampled_from(variables()["names"]), max_size=2, unique=True)):
        out[variable] = draw(st.lists(_name, min_size=1, max_size=3))
    for variable in draw(st.lists(st.sampled_from(variables()["dates"]), max_size=2, unique=True)):
        out[variable] = draw(_date)
    return out


@short
@given(extra_variables(), st.lists(_free_line, max_size=3).map("\n".join))
def test_format_then_parse_returns_the_variables(found: dict, free_text: str) -> None:
    assert parse_extra(format_extra(found, free_text)) == (found, free_text)


def test_every_csl_variable_has_a_key() -> None:
    table = variables()
    keys = set(key_variables().values())
    for kind in ("names", "dates", "numbers", "strings"):
        for variable in table[kind]:
            assert variable == "note" or variable in keys or variable in ("journalAbbreviation", "shortTitle")
