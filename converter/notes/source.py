"""The record of the text the notes belong to, as publisher pages print it around the notes.

Springer-style pages print "Cite this chapter" followed by one APA-like line, then labelled lines
("DOI:", "Print ISBN:", "Online ISBN:", "Publisher Name:"), an "Abstract" paragraph and
"Correspondence to <Given Family>". Those become one CSL item, `Document.source`.
"""
from __future__ import annotations

import re
from typing import Any

from converter.model import Item, Origin

_CITE_THIS = re.compile(r"^\s*Cite this (chapter|article|paper|book|entry)\s*$", re.IGNORECASE)
_TYPES = {"chapter": "chapter", "article": "article-journal", "paper": "paper-conference",
          "book": "book", "entry": "entry-encyclopedia"}
_LABELLED = re.compile(r"^\s*(?:[•·]\s*)?(DOI|Print ISBN|Online ISBN|eBook ISBN|Publisher Name|Published)"
                       r"\s*:\s*(.*)$")
# Family, I. I., & Family, I. (2020). Title. In: Family, I. (eds) Container. Series. Publisher, Place. URL
_APA = re.compile(r"^(?P<authors>.+?)\s+\((?P<year>\d{4})[a-z]?\)\.\s+(?P<rest>.+)$")
_NAME = re.compile(r"\s*(?:&\s*)?(?P<family>[^,]+),\s*(?P<given>(?:[A-Z][a-z]?\.[\s-]*)+)")
_URL = re.compile(r"\s*(https?://\S+?)\.?\s*$")
_CORRESPONDENCE = re.compile(r"^\s*Correspondence to\s+(.+?)\s*\.?\s*$")


def read_source(lines: list[str], origin: Origin) -> Item | None:
    """The source item, or None when the page prints no "Cite this ..." block."""
    csl: dict[str, Any] = {}
    for index, line in enumerate(lines):
        cite = _CITE_THIS.match(line)
        if cite and not csl:
            following = next((text.strip() for text in lines[index + 1:] if text.strip()), "")
            csl = _citation(following, _TYPES[cite.group(1).lower()])
            csl["_line"] = index + 1
    if not csl:
        return None
    line = csl.pop("_line")
    notes = []
    for index, text in enumerate(lines):
        labelled = _LABELLED.match(text)
        if labelled and labelled.group(2).strip():
            label, value = labelled.group(1), labelled.group(2).strip()
            if label == "DOI":
                csl.setdefault("DOI", re.sub(r"^https?://(dx\.)?doi\.org/", "", value))
            elif label == "Print ISBN":
                csl["ISBN"] = value
            elif label in ("Online ISBN", "eBook ISBN"):
                notes.append(f"{label} {value}")
            elif label == "Publisher Name" and "publisher" not in csl:
                csl["publisher"], _, place = value.partition(", ")
                if place:
                    csl["publisher-place"] = place
        elif text.strip() == "Abstract":
            abstract = next((t.strip() for t in lines[index + 1:] if t.strip()), "")
            if abstract:
                csl["abstract"] = abstract
        correspondence = _CORRESPONDENCE.match(text)
        if correspondence:
            _expand_given(csl.get("author", []), correspondence.group(1))
    if notes:
        csl["note"] = "; ".join(notes)
    return Item(csl, origin.at(line))


def _citation(line: str, kind: str) -> dict[str, Any]:
    csl: dict[str, Any] = {"type": kind}
    url = _URL.search(line)
    if url:
        csl["URL"] = url.group(1)
        doi = re.search(r"doi\.org/(\S+)", url.group(1))
        if doi:
            csl["DOI"] = doi.group(1)
        line = line[:url.start()]
    apa = _APA.match(line)
    if not apa:
        csl["title"] = line.strip()
        return csl
    csl["author"] = _names(apa.group("authors"))
    csl["issued"] = {"date-parts": [[int(apa.group("year"))]]}
    rest = apa.group("rest")
    title, _, after = rest.partition(". In: ")
    if after:
        csl["title"] = title.strip()
        editors, _, container = after.partition(") ")
        csl["editor"] = _names(re.sub(r"\s*\((eds?)\s*$", "", editors))
        parts = [part.strip() for part in re.split(r"\.\s+", container.strip().rstrip(".")) if part.strip()]
        if parts:
            csl["container-title"] = parts[0]
        if len(parts) >= 3:
            csl["collection-title"] = ". ".join(parts[1:-1])
        if len(parts) >= 2:
            publisher, _, place = parts[-1].rpartition(", ")
            csl["publisher"], csl["publisher-place"] = (publisher, place) if publisher else (place, "")
    else:
        parts = [part.strip() for part in re.split(r"\.\s+", rest.strip().rstrip(".")) if part.strip()]
        csl["title"] = parts[0] if parts else rest.strip()
        if len(parts) > 1:
            csl["container-title"] = parts[1]
    return {key: value for key, value in csl.items() if value}


def _names(text: str) -> list[dict[str, str]]:
    names = []
    for match in _NAME.finditer(text):
        names.append({"family": match.group("family").strip(" &"), "given": match.group("given").strip()})
    return names


def _expand_given(names: list[dict[str, str]], full: str) -> None:
    """Replace initials with the given name printed elsewhere on the page ("Correspondence to")."""
    words = full.split()
    if len(words) < 2:
        return
    given, family = " ".join(words[:-1]), words[-1]
    for name in names:
        if name.get("family") == family and given.startswith(name.get("given", "?")[:1]):
            name["given"] = given
