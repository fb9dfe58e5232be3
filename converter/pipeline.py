"""Read inputs into one Document and write it out: the conversion itself, without any I/O."""
from __future__ import annotations

from converter import formats
from converter.model import Document, Origin
from converter.report import Report

# One input larger than this is refused with a message, not read into memory (see bench/README).
MAX_INPUT_BYTES = 512 * 1024 * 1024


def read_text(text: str | bytes, fmt: str, *, origin: Origin, report: Report) -> Document:
    """Parse one input of a known format (bytes only for binary formats such as .docx)."""
    module = formats.reader(fmt)
    return module.read(text, origin=origin, report=report)


def write_text(document: Document, fmt: str, *, report: Report, **options: object) -> str:
    return formats.writer(fmt).write(document, report=report, **options)
