"""BibLaTeX: the BibTeX reader with biblatex's data model (date, journaltitle, location, lists,
editortype, useprefix...). Both dialects read every field; the dialect decides what is ambiguous
(`von` is a dropping particle unless useprefix; publisher/location are `and`-lists)."""
from __future__ import annotations

from converter.collector import paused_gc
from converter.model import Document, Origin
from converter.readers import bibtex
from converter.readers.bibentry import to_document
from converter.report import Report

NAME = "biblatex"
EXTENSIONS = (".bib", ".biblatex")


def sniff(head: str) -> bool:
    return bibtex.sniff_biblatex(head)


def read(text: str, *, origin: Origin, report: Report) -> Document:
    with paused_gc():
        return to_document(bibtex.split(text, origin=origin, report=report, fmt=NAME), NAME, origin, report)
