"""Done means: BibTeX → CSL-JSON → BibLaTeX → CSL-JSON returns the same CSL-JSON for every entry
of the three corpora (and BibTeX output reads back to the same CSL through bibconv's own fields)."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.model import Origin
from converter.readers import biblatex, bibtex
from converter.report import Report
from converter.writers import biblatex as biblatex_writer
from converter.writers import bibtex as bibtex_writer

CORPORA = Path(__file__).resolve().parent.parent / "fixtures" / "corpora"


def _round_trip(name: str, reader, writer, back) -> tuple[dict, dict, Report]:
    text = (CORPORA / f"{name}.bib").read_text(encoding="utf-8")
    first = reader.read(text, origin=Origin(name), report=Report())
    report = Report()
    written = writer.write(first, report=report)
    second = back.read(written, origin=Origin("written"), report=Report())
    return {i.id: i.csl for i in first.items}, {i.id: i.csl for i in second.items}, report


@pytest.mark.parametrize("name", ["biblatex-examples", "xampl", "notes-test"])
@pytest.mark.parametrize("reader", [bibtex, biblatex], ids=["from-bibtex", "from-biblatex"])
def test_bibtex_to_csl_to_biblatex_to_csl_is_identity(name: str, reader) -> None:
    before, after, report = _round_trip(name, reader, biblatex_writer, biblatex)
    assert set(before) == set(after)
    changed = sorted(key for key, csl in before.items() if after[key] != csl)
    assert changed == []
    assert "lossy-field" not in report.codes()


@pytest.mark.parametrize("name", ["biblatex-examples", "xampl", "notes-test"])
def test_bibtex_output_reads_back_with_lossy_fields_reported(name: str) -> None:
    before, after, report = _round_trip(name, biblatex, bibtex_writer, bibtex)
    assert sorted(key for key, csl in before.items() if after[key] != csl) == []
    if name != "xampl":
        assert "lossy-field" in report.codes()  # BibTeX has no origdate, eventdate, maintitle...


def test_ascii_output_is_seven_bit_and_reads_back() -> None:
    text = (CORPORA / "biblatex-examples.bib").read_text(encoding="utf-8")
    first = biblatex.read(text, origin=Origin("x"), report=Report())
    written = biblatex_writer.write(first, report=Report(), ascii=True)
    assert written.isascii()
    second = biblatex.read(written, origin=Origin("y"), report=Report())
    before = {i.id: i.csl for i in first.items}
    same = sum(1 for i in second.items if before[i.id] == i.csl)
    assert same >= len(before) - 3


def test_unparsed_input_is_written_back_under_a_comment() -> None:
    report = Report()
    document = bibtex.read("@book{a, title = {Open\n\n@book{b, title = {B}}\n", origin=Origin("u.bib"), report=report)
    written = bibtex_writer.write(document, report=Report())
    assert "% bibconv: u.bib:1" in written and "@book{a, title = {Open" in written
    assert "@book{b," in written


def test_variable_without_a_field_is_reported_and_still_read_back() -> None:
    from converter.model import Document, Item

    item = {"id": "t1944", "type": "personal_communication", "title": "Lettera",
            "author": [{"family": "Togliatti", "given": "Palmiro"}], "recipient": [{"family": "Stalin"}],
            "archive": "RGASPI", "archive_location": "f. 17, op. 128", "archive-place": "Moskva",
            "issued": {"date-parts": [[1944, 3, 2]]}}
    for writer, reader in ((biblatex_writer, biblatex), (bibtex_writer, bibtex)):
        report = Report()
        written = writer.write(Document(items=[Item(dict(item))]), report=report)
        lossy = [d.message for d in report.diagnostics if d.code == "lossy-field"]
        assert any("archive_location" in message for message in lossy)
        assert reader.read(written, origin=Origin("w"), report=Report()).csl_items() == [item]
    assert "library" in biblatex_writer.write(Document(items=[Item(dict(item))]), report=Report())
