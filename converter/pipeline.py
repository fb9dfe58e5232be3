"""Read inputs into one Document and write it out: the conversion itself, without any I/O."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import product
from string import ascii_lowercase

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


def merge(document: Document, other: Document, report: Report) -> None:
    """Add another input's document to this one. An item id that an earlier input already uses
    is renamed with a letter suffix (in its notes' citations too) and reported, so two inputs'
    entries never collapse into one id of the output."""
    taken = {item.id for item in document.items}
    renamed: dict[str, str] = {}
    for item in other.items:
        if item.id and item.id in taken:
            new = next(f"{item.id}{suffix}" for suffix in _suffixes() if f"{item.id}{suffix}" not in taken)
            report.add("duplicate-key", f"key {item.id!r} is used by an earlier input; this one is "
                       f"renamed {new!r}", item.origin, item.id)
            renamed[item.id] = new
            item.csl["id"] = new
        taken.add(item.id)
    for note in other.notes:
        for citation in note.citations:
            citation.id = renamed.get(citation.id, citation.id)
    document.extend(other)


def _suffixes() -> Iterator[str]:
    for length in range(1, 4):
        for letters in product(ascii_lowercase, repeat=length):
            yield "".join(letters)
