"""How two printed forms of one work are compared: a person's key (the family's skeleton without
its particles, folded through the transliteration table), a title's words, and how well a short
title matches a title (its beginning, a run of its words, or most of its content words)."""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from converter.data import words
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import name_skeleton, particles

NAME_VARIABLES = ("author", "editor")
# How much of a short title must be found in a title: a run of its words ranks above its words
# in any order, and half of its content words is the least that counts.
RUN_SCORE, BAG_SCORE, LEAST_SCORE = 0.9, 0.8, 0.5


def person_key(name: dict[str, str]) -> str:
    """One key for a person in every note: the family's skeleton without its particles, so that
    "von Brandt", "Brandt" and "Van der Berg"/"van der Berg" (particle apart or not) agree."""
    family = name.get("family") or name.get("literal") or ""
    parts = family.split()
    while len(parts) > 1 and fold(parts[0]) in particles():
        parts = parts[1:]
    return name_skeleton(" ".join(parts))


def families(csl: dict[str, Any]) -> tuple[str, ...]:
    for variable in NAME_VARIABLES:
        names = csl.get(variable)
        if names:
            return tuple(sorted(person_key(name) for name in names))
    return ()


@lru_cache(maxsize=1 << 14)
def title_words(title: str | None) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+", fold(title or "")))


@cache
def _function_words() -> frozenset[str]:
    return words("language-words.tsv")


def content_words(words_: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a title that tell it apart: not function words, not one letter."""
    return tuple(word for word in words_ if len(word) > 1 and word not in _function_words())


@lru_cache(maxsize=1 << 14)  # pure, and asked about the same pairs for each repeated short form
def title_score(words_: tuple[str, ...], have: tuple[str, ...]) -> float:
    """1 for the title's beginning ("La rivoluzione globale"), RUN_SCORE for a run of its words
    ("Vom Nutzen und Nachtheil der Historie" inside "Unzeitgemässe Betrachtungen ... Vom Nutzen
    ..."), up to BAG_SCORE for its content words in any order ("To Ross" for "EBW to Harold Ross")."""
    if not have:
        return 0.0
    if have[:len(words_)] == words_ or _loose_prefix(words_, have):
        return 1.0
    size = len(words_)
    if size > 1 and any(have[at:at + size] == words_ for at in range(1, len(have) - size + 1)):
        return RUN_SCORE
    content = content_words(words_)
    if not content:
        return 0.0
    present = set(have)
    return BAG_SCORE * sum(word in present for word in content) / len(content)


def _loose_prefix(words_: tuple[str, ...], have: tuple[str, ...]) -> bool:
    """A short title that drops articles or words ("Russia rivoluzionaria"; "Letters" for "The
    Letters of George Meredith"): its words appear in the title, in order, near its start."""
    at = 0
    for word in words_:
        try:
            at = have.index(word, at, len(words_) + 4 + at) + 1
        except ValueError:
            return False
    return True
