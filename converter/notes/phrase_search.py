"""Case-blind searches for one of many phrases (genres, proceedings, fonds words) that look only
where a phrase can begin.

Python's re has no first-character set for a case-blind alternation, so `search` tries every
alternative at every position of the text: 50-70 µs for a 30-character part and a hundred phrases,
asked for every comma-separated part of a title and every imprint. The same search written as a
class of the characters the phrases begin with (in every case re equates with them), then each
phrase matched from that character, lets the engine skip to those characters; at each position it
tries the same alternatives in the same order, so its matches are the plain alternation's.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

# Where re's case-blind matching finds the characters it equates with a phrase's first one: every
# character it equates with a letter of Basic Latin, Latin-1 or Latin Extended-A (below U+0180)
# lies below U+2200 (the Kelvin and Angstrom signs are the farthest). A phrase that begins with
# another cased letter is refused; tests/test_notes_phrase_search.py checks the phrase tables
# against all of Unicode.
CASE_DOMAIN_END = 0x2200
_LATIN_END = "\u0180"


@cache
def _case_domain() -> str:
    return "".join(map(chr, range(CASE_DOMAIN_END)))


@cache
def _cased_domain() -> str:
    """The characters of the domain that have another case: re equates no others with a letter."""
    return "".join(char for char in _case_domain() if char.lower() != char or char.upper() != char)


@cache
def _equated(first: str) -> frozenset[str]:
    """The characters a one-character regular expression matches case-blind."""
    printed = re.findall(first, _case_domain())
    if not printed or any(char >= _LATIN_END and char.lower() != char.upper() for char in printed):
        raise ValueError(f"a phrase begins with {first!r}, a letter beyond Latin Extended-A")
    return frozenset(printed) | frozenset(re.findall(f"(?i:{first})", _cased_domain()))


def starting_characters(firsts: Sequence[str]) -> str:
    """Every character that one of `firsts` (one-character regular expressions) matches case-blind."""
    return "".join(sorted(frozenset().union(*map(_equated, set(firsts)))))


def phrase_pattern(alternatives: Sequence[tuple[str, str]], not_after: str = "", after: str = "") -> re.Pattern[str]:
    """The case-blind `(?<!not_after)(?:first rest|...)after`, written to search fast. Each
    alternative is (its first character as a one-character regular expression, the rest);
    `not_after` is a one-character class that must not precede the phrase."""
    firsts = [first for first, _ in alternatives]
    if not all(firsts):
        raise ValueError("an empty phrase would match everywhere")  # a table's bug, not a note's
    head = "[" + "".join(re.escape(char) for char in starting_characters(firsts)) + "]"
    guard = rf"(?<!{not_after}[\s\S])" if not_after else ""  # the character before the one just read
    return re.compile(f"{head}(?i:{guard}(?:{_body(alternatives)}){after})")


def _body(alternatives: Sequence[tuple[str, str]]) -> str:
    """The alternatives after their first character, each behind a look back at that character.
    Those of one first character are grouped behind one look back, in their order, where no two
    first characters match one character (then only one group can match at a position)."""
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        groups.setdefault(first, []).append(rest)
    matched = [starting_characters([first]) for first in groups]
    if sum(map(len, matched)) != len(set("".join(matched))):  # "a" and "A", "'" and "['’]": keep the order
        return "|".join(f"(?<={first}){rest}" for first, rest in alternatives)
    return "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in groups.items())


def literal_alternatives(phrases: Sequence[str]) -> list[tuple[str, str]]:
    """(first character, rest) of phrases matched as printed (re.escape)."""
    return [(re.escape(phrase[:1]), re.escape(phrase[1:])) for phrase in phrases]
