"""The one model every reader produces and every writer consumes.

Items are CSL-JSON objects (plain dicts, CSL 1.0.2 variables), each wrapped with the place it was
read from. A Document holds items, and for footnote input also the notes that cite them: the shape
of the `notes-json` format, which is exactly that of the seed gold file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CSL = dict[str, Any]


@dataclass(frozen=True)
class Origin:
    """Where something was read: file name (or "-" for stdin), 1-based line and column."""

    file: str = "-"
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def at(self, line: int | None, column: int | None = None) -> Origin:
        """The same file at another position (lines counted from this origin's first line)."""
        base = (self.line or 1) - 1
        return Origin(self.file, None if line is None else base + line, column)


@dataclass
class Item:
    """One CSL-JSON item and where it came from."""

    csl: CSL
    origin: Origin | None = None

    @property
    def id(self) -> str:
        return str(self.csl.get("id", ""))


@dataclass
class Unparsed:
    """Raw input that no reader could turn into an item or note; kept so nothing is dropped.

    The writer of the same format writes it back under a comment; every other writer reports it.
    """

    raw: str
    origin: Origin
    format: str
    reason: str


@dataclass
class Citation:
    """One reference inside a note: the item it resolves to, plus what the note adds to it."""

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    confidence: float | None = None
    # Character spans of recognised fields in the note text: (field, start, end).
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    # For short forms, ibid. and repeated full forms: the number of the note first citing the item.
    first_note: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "locator": self.locator,
            "label": self.label,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }
        if self.confidence is not None:
            data["confidence"] = self.confidence
        if self.first_note is not None:
            data["first_note"] = self.first_note
        if self.spans:
            data["spans"] = [list(span) for span in self.spans]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Citation:
        return cls(
            id=str(data["id"]),
            locator=_opt_str(data.get("locator")),
            label=data.get("label"),
            prefix=data.get("prefix"),
            suffix=data.get("suffix"),
            confidence=data.get("confidence"),
            spans=[tuple(span) for span in data.get("spans", [])],  # type: ignore[misc]
            first_note=data.get("first_note"),
        )


NOTE_KINDS = ("citation", "explanatory", "mixed")


@dataclass
class Note:
    """A footnote or endnote: its number, full text as printed, kind and citations."""

    number: str
    text: str
    kind: str = "explanatory"
    citations: list[Citation] = field(default_factory=list)
    origin: Origin | None = None
    # Character spans of the printed text set in italics (from .docx or Markdown *...*): titles.
    italics: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": _number_json(self.number),
            "text": self.text,
            "kind": self.kind,
            "citations": [citation.to_json() for citation in self.citations],
        }


@dataclass
class Document:
    """What a reader returns: items, and for footnote input the notes that cite them."""

    items: list[Item] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    source: Item | None = None
    abbreviations: dict[str, str] = field(default_factory=dict)
    unparsed: list[Unparsed] = field(default_factory=list)

    def item_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def csl_items(self) -> list[CSL]:
        return [item.csl for item in self.items]

    def extend(self, other: Document) -> None:
        """Merge another document into this one (several inputs become one output)."""
        self.items.extend(other.items)
        self.notes.extend(other.notes)
        self.unparsed.extend(other.unparsed)
        self.abbreviations.update(other.abbreviations)
        if self.source is None:
            self.source = other.source


def _number_json(number: str) -> int | str:
    return int(number) if number.isdigit() else number


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
