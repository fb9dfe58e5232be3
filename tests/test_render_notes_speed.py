"""Speed fixes of the notes path (converter/render/fixes/, OUTPUT_PRESERVING): each gives the
answers of the citeproc-py code it replaces, checked against that code on the same input."""
from __future__ import annotations

import random

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography
from citeproc.formatter import plain
from citeproc.source.json import CiteProcJSON

from converter.model import Citation as NoteCitation
from converter.model import Document, Item, Note
from converter.render import engine, styles  # noqa: F401 (applies the fixes)
from converter.render.fixes import lone_cite_reuse, registered_key_scans
from converter.render.notes import render_notes

ITEMS = [{"id": f"k{n}", "type": "book", "title": f"Title {n}"} for n in range(40)]


def _bibliography() -> CitationStylesBibliography:
    return CitationStylesBibliography(styles.load("chicago-notes-bibliography", "en-US"), CiteProcJSON(ITEMS), plain)


def test_registered_keys_answer_as_the_key_list_scans_do() -> None:
    rng = random.Random(5)
    ours, stock = _bibliography(), _bibliography()
    unknown_ours: list[str] = []
    unknown_stock: list[str] = []
    for step in range(300):
        keys = [f"k{rng.randrange(50)}" for _ in range(rng.randrange(1, 4))]  # k40..k49 are not in the source
        registered_key_scans._register(ours, Citation([CitationItem(k) for k in keys]), unknown_ours.append)
        registered_key_scans._original_register(stock, Citation([CitationItem(k) for k in keys]),
                                                unknown_stock.append)
        if step % 97 == 96:  # sort() replaces the list; the set must follow the new one
            for bibliography in (ours, stock):
                bibliography.sort()
        assert ours.keys == stock.keys
        assert [item.key for item in ours.items] == [item.key for item in stock.items]
        probe = Citation([CitationItem(f"k{n}") for n in range(50)])
        probe.bibliography = ours
        stock_probe = Citation([CitationItem(f"k{n}") for n in range(50)])
        stock_probe.bibliography = stock
        assert ([registered_key_scans._is_bad(c) for c in probe.cites]
                == [registered_key_scans._original_is_bad(c) for c in stock_probe.cites])
    assert [i.key for i in unknown_ours] == [i.key for i in unknown_stock]
    assert len(ours.keys) > 20 and unknown_ours


def test_registered_keys_rebuilt_when_the_list_is_replaced_or_shrinks() -> None:
    bibliography = _bibliography()
    bibliography.register(Citation([CitationItem("k1"), CitationItem("k2")]))
    assert registered_key_scans.registered_keys(bibliography) == {"k1", "k2"}
    bibliography.keys.pop()
    assert registered_key_scans.registered_keys(bibliography) == {"k1"}
    bibliography.keys = ["k3"]
    assert registered_key_scans.registered_keys(bibliography) == {"k3"}


BOOK = {"id": "book", "type": "book", "author": [{"family": "Fitzpatrick", "given": "Sheila"}],
        "title": "Everyday Stalinism", "publisher": "Oxford University Press", "publisher-place": "New York",
        "issued": {"date-parts": [[1999]]}}
TWIN = {**BOOK, "id": "twin", "author": [{"family": "Fitzpatrick", "given": "Sarah"}]}  # ambiguous with BOOK
CHAPTER = {"id": "chap", "type": "chapter", "author": [{"family": "Pons", "given": "Silvio"}],
           "title": "The \"Global\" Revolution", "container-title": "Histories", "publisher": "Einaudi",
           "issued": {"date-parts": [[2012]]}}
ARTICLE = {"id": "art", "type": "article-journal", "author": [{"family": "Best", "given": "Anthony"}],
           "title": "Modern Times", "container-title": "Cold War History", "volume": "12", "page": "205-225",
           "issued": {"date-parts": [[2012]]}}
OTHER = {**BOOK, "id": "other", "title": "Stalin's Peasants", "author": [{"family": "Viola", "given": "Lynne"}]}


def _document() -> Document:
    cites = [[("book", "")], [("twin", "")], [("chap", "")], [("art", "")], [("other", "12")],
             [("book", "")], [("book", "3")], [("chap", ""), ("twin", "5")]]
    document = Document(items=[Item(csl) for csl in (BOOK, TWIN, CHAPTER, ARTICLE, OTHER)])
    for number, cluster in enumerate(cites, start=1):
        cited = [NoteCitation(id=i, locator=loc, label="page" if loc else None) for i, loc in cluster]
        document.notes.append(Note(str(number), "", "citation", cited))
    return document


REUSED = lone_cite_reuse._reused


def _rendered(style: str, locale: str, fmt: str, reuse: bool,
              monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], int]:
    hits = []

    def reused(layout: object, item: object) -> object:
        output = REUSED(layout, item) if reuse else lone_cite_reuse._MISSING
        if output is not lone_cite_reuse._MISSING:
            hits.append(item)
        return output
    monkeypatch.setattr(lone_cite_reuse, "_reused", reused)
    return render_notes(_document(), style=style, locale=locale, fmt=fmt), len(hits)


@pytest.mark.parametrize(("style", "locale", "fmt", "expected_hits"), [
    ("chicago-notes-bibliography", "en-US", "text", 2),  # the two books cited first without locator
    ("mhra-notes", "en-GB", "text", 4),  # no punctuation-in-quote: the quoted chapter and article too
    ("mhra-notes", "en-US", "text", 2),
    ("chicago-notes-bibliography", "en-US", "html", 0),  # only plain text is taken over
])
def test_lone_cite_reuse_renders_every_note_as_rendering_again_does(style: str, locale: str, fmt: str,
                                                                      expected_hits: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    again, _ = _rendered(style, locale, fmt, False, monkeypatch)
    reused, hits = _rendered(style, locale, fmt, True, monkeypatch)
    assert reused == again
    assert "Sheila Fitzpatrick" in again[0] and "Sarah Fitzpatrick" in again[1]  # disambiguated given names
    assert hits == expected_hits
