"""Tests of the fixes of citeproc-py found on the notes-test, xampl and seed fixtures: each renders a
small case that stock citeproc-py gets wrong and checks the form citeproc-js gives."""
from __future__ import annotations

from converter.render.notes import render_bibliography

AUTHOR_DATE = "chicago-author-date"


def test_literal_date_year_renders_a_literal_date_only_where_the_year_is_shown():
    photo = {"id": "p", "type": "graphic", "title": "Church", "author": [{"family": "Bedford", "given": "Francis"}],
             "issued": {"literal": "186X"}, "publisher": "Eastman House", "genre": "albumen print"}
    entry, = render_bibliography([photo], style=AUTHOR_DATE)
    # The year after the author; the month and day after the publisher show nothing of it.
    assert entry == "Bedford, Francis. 186X. Church. Albumen print. Eastman House."
    dated = dict(photo, id="d", issued={"date-parts": [[1865, 5, 2]]})
    entry, = render_bibliography([dated], style=AUTHOR_DATE)
    assert entry == "Bedford, Francis. 1865. Church. Albumen print. Eastman House, May 2."
