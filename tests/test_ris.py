"""RIS as Zotero reads and writes it: the tables both ways, bad lines, round trips."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converter import formats
from converter.keys import citation_key
from converter.mappings import extra
from converter.mappings.ris import CANNOT_HOLD, csl_type_of, decode_date, read_rule, ris_type, rules
from converter.model import Document, Item, Origin
from converter.readers import ris as reader
from converter.report import Report
from converter.schema import all_variables, variables
from converter.schema import errors as csl_errors
from converter.writers import ris as writer
from tests.conftest import CORPORA, read_corpus
from tests.csl_strategies import comparable, csl_items, hard_items, invalid_items, short, unreported_differences

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "fixtures/seed/dundovich-2020.gold.json").read_text("utf-8"))["items"]


def _read(text: str, report: Report, name: str = "test.ris") -> list[dict]:
    return reader.read(text, origin=Origin(name), report=report).csl_items()


def _write(items: list[dict], report: Report) -> str:
    return writer.write(Document(items=[Item(dict(item)) for item in items]), report=report)


def test_sniff_and_detection() -> None:
    assert reader.sniff("\ufeff\n\nTY  - JOUR\nTI  - x\n")
    assert reader.sniff("TY - BOOK\n")  # Zotero accepts one space
    assert not reader.sniff("@book{x,\n title={TY  - }}\n")
    assert formats.detect("refs.txt", "TY  - BOOK\nER  - \n") == "ris"


def test_reads_a_zotero_export(fixtures: Path) -> None:
    report = Report()
    items = _read((fixtures / "ris/zotero-export.ris").read_text("utf-8"), report, "zotero-export.ris")
    expected = json.loads((fixtures / "ris/zotero-export.csl.json").read_text("utf-8"))
    manuscript = next(item for item in expected if item["id"] == "GENERATED")
    manuscript["id"] = citation_key(manuscript)  # no ID line: the Better BibTeX key
    assert items == expected
    assert report.diagnostics == []
    assert all(csl_errors(item) == [] for item in items)


def test_bad_lines_are_reported_and_the_rest_converts(fixtures: Path) -> None:
    report = Report()
    document = reader.read((fixtures / "ris/bad-lines.ris").read_text("utf-8"), origin=Origin("bad.ris"),
                           report=report)
    assert [item.id for item in document.items] == ["first", "second", "third", "fourth"]
    found = [(d.code, d.origin.line) for d in report.diagnostics]
    assert found == [("parse-error", 1), ("parse-error", 12), ("unmapped-field", 14), ("unknown-type", 16),
                     ("invalid-date", 19)]
    second = document.items[1].csl
    assert "author" not in second and second["issued"] == {"date-parts": [[1991]]}
    assert second["note"] == "XZ  - a tag nobody knows"  # kept, not dropped
    assert document.items[2].csl["type"] == "document"
    assert document.items[2].csl["issued"] == {"literal": "the spring after the war"}
    assert [u.origin.line for u in document.unparsed] == [1, 12]
    # the RIS writer puts the bad lines back under comments; the reader skips comments
    text = writer.write(document, report=Report())
    assert "# AU- Bianchi, Carlo" in text
    assert len(_read(text, Report())) == 4


def test_zotero_tags_for_archival_items() -> None:
    assert ris_type("manuscript") == ("MANSCPT", True)
    assert ris_type("personal_communication") == ("PCOMM", True)
    assert ris_type("interview") == ("PCOMM", False)  # Zotero's degenerate export type
    assert read_rule("A2", "personal_communication").variable == "recipient"
    assert read_rule("AV", "manuscript").variable == "archive_location"
    assert read_rule("DB", "manuscript").variable == "archive"
    assert csl_type_of("ECHAP") == "chapter"
    assert decode_date("1924/02//") == {"date-parts": [[1924, 2]]}
    assert decode_date("1924///Winter") is None


def test_type_without_its_own_ty_comes_back() -> None:
    report = Report()
    item = {"id": "int1", "type": "interview", "title": "Talk", "author": [{"family": "Pons", "given": "Silvio"}],
            "interviewer": [{"family": "Rossi", "given": "Anna"}]}
    text = _write([item], report)
    assert "TY  - PCOMM" in text and "N1  - type: interview" in text
    assert _read(text, report) == [item] and report.diagnostics == []


def test_dates_ris_cannot_hold_go_to_n1() -> None:
    report = Report()
    item = {"id": "r", "type": "book", "title": "T",
            "issued": {"date-parts": [[1925, 1, 2], [1925, 11, 23]]}, "original-date": {"date-parts": [[1850]],
                                                                                          "circa": True}}
    text = _write([item], report)
    assert "PY  - 1925" in text and "N1  - issued: 1925-01-02/1925-11-23" in text
    assert _read(text, report) == [item] and report.diagnostics == []


def test_what_ris_cannot_hold_is_reported() -> None:
    report = Report()
    item = {"id": "x", "type": "book", "title": "A title\nAU  - on two lines", "categories": ["a"],
            "author": [{"family": "Li", "given": "Bai", "static-ordering": True}], "note": "Title: one line"}
    _write([item], report)
    messages = " ".join(d.message for d in report.diagnostics)
    assert set(report.codes()) == {"lossy-field"}
    for reason in ("categories", "name-part", "extra-line", "note-line"):
        assert CANNOT_HOLD[reason] in messages


def test_every_csl_variable_comes_back_from_ris() -> None:
    report = Report()
    table = variables()
    items = []
    for variable in sorted(all_variables() - {"journalAbbreviation", "shortTitle"}):
        for csl_type in ("book", "chapter", "personal_communication", "manuscript", "article-journal"):
            item: dict = {"id": f"{csl_type}-{variable}", "type": csl_type, "title": "T"}
            if variable in table["names"]:
                item[variable] = [{"family": "Rossi", "given": "Anna"}, {"literal": "Istituto Luce"}]
            elif variable in table["dates"]:
                item[variable] = {"date-parts": [[1924, 2, 26]]}
            else:
                item[variable] = "7" if variable in table["numbers"] else "Text of it"
            items.append(item)
    assert _read(_write(items, report), report) == items
    assert report.diagnostics == []


def test_every_table_row_names_a_csl_variable() -> None:
    known = all_variables() | {"id"}
    assert {rule.variable for rule in rules()} <= known
    for rule in rules():
        assert rule.types is None or rule.types <= set(variables()["types"])


@pytest.mark.parametrize("item", GOLD, ids=[item["id"] for item in GOLD])
def test_gold_round_trip(item: dict) -> None:
    report = Report()
    assert _read(_write([item], report), report) == [item]
    assert report.diagnostics == []


@short
@given(st.lists(csl_items(), min_size=1, max_size=3, unique_by=lambda item: item["id"]))
def test_round_trip_of_generated_items(items: list[dict]) -> None:
    report = Report()
    back = _read(_write(items, report), report)
    assert report.diagnostics == []
    aliases = extra.PREFERRED_VARIABLES | {"journalAbbreviation": "container-title-short"}
    assert [comparable(item, aliases) for item in back] == [comparable(item, aliases) for item in items]


@short
@given(st.lists(st.one_of(st.sampled_from(["TY  - BOOK", "ER  - ", "AU  - Rossi, A", "TI  - T", "", "DA  - 19/",
                                           "KW  - a;;b", "N1  - issued: x", "AU- bad", "PY  - 0000"]),
                          st.text(max_size=20)), max_size=12).map("\n".join))
def test_fuzzed_input_never_raises(text: str) -> None:
    report = Report()
    for item in reader.read(text, origin=Origin("fuzz.ris"), report=report).csl_items():
        assert item["id"] and item["type"] in variables()["types"]


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_round_trip(corpus: str) -> None:
    document = read_corpus(corpus)
    assert document.items
    for item in document.items:
        report = Report()
        back = _read(_write([item.csl], report), report)
        assert len(back) == 1
        lossy = [d.message for d in report.diagnostics if d.code == "lossy-field"]
        assert unreported_differences(item.csl, back[0], lossy, extra.PREFERRED_VARIABLES) == [], item.id
        assert set(report.codes()) <= {"lossy-field"}


def test_a_note_of_extra_lines_is_lifted_and_a_citation_key_gives_the_id() -> None:
    report = Report()
    text = ("TY  - MANSCPT\nTI  - Zapis'\nN1  - Citation Key: avprf1924\narchive-place: Moskva\n"
            "N1  - Seen 2019.\nER  - \n")
    assert _read(text, report) == [{"id": "avprf1924", "type": "manuscript", "title": "Zapis'",
                                    "citation-key": "avprf1924", "archive-place": "Moskva", "note": "Seen 2019."}]
    assert report.diagnostics == []


def test_keywords_one_a_line_and_access_date_with_time() -> None:
    report = Report()
    text = "TY  - ELEC\nTI  - Site\nKW  - archives\nsoviet diplomacy\nY2  - 2020/05/01/10:00:00\nER  - \n"
    item = _read(text, report)[0]
    assert item["keyword"] == "archives, soviet diplomacy"
    assert item["accessed"] == {"date-parts": [[2020, 5, 1]]}
    assert decode_date("2020-05-01 10:00:00") == {"date-parts": [[2020, 5, 1]]}
    assert report.diagnostics == []


@short
@given(st.lists(invalid_items, max_size=3))
def test_invalid_items_never_make_the_writer_raise(items: list[dict]) -> None:
    report = Report()
    text = _write(items, report)
    assert len(_read(text, Report())) == len(items)


def test_a_keyword_with_a_semicolon_goes_to_n1() -> None:
    report = Report()
    item = {"id": "k", "type": "book", "title": "T", "keyword": "history; politics, Italy"}
    text = _write([item], report)
    assert "N1  - keyword: history; politics, Italy" in text
    assert _read(text, report) == [item] and report.diagnostics == []


@short
@given(hard_items())
def test_hard_values_are_kept_or_reported(item: dict) -> None:
    report = Report()
    back = _read(_write([item], report), report)
    lossy = [d.message for d in report.diagnostics if d.code == "lossy-field"]
    assert unreported_differences(item, back[0], lossy, extra.PREFERRED_VARIABLES) == []
