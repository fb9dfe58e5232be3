"""HTML output escapes every character of the data once and writes only the formatter's tags."""
from __future__ import annotations

from converter.model import Document, Item
from converter.render.notes import render_bibliography

HOSTILE = {"id": "x", "type": "book", "title": "<script>alert(1)</script> & <i>De Anima</i>",
           "author": [{"family": "O<b>Brien", "given": "A."}], "issued": {"date-parts": [[2000]]}}


def test_values_are_escaped_and_rich_text_stays_markup() -> None:
    [entry] = render_bibliography(Document(items=[Item(HOSTILE)]), style="chicago", locale="en-US", fmt="html")
    assert "<script>" not in entry and "&lt;script&gt;" in entry
    assert "O&lt;b&gt;Brien" in entry
    assert "&amp;" in entry and " & " not in entry
    assert entry.count("<i>") == entry.count("</i>") > 0  # the formatter's own tags, balanced


def test_text_output_keeps_the_characters() -> None:
    [entry] = render_bibliography(Document(items=[Item(HOSTILE)]), style="chicago", locale="en-US", fmt="text")
    assert "<script>alert(1)</script> &" in entry
