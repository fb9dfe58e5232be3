from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from converter.cli import app
from converter.model import Citation, Document, Note
from converter.report import Report
from converter.review import build_page
from converter.review.flags import note_views
from converter.review.highlight import highlight, valid_marks
from converter.review.sanitize import safe_html
from tests.reviewdocs import GOLD, HOSTILE_TEXT, gold, review_document

ROOT = Path(__file__).resolve().parent.parent


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parsed(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    return elements


def unrendered(document: Document, style: str, locale: str, report: Report) -> str:
    """For tests about the other columns: citeproc takes seconds on 60 notes, and is tested below."""
    return "not rendered in this test"


def test_every_note_in_order_with_abbreviations_and_no_external_assets() -> None:
    document = gold()
    page = build_page(document, Report(), title="gold", renderer=unrendered)
    elements = parsed(page)
    articles = [attrs for tag, attrs in elements.tags if tag == "article"]
    assert [a["data-number"] for a in articles] == [note.number for note in document.notes]
    assert [a["id"] for a in articles] == [f"note-{i}" for i in range(len(document.notes))]
    for key, meaning in document.abbreviations.items():
        assert f"<td>{key}</td><td>{meaning}</td>" in page.replace("’", "’")
    for tag, attrs in elements.tags:
        assert tag not in ("link", "iframe", "object", "embed", "img")
        assert not (attrs.get("src") or ""), f"<{tag}> loads {attrs.get('src')}"
        href = attrs.get("href") or ""
        assert not href or href.startswith("#"), f"<{tag}> links outside the page: {href}"
    # the gold has no spans: the page says so instead of pretending
    assert "no field spans recorded" in page
    assert '<mark class="hl' not in page


def test_each_citation_shows_its_item_and_repeats_point_back() -> None:
    document = gold()
    page = build_page(document, Report(), title="gold", renderer=unrendered)
    for note in document.notes:
        for citation in note.citations:
            assert f"<code class=\"id\">{citation.id}</code>" in page
    # note 12 "Pons, La rivoluzione globale, 44." repeats note 2's item: the page links back
    views = note_views(document, Report())
    pons = next(v for v in views if v.note.number == "12").citations[0]
    assert (pons.back_to, pons.back_to_computed, pons.back_to_index) == ("2", True, 1)
    assert 'also cited in <a href="#note-1">note 2</a>' in page


def test_flags_archival_low_confidence_unresolved() -> None:
    document = review_document()
    views = note_views(document, Report())
    items = document.item_by_id()
    for view in views:
        expect_archival = any(items[c.id].csl.get("archive") for c in view.note.citations if c.id in items)
        assert view.archival == expect_archival
    assert [v.note.number for v in views if v.low_confidence] == ["1", "3"]
    assert [v.note.number for v in views if v.unresolved] == ["4"]
    page = build_page(document, Report(), title="t", renderer=unrendered)
    attention = page[page.index('id="attention"'):page.index('class="toolbar"')]
    assert attention.count("<li>") == 3
    assert "low confidence (0.35)" in attention and "no item &#x27;nobody1999&#x27;" in attention


def test_highlights_cover_exactly_the_spans() -> None:
    text = "Silvio Pons, La rivoluzione globale (Torino: Einaudi, 2012), 5–57."
    spans = [("author", 0, 11), ("title", 13, 35), ("publisher-place", 37, 43), ("publisher", 45, 52),
             ("issued", 54, 58), ("locator", 61, 65)]
    marks, problems = valid_marks(text, [spans])
    assert problems == []
    html = highlight(text, marks)
    found = re.findall(r'<mark class="hl f-([a-z-]+)"[^>]*>([^<]*)</mark>', html)
    assert found == [(name, text[start:end]) for name, start, end in spans]
    assert re.sub(r"<[^>]+>", "", html) == text


def test_overlapping_and_broken_spans() -> None:
    text = "AVPRF, F 4, op. 20, d. 46, 126."
    marks, problems = valid_marks(text, [[("archive_location", 7, 25), ("locator", 12, 18)],
                                         [("title", 5, 2), ("title", 0, 999), ["x"], ("a", 0, 1.5)]])
    assert len(marks) == 2 and len(problems) == 4
    html = highlight(text, marks)
    # the narrower span wins where they overlap, the wider one shows on both sides of it
    assert re.findall(r'f-([a-z_-]+)"[^>]*>([^<]*)<', html) == [
        ("archive-location", "F 4, "), ("locator", "op. 20"), ("archive-location", ", d. 46")]


def test_hostile_text_cannot_inject_markup() -> None:
    page = build_page(review_document(), Report(), title='<script>alert("title")</script>')
    elements = parsed(page)
    assert [tag for tag, _ in elements.tags].count("script") == 1
    assert len(elements.scripts) == 1 and "__pwned" not in elements.scripts[0]
    for tag, attrs in elements.tags:
        assert tag not in ("img", "u", "textarea")
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        if tag in ("i", "b", "small", "sup", "sub"):  # the renderer's formatting, kept bare
            assert not attrs, (tag, attrs)
    # a hostile note number stays inside its attribute, whole
    numbers = [attrs["data-number"] for tag, attrs in elements.tags if tag == "article"]
    assert numbers[-1] == '99"><script>window.__pwned=6</script>'
    # the hostile note's text is all there, as text
    unescaped = re.sub(r"<[^>]+>", "", page).replace("&lt;", "<").replace("&gt;", ">") \
        .replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")
    assert HOSTILE_TEXT in unescaped
    # a page that did let a script in would break its own Content-Security-Policy hash
    assert "script-src 'sha256-" in page and "unsafe-inline" not in page


def test_broken_spans_are_listed_under_the_note() -> None:
    page = build_page(review_document(), Report(), title="t", renderer=unrendered)
    assert "lies outside the note" in page and "is not (field, start, end)" in page


def test_renderer_column_degrades_to_a_message() -> None:
    def no_renderer(document: Document, style: str, locale: str, report: Report) -> str:
        return "renderer not available in this build"

    def one_per_note(document: Document, style: str, locale: str, report: Report) -> list[str]:
        return [f"[{note.number}] <rendered & escaped>" for note in document.notes]

    document = Document(notes=[Note("1", "A note.", "citation", [Citation("x")])])
    assert "renderer not available in this build" in build_page(document, Report(), title="t",
                                                                renderer=no_renderer)
    page = build_page(document, Report(), title="t", renderer=one_per_note)
    assert '<div class="rendered">[1] &lt;rendered &amp; escaped&gt;</div>' in page


def test_review_command_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "r" / "review.html"
    result = CliRunner().invoke(app, ["review", str(GOLD), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    page = out.read_text("utf-8")
    assert page.count('<article class="note"') == len(json.loads(GOLD.read_text("utf-8"))["notes"])
    assert "wrote" in result.output and "62 notes" in result.output


def test_review_of_parsed_text_notes(tmp_path: Path) -> None:
    notes = ROOT / "fixtures" / "seed" / "dundovich-2020-notes.txt"
    out = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["review", str(notes), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    page = out.read_text("utf-8")
    assert page.count('<article class="note"') == 62


def test_rendered_html_keeps_formatting_and_escapes_the_rest() -> None:
    rendered = ('Andrea Graziosi, <i><script>alert(1)</script> & Co</i> (<span style="font-variant:small-caps">'
                'Il Mulino</span>, 2007), <b onclick="x()">42</b>–55 <img src=x onerror=alert(2)> <!-- c --> </i>')
    html = safe_html(rendered)
    elements = parsed(f"<div>{html}</div>")
    assert [tag for tag, _ in elements.tags] == ["div", "i", "small", "b"]
    assert all(not attrs for tag, attrs in elements.tags if tag != "div")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html and html.endswith("&lt;/i&gt;")
    assert safe_html("<i>unclosed") == "<i>unclosed</i>"


def test_page_shows_the_renderer_italics_safely() -> None:
    def html_renderer(document: Document, style: str, locale: str, report: Report) -> list[str]:
        return [f"<i>{note.text}</i>" for note in document.notes]

    document = Document(notes=[Note("1", "Title <script>x()</script>", "citation", [Citation("x")])])
    page = build_page(document, Report(), title="t", renderer=html_renderer)
    assert '<div class="rendered"><i>Title &lt;script&gt;x()&lt;/script&gt;</i></div>' in page
