"""Tests of fixes/field_quotes.py for apostrophes citeproc-js 2.4.63 leaves as typed: an opening
single quote that pairs with nothing, inside markup or a quotation (outputs checked against it)."""
from __future__ import annotations

import pytest

from converter.render.fixes.field_quotes import typographic
from converter.render.notes import render_bibliography


@pytest.mark.parametrize(("typed", "printed"), [
    ("Some remarks on <span class=\"nocase\">'t Hooft's</span> S-matrix",
     "Some remarks on <span class=\"nocase\">'t Hooft’s</span> S-matrix"),
    ("“'Tis a Misfortune”: Maternal", "“'Tis a Misfortune”: Maternal"),
    ("<i>'t Hooft</i>", "<i>'t Hooft</i>"),
    ("<span class=\"nocase\">'Tis 'thing'</span>", "<span class=\"nocase\">'Tis “thing”</span>"),
    ("<span class=\"nocase\">'Tis</span> 'thing'", "<span class=\"nocase\">'Tis</span> “thing”"),
    # at the top level it is an apostrophe, and pairs are quotes, as before
    ("Some remarks on 't Hooft's S-matrix", "Some remarks on ’t Hooft’s S-matrix"),
    ("(ETFA '09)", "(ETFA ’09)"), ("x 'Tis y", "x ’Tis y"), ("a 'b' c", "a “b” c"),
    ("a \"b 'c' d\" e", "a “b ‘c’ d” e"),
])
def test_unpaired_opening_quotes_inside_markup_stay_as_typed(typed, printed):
    assert typographic(typed) == printed


def test_a_protected_leading_apostrophe_renders_as_citeproc_js():
    item = {"id": "i", "type": "article", "title": "Some remarks on <span class=\"nocase\">'t Hooft's</span> S-matrix",
            "author": [{"family": "Itzhaki", "given": "Nissan"}], "issued": {"date-parts": [[1996, 3, 11]]}}
    entry, = render_bibliography([item], style="chicago-notes-bibliography")
    assert "“Some Remarks on 't Hooft’s S-Matrix.”" in entry
