"""The one table of formats. --from/--to names, extensions and content sniffing derive from it.

Each reader module declares NAME, EXTENSIONS, optionally `sniff` (a predicate on the first
kilobytes of text) and `read(text, *, origin, report) -> Document`. Each writer module declares NAME
and `write(document, *, report, **options) -> str`. To add a format: write its modules and add one
row here.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType


@dataclass(frozen=True)
class Format:
    name: str
    reader: str | None  # module under converter.readers
    writer: str | None  # module under converter.writers
    binary: bool = False  # the reader takes bytes, not text (.docx)


FORMATS: tuple[Format, ...] = (
    Format("csljson", "csljson", "csljson"),
    Format("notes-json", "notesjson", "notesjson"),
    Format("bibtex", "bibtex", "bibtex"),
    Format("biblatex", "biblatex", "biblatex"),
    Format("ris", "ris", "ris"),
    Format("zotero-json", "zotero", "zotero"),
    Format("notes", "notes_txt", None),
    Format("notes-md", "notes_md", None),
    Format("notes-docx", "notes_docx", None, binary=True),
)

# Names people type that mean one of the above.
ALIASES: dict[str, str] = {
    "csl-json": "csljson",
    "json": "csljson",
    "bib": "bibtex",
    "zotero": "zotero-json",
    "txt": "notes",
    "markdown": "notes-md",
    "md": "notes-md",
    "docx": "notes-docx",
}


class UnknownFormatError(ValueError):
    pass


def canonical(name: str) -> str:
    name = ALIASES.get(name.lower(), name.lower())
    if name not in {f.name for f in FORMATS}:
        raise UnknownFormatError(f"unknown format {name!r}; expected one of {', '.join(names())}")
    return name


def names(*, readable: bool = False, writable: bool = False) -> list[str]:
    return [f.name for f in FORMATS
            if (not readable or f.reader) and (not writable or f.writer)]


def get(name: str) -> Format:
    name = canonical(name)
    return next(f for f in FORMATS if f.name == name)


def reader(name: str) -> ModuleType:
    fmt = get(name)
    if fmt.reader is None:
        raise UnknownFormatError(f"format {fmt.name!r} cannot be read")
    return importlib.import_module(f"converter.readers.{fmt.reader}")


def writer(name: str) -> ModuleType:
    fmt = get(name)
    if fmt.writer is None:
        raise UnknownFormatError(f"format {fmt.name!r} cannot be written; "
                            f"expected one of {', '.join(names(writable=True))}")
    return importlib.import_module(f"converter.writers.{fmt.writer}")


def _available_readers() -> list[tuple[Format, ModuleType]]:
    out = []
    for fmt in FORMATS:
        if fmt.reader is None:
            continue
        try:
            out.append((fmt, importlib.import_module(f"converter.readers.{fmt.reader}")))
        except ModuleNotFoundError as error:
            if error.name != f"converter.readers.{fmt.reader}":
                raise
    return out


def detect(path: str | None, head: str) -> str | None:
    """The format of an input: by content when a reader can tell (`sniff`), else by extension.

    Content first, as citation-js's parseType does: a `.txt` file that starts `TY  - ` is RIS.
    """
    candidates = _available_readers()
    for fmt, module in candidates:
        sniff = getattr(module, "sniff", None)
        if sniff is not None and sniff(head):
            return fmt.name
    if path:
        suffix = "".join(PurePath(path).suffixes[-2:]).lower()
        for fmt, module in candidates:
            for extension in getattr(module, "EXTENSIONS", ()):
                if suffix.endswith(extension):
                    return fmt.name
    return None
