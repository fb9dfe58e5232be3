"""Knowledge as data: tables shipped with the package, read once and cached.

TSV tables have one row a line, tab-separated, with `#` comment lines; a column left empty is "".
"""
from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources
from typing import Any


def text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text("utf-8")


@cache
def json_table(name: str) -> Any:
    return json.loads(text(name))


@cache
def tsv_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a TSV table, comments and blank lines left out."""
    rows = []
    for line in text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def fold(word: str) -> str:
    """Lower case, NFC, with typographic apostrophes as ASCII: the key of every word table."""
    if word.isascii():  # most words: NFC leaves them as they are, and there is no apostrophe to replace
        return word.lower()
    word = unicodedata.normalize("NFC", word).casefold()
    return word.replace("’", "'").replace("ʹ", "'").replace("ʼ", "'")


@cache
def words(name: str) -> frozenset[str]:
    """The first column of a word table, folded: the set a reader looks words up in."""
    return frozenset(fold(row[0]) for row in tsv_rows(name))


@cache
def months() -> dict[str, int]:
    """Month names and abbreviations in every language we read, folded, to month numbers."""
    return {fold(row[0]): int(row[1]) for row in tsv_rows("months.tsv")}


def month(word: str) -> int | None:
    """The month a word names ("marzo", "Maja", "Sept.", "dekabrja"), or None."""
    return months().get(fold(word).rstrip("."))
