"""Where a reference may begin in a note, and where a candidate inside another reference is none.

The splitter (split.py) asks `may_start` at every capitalised word or opening quote; inside an
anonymous reading it asks the other three tests, so that an editor after "ed. by", a place in an
imprint or a word of a title is not taken for the start of a work of its own.
"""
from __future__ import annotations

import re
from functools import cache

from converter.notes.imprint import looks_like_imprint
from converter.notes.segments import strong_lead_in
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import lead_in_words, roles

_CLAUSE_BREAK = re.compile(r"[.;:,(]\s")
_WINDOW = 100  # characters before a candidate that may_start reads first
_CONJUNCTIONS = frozenset(("and", "e", "und", "et", "y", "&", "or", "o", "oder", "ou", "sowie", "nonché"))


def may_start(text: str, pos: int) -> bool:
    """A reference begins at the note's start, after punctuation, or after a lead-in word or a
    conjunction ("see Smith", "is in AVPRF", "and Jones"), never in the middle of a phrase."""
    # Only the last two words and the last 60 characters before pos matter: read from a window
    # (not the note's whole start at every candidate) wherever it holds them whole.
    start = max(0, pos - _WINDOW)
    before = text[start:pos].rstrip()
    if start and len(before) < 60:
        before, start = text[:pos].rstrip(), 0
    if not before or before[-1] in ".,;:([—–-‘“\"«„*":
        return True
    words = before.split()
    if start and len(words) < 3:
        before = text[:pos].rstrip()
        words = before.split()
    folded = fold(words[-1].lstrip("([{‘“\"'«"))
    ends = lead_in_words("end")
    if folded in _CONJUNCTIONS or folded in ends or fold(" ".join(words[-2:])) in ends:  # "zit. nach"
        return True
    # "See on this issue Daniele Comberiati": a lead-in verb a few words back in the clause
    starts = lead_in_words("start")
    clause = _CLAUSE_BREAK.split(before[-60:])[-1]
    return any(fold(word) in starts for word in clause.split()[-6:])


def inside_title(text: str, pos: int) -> bool:
    """"... on the Theory of Computing, 1983": a word after "of" is the title's, not an author,
    unless a strong lead-in ends there ("the works of Gramsci")."""
    before = text[max(0, pos - 30):pos].split()
    if before and len(before[-1]) > 1 and not may_start(text, pos):
        return True  # "The Locarno Conference. A Documentary Record": a word of the title ("Aaron M Kessler")
    if not before or fold(before[-1]) not in lead_in_words("title"):
        return False
    return not any(lead.end() == pos for lead in strong_lead_in().finditer(text, max(0, pos - 30), pos + 1))


def inside_imprint(text: str, start: int, pos: int) -> bool:
    """pos is inside an open parenthesis that holds an imprint ("(Oxford: Oxford University Press, 1966)")."""
    opening = text.rfind("(", start, pos)
    if opening < 0 or text.rfind(")", start, pos) > opening:
        return False
    closing = text.find(")", pos)
    return closing > 0 and looks_like_imprint(text[opening + 1:closing])


@cache
def _role_last_words() -> frozenset[str]:
    return frozenset(phrase.split()[-1] for phrase, _ in roles("before"))


def after_role_phrase(text: str, pos: int) -> bool:
    """A role phrase ("ed. by", "edited by", "hrsg. von", "a cura di") ends right before pos."""
    before = fold(text[max(0, pos - 24):pos])
    words = before.split()
    if not words or words[-1] not in _role_last_words():
        return False
    return any(before.endswith(" " + phrase + " ") or before == phrase + " " for phrase, _ in roles("before"))
