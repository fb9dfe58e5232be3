"""Writers: a Document in, text of one format out. A writer never imports a reader."""
from __future__ import annotations

from converter.model import Document
from converter.report import Report


def report_unparsed(document: Document, report: Report, target: str) -> None:
    """Raw input of another format cannot be written here: list it in the report, not drop it."""
    for unparsed in document.unparsed:
        if unparsed.format != target:
            first = unparsed.raw.strip().splitlines()[0][:80] if unparsed.raw.strip() else ""
            report.add("unwritten-entry",
                       f"unparsed {unparsed.format} input ({unparsed.reason}) cannot be written "
                       f"as {target}: {first!r}", unparsed.origin)
