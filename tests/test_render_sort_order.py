"""Bibliography order as citeproc-js sorts (fixes/date_sort_keys.py, fixes/sort_collation.py), and the
entries and cites that subsequent-author-substitute and collapse="year" make of the same author: each
case is one that we rendered otherwise, in the form citeproc-js 2.4.63 gives it."""
from __future__ import annotations

from citeproc.source import Date, DateRange, LiteralDate

from converter.model import Citation, Document, Item, Note
from converter.render.fixes.date_sort_keys import date_key
from converter.render.notes import render_bibliography, render_notes

KNUTH = [{"given": "Donald E.", "family": "Knuth"}]


def book(item_id, title, issued, **more):
    return {"id": item_id, "type": "book", "author": KNUTH, "title": title, "publisher": "Addison-Wesley",
            "issued": issued, **more}


def order(entries, *marks):
    return [next(mark for mark in marks if mark in entry) for entry in entries]


def test_a_date_range_sorts_after_the_year_it_begins_with_and_before_the_next():
    items = [book("b", "Volume B", {"date-parts": [[1985]]}),
             book("set", "The Set", {"date-parts": [[1984], [1986]]}),
             book("a", "Volume A", {"date-parts": [[1984]]})]
    for style in ("chicago-author-date", "apa", "harvard-cite-them-right"):
        entries = render_bibliography(items, style=style)
        assert order(entries, "Volume A", "The Set", "Volume B") == ["Volume A", "The Set", "Volume B"], style


def test_a_reprint_with_its_original_year_sorts_after_the_same_year_alone():
    # Chicago author-date keys "(1959) 1997" by both dates as one number, which is the larger.
    reprint = book("r", "Information Theory", {"date-parts": [[1997]]}, **{"original-date": {"date-parts": [[1959]]}})
    plain = book("p", "Information Theory", {"date-parts": [[1997]]}, publisher="Dover")
    entries = render_bibliography([reprint, plain], style="chicago-author-date")
    assert entries[0].startswith("Knuth, Donald E. 1997.") and entries[1].startswith("Knuth, Donald E. (1959) 1997.")


def test_literal_dates_sort_after_dated_items_and_the_title_decides_between_them():
    items = [book("w", "The Art", {"literal": "1973a"}), book("s", "Seminumerical", {"literal": "1973c"}),
             book("f", "Fundamental", {"literal": "1973b"}), book("d", "Zeta", {"date-parts": [[1990]]})]
    entries = render_bibliography(items, style="apa")
    assert order(entries, "Zeta", "Fundamental", "Seminumerical", "The Art") == [
        "Zeta", "Fundamental", "Seminumerical", "The Art"]


def test_numbers_in_keys_collate_by_value():
    # Chicago sorts by the rendered source: "Journal 41, no. 7 (1986)" before "Journal, 1986".
    article = {"id": "full", "type": "article-journal", "author": KNUTH, "title": "Gnats",
               "container-title": "G-Animal's Journal", "volume": "41", "issue": "7",
               "issued": {"date-parts": [[1986]]}}
    minimal = {key: value for key, value in article.items() if key not in ("volume", "issue")} | {"id": "min"}
    entries = render_bibliography([minimal, article], style="chicago-notes-bibliography")
    assert "41, no. 7" in entries[0] and "Journal, 1986" in entries[1]


def test_date_key_is_start_and_end_as_citeproc_js_writes_them():
    assert date_key(Date(year=1984)) == "119840000100000000"
    assert date_key(DateRange(begin=Date(year=1984, month=3), end=Date(year=1986))) == "119840300119860000"
    assert date_key(Date(year=-100, month=7, day=13)) == "098990713100000000"
    assert date_key(Date(year=1984, month=3, day=2), {"year"}) == "119840000100000000"
    assert date_key(LiteralDate("1973b")) is None


CHICAGO_17 = "chicago-notes-bibliography-17th-edition"
GAONKAR = [{"given": "Dilip Parameshwar", "family": "Gaonkar"}]


def test_subsequent_author_substitute_compares_names_whatever_their_role():
    edited = {"id": "e", "type": "book", "editor": GAONKAR, "title": "Alternative Modernities",
              "issued": {"date-parts": [[2001]]}}
    chapter = {"id": "c", "type": "chapter", "author": GAONKAR, "title": "On Alternative Modernities",
               "container-title": "Alternative Modernities", "editor": GAONKAR, "issued": {"date-parts": [[2001]]}}
    first, second = render_bibliography([edited, chapter], style=CHICAGO_17)
    assert first.startswith("Gaonkar, Dilip Parameshwar, ed. Alternative")
    assert second.startswith("———. “On Alternative Modernities.” In Alternative Modernities, edited by")


def test_subsequent_author_substitute_replaces_a_title_in_its_quotes():
    letter = {"id": "t1", "type": "chapter", "title": "Telegramma", "container-title": "Dokumenty",
              "volume": "7", "issued": {"date-parts": [[1924]]}}
    first, second = render_bibliography([letter, dict(letter, id="t2", page="407")], style=CHICAGO_17)
    assert first.startswith("“Telegramma.” In Dokumenty")
    assert second.startswith("“———.” In Dokumenty")


def test_collapse_year_keeps_apart_cites_whose_author_is_a_substituted_title():
    letters = [{"id": f"t{n}", "type": "personal_communication", "title": "Telegramma", "archive": "AVPRF",
                "issued": {"date-parts": [[1924, n, 1]]}} for n in (1, 2)]
    people = [book("k1", "Volume A", {"date-parts": [[1984]]}), book("k2", "Volume B", {"date-parts": [[1990]]})]
    document = Document(items=[Item(csl) for csl in letters + people])
    document.notes = [Note("1", "", "citation", [Citation(id="t1"), Citation(id="t2")]),
                      Note("2", "", "citation", [Citation(id="k1"), Citation(id="k2")])]
    titles, names = render_notes(document, style="apa")
    assert titles == "(Telegramma, 1924a; Telegramma, 1924b)"
    assert names == "(Knuth, 1984, 1990)"


def test_term_form_fallback_gives_verb_short_the_verb_form():
    # en-US has container-author only as a verb ("by"): APA's verb-short label falls back to it.
    works = {"id": "n", "type": "book", "title": "Sämtliche Werke", "volume": "1",
             "author": [{"given": "Friedrich", "family": "Nietzsche"}],
             "container-author": [{"given": "Friedrich", "family": "Nietzsche"}],
             "publisher": "de Gruyter", "issued": {"date-parts": [[1988]]}}
    entry, = render_bibliography([works], style="apa")
    assert "Sämtliche Werke (By F. Nietzsche; Vol. 1)" in entry
