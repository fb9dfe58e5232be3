"""Tests of the fixes of citeproc-py found on the notes-test, xampl and seed fixtures: each renders a
small case that stock citeproc-py gets wrong and checks the form citeproc-js gives."""
from __future__ import annotations

from converter.model import Citation, Document, Item, Note
from converter.render.notes import render_bibliography, render_notes

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


def test_date_range_order_keeps_the_dates_part_order():
    meeting = {"id": "m", "type": "manuscript", "title": "Talk", "author": [{"family": "Nass", "given": "Clifford"}],
               "event-title": "annual meeting", "issued": {"date-parts": [[2000]]},
               "event-date": {"date-parts": [[2000, 5, 6], [2000, 5, 9]]}}
    entry, = render_bibliography([meeting], style=AUTHOR_DATE)
    assert entry.endswith("Annual meeting, May 6–9, 2000.")
    months = dict(meeting, id="n", **{"event-date": {"date-parts": [[2000, 1, 2], [2000, 11, 23]]}})
    entry, = render_bibliography([months], style="modern-language-association")
    assert "2 Jan.–23 Nov. 2000" in entry
    # Chicago's own month-and-day date: the second day loses its prefix (" 2"), not its place.
    song = {"id": "s", "type": "song", "title": "Art of the Trumpet", "author": [{"literal": "Ensemble"}],
            "issued": {"date-parts": [[1982]]}, "original-date": {"date-parts": [[1981, 6, 1], [1981, 6, 2]]}}
    entry, = render_bibliography([song], style=AUTHOR_DATE)
    assert entry == "Ensemble. (1981) 1982. Art of the Trumpet. June 1–2."


def test_punctuation_in_quote_goes_inside_inner_quotes_that_close_with_the_outer_ones():
    comment = {"id": "c", "type": "article-journal", "title": "Comment on Amlen, “Hoot”", "container-title": "Wordplay",
               "author": [{"family": "Viv"}], "issued": {"date-parts": [[2015]]}}
    entry, = render_bibliography([comment], style="chicago-notes-bibliography")
    assert entry.startswith("Viv. “Comment on Amlen, ‘Hoot.’” Wordplay")
    # A final apostrophe is no inner quote: the period goes inside the outer quote only.
    writers = dict(comment, id="w", title="The Writers’")
    entry, = render_bibliography([writers], style="chicago-notes-bibliography")
    assert entry.startswith("Viv. “The Writers’.” Wordplay")


def test_group_choose_branch_counts_only_the_variables_of_the_branch_taken():
    thesis = {"id": "t", "type": "thesis", "title": "Mastering Thesis Writing", "genre": "Master’s thesis",
              "author": [{"given": "Édouard", "family": "Masterly"}], "issued": {"date-parts": [[1988]]},
              "publisher": "Stanford University"}
    entry, = render_bibliography([thesis], style="apa")
    assert entry == "Masterly, É. (1988). Mastering Thesis Writing [Master’s thesis]. Stanford University."
    numbered = dict(thesis, id="n", number="3456789")
    entry, = render_bibliography([numbered], style="apa")
    assert "Mastering Thesis Writing (Publication No. 3456789) [Master’s thesis]." in entry


def _book(key: str, family: str, year: int, *coauthors: str) -> dict:
    names = [{"family": name} for name in (family, *coauthors)]
    return {"id": key, "type": "book", "title": f"Book {key}", "author": names, "issued": {"date-parts": [[year]]}}


def _cited(items: list[dict], *clusters: list[str]) -> Document:
    document = Document(items=[Item(csl) for csl in items])
    for number, cluster in enumerate(clusters, start=1):
        document.notes.append(Note(str(number), "", "citation", [Citation(id=key) for key in cluster]))
    return document


def test_cite_grouped_sort_orders_cites_that_tie_on_the_year_by_author():
    items = [_book("k", "Kocho", 2012), _book("g", "Goro", 2009), _book("b", "Best", 2012)]
    note, = render_notes(_cited(items, ["k", "g", "b"]), style="harvard-cite-them-right")
    assert note == "(Goro, 2009; Best, 2012; Kocho, 2012)"
    # Cites of one author stay together, at the place of that author's earliest cite.
    items.append(_book("k2", "Kocho", 2001))
    note, = render_notes(_cited(items, ["g", "b", "k", "k2"]), style="harvard-cite-them-right")
    assert note.index("Kocho") < note.index("Goro") < note.index("Best")
