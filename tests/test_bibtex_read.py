"""BibTeX/BibLaTeX reading: the gaps of bibtexparser v2 closed, macros, inheritance, dates, LaTeX."""
from __future__ import annotations

from pathlib import Path

from converter.model import Origin
from converter.readers import biblatex, bibtex
from converter.report import Report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "bibtex"


def _read(text: str, reader=biblatex) -> tuple[dict, Report, object]:
    report = Report()
    document = reader.read(text, origin=Origin("t.bib"), report=report)
    return {item.id: item.csl for item in document.items}, report, document


def _gaps() -> tuple[dict, Report, object]:
    return _read((FIXTURES / "gaps.bib").read_text(encoding="utf-8"), bibtex)


def test_entry_the_splitter_skips_is_found_reported_and_read() -> None:
    items, report, _ = _gaps()
    assert items["hidden"]["title"] == "Skipped by the splitter"
    assert "recovered-entry" in report.codes()


def test_entry_with_its_brace_on_the_next_line_is_found() -> None:
    items, report, _ = _read("@book{a, title = {A}}\n@article\n{b, title = {B}, year = 2000}\n@book{c, title = {C}}\n")
    assert items["b"]["title"] == "B" and items["c"]["title"] == "C"
    assert [d.origin.line for d in report.diagnostics if d.code == "recovered-entry"] == [2]


def test_commentary_is_an_entry_not_a_comment() -> None:
    items, _, _ = _gaps()
    assert items["commented"]["title"] == "A commentary, not a comment"
    assert items["commented"]["author"] == [{"family": "Verdi", "given": "Anna"}]


def test_duplicate_field_keeps_the_entry_and_the_first_value() -> None:
    items, report, _ = _gaps()
    assert items["dupfield"]["title"] == "First title"
    assert any(d.code == "duplicate-field" and d.key == "dupfield" for d in report.diagnostics)


def test_broken_entry_is_reported_at_its_line_and_the_next_entry_survives() -> None:
    items, report, document = _gaps()
    errors = [d for d in report.diagnostics if d.code == "parse-error"]
    assert len(errors) == 1 and errors[0].origin.line == 29
    assert document.unparsed and "Unclosed" in document.unparsed[0].raw
    assert items["after"]["title"] == "After the broken one"


def test_string_macros_concatenation_months_and_undefined_macro() -> None:
    items, report, _ = _gaps()
    assert items["first"]["publisher"] == "Oxford University Press and undefinedmacro"
    assert "undefined-string" in report.codes()
    assert items["after"]["publisher-place"] == "Roma"
    assert items["after"]["issued"] == {"date-parts": [[2000, 3]]}


def test_duplicate_keys_are_reported_and_renamed() -> None:
    items, report, _ = _gaps()
    assert items["first"]["title"] == "Storia" and items["firsta"]["title"] == "Same key again"
    assert "duplicate-key" in report.codes()


def test_quoted_comma_inside_braces_does_not_break_the_entry() -> None:
    items, report, _ = _read('@book{q, title = {He said "yes, no" and left}, year = 2001}\n'
                             '@book{r, title = "A {"}quoted, text{"}", year = 2002}\n')
    assert items["q"]["title"] == 'He said "yes, no" and left'
    assert items["r"]["issued"] == {"date-parts": [[2002]]}
    assert not report.errors


def test_crossref_follows_biblatex_inheritance_rules() -> None:
    items, report, _ = _read((FIXTURES / "crossref.bib").read_text(encoding="utf-8"))
    part = items["part"]
    assert part["type"] == "chapter"
    assert part["container-title"] == 'The <span class="nocase">TeX</span>book'
    assert part["container-author"] == [{"family": "Knuth", "given": "Donald E."}]
    assert part["publisher"] == "Addison-Wesley" and part["page"] == "1-10"
    assert items["usesxdata"]["publisher"] == "Einaudi" and "common" not in items
    assert any(d.code == "missing-crossref" and d.key == "orphan" for d in report.diagnostics)


def test_latex_accents_protected_case_math_and_markup() -> None:
    items, _, _ = _read(r"@article{a, title = {Caf\'e {NASA} and $\alpha^{2}$ in \emph{Le Monde} --- {\"U}ber},"
                        r" journaltitle = {Revue d'Histoire}, date = 2001}")
    assert items["a"]["title"] == ('Café <span class="nocase">NASA</span> and α<sup>2</sup> in <i>Le Monde</i> '
                                   '— Über')


def test_dates_ranges_seasons_circa_and_forthcoming() -> None:
    items, report, _ = _read("@book{r, date = {1925-01-02/1925-11-23}}\n@book{s, date = {2007-21}}\n"
                             "@book{c, date = {1850~}}\n@book{f, year = {forthcoming}}\n"
                             "@book{y, year = {1885--1888}}\n@book{bad, date = {sometime}}\n")
    assert items["r"]["issued"] == {"date-parts": [[1925, 1, 2], [1925, 11, 23]]}
    assert items["s"]["issued"] == {"date-parts": [[2007]], "season": 1}
    assert items["c"]["issued"]["circa"] is True
    assert items["f"]["status"] == "forthcoming" and "issued" not in items["f"]
    assert items["y"]["issued"] == {"date-parts": [[1885], [1888]]}
    assert items["bad"]["issued"] == {"literal": "sometime"} and "invalid-date" in report.codes()


def test_archival_fields_letters_and_manuscripts() -> None:
    items, _, _ = _read("@letter{l, author = {Togliatti, Palmiro}, recipient = {Stalin, Iosif},"
                        " title = {Lettera}, date = {1944-03-02}, library = {RGASPI},"
                        " archive_location = {f. 17, op. 128}}\n"
                        "@unpublished{m, author = {Anon}, title = {Memoriale}, archive = {ACS},"
                        " archive-place = {Roma}}\n")
    assert items["l"]["type"] == "personal_communication"
    assert items["l"]["recipient"] == [{"family": "Stalin", "given": "Iosif"}]
    assert items["l"]["archive"] == "RGASPI" and items["l"]["archive_location"] == "f. 17, op. 128"
    assert items["m"]["type"] == "manuscript" and items["m"]["archive-place"] == "Roma"


def test_unmapped_field_is_kept_in_note_and_reported_related_checked() -> None:
    items, report, _ = _read("@book{b, title = {T}, frobnicate = {x y}, related = {nowhere}, note = {N}}")
    assert items["b"]["note"].split("\n") == ["N", "tex.frobnicate: x y", "tex.related: nowhere"]
    assert "unmapped-field" in report.codes() and "missing-crossref" in report.codes()


def test_useprefix_and_editortype() -> None:
    items, _, _ = _read("@book{a, author = {von Brandt, Ahasver}, editor = {Rossi, A.}, editortype = {compiler}}\n"
                        "@book{b, author = {van Gennep, Arnold}, options = {useprefix=true}}\n")
    assert items["a"]["author"] == [{"family": "Brandt", "given": "Ahasver", "dropping-particle": "von"}]
    assert items["a"]["compiler"] == [{"family": "Rossi", "given": "A."}]
    assert items["b"]["author"][0]["non-dropping-particle"] == "van"


def test_sniff_tells_the_dialects_apart() -> None:
    assert bibtex.sniff("@article{a,\n  journal = {J},\n  year = 2000}\n")
    assert biblatex.sniff("@article{a,\n  journaltitle = {J},\n  date = 2000}\n")
    assert not bibtex.sniff("@online{a,\n  date = 2000}\n")


def test_every_csl_variable_is_written_or_declared_unholdable() -> None:
    from converter.data import json_table
    from converter.mappings import bibtex as rules

    table = json_table("csl-variables.json")
    variables = [v for kind in ("names", "dates", "numbers", "strings") for v in table[kind]]
    types = table["types"]
    for dialect in (rules.BIBTEX, rules.BIBLATEX):
        for variable in variables:
            written = variable in rules.WRITTEN_SPECIALLY or any(
                rules.writing_rule(dialect, csl_type, variable) for csl_type in types)
            assert written != (variable in rules.CANNOT_HOLD[dialect]), (dialect, variable)


def test_every_field_of_the_corpora_is_mapped_or_kept_with_a_reason() -> None:
    from converter.mappings import bibtex as rules

    report = Report()
    for name in ("biblatex-examples", "xampl", "notes-test"):
        text = (FIXTURES.parent / "corpora" / f"{name}.bib").read_text(encoding="utf-8")
        biblatex.read(text, origin=Origin(name), report=report)
    unmapped = [d.message for d in report.diagnostics if d.code == "unmapped-field"]
    assert unmapped == []
    assert all(rules.KEPT.values())
