"""Tests of name-list fixes (converter/render/fixes/delimiter_after_inverted_name.py): cases stock
citeproc-py renders wrongly, checked against the forms citeproc-js 2.4.63 gives for them."""
from __future__ import annotations

from pathlib import Path

from converter.render.notes import render_bibliography

AUTHORS = [{"family": "Aksın", "given": "Özge"}, {"family": "Türkmen", "given": "Hayati"},
           {"family": "Artok", "given": "Levent"}, {"family": "Çetinkaya", "given": "Bekir"}]
ARTICLE = {"id": "a", "type": "article-journal", "title": "Effect of Immobilization", "author": AUTHORS,
           "container-title": "J. Organomet. Chem.", "volume": "691", "page": "3027-3036",
           "issued": {"date-parts": [[2006]]}}


def test_mhra_puts_the_delimiter_before_et_al_after_an_inverted_name():
    entry, = render_bibliography([ARTICLE], style="mhra-notes")
    assert entry.startswith("Aksın, Özge, and others, “Effect of Immobilization,”")


STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><names variable="author">
<name name-as-sort-order="{order}" and="symbol" initialize-with=". " delimiter-precedes-last="after-inverted-name"
 delimiter-precedes-et-al="after-inverted-name" et-al-min="{et_al_min}" et-al-use-first="{use_first}"/>
</names></layout></bibliography></style>"""


def _names(tmp_path: Path, authors: list[dict], order: str = "all", et_al_min: int = 9, use_first: int = 9) -> str:
    style = tmp_path / f"names-{order}-{et_al_min}-{use_first}.csl"  # styles are cached by path
    style.write_text(STYLE.format(order=order, et_al_min=et_al_min, use_first=use_first), encoding="utf-8")
    entry, = render_bibliography([{"id": "n", "type": "book", "author": authors}], style=str(style))
    return entry


def test_delimiter_precedes_last_after_an_inverted_name_only(tmp_path: Path):
    people = [{"family": "Weinstock", "given": "R."}, {"family": "Leong", "given": "G. B."},
              {"family": "Silva", "given": "J. A."}]
    assert _names(tmp_path, people) == "Weinstock, R., Leong, G. B., & Silva, J. A."
    assert _names(tmp_path, people, order="first") == "Weinstock, R., G. B. Leong & J. A. Silva"
    bodies = [{"literal": "Australian Government Productivity Commission"},
              {"literal": "New Zealand Productivity Commission"}]
    assert _names(tmp_path, bodies) == ("Australian Government Productivity Commission & "
                                        "New Zealand Productivity Commission")


def test_delimiter_precedes_et_al_after_an_inverted_name_only(tmp_path: Path):
    assert _names(tmp_path, AUTHORS, order="first", et_al_min=3, use_first=1) == "Aksın, Ö., et al."
    assert _names(tmp_path, AUTHORS, order="first", et_al_min=3, use_first=2) == "Aksın, Ö., H. Türkmen et al."
