"""What a pushed document becomes in a Zotero group: items, child notes, tags, one collection.

Keys are derived from identities (8 characters of Zotero's key alphabet from a SHA-256), so the
same input always names the same objects and a create resent after a lost response (written with
`version: 0`) cannot make a second copy. An item's identity is its citation key; without one, its
normalised creators + title + year, which is also how items other members made by hand are
recognised.
"""
from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from converter.data import fold, tsv_rows
from converter.mappings.extra import parse_extra
from converter.mappings.zotero import to_zotero
from converter.model import Document, Item, Note
from converter.report import Report

KEY_ALPHABET = "23456789ABCDEFGHIJKLMNPQRSTUVWXYZ"
ARCHIVAL_TAG = "archival"
NOTE_TAG = "bibconv-footnotes"  # marks the child notes bibconv writes (and may rewrite)
CITATION_KEY_LINE = "citation-key"


def derive_key(identity: str) -> str:
    """An 8-character Zotero object key that depends only on `identity`."""
    number = int.from_bytes(hashlib.sha256(identity.encode("utf-8")).digest()[:8], "big")
    chars = []
    for _ in range(8):
        number, digit = divmod(number, len(KEY_ALPHABET))
        chars.append(KEY_ALPHABET[digit])
    return "".join(chars)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", fold(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text).strip()


def signature(data: dict[str, Any]) -> str | None:
    """Normalised creators + title + year of Zotero item data, or None without a title."""
    title = _norm(str(data.get("title") or ""))
    if not title:
        return None
    names = [_norm(str(c.get("lastName") or c.get("name") or "")) for c in data.get("creators") or []]
    year = re.search(r"\b(\d{4})\b", str(data.get("date") or ""))
    return "|".join((";".join(names), title, year[1] if year else ""))


def citation_key(data: dict[str, Any]) -> str | None:
    """The citation key of Zotero item data: its `citationKey` field or a `Citation Key:` Extra line."""
    if data.get("citationKey"):
        return str(data["citationKey"])
    found, _ = parse_extra(str(data.get("extra") or ""))
    value = found.get(CITATION_KEY_LINE)
    return str(value) if value else None


@cache
def _archive_abbreviations() -> dict[str, str]:
    """Folded archive names and aliases (data/archives.tsv) -> the archive's abbreviation."""
    out: dict[str, str] = {}
    for row in tsv_rows("archives.tsv"):
        abbreviation = row[0]
        for name in [abbreviation, *(row[1].split("|") if len(row) > 1 else []), *(row[2:3])]:
            if name:
                out.setdefault(fold(name), abbreviation)
    return out


def archive_abbreviation(archive: str, declared: dict[str, str]) -> str | None:
    """The archive's abbreviation: the document's own declaration first, then the archives table."""
    folded = fold(archive)
    for abbreviation, expansion in declared.items():
        if fold(expansion).startswith(folded) or fold(abbreviation) == folded:
            return abbreviation
    return _archive_abbreviations().get(folded)


@dataclass
class DesiredItem:
    """One input item as it should be in Zotero, and its child note of footnotes."""

    item: Item
    key: str
    data: dict[str, Any]
    citation_key: str | None
    signature: str | None
    note: dict[str, Any] | None
    cited_in: list[str] = field(default_factory=list)  # footnote numbers


@dataclass
class DesiredDocument:
    collection_key: str
    collection_name: str
    items: list[DesiredItem]


def desired(document: Document, collection_name: str, *, report: Report) -> DesiredDocument:
    """The Zotero objects one document should become (keys derived, nothing sent)."""
    collection_key = derive_key(f"collection:{collection_name}")
    for raw in document.unparsed:
        report.add("unwritten-entry", f"unparsed {raw.format} input ({raw.reason}) was not pushed to Zotero",
                   raw.origin)
    citing = _citing_notes(document)
    out: list[DesiredItem] = []
    seen: dict[str, str] = {}
    for item in document.items:
        data = to_zotero(item.csl, report=report, origin=item.origin)
        data.pop("collections", None)
        data.pop("relations", None)
        data["tags"] = _merge_tags(data.get("tags") or [], _tags(item.csl, document.abbreviations))
        data = {name: value for name, value in data.items() if value not in ("", None)}
        key_of_citation = citation_key(data) or (item.id or None)
        sig = signature(data)
        identity = f"citation-key:{key_of_citation}" if key_of_citation else f"signature:{sig}"
        if identity in seen:
            report.add("duplicate-key", f"item repeats {seen[identity]!r}; only the first is pushed",
                       item.origin, item.id)
            continue
        seen[identity] = item.id
        key = derive_key(f"item:{identity}")
        notes = citing.get(item.id, [])
        note = _note(notes, item.id, collection_name) if notes else None
        out.append(DesiredItem(item, key, data, key_of_citation, sig, note,
                               [n.number for n, _ in notes]))
    return DesiredDocument(collection_key, collection_name, out)


def _tags(csl: dict[str, Any], declared: dict[str, str]) -> list[str]:
    tags = []
    if csl.get("archive") or csl.get("archive_location"):
        tags.append(ARCHIVAL_TAG)
        abbreviation = archive_abbreviation(str(csl.get("archive") or ""), declared) if csl.get("archive") else None
        if abbreviation:
            tags.append(abbreviation)
    return tags


def _merge_tags(existing: list[dict[str, Any]], extra_tags: list[str]) -> list[dict[str, Any]]:
    names = [str(t.get("tag")) for t in existing]
    return list(existing) + [{"tag": tag} for tag in extra_tags if tag not in names]


def _citing_notes(document: Document) -> dict[str, list[tuple[Note, Any]]]:
    """item id -> the footnotes citing it, with the citation, in note order."""
    out: dict[str, list[tuple[Note, Any]]] = {}
    for note in document.notes:
        for citation in note.citations:
            out.setdefault(citation.id, []).append((note, citation))
    return out


def _note(notes: list[tuple[Note, Any]], item_id: str, source: str) -> dict[str, Any]:
    """The child note: one paragraph per citing footnote (number, locator, the note as printed)."""
    parts = [f"<h1>Footnotes citing {html.escape(item_id)} in {html.escape(source)}</h1>"]
    for note, citation in notes:
        where = f"n. {html.escape(note.number)}"
        if citation.locator:
            label = f"{citation.label} " if citation.label else ""
            where += f", {html.escape(label + citation.locator)}"
        parts.append(f"<p><b>{where}</b>: {html.escape(note.text)}</p>")
    return {"itemType": "note", "note": "\n".join(parts), "tags": [{"tag": NOTE_TAG}]}


_FOOTNOTE = re.compile(r"<p><b>n\. (?P<number>[^,<]+)(?:, (?P<where>[^<]*))?</b>: (?P<text>.*?)</p>", re.S)
_LABEL = re.compile(r"^(?P<label>[a-z][a-z-]*) (?P<locator>.+)$")


def read_note(note_html: str) -> list[tuple[str, str | None, str | None, str]]:
    """The footnotes a child note written by `_note` holds: (number, label, locator, text)."""
    out = []
    for found in _FOOTNOTE.finditer(note_html):
        where = html.unescape(found["where"]) if found["where"] else None
        label, locator = None, where
        if where and (labelled := _LABEL.match(where)):
            label, locator = labelled["label"], labelled["locator"]
        out.append((html.unescape(found["number"]), label, locator, html.unescape(found["text"])))
    return out
