"""The word tables of the notes parser (converter/data/*.tsv), loaded once, as the parser uses them."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from converter.data import fold, tsv_rows, words
from converter.keys import ascii_fold


@lru_cache(maxsize=1 << 16)
def folded(word: str) -> str:
    """converter.data.fold, remembered: the parser folds the same words again and again."""
    return fold(word)


@cache
def lead_in_words(position: str) -> frozenset[str]:
    """Words that end ("end") or begin ("start") a lead-in phrase."""
    return frozenset(fold(row[0]) for row in tsv_rows("notes-lead-ins.tsv") if row[1] == position)


@cache
def roles(position: str) -> tuple[tuple[str, str], ...]:
    """(phrase, role) for role words after or before names, longest phrase first."""
    rows = [(fold(row[0]), row[1]) for row in tsv_rows("notes-roles.tsv") if row[2] == position]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def locator_terms() -> dict[str, str]:
    return {fold(row[0]): row[1] for row in tsv_rows("locator-terms.tsv")}


@cache
def locator_label_pattern() -> str:
    """A regex alternative of every printed locator label, longest first, dot optional."""
    words = sorted(locator_terms(), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


@cache
def ibid_words() -> dict[str, str]:
    return {fold(row[0]): row[1] for row in tsv_rows("notes-ibid.tsv")}


@cache
def particles() -> frozenset[str]:
    return words("name-particles.tsv")


@cache
def genres() -> tuple[tuple[str, str, str], ...]:
    rows = [(fold(row[0]), row[1], row[2] if len(row) > 2 else "") for row in tsv_rows("notes-genres.tsv")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def proceedings_phrases() -> tuple[str, ...]:
    return tuple(fold(row[0]) for row in tsv_rows("notes-proceedings.tsv"))


@cache
def given_names() -> frozenset[str]:
    return words("given-names.tsv")


@cache
def corporate_words() -> frozenset[str]:
    return words("notes-corporate-words.tsv")


@cache
def place_regions() -> frozenset[str]:
    return frozenset(row[0] for row in tsv_rows("place-regions.tsv"))  # as printed: case matters


@cache
def places() -> frozenset[str]:
    return words("places.tsv")


@cache
def _transliteration() -> tuple[tuple[str, str, bool], ...]:
    out = []
    for row in tsv_rows("transliteration.tsv"):
        source, target = row[0], row[1] if len(row) > 1 else ""
        out.append((source.rstrip("$"), target, source.endswith("$")))
    return tuple(out)


@cache
def name_skeleton(name: str) -> str:
    """One spelling for the transliteration variants of a name: Čičerin, Chicherin, Tchitcherine
    and Tschitscherin all give "chicherin"."""
    words = []
    for word in fold(name).split():
        for source, target, at_end in _transliteration():
            if at_end:
                if word.endswith(source):
                    word = word[: len(word) - len(source)] + target
            else:
                word = word.replace(source, target)
        word = re.sub(r"[^a-z]", "", ascii_fold(word))
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(word for word in words if word)
