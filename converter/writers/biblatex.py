"""BibLaTeX: the BibTeX writer with biblatex's data model (date, journaltitle, location lists,
editortype, useprefix, langid...)."""
from __future__ import annotations

from converter.mappings import bibtex as rules
from converter.model import Document
from converter.report import Report
from converter.writers.bibtex import write_bib

NAME = "biblatex"


def write(document: Document, *, report: Report, **options: object) -> str:
    return write_bib(document, report=report, dialect=rules.BIBLATEX, ascii_only=bool(options.get("ascii")))
