"""The language of a parsed item, guessed from the function words of its titles.

CSL styles title-case English titles only (citeproc-js reads the item's `language`), so an
Italian book parsed from a note must say it is Italian, or Chicago prints "L'Urss Di Lenin".
Archival items get their language from the archive or collection; this stage fills the rest.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from converter.data import fold, tsv_rows
from converter.model import Document
from converter.report import Report

_WORD = re.compile(r"[^\W\d_]+'?")
# A guess needs this much evidence, and this lead over the runner-up, or the item keeps no language.
MIN_SCORE = 0.8
MIN_LEAD = 0.5


@cache
def _weights() -> dict[str, tuple[tuple[str, float], ...]]:
    table = {}
    for word, languages in ((row[0], row[1].split(",")) for row in tsv_rows("language-words.tsv")):
        table[fold(word)] = tuple((language.strip(), 1 / len(languages)) for language in languages)
    return table


def guess_language(text: str) -> str | None:
    """The language whose function words the text uses most clearly, or None."""
    weights = _weights()
    scores: dict[str, float] = defaultdict(float)
    for word in _WORD.findall(fold(text)):
        for language, weight in weights.get(word, ()):
            scores[language] += weight
    ranked = sorted(scores.items(), key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MIN_LEAD:
        return None
    return ranked[0][0]


def guess_languages(document: Document, report: Report) -> Document:
    """Set `language` on every item that has none, from its title and container title."""
    for item in document.items:
        if item.csl.get("language"):
            continue
        titles = " ".join(str(item.csl.get(field, "")) for field in ("title", "container-title"))
        language = guess_language(titles)
        if language:
            item.csl["language"] = language
    return document
