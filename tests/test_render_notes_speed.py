"""Speed fixes of the notes path (converter/render/fixes/, OUTPUT_PRESERVING): each gives the
answers of the citeproc-py code it replaces, checked against that code on the same input."""
from __future__ import annotations

import random

from citeproc import Citation, CitationItem, CitationStylesBibliography
from citeproc.formatter import plain
from citeproc.source.json import CiteProcJSON

from converter.render import engine, styles  # noqa: F401 (applies the fixes)
from converter.render.fixes import registered_key_scans

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
