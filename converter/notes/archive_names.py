"""The names of repositories and collections printed at the start of an archival part: which one a part
names (a known archive or collection, one the note declared, or a name that reads as a repository), and
whether a part names one further on (notes/archival_parts.py classifies the parts).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from converter.data import fold, words
from converter.notes.archival_scan import archival_name
from converter.notes.archive_location import (  # the two indexes: _may_be_known
    Archive,
    _archives,
    _fold_short,
    archive_by_name,
    is_repository,
    known_archive,
    repository_family,
)
from converter.notes.collections import Collection, _forms, collection_by_name, known_collection

# Compiled once here, not looked up in re's cache on every call.
_DIGIT = re.compile(r"\d")


@cache
def _places() -> frozenset[str]:
    return words("document-places.tsv")


def city_word(text: str) -> bool:
    """A town documents are written from or archives kept in ("Kew", "College Park")."""
    return fold(text) in _places()


@lru_cache(maxsize=4096)
def _archive_from_declaration(abbreviation: str, expansion: str) -> Archive | None:
    archive = archive_by_name(abbreviation) or archive_by_name(expansion)
    if archive is not None:
        return archive
    if not is_repository(expansion):
        return None
    pieces = [p.strip() for p in expansion.split(",")]
    city = pieces[-1] if len(pieces) > 1 and fold(pieces[-1]) in _places() else ""
    return Archive(abbreviation, pieces[0], city, repository_family(expansion))


@cache
def _known_heads() -> frozenset[str]:
    """The first two characters (as printed or folded) under which archives.tsv and
    document-collections.tsv index their printed forms."""
    return frozenset(_archives()) | frozenset(_forms())


def _may_be_known(text: str) -> bool:
    """known_archive or known_collection can name something at the start of text only where their
    indexes hold its first two characters: one look in both instead of two calls."""
    head = text[:2]
    return head in _known_heads() or _fold_short(head) in _known_heads()


def _find_archive(text: str, abbreviations: dict[str, str]) -> tuple[Archive | Collection, int] | None:
    """A repository or collection printed at the start of a part, and where its name ends."""
    known = (known_archive(text) or known_collection(text)) if _may_be_known(text) else None
    if known:
        return known
    # longest first; those that do not begin the text could not match (the sort keeps their order)
    begun = bool(abbreviations) and text.startswith(tuple(abbreviations))  # one test for all: most begin none
    starting = (a for a in abbreviations if text.startswith(a)) if begun else ()
    for abbreviation in sorted(starting, key=len, reverse=True):
        if len(abbreviation) == len(text) or not text[len(abbreviation)].isalnum():
            expansion = abbreviations[abbreviation]
            found = _archive_from_declaration(abbreviation, expansion) or collection_by_name(expansion)
            if found is not None:
                return found, len(abbreviation)
    if is_repository(text) and not _DIGIT.search(text):
        return Archive(text, text, "", repository_family(text)), len(text)
    return None


_IN = re.compile(r"(?:in|en|dans|abgedruckt in|printed in|publ\. in)\s*:?\s+", re.IGNORECASE)


def _names_archive_inside(text: str, abbreviations: dict[str, str]) -> bool:
    """A repository or collection named after the first word of a part ("in: ADAP" excepted)."""
    lead = _IN.match(text)
    if lead:
        text = text[lead.end():]
    for match in _CAPITAL_AFTER_SPACE.finditer(text):  # repositories and collections begin in capitals
        rest = text[match.start():]
        if _find_known(rest, abbreviations):
            return True
    return False


_CAPITAL_AFTER_SPACE = re.compile(r"(?<=\s)[A-ZÀ-ÝČŠŽ]")


def _find_known(text: str, abbreviations: dict[str, str]) -> bool:
    if _may_be_known(text) and (known_archive(text) or known_collection(text)):
        return True
    if not (abbreviations and text.startswith(tuple(abbreviations))):
        return False  # most parts begin with none of them: one test for all
    starting = [a for a in abbreviations if text.startswith(a)]
    return any(len(a) > 1 and (len(a) == len(text) or not text[len(a)].isalnum()) and archival_name(abbreviations[a])
               for a in starting)
