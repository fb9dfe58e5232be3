"""Tests of the fixes for number variables (converter/render/fixes/number_ranges.py): cases stock
citeproc-py renders wrongly, checked against the forms citeproc-js 2.4.63 gives for them."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.render.fixes.number_ranges import is_numeric, numeric_parts
from converter.render.notes import render_bibliography

REPORT = {"id": "r", "type": "report", "title": "A Stochastic Model", "genre": "Technical Report",
          "number": "99-02", "publisher": "University of Massachusetts",
          "author": [{"family": "Padhye", "given": "Jitendra"}], "issued": {"date-parts": [[1999]]}}
VOLUMES = {"id": "b", "type": "book", "title": "Das Kapital", "number-of-volumes": "3", "publisher": "Meissner",
           "author": [{"family": "Marx", "given": "Karl"}], "issued": {"date-parts": [[1867]]}}
ARTICLE = {"id": "j", "type": "article-journal", "title": "On Things", "container-title": "Journal", "volume": "12",
           "issue": "3 - 4", "page": "10-20", "author": [{"family": "Rossi", "given": "Anna"}],
           "issued": {"date-parts": [[1970]]}}


@pytest.mark.parametrize("value", ["5", "5th", "D2", "L2d", "2, 3", "2-4", "2 & 4", "99-02", "1–3", 7])
def test_numeric_values_of_csl(value):
    assert is_numeric(value)


@pytest.mark.parametrize("value", ["", "second", "2nd edition", "12a-c", "3-B", "Michaelson-Morely", "1.2"])
def test_values_that_are_not_numeric(value):
    assert not is_numeric(value)


def test_numeric_parts_alternate_numbers_and_separators():
    assert numeric_parts(" 2 - 4 ") == ["2", "-", "4"]
    assert numeric_parts("1,3 & 5") == ["1", ",", "3", "&", "5"]
    assert numeric_parts("Special edition") is None


def test_a_report_number_range_is_numeric_labelled_plural_with_an_en_dash():
    chicago, = render_bibliography([REPORT], style="chicago-notes-bibliography")
    assert chicago == ("Padhye, Jitendra. A Stochastic Model. Technical Report Nos. 99–02. "
                       "University of Massachusetts, 1999.")
    apa, = render_bibliography([REPORT], style="apa")
    assert "(Technical Report Nos. 99–02)" in apa
    mla, = render_bibliography([REPORT], style="modern-language-association")
    assert "Technical Report nos. 99–02, University" in mla


def test_cs_number_renders_a_hyphenated_variable():
    # APA: <text prefix="1" term="page-range-delimiter"/><number variable="number-of-volumes"/>
    apa, = render_bibliography([VOLUMES], style="apa")
    assert apa == "Marx, K. (1867). Das Kapital (Vols. 1–3). Meissner."


def test_cs_text_closes_up_a_spaced_issue_range():
    chicago, = render_bibliography([ARTICLE], style="chicago-notes-bibliography")
    assert chicago == "Rossi, Anna. “On Things.” Journal 12, nos. 3–4 (1970): 10–20."
    apa, = render_bibliography([ARTICLE], style="apa")
    assert "Journal, 12(3–4), 10–20." in apa


STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
<info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><group delimiter="|"><number variable="number"/><number variable="volume"/>
<number variable="chapter-number"/><text variable="edition"/></group></layout></bibliography></style>"""


def test_cs_number_keeps_leading_zeros_and_non_numeric_content_as_is(tmp_path: Path):
    style = tmp_path / "numbers.csl"
    style.write_text(STYLE, encoding="utf-8")
    item = {"id": "n", "type": "book", "title": "T", "number": "99-02", "volume": "Michaelson-Morely",
            "chapter-number": "4-6", "edition": "2 & 3"}
    entry, = render_bibliography([item], style=str(style))
    assert entry == "99–02|Michaelson-Morely|4–6|2 & 3"


# page_range_formats: the last page of first-last in each page-range-format (CSL Appendix V), as
# citeproc-js 2.4.63 prints them.
PAGE_RANGES = {
    "minimal-two": {"1-23": "1–23", "9-27": "9–27", "1-163": "1–163", "321-328": "321–28", "110-5": "110–15",
                    "2787-2816": "2787–816", "100-104": "100–04", "12-12": "12–12", "5-3": "5–3"},
    "minimal": {"1-163": "1–163", "42-45": "42–5", "107-08": "107–8", "1087-89": "1087–9", "3-10": "3–10"},
    "expanded": {"110-5": "110–115", "1087-89": "1087–1089", "107-08": "107–108"},
    "chicago": {"1496-1504": "1496–1504", "2787-2816": "2787–2816", "107-108": "107–8", "11564-11615": "11564–615",
                "1100-1113": "1100–1113", "42-45": "42–45"},
    "chicago-16": {"1496-1504": "1496–504", "2787-2816": "2787–816", "321-328": "321–28"},
    "": {"110-5": "110–5", "321-328": "321–328"},
}
PAGE_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"{option}>
<info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><text variable="page"/></layout></bibliography></style>"""


def _pages_rendered(tmp_path: Path, range_format: str, pages: list[str]) -> list[str]:
    """Each page value rendered alone by PAGE_STYLE with this page-range-format ("" for none)."""
    style = tmp_path / f"pages-{range_format or 'none'}.csl"
    option = f' page-range-format="{range_format}"' if range_format else ""
    style.write_text(PAGE_STYLE.format(option=option), encoding="utf-8")
    items = [{"id": f"p{index:02d}", "type": "book", "page": page} for index, page in enumerate(pages)]
    return render_bibliography(items, style=str(style))


@pytest.mark.parametrize("range_format", sorted(PAGE_RANGES))
def test_page_range_formats_collapse_lined_up_digits(tmp_path: Path, range_format: str):
    cases = PAGE_RANGES[range_format]
    assert _pages_rendered(tmp_path, range_format, list(cases)) == list(cases.values())


def test_mhra_and_mla_print_a_range_with_more_digits_in_full():
    article = {"id": "s", "type": "article-journal", "title": "Twice-Born",
               "container-title": "American Anthropologist", "volume": "93", "page": "9-27",
               "author": [{"family": "Shore", "given": "Bradd"}],
               "issued": {"date-parts": [[1991]]}}
    mhra, = render_bibliography([article], style="mhra-notes")
    assert mhra.endswith("93 (1991), pp. 9–27")
    mla, = render_bibliography([article], style="modern-language-association")
    assert mla.endswith("pp. 9–27.")


def test_label_of_a_variable_a_substitute_rendered_is_empty_too():
    # APA: the title stands in for the missing author, with its edition; the edition's label
    # later in the entry has no variable left to label (label_needs_variable).
    manual = {"id": "c", "type": "book", "title": "The Chicago Manual of Style", "edition": "15",
              "publisher": "University of Chicago Press", "issued": {"date-parts": [[2003]]}}
    entry, = render_bibliography([manual], style="apa")
    assert entry == "The Chicago Manual of Style (15th ed.). (2003). University of Chicago Press."


# page_range_formats, pages that are not plain numbers, as citeproc-js 2.4.63 prints them.
PREFIXED_PAGES = {
    "minimal": {"B13-B14": "B13–4", "N110 - N5": "N110–5", "B13-14": "B13-14", "A1 - B3": "A1-B3",
                "Michaelson-Morely": "Michaelson-Morely", "i-ix": "i–ix", "xii-xv": "xii–xv", "12a-15a": "12a–5a",
                "300-31862 (Autumn 1978): 4156": "300-31862 (Autumn 1978): 4156", "3\\-B": "3-B"},
    "chicago": {"B13-B14": "B13–14", "B101-B108": "B101–8", "B1-B3": "B1–3"},
    "expanded": {"N110-N5": "N110–N115", "B13-B14": "B13–B14"},
    "": {"N110-N5": "N110–N5", "Michaelson-Morely": "Michaelson-Morely"},
}


@pytest.mark.parametrize("range_format", sorted(PREFIXED_PAGES))
def test_page_ranges_with_prefixes_words_and_roman_numerals(tmp_path: Path, range_format: str):
    cases = PREFIXED_PAGES[range_format]
    assert _pages_rendered(tmp_path, range_format, list(cases)) == list(cases.values())
