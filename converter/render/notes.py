"""Re-render a notes Document in a CSL style: every note in order, one string per note.

An explanatory note is kept as printed. A citation note becomes one citation cluster (its lead-ins
are the citations' prefixes); the processor decides, note by note, whether a citation is a first
(full) note, a subsequent (short) note or ibid. A mixed note keeps its free-standing statement,
the text before its first citation, ahead of the cluster.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from converter.model import CSL, Citation, Document, Item, Note
from converter.report import Report

FORMATS = ("text", "html", "markdown")


@dataclass
class PreparedNote:
    """A note as the renderer takes it: kept text, or a lead and a cluster of cites."""

    number: str
    text: str | None = None  # explanatory: printed as is
    lead: str | None = None  # mixed: the statement before the first citation
    cites: list[dict[str, str | None]] = field(default_factory=list)


def _cite(citation: Citation) -> dict[str, str | None]:
    # The model keeps prefixes and suffixes trimmed; a space joins them to the reference.
    return {
        "id": citation.id,
        "locator": citation.locator or None,
        "label": (citation.label or "page") if citation.locator else None,
        "prefix": f"{citation.prefix} " if citation.prefix else None,
        "suffix": f" {citation.suffix}" if citation.suffix else None,
    }


def _lead(note: Note, items: dict[str, Item], report: Report) -> str | None:
    """The free-standing text before a mixed note's first citation, or None if it cannot be found."""
    first = note.citations[0]
    starts = [start for _field, start, _end in first.spans]
    if starts:
        return note.text[:min(starts)].strip() or None
    if first.prefix and first.prefix in note.text:
        return note.text[:note.text.index(first.prefix)].strip() or None
    item = items.get(first.id)
    for word in _first_words(item.csl if item else {}):
        at = note.text.find(word)
        if at > 0:
            return note.text[:at].strip().rstrip() or None
    report.add("render-warning", "cannot tell where the statement of this mixed note ends; "
               "only its citations were rendered", note.origin, note.number)
    return None


def _first_words(csl: CSL) -> list[str]:
    """What a citation of the item starts with as printed: a creator's names, else its title."""
    words = []
    for role in ("author", "editor", "recipient"):
        for name in csl.get(role) or []:
            words += [name.get(part) for part in ("given", "family", "literal") if name.get(part)]
            break
    if csl.get("title"):
        words.append(csl["title"])
    return [word for word in words if word]


def prepare(document: Document, report: Report) -> list[PreparedNote]:
    """The notes of a document as kept text and citation clusters, in order."""
    items = document.item_by_id()
    prepared = []
    for note in document.notes:
        if not note.citations:
            prepared.append(PreparedNote(note.number, text=note.text))
            continue
        lead = _lead(note, items, report) if note.kind == "mixed" else None
        prepared.append(PreparedNote(note.number, lead=lead,
                                     cites=[_cite(citation) for citation in note.citations]))
    return prepared


def compose(note: PreparedNote, cluster: str, fmt: str) -> str:
    """One note's text: kept text, or the lead (if any) and the rendered cluster."""
    from converter.render.engine import escape_text
    if note.text is not None:
        return escape_text(note.text, fmt)
    if note.lead:
        return f"{escape_text(note.lead, fmt)} {cluster}" if cluster else escape_text(note.lead, fmt)
    return cluster


def _cited_items(document: Document) -> list[CSL]:
    return document.csl_items()


def render_notes(document: Document, *, style: str, locale: str = "en-US", fmt: str = "text",
                 report: Report | None = None) -> list[str]:
    """Every note of the document, in order, re-rendered in the style: one string per note."""
    from converter.render import engine, styles
    report = report if report is not None else Report()
    _check_format(fmt)
    prepared = prepare(document, report)
    clusters = [[engine.Cite(**cite) for cite in note.cites] for note in prepared if note.cites]
    numbers = [note.number for note in prepared if note.cites]
    rendered = iter(engine.render_clusters(styles.load(style, locale), engine.Items(_cited_items(document), report),
                                           clusters, fmt=fmt, report=report, numbers=numbers))
    return [compose(note, next(rendered) if note.cites else "", fmt) for note in prepared]


def render_bibliography(document_or_items: Document | Sequence[CSL], *, style: str,
                        locale: str = "en-US", fmt: str = "text", report: Report | None = None) -> list[str]:
    """The sorted bibliography of every item: one string per entry."""
    from converter.render import engine, styles
    report = report if report is not None else Report()
    _check_format(fmt)
    if isinstance(document_or_items, Document):
        items = document_or_items.csl_items()
    else:
        items = list(document_or_items)
    return engine.render_bibliography(styles.load(style, locale), engine.Items(items, report), fmt=fmt, report=report)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
