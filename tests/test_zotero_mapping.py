"""CSL-JSON <-> Zotero item JSON, through the `csl` section of Zotero's schema."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter import formats
from converter.mappings import extra
from converter.mappings.zotero import (
    CANNOT_HOLD,
    FIELDS_WITHOUT_VARIABLE,
    errors,
    from_zotero,
    item_types,
    read_date,
    to_zotero,
)
from converter.model import Document, Item, Origin
from converter.report import Report
from converter.schema import errors as csl_errors
from tests.conftest import CORPORA, read_corpus
from tests.csl_strategies import comparable, csl_items, hard_items, invalid_items, short, unreported_differences

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "fixtures/seed/dundovich-2020.gold.json").read_text("utf-8"))["items"]


def _by_type(csl_type: str) -> list[dict]:
    return [item for item in GOLD if item["type"] == csl_type]


def test_shipped_schema_is_version_41() -> None:
    assert extra.zotero_schema()["version"] == 41
    shared = ROOT.parent / "shared" / "zotero" / "schema.json"
    if shared.exists():
        assert json.loads(shared.read_text("utf-8")) == extra.zotero_schema()


def test_letter_keeps_recipient_and_genre() -> None:
    report = Report()
    letter = _by_type("personal_communication")[0]
    data = to_zotero(letter, report=report)
    assert data["itemType"] == "letter"
    assert data["letterType"] == "letter"
    assert [c["creatorType"] for c in data["creators"]] == ["author", "recipient"]
    assert {"lastName": "Jurenev", "firstName": "K.K.", "creatorType": "recipient"} in data["creators"]
    lines = data["extra"].splitlines()
    assert f"Citation Key: {letter['id']}" in lines
    assert "archive-place: Moskva" in lines  # Zotero has no archive place
    assert errors(data) == [] and report.diagnostics == []


def test_manuscript_and_chapter_in_a_document_collection() -> None:
    report = Report()
    manuscript = to_zotero(_by_type("manuscript")[0], report=report)
    assert manuscript["itemType"] == "manuscript" and manuscript["place"] == "Moskva"
    chapter = next(item for item in GOLD if item["type"] == "chapter" and "collection-number" in item)
    data = to_zotero(chapter, report=report)
    assert data["itemType"] == "bookSection"
    assert data["bookTitle"] == chapter["container-title"]  # type-specific field of publicationTitle
    assert data["series"] == chapter["collection-title"]
    assert data["seriesNumber"] == chapter["collection-number"]
    assert f"number: {chapter['number']}" in data["extra"].splitlines()  # bookSection has no number
    assert errors(data) == []


def test_document_in_a_published_collection_is_a_book_section() -> None:
    report = Report()
    item = {"id": "doc1", "type": "document", "title": "Nota", "container-title": "DDI", "volume": "3"}
    data = to_zotero(item, report=report)
    assert data["itemType"] == "bookSection"
    assert "type: document" in data["extra"].splitlines()
    assert from_zotero(data, report=report) == item


def test_type_without_zotero_type_comes_back() -> None:
    report = Report()
    item = {"id": "r1", "type": "review-book", "title": "Rev", "container-title": "Slavic Review",
            "reviewed-title": "A book"}
    data = to_zotero(item, report=report)
    assert data["itemType"] == "journalArticle" and errors(data) == []
    assert from_zotero(data, report=report) == item


@pytest.mark.parametrize("item", GOLD, ids=[item["id"] for item in GOLD])
def test_gold_round_trip(item: dict) -> None:
    report = Report()
    data = to_zotero(item, report=report)
    assert errors(data) == []
    back = from_zotero(data, report=report)
    assert back == item
    assert csl_errors(back) == []
    assert report.diagnostics == []


def test_api_object_and_foreign_fields() -> None:
    report = Report()
    data = {"key": "ABCD2345", "version": 3, "data": {
        "key": "ABCD2345", "itemType": "patent", "title": "Loom", "country": "FR", "issueDate": "12 March 1801",
        "accessDate": "2020-02-03T10:00:00Z",
        "creators": [{"creatorType": "inventor", "firstName": "Joseph Marie", "lastName": "Jacquard"},
                     {"creatorType": "attorneyAgent", "name": "Cabinet X"}],
        "tags": [{"tag": "textiles"}, {"tag": "machines"}], "extra": "archive-place: Lyon\nfree words"}}
    csl = from_zotero(data, report=report)
    assert csl["id"] == "ABCD2345" and csl["type"] == "patent"
    assert csl["author"] == [{"family": "Jacquard", "given": "Joseph Marie"}]
    assert csl["issued"] == {"date-parts": [[1801, 3, 12]]}
    assert csl["accessed"] == {"date-parts": [[2020, 2, 3]]}
    assert csl["keyword"] == "textiles, machines"
    assert csl["archive-place"] == "Lyon"
    assert csl["note"].splitlines() == ["country: FR", "attorneyAgent: Cabinet X", "free words"]
    assert report.codes() == ["unmapped-field", "unmapped-field"]
    assert csl_errors(csl) == []


def test_unreadable_date_is_a_literal_and_reported() -> None:
    report = Report()
    assert read_date("the spring after the war", report=report) == {"literal": "the spring after the war"}
    assert report.codes() == ["invalid-date"]


def test_what_zotero_cannot_hold_is_reported() -> None:
    report = Report()
    item = {"id": "x", "type": "book", "title": "T", "categories": ["a"],
            "author": [{"family": "Li", "given": "Bai", "static-ordering": True}],
            "archive-place": "two\nlines", "note": "Title: looks like a field"}
    to_zotero(item, report=report)
    messages = " ".join(d.message for d in report.diagnostics)
    assert report.codes() == ["lossy-field"] * 4
    for reason in ("categories", "name-part", "extra-line", "note-line"):
        assert CANNOT_HOLD[reason] in messages


def test_every_zotero_field_has_a_variable_or_a_reason() -> None:
    fields = {field for spec in item_types().values() for field in spec["own"]}
    variables = extra.zotero_field_variables()
    missing = {field for field in fields if field not in variables and field not in FIELDS_WITHOUT_VARIABLE}
    assert missing == set()


def test_every_creator_type_has_a_variable_or_goes_to_note() -> None:
    report = Report()
    for item_type, spec in item_types().items():
        for creator_type in spec["creators"]:
            csl = from_zotero({"itemType": item_type, "key": "K", "creators": [
                {"creatorType": creator_type, "lastName": "Rossi", "firstName": "Anna"}]}, report=report)
            assert any(value == [{"family": "Rossi", "given": "Anna"}] for value in csl.values()) \
                or "Rossi || Anna" in csl.get("note", "")


@short
@given(csl_items())
def test_round_trip_of_generated_items(item: dict) -> None:
    report = Report()
    data = to_zotero(item, report=report)
    assert errors(data) == []
    back = from_zotero(data, report=report)
    assert report.diagnostics == []
    assert comparable(back, extra.PREFERRED_VARIABLES) == comparable(item, extra.PREFERRED_VARIABLES)


# ---- the zotero-json reader and writer --------------------------------------------------------

def test_reads_an_api_response(fixtures: Path) -> None:
    from converter.readers import zotero as reader
    report = Report()
    text = (fixtures / "zotero/api-response.zotero.json").read_text("utf-8")
    assert reader.sniff(text[:4096])
    assert formats.detect("api.json", text[:4096]) == "zotero-json"
    document = reader.read(text, origin=Origin("api.json"), report=report)
    expected = json.loads((fixtures / "zotero/api-response.csl.json").read_text("utf-8"))
    assert document.csl_items() == expected
    assert report.codes() == ["not-an-item"]  # the child note, reported, not an item
    assert [item.origin.line for item in document.items] == [2, 41, 62]


def test_gold_through_the_writer_and_reader() -> None:
    from converter.readers import zotero as reader
    from converter.writers import zotero as writer
    report = Report()
    text = writer.write(Document(items=[Item(dict(item)) for item in GOLD]), report=report)
    assert all(errors(data) == [] for data in json.loads(text))
    back = reader.read(text, origin=Origin("gold.zotero.json"), report=report)
    assert back.csl_items() == GOLD
    assert report.diagnostics == []


def test_a_bad_element_does_not_stop_the_rest() -> None:
    from converter.readers import zotero as reader
    report = Report()
    text = '[{"itemType": "book", "title": "A", "key": "AAAAAAAA"},\n 7,\n {"itemType": "book", "title": "B"}]'
    document = reader.read(text, origin=Origin("x.json"), report=report)
    assert [item.csl["title"] for item in document.items] == ["A", "B"]
    assert report.codes() == ["parse-error"] and report.diagnostics[0].origin.line == 2
    from converter.writers import zotero as writer
    assert json.loads(writer.write(document, report=report))[-1] == 7  # written back as it was


# ---- the corpora, once read by the BibTeX reader -----------------------------------------------

@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_round_trip(corpus: str) -> None:
    document = read_corpus(corpus)
    assert document.items
    for item in document.items:
        report = Report()
        data = to_zotero(item.csl, report=report, origin=item.origin)
        assert errors(data) == []
        back = from_zotero(data, report=report, origin=item.origin)
        lossy = [d.message for d in report.diagnostics if d.code == "lossy-field"]
        assert unreported_differences(item.csl, back, lossy, extra.PREFERRED_VARIABLES) == [], item.id
        literal_dates = {key for key, value in item.csl.items()
                         if isinstance(value, dict) and "literal" in value and "date-parts" not in value}
        assert set(report.codes()) <= {"lossy-field"} | ({"invalid-date"} if literal_dates else set())


def test_legacy_short_title_reads_back_as_title_short() -> None:
    report = Report()
    back = from_zotero(to_zotero({"id": "b", "type": "book", "title": "T", "shortTitle": "S"}, report=report),
                       report=report)
    assert back == {"id": "b", "type": "book", "title": "T", "title-short": "S"}


def test_a_second_name_type_never_takes_the_primary_creator_type() -> None:
    report = Report()
    film = {"id": "f", "type": "motion_picture", "title": "Vertigo",
            "author": [{"family": "Coppel", "given": "Alec"}], "director": [{"family": "Hitchcock", "given": "Alfred"}]}
    data = to_zotero(film, report=report)
    assert data["itemType"] == "film" and [c["creatorType"] for c in data["creators"]] == ["director"]
    assert "director: Hitchcock || Alfred" in data["extra"].splitlines()
    assert from_zotero(data, report=report) == film


def test_dates_zotero_fields_cannot_hold_exactly() -> None:
    report = Report()
    item = {"id": "d", "type": "book", "title": "T", "issued": {"date-parts": [[1925, 1, 2], [1925, 11, 23]]},
            "original-date": {"date-parts": [[1850]], "circa": True}, "accessed": {"date-parts": [[2020, 5]]}}
    data = to_zotero(item, report=report)
    assert data["date"] == "1925-01-02" and data["originalDate"] == "1850"  # what Zotero parses
    assert "accessDate" not in data and errors(data) == []
    assert {"issued: 1925-01-02/1925-11-23", "original-date: 1850~", "accessed: 2020-05"} <= set(
        data["extra"].splitlines())
    assert from_zotero(data, report=report) == item and report.diagnostics == []
    assert errors({"itemType": "book", "accessDate": "2020"}) != []


def test_every_schema_field_mapping_is_used() -> None:
    """Each (CSL variable -> Zotero base field) of the schema's `csl` table lands in that field
    (or its type-specific field) for every item type that has it, and reads back."""
    report = Report()
    schema = extra.zotero_schema()
    natural = {zotero: csl for csl, zoteros in schema["csl"]["types"].items() for zotero in zoteros}
    checked = 0
    for item_type, spec in item_types().items():
        if item_type not in natural or item_type in ("attachment", "note"):
            continue
        for variable, bases in schema["csl"]["fields"]["text"].items():
            base = next((b for b in bases if b in spec["fields"]), None)
            if base is None or variable in ("note", "citation-key", "shortTitle", "journalAbbreviation"):
                continue
            data = {"itemType": item_type, "key": "K", spec["fields"][base]: "7"}
            csl = from_zotero(data, report=report)
            assert csl.get(extra.PREFERRED_VARIABLES.get(variable, variable)) == "7", (item_type, base)
            assert to_zotero(csl, report=report, item_type=item_type)[spec["fields"][base]] == "7"
            checked += 1
    assert checked > 500 and report.diagnostics == []


def test_zotero_types_sharing_a_csl_type_keep_theirs_when_given() -> None:
    report = Report()
    email = {"itemType": "email", "key": "E", "subject": "Re: archives", "creators": [
        {"creatorType": "recipient", "firstName": "Anna", "lastName": "Rossi"}]}
    csl = from_zotero(email, report=report)
    assert csl["type"] == "personal_communication" and csl["title"] == "Re: archives"
    assert to_zotero(csl, report=report)["itemType"] == "letter"  # the CSL type's first Zotero type
    again = to_zotero(csl, report=report, item_type="email")
    assert again["subject"] == "Re: archives" and errors(again) == []
    assert report.diagnostics == []


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                     max_leaves=10)
_zotero_like = st.fixed_dictionaries(
    {"itemType": st.sampled_from(["book", "letter", "note", "nonsense", ""]) | _json},
    optional={"creators": _json, "tags": _json, "extra": _json, "title": _json, "date": _json, "key": _json,
              "data": _json, "accessDate": _json})


@short
@given(st.lists(_zotero_like | _json, max_size=4))
def test_fuzzed_zotero_json_never_raises(values: list) -> None:
    from converter.readers import zotero as reader
    report = Report()
    for item in reader.read(json.dumps(values), origin=Origin("fuzz.json"), report=report).items:
        assert item.id and isinstance(item.csl["type"], str)


@short
@given(invalid_items)
def test_invalid_items_never_make_to_zotero_raise(item: dict) -> None:
    report = Report()
    from_zotero(to_zotero(item, report=report), report=report)


@short
@given(hard_items())
def test_hard_values_are_kept_or_reported(item: dict) -> None:
    report = Report()
    back = from_zotero(to_zotero(item, report=report), report=report)
    lossy = [d.message for d in report.diagnostics if d.code == "lossy-field"]
    assert unreported_differences(item, back, lossy, extra.PREFERRED_VARIABLES) == []
