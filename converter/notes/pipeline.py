"""The notes pipeline: each stage is (Document, Report) -> Document, run in order.

Readers of footnote formats (notes_txt, notes_md, notes_docx) produce notes holding only their
number and text; `parse` turns them into citations and items.
"""
from __future__ import annotations

from collections.abc import Callable

from converter.model import Document
from converter.report import Report

Stage = Callable[[Document, Report], Document]

# The stages, in order (split -> tokens -> label -> normalize -> resolve), filled in by notes/.
PIPELINE: tuple[Stage, ...] = ()


def parse(document: Document, report: Report) -> Document:
    for stage in PIPELINE:
        document = stage(document, report)
    return document
