"""Speed fixes of the notes path (converter/render/fixes/, OUTPUT_PRESERVING): each gives the
answers of the citeproc-py code it replaces, checked against that code on the same input."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography
from citeproc.formatter import plain
from citeproc.source.json import CiteProcJSON

from converter.model import Citation as NoteCitation
from converter.model import Document, Item, Note
from converter.render import engine, styles  # noqa: F401 (applies the fixes)
from converter.render.fixes import disambiguation, registered_key_scans
from converter.render.notes import render_notes
from tests.conftest import lone_cite_renders

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
    # Also fixtures/render/short-form-twins.notes.json, rendered there by citeproc-js: the two
    # Fitzpatricks' short notes are alike, so citeproc-js gives their given names in those too.
    cites = [[("book", "")], [("twin", "")], [("chap", "")], [("art", "")], [("other", "12")],
             [("book", "")], [("book", "3")], [("chap", ""), ("twin", "5")]]
    document = Document(items=[Item(csl) for csl in (BOOK, TWIN, CHAPTER, ARTICLE, OTHER)])
    for number, cluster in enumerate(cites, start=1):
        cited = [NoteCitation(id=i, locator=loc, label="page" if loc else None) for i, loc in cluster]
        document.notes.append(Note(str(number), "", "citation", cited))
    return document


def test_short_notes_alike_are_disambiguated_as_citeproc_js_does() -> None:
    twins = Path(__file__).parents[1] / "fixtures" / "render" / "short-form-twins"
    reference = twins / "chicago-notes-bibliography.en-US.text.json"
    expected = json.loads(reference.read_text("utf-8"))["notes"]
    assert expected[5] == "Sheila Fitzpatrick, Everyday Stalinism."  # the case this is about
    assert render_notes(_document(), style="chicago-notes-bibliography") == expected


def test_each_compared_cite_is_rendered_again_only_when_its_state_can_change_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rendered = lone_cite_renders(monkeypatch)
    nameless = {"id": "nameless", "type": "book", "title": "Everyday Stalinism", "publisher": "Einaudi",
                "issued": {"date-parts": [[2001]]}}
    twin = {**nameless, "id": "nameless-twin", "publisher": "Laterza"}  # alike in short form
    bibliography = CitationStylesBibliography(styles.load("chicago-notes-bibliography", "en-US"),
                                              CiteProcJSON([BOOK, TWIN, nameless, twin, OTHER]), plain)
    for key in ("book", "twin", "nameless", "nameless-twin", "other"):
        bibliography.register(Citation([CitationItem(key)]))
    disambiguation.disambiguate(bibliography)
    states = bibliography.__dict__["_disambiguation"]
    # Once each; the Fitzpatricks once per given-name level (the style's initialize-with makes
    # both "S. Fitzpatrick" at the first); the nameless pair once more, only for disambiguate="true"
    # (no name option can change their cites), which tells them apart by publisher.
    assert sorted(rendered) == sorted(["book", "twin", "nameless", "nameless-twin", "other",
                                       "book", "twin", "book", "twin", "nameless", "nameless-twin"])
    assert (states["book"].givenname, states["twin"].givenname) == (2, 2)
    assert states["nameless"].disambiguate and states["nameless-twin"].disambiguate
    assert not states["other"].disambiguate and states["other"].givenname == 0
