"""Documents for the review-page tests: the seed gold with spans found the way a reader would
find them (by locating each item's printed fields in the note text), plus hostile notes."""
from __future__ import annotations

from pathlib import Path

from converter.model import Citation, Document, Item, Note, Origin
from converter.readers import notesjson
from converter.report import Report

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "seed" / "dundovich-2020.gold.json"
HOSTILE_TEXT = ('Smith, <script>window.__pwned = 1</script> "A title" <img src=x onerror="window.__pwned=2"> '
                "</textarea><b onclick=alert(1)>x</b> &amp; &lt;done&gt; 12.")


def gold() -> Document:
    return notesjson.read(GOLD.read_text("utf-8"), origin=Origin(GOLD.name), report=Report())


def _find(text: str, value: object, start: int = 0) -> tuple[int, int] | None:
    if not isinstance(value, str) or not value:
        return None
    at = text.find(value, start)
    return (at, at + len(value)) if at >= 0 else None


def with_spans(document: Document) -> Document:
    """Spans for every field of the cited item that is printed verbatim in the note."""
    items = document.item_by_id()
    for note in document.notes:
        for citation in note.citations:
            item = items.get(citation.id)
            if item is None:
                continue
            csl = item.csl
            candidates: list[tuple[str, object]] = [
                (name, csl.get(name)) for name in ("title", "container-title", "publisher",
                                                   "publisher-place", "archive", "archive_location")]
            for author in csl.get("author") or []:
                candidates.append(("author", author.get("family")))
            candidates.append(("locator", citation.locator))
            candidates.append(("prefix", citation.prefix))
            year = ((csl.get("issued") or {}).get("date-parts") or [[None]])[0][0]
            candidates.append(("issued", str(year) if year else None))
            for name, value in candidates:
                found = _find(note.text, value)
                if found:
                    citation.spans.append((name, *found))
    return document


def review_document() -> Document:
    """The gold with spans, two low-confidence citations, one unresolved, and one hostile note."""
    document = with_spans(gold())
    document.notes[0].citations[0].confidence = 0.35
    document.notes[1].citations[0].confidence = 0.95
    document.notes[2].citations[1].confidence = 0.5
    document.notes[3].citations.append(Citation(id="nobody1999", locator="3", label="page", confidence=0.8))
    document.items.append(Item({"id": "hostile", "type": "book", "title": '<script>window.__pwned=3</script>',
                                "author": [{"family": "<i onmouseover=x>Evil</i>"}]}))
    document.abbreviations['<img src=x onerror="window.__pwned=4">'] = "</td><script>window.__pwned=5</script>"
    document.notes.append(Note(number='99"><script>window.__pwned=6</script>', text=HOSTILE_TEXT,
                               kind="citation", citations=[Citation(
                                   id="hostile", prefix="<u>see</u>", confidence=0.9,
                                   spans=[("author", 0, 5), ("title", 7, 45), ('x"><script>', 46, 60),
                                          ("title", -4, 3000), ("locator", "a", 2)])]))
    return document
