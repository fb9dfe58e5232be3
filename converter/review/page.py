"""One self-contained HTML page showing what the parser understood of every note.

No external assets: the CSS and JS are inlined, and a Content-Security-Policy allows only those
two blocks (by hash) and nothing from the network, so that even text that slipped through
escaping could neither run a script nor fetch anything. Every value from the input (note text,
item fields, abbreviations, messages) goes through `html.escape`.
"""
from __future__ import annotations

import base64
import hashlib
import inspect
import json
from collections.abc import Callable
from html import escape
from importlib import resources

from converter.model import Document, Item
from converter.report import Report, Severity
from converter.review.flags import LOW_CONFIDENCE, CitationView, NoteView, note_views
from converter.review.highlight import css_class, field_css, field_styles, highlight, valid_marks
from converter.review.sanitize import safe_html

FILTERS = (("all", "All notes"), ("archival", "Archival"), ("low", "Low confidence"),
           ("unresolved", "Unresolved"))
DEFAULT_STYLE = "chicago"

# (document, style, locale, report) -> one rendered string per note (HTML: only its formatting tags
# are kept, see sanitize.py), or a sentence saying why there is none.
Renderer = Callable[[Document, str, str, Report], "list[str] | str"]


def build_page(document: Document, report: Report, *, title: str, style: str = DEFAULT_STYLE,
               locale: str = "en-US", renderer: Renderer | None = None) -> str:
    views = note_views(document, report)
    rendered = (renderer or render_chicago)(document, style, locale, report)
    css = _asset("review.css") + "\n" + field_css()
    js = _asset("review.js")
    body = "\n".join([
        _header(document, views, title, style),
        "<main>",
        _attention(views),
        _toolbar(views),
        _legend(),
        _abbreviations(document.abbreviations),
        '<section id="notes">',
        *(_note(view, rendered, style) for view in views),
        "</section>",
        _unparsed(document),
        _diagnostics(report),
        "</main>",
    ])
    policy = (f"default-src 'none'; style-src '{_hash(css)}'; script-src '{_hash(js)}'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)} — bibconv review</title>\n<style>{css}</style>\n</head>\n"
            f"<body>\n{body}\n<script>{js}</script>\n</body>\n</html>\n")


def render_chicago(document: Document, style: str, locale: str, report: Report) -> list[str] | str:
    """The notes through the renderer, or why they could not be rendered (the page still builds)."""
    try:
        from converter.render.notes import render_notes
    except ImportError:
        return "renderer not available in this build"
    options: dict[str, object] = {}
    if "report" in inspect.signature(render_notes).parameters:
        options["report"] = report
    try:
        return render_notes(document, style=style, locale=locale, fmt="html", **options)
    except Exception as error:  # the renderer's failure must not cost the review of the parse
        report.add("render-warning", f"the notes could not be re-rendered: {type(error).__name__}: {error}")
        return f"renderer failed: {type(error).__name__}: {error}"


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text("utf-8")


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _header(document: Document, views: list[NoteView], title: str, style: str) -> str:
    cites = sum(len(v.citations) for v in views)
    source = ""
    if document.source is not None:
        csl = document.source.csl
        source = f"<p class=\"summary\">Source: {escape(_summary(csl))}</p>"
    return (f'<header class="top"><h1>{escape(title)}</h1>{source}'
            f'<p class="summary">{len(views)} notes, {cites} citations, {len(document.items)} items; '
            f"re-rendered in {escape(style)}.</p></header>")


def _attention(views: list[NoteView]) -> str:
    rows = []
    for view in views:
        for number, cite in enumerate(view.citations, 1):
            reasons = []
            if cite.low_confidence:
                reasons.append(f"low confidence ({cite.citation.confidence:.2f})")
            if cite.item is None:
                reasons.append(f"unresolved: no item {cite.citation.id!r}")
            if reasons:
                rows.append(f'<li><a href="#note-{view.index}">Note {escape(view.note.number)}</a>, '
                            f"citation {number}: {escape('; '.join(reasons))}</li>")
        if view.unresolved and not any(c.item is None for c in view.citations):
            why = "no citation was read" if not view.citations else "a short form or ibid. was not resolved"
            rows.append(f'<li><a href="#note-{view.index}">Note {escape(view.note.number)}</a>: {why}</li>')
        elif view.low_confidence and not any(c.low_confidence for c in view.citations):
            rows.append(f'<li><a href="#note-{view.index}">Note {escape(view.note.number)}</a>: '
                        "the parser reported low confidence</li>")
    if not rows:
        return ('<section id="attention" class="attention clear"><h2>Needs attention</h2>'
                f"<p>Nothing flagged: no citation below confidence {LOW_CONFIDENCE}, none unresolved.</p></section>")
    return (f'<section id="attention" class="attention"><h2>Needs attention ({len(rows)})</h2>'
            f"<ul>{''.join(rows)}</ul></section>")


def _toolbar(views: list[NoteView]) -> str:
    counts = {"all": len(views), "archival": sum(v.archival for v in views),
              "low": sum(v.low_confidence for v in views), "unresolved": sum(v.unresolved for v in views)}
    buttons = "".join(f'<button type="button" id="filter-{name}" data-filter="{name}" '
                      f'aria-pressed="{str(name == "all").lower()}">{label} ({counts[name]})</button>'
                      for name, label in FILTERS)
    return f'<nav class="toolbar" aria-label="Filters">{buttons}<span id="shown"></span></nav>'


def _legend() -> str:
    entries = "".join(f'<li class="{css_class(s.name)}">{escape(s.label)}</li>' for s in field_styles())
    return f'<section><h2>Fields</h2><ul class="legend">{entries}</ul></section>'


def _abbreviations(abbreviations: dict[str, str]) -> str:
    if not abbreviations:
        return '<section id="abbreviations"><h2>Abbreviations</h2><p>None declared.</p></section>'
    rows = "".join(f"<tr><td>{escape(str(k))}</td><td>{escape(str(v))}</td></tr>"
                   for k, v in abbreviations.items())
    return (f'<section id="abbreviations"><h2>Abbreviations ({len(abbreviations)})</h2>'
            f'<table class="abbrev"><tr><th>Abbreviation</th><th>Meaning</th></tr>{rows}</table></section>')


def _note(view: NoteView, rendered: list[str] | str, style: str) -> str:
    note = view.note
    marks, problems = valid_marks(note.text, [list(c.citation.spans) for c in view.citations])
    badges = [f'<span class="badge">{escape(note.kind)}</span>']
    badges += [f'<span class="badge {cls}">{label}</span>' for flag, cls, label in (
        (view.archival, "archival", "archival"), (view.low_confidence, "low", "low confidence"),
        (view.unresolved, "unresolved", "unresolved")) if flag]
    origin = f'<span class="origin">{escape(str(note.origin))}</span>' if note.origin else ""
    if isinstance(rendered, str):
        right = f'<div class="rendered missing">{escape(rendered)}</div>'
    elif view.index < len(rendered):
        right = f'<div class="rendered">{safe_html(str(rendered[view.index]))}</div>'
    else:
        right = '<div class="rendered missing">the renderer returned no text for this note</div>'
    nospans = ("" if marks or not view.citations else
               '<div class="nospans">no field spans recorded for this note: text shown without highlights</div>')
    messages = [*problems, *view.messages]
    listed = (f'<ul class="messages">{"".join(f"<li>{escape(m)}</li>" for m in messages)}</ul>'
              if messages else "")
    return (f'<article class="note" id="note-{view.index}" data-number="{escape(note.number)}" '
            f'data-archival="{_bool(view.archival)}" data-low="{_bool(view.low_confidence)}" '
            f'data-unresolved="{_bool(view.unresolved)}">'
            f"<h3>Note {escape(note.number)} {''.join(badges)} {origin}</h3>"
            f'<div class="pair"><div><div class="label">Original</div>'
            f'<div class="text">{highlight(note.text, marks)}</div>{nospans}</div>'
            f'<div><div class="label">Re-rendered ({escape(style)})</div>{right}</div></div>'
            f"{_citations(view)}{listed}</article>")


def _citations(view: NoteView) -> str:
    if not view.citations:
        return ""
    rows = "".join(_citation_row(number, cite) for number, cite in enumerate(view.citations, 1))
    return ('<table class="citations"><tr><th>#</th><th>Resolved to</th><th>Locator</th>'
            f"<th>Prefix / suffix</th><th>Earlier note</th><th>Confidence</th></tr>{rows}</table>")


def _citation_row(number: int, view: CitationView) -> str:
    citation = view.citation
    if view.item is None:
        item = f'<span class="missing-item">no item {escape(repr(citation.id))}</span>'
    else:
        item = (f"<code class=\"id\">{escape(citation.id)}</code> ({escape(str(view.item.csl.get('type', '?')))}): "
                f"{escape(_summary(view.item.csl))}{_item_details(view.item)}")
    locator = " ".join(escape(str(v)) for v in (citation.label, citation.locator) if v)
    affixes = " / ".join(escape(str(v)) for v in (citation.prefix, citation.suffix) if v)
    back = ""
    if view.back_to is not None:
        how = "also cited in" if view.back_to_computed else "first cited in"
        target = f"note {escape(str(view.back_to))}"
        back = (f'{how} <a href="#note-{view.back_to_index}">{target}</a>' if view.back_to_index is not None
                else f'{how} {target} <span class="missing-item">(no such note)</span>')
    if citation.confidence is None:
        confidence = "—"
    else:
        confidence = f'<span class="conf{" low" if view.low_confidence else ""}">{citation.confidence:.2f}</span>'
    return (f'<tr data-cite="{number}"><td>{number}</td><td>{item}</td><td>{locator}</td><td>{affixes}</td>'
            f"<td>{back}</td><td>{confidence}</td></tr>")


def _item_details(item: Item) -> str:
    text = json.dumps(item.csl, ensure_ascii=False, indent=1, default=str)
    where = f" from {escape(str(item.origin))}" if item.origin else ""
    return f"<details><summary>CSL-JSON{where}</summary><pre>{escape(text)}</pre></details>"


def _summary(csl: dict[str, object]) -> str:
    """Who, what, where, when of an item, in one line."""
    parts = [_names(csl.get("author") or csl.get("editor")), _str(csl.get("title")),
             _str(csl.get("container-title")), _str(csl.get("archive")), _str(csl.get("archive_location")),
             _year(csl.get("issued"))]
    return ". ".join(p for p in parts if p)


def _names(names: object) -> str:
    if not isinstance(names, list):
        return ""
    out = []
    for name in names:
        if isinstance(name, dict):
            out.append(_str(name.get("literal")) or " ".join(
                _str(name.get(k)) for k in ("given", "non-dropping-particle", "family") if name.get(k)))
    return ", ".join(n for n in out if n)


def _year(issued: object) -> str:
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return "–".join(str(p[0]) for p in parts if isinstance(p, list) and p)
        return _str(issued.get("literal") or issued.get("raw"))
    return ""


def _str(value: object) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _bool(flag: bool) -> str:
    return "true" if flag else "false"


def _unparsed(document: Document) -> str:
    if not document.unparsed:
        return ""
    blocks = "".join(f"<h3>{escape(str(u.origin))}: {escape(u.reason)}</h3><pre class=\"raw\">"
                     f"{escape(u.raw[:20000])}</pre>" for u in document.unparsed)
    return f'<section id="unparsed"><h2>Not parsed ({len(document.unparsed)})</h2>{blocks}</section>'


def _diagnostics(report: Report) -> str:
    if not report.diagnostics:
        return ""
    rows = "".join(f"<li>{escape(str(d))}</li>" for d in report.diagnostics if d.severity >= Severity.WARNING)
    counts = f"{report.count(Severity.ERROR)} error(s), {report.count(Severity.WARNING)} warning(s)"
    return f'<section id="diagnostics"><h2>Problems: {counts}</h2><ul class="messages">{rows}</ul></section>'
