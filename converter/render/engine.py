"""The one wrapper around citeproc-py: CSL-JSON items and citation clusters in, strings out.

Only this module and render/fixes/ import citeproc. Our fixes are applied before anything is
rendered. citeproc-py's warnings and missing-item callbacks become Diagnostics of the Report.
Items are handed to citeproc-py under keys of our own ("i1", "i2", ...): citeproc-py lowercases
ids, so two ids differing only in case would otherwise be one item.
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from types import SimpleNamespace
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator
from citeproc.formatter import plain as plain_formatter
from citeproc.frontend import CitationStylesStyle
from citeproc.source import VariableError
from citeproc.source.json import CiteProcJSON

from converter.model import CSL
from converter.render import fixes
from converter.report import Report

fixes.apply_all()


def _markdown_wrapper(marker: str) -> type[str]:
    class Wrapped(str):
        def __new__(cls, text: str) -> Wrapped:
            return super().__new__(cls, f"{marker}{text}{marker}" if text else text)
    return Wrapped


def _html_span(style: str) -> type[str]:
    class Span(str):
        def __new__(cls, text: str) -> Span:
            return super().__new__(cls, f'<span style="{style}">{text}</span>')
    return Span


def _markdown_preformat(text: str) -> str:
    # Characters Markdown would read as emphasis or escapes are escaped, as pandoc writes them.
    return "".join("\\" + char if char in "\\*_`[]" else char for char in str(text))


# citeproc-py formatters are modules of classes; Markdown is one of ours, in the same shape.
MARKDOWN = SimpleNamespace(
    preformat=_markdown_preformat,
    Italic=_markdown_wrapper("*"), Oblique=_markdown_wrapper("*"), Bold=_markdown_wrapper("**"),
    Light=str, Underline=str, Superscript=_html_span("vertical-align:super"),
    Subscript=_html_span("vertical-align:sub"), SmallCaps=str, Roman=str,
)
# citeproc-py escapes locale terms for HTML (its formatter's `preformat`) but not item values, so
# a title holding "<script>" reached the HTML output as a tag. Our HTML formatter writes its tags
# as private-use sentinels instead; `finish` escapes the whole rendered string once and only then
# turns the sentinels into tags, so every character of the data is escaped exactly once.
_OPEN, _CLOSE = "\ue000", "\ue001"
_SENTINEL_TAG = re.compile(f"{_OPEN}(/?(?:i|b|u|sup|sub|span)(?: style=\"[a-z:;-]+\")?){_CLOSE}")


def _html_tag(tag: str, style: str = "") -> type[str]:
    opening = f'{tag} style="{style}"' if style else tag

    class Tagged(str):
        def __new__(cls, text: str) -> Tagged:
            return super().__new__(cls, f"{_OPEN}{opening}{_CLOSE}{text}{_OPEN}/{tag}{_CLOSE}")
    return Tagged


SAFE_HTML = SimpleNamespace(
    preformat=str,
    Italic=_html_tag("i"), Oblique=_html_tag("i"), Bold=_html_tag("b"),
    Light=_html_tag("span", "font-weight:lighter;"), Underline=_html_tag("u"),
    Superscript=_html_tag("sup"), Subscript=_html_tag("sub"),
    SmallCaps=_html_tag("span", "font-variant:small-caps;"),
    Roman=_html_tag("span", "font-style:normal;"),  # italics in italics (fixes/rich_text_fields.py)
)
FORMATTERS: dict[str, Any] = {"text": plain_formatter, "html": SAFE_HTML, "markdown": MARKDOWN}


def finish(text: str, fmt: str) -> str:
    """Rendered text in its final form: for HTML, escaped once, then the formatter's tags."""
    if fmt != "html":
        return text
    html = _SENTINEL_TAG.sub(lambda match: f"<{match.group(1)}>", escape(text, quote=False))
    return html.replace(_OPEN, "").replace(_CLOSE, "")  # a sentinel the data itself held


@dataclass(frozen=True)
class Cite:
    """One citation of an item inside a cluster (one note), as citeproc processors take it."""

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None


def load_style(source: bytes, locale: str) -> CitationStylesStyle:
    """Parse a style already checked by xmlsafe; citeproc-py's own schema validation is off
    (it only warns, and costs more than rendering)."""
    from io import BytesIO
    return CitationStylesStyle(BytesIO(source), locale=locale, validate=False)


def _with_extra(csl: CSL) -> CSL:
    """CSL variables that Zotero keeps as `Key: value` lines in note/Extra, read as citeproc-js
    reads them: they fill variables the item lacks, and the rest of the note stays the note."""
    note = csl.get("note")
    if not isinstance(note, str) or ":" not in note:
        return csl
    from converter.mappings.extra import parse_extra
    variables, rest = parse_extra(note)
    if not variables:
        return csl
    merged = dict(csl)
    for key, value in variables.items():
        merged.setdefault(key, value)
    if rest.strip():
        merged["note"] = rest
    else:
        merged.pop("note", None)
    return merged


class Items:
    """Our CSL-JSON items as a citeproc-py source, under keys citeproc-py cannot confuse."""

    def __init__(self, items: Iterable[CSL], report: Report | None = None) -> None:
        self.key_of: dict[str, str] = {}
        prepared = []
        for csl in items:
            item_id = str(csl.get("id", ""))
            if item_id in self.key_of:
                continue
            key = f"i{len(self.key_of) + 1}"
            self.key_of[item_id] = key
            data = {name: value for name, value in _with_extra(csl).items()
                    if value not in (None, "", [])}
            data["id"] = key
            prepared.append(data)
        with _Warnings(report if report is not None else Report()):
            self.source = CiteProcJSON(prepared)


def _citation_item(cite: Cite, key: str) -> CitationItem:
    options: dict[str, Any] = {}
    if cite.locator:
        options["locator"] = Locator(cite.label or "page", cite.locator)
    if cite.prefix:
        options["prefix"] = cite.prefix
    if cite.suffix:
        options["suffix"] = cite.suffix
    return CitationItem(key, **options)


class _Warnings:
    """citeproc-py's warnings.warn calls, collected for the Report instead of printed."""

    def __init__(self, report: Report, key: str | None = None) -> None:
        self.report, self.key = report, key
        self._catch = warnings.catch_warnings(record=True)

    def __enter__(self) -> _Warnings:
        self.caught = self._catch.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc: object) -> None:
        self._catch.__exit__(*exc)
        for warning in self.caught or []:
            self.report.add("render-warning", f"citeproc-py: {warning.message}", key=self.key)


def render_clusters(style: CitationStylesStyle, items: Items, clusters: Sequence[Sequence[Cite]], *,
                    fmt: str, report: Report, numbers: Sequence[str] | None = None) -> list[str]:
    """Render clusters in document order (one per note), so that citeproc-py decides first,
    subsequent and ibid. positions; a cluster citing no known item renders as ""."""
    bibliography = CitationStylesBibliography(style, items.source, FORMATTERS[fmt])
    citations: list[Citation | None] = []
    for index, cluster in enumerate(clusters):
        note = numbers[index] if numbers else str(index + 1)
        cited = []
        for cite in cluster:
            key = items.key_of.get(cite.id)
            if key is None:
                report.add("render-warning", f"citation of unknown item {cite.id!r} left out", key=note)
                continue
            cited.append(_citation_item(cite, key))
        # The bibliography registers an item by its first cite; a bare cite of it, without the
        # locator or affixes of this note, so that sorting sees the item as citeproc-js does.
        for cite in cited:
            bibliography.register(Citation([CitationItem(cite.key)]))
        citation = Citation(cited) if cited else None
        if citation is not None:
            bibliography.register(citation)  # registers nothing new; ties the citation to it
        citations.append(citation)
    if style.has_bibliography():
        # Items in bibliography order, as citeproc-js keeps them: year suffixes ("1924a") and
        # citation numbers follow that order, not the order of first citation.
        with _Warnings(report):
            _sort(bibliography, report)
    out = []
    for index, citation in enumerate(citations):
        note = numbers[index] if numbers else str(index + 1)
        if citation is None:
            out.append("")
            continue
        with _Warnings(report, note):
            try:
                out.append(finish(str(bibliography.cite(citation, lambda item, note=note: report.add(
                    "render-warning", f"item {item.key!r} is not in the source", key=note))), fmt))
            except RENDER_ERRORS as error:
                report.add("render-warning", f"citation left out: citeproc-py cannot render it ({error!r})",
                           key=note)
                out.append("")
    return out


def render_bibliography(style: CitationStylesStyle, items: Items, *, fmt: str,
                        report: Report) -> list[str]:
    """Every item as a bibliography entry, sorted as the style says."""
    if not style.has_bibliography():
        report.add("render-warning", "the style has no bibliography; none was rendered")
        return []
    bibliography = CitationStylesBibliography(style, items.source, FORMATTERS[fmt])
    for key in items.key_of.values():
        bibliography.register(Citation([CitationItem(key)]))
    with _Warnings(report):
        _sort(bibliography, report)
        try:
            entries = bibliography.bibliography()
        except RENDER_ERRORS as error:
            # One entry citeproc-py cannot render must not cost the others: entry by entry.
            report.add("render-warning", f"citeproc-py failed on the bibliography ({error!r}); "
                       "its entries were rendered one by one")
            entries = _entries_one_by_one(style, bibliography, items, report)
    return [finish(str(entry).strip(), fmt) for entry in entries]


# What citeproc-py raises on data or styles it does not handle (its bugs, not ours).
RENDER_ERRORS = (AttributeError, TypeError, KeyError, ValueError, IndexError, VariableError)


def _sort(bibliography: CitationStylesBibliography, report: Report) -> None:
    try:
        bibliography.sort()
    except RENDER_ERRORS as error:
        report.add("render-warning", f"citeproc-py failed to sort the items ({error!r}); they stay in input order")


def _entries_one_by_one(style: CitationStylesStyle, bibliography: CitationStylesBibliography,
                        items: Items, report: Report) -> list[Any]:
    id_of = {key: item_id for item_id, key in items.key_of.items()}
    entries = []
    for item in bibliography.items:
        try:
            entries += style.render_bibliography([item])
        except RENDER_ERRORS as error:
            report.add("render-warning", f"entry left out: citeproc-py cannot render it ({error!r})",
                       key=id_of.get(item.key))
    return entries


def escape_text(text: str, fmt: str) -> str:
    """Text of ours (a note's own words) in the output format."""
    if fmt == "html":
        return escape(text, quote=False)
    return text
