"""Declarations of abbreviations in notes: "(hereafter AVPRF)", "(from now T.)", "(d’ora in poi DDI)".

A declaration is a parenthetical (or bracketed) phrase from `data/declaration-phrases.tsv`,
optionally followed by a link word ("cited as", "zitiert als"), then the abbreviation. What it
abbreviates is the text printed just before it, read back from the parenthesis as far as the
abbreviation's letters reach: "Tom (from now T.)" declares T. = "Tom", "opis’ 20 (hereafter op.)"
declares op. = "opis’" (a number is the value, not the name, unless the abbreviation has one:
"Fond 4—Čičerina (hereafter F 4)"), and "Archiv …, Moskva (hereafter AVPRF)" reaches back over
commas to the first word whose letters begin the abbreviation. A short title ("(thereafter
Gilbert, Prophet)") abbreviates the whole reference before it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from converter.data import fold, tsv_rows
from converter.notes.memo import for_one_note


@dataclass(frozen=True)
class Declaration:
    abbreviation: str
    expansion: str
    start: int  # offsets of the whole parenthetical, brackets included
    end: int
    expansion_start: int = -1  # where the expansion is printed (-1: unknown)
    expansion_end: int = -1


_QUOTE_PAIRS = {"“": "”", "‘": "’", "\"": "\"", "'": "'", "«": "»", "„": "“", "*": "*", "_": "_"}
# Word-like openers: where an expansion may begin.
_WORD_START = re.compile(r"(?:(?<=^)|(?<=[\s“‘\"'(«—–-]))[^\W\d_]", re.UNICODE)


def _unquote(value: str) -> str:
    """Without the quotes or emphasis marks around it: “AVPRF” -> AVPRF (an apostrophe stays)."""
    value = value.strip()
    while len(value) > 1 and _QUOTE_PAIRS.get(value[0]) == value[-1]:
        value = value[1:-1].strip()
    return value


def _phrase_pattern(words: list[str]) -> str:
    def one(word: str) -> str:
        parts = [re.escape(part) for part in word.split()]
        return r"\s+".join(p.replace("'", "['’]") for p in parts)
    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    phrases = _phrase_pattern([row[0] for row in tsv_rows("declaration-phrases.tsv")])
    links = _phrase_pattern([row[0] for row in tsv_rows("declaration-links.tsv")])
    before = (rf"[(\[]\s*(?:{phrases})(?=[\s:,])(?:\s+(?:{links})(?=[\s:]))?\s*[:,]?\s*"
              r"(?P<abbr>[^()\[\];]{1,60}?)\s*[)\]]")
    after = rf"[(\[]\s*(?P<abbr2>[^()\[\];\s][^()\[\];]{{0,39}}?)\s+(?:{phrases})\s*[)\]]"
    return re.compile(rf"{before}|{after}", re.IGNORECASE)


def _base(char: str) -> str:
    """A letter without its diacritics, lower case: Č -> c."""
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0].casefold() if decomposed else char


def _letters(text: str) -> str:
    return "".join(_base(c) for c in text if c.isalnum())


def covers(abbreviation: str, candidate: str) -> bool:
    """The abbreviation's letters appear in order in the candidate, the first one first."""
    wanted, have = _letters(abbreviation), _letters(candidate)
    if not wanted or not have or wanted[0] != have[0]:
        return False
    position = 0
    for letter in wanted:
        position = have.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _is_short_title(abbreviation: str) -> bool:
    """"Gilbert, Prophet" or "Storia" abbreviate a work, not a name: a comma, or a word of four
    letters or more written in lower case after its first letter (unlike AVPRF, BArch, Dok.)."""
    if "," in abbreviation:
        return True
    return any(len(word) >= 4 and word[1:].islower() and word.isalpha()
               for word in re.findall(r"[^\W\d_]+", abbreviation))


_TRAILING_NUMBER = re.compile(r"[\s,]*\d[\d\s–\-/.]*$")
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ]{4}[.!?])\s+(?=[A-ZÀ-Ý“‘\"])")


def _window_start(text: str, before: int, floor: int) -> int:
    """The earliest place an expansion ending at `before` may begin."""
    start = floor
    semicolon = text.rfind(";", floor, before)
    if semicolon >= 0:
        start = semicolon + 1
    for match in _SENTENCE_END.finditer(text, start, before):
        start = match.end()
    depth = 0  # an unclosed "(" before us: the declaration sits inside it
    for index in range(before - 1, start - 1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            if depth == 0:
                return index + 1
            depth -= 1
    return start


def _expansion(text: str, abbreviation: str, paren: int, floor: int) -> tuple[int, int]:
    window = _window_start(text, paren, floor)
    end = paren
    while end > window and text[end - 1] in " \t,":
        end -= 1
    if not re.search(r"\d", abbreviation):
        trailing = _TRAILING_NUMBER.search(text, window, end)
        if trailing and trailing.start() > window:
            end = trailing.start()
    begin = window
    while begin < end and (text[begin].isspace() or text[begin] in ",:"):
        begin += 1
    if _is_short_title(abbreviation):
        return begin, end
    for match in reversed(list(_WORD_START.finditer(text, begin, end))):
        if covers(abbreviation, text[match.start():end]):
            return match.start(), end
    return begin, end


@for_one_note
def _find(text: str) -> tuple[Declaration, ...]:
    found: list[Declaration] = []
    floor = 0
    for match in _pattern().finditer(text):
        abbreviation = _unquote(match["abbr"] or match["abbr2"] or "")
        if not abbreviation:
            continue
        begin, end = _expansion(text, abbreviation, match.start(), floor)
        expansion = _unquote(text[begin:end])
        floor = match.end()
        if not expansion or fold(expansion) == fold(abbreviation):
            continue
        found.append(Declaration(abbreviation, expansion, match.start(), match.end(), begin, end))
    return tuple(found)


@cache
def _phrase_words() -> tuple[str, ...]:
    """The first word of every phrase, folded: a text holding none of them declares nothing."""
    return tuple({fold(row[0]).split()[0] for row in tsv_rows("declaration-phrases.tsv")})


def find_declarations(text: str) -> list[Declaration]:
    """Every declaration in a note, in reading order."""
    return list(_declarations(text))


# The archival recogniser asks about the same note at every position a reference may begin;
# the answer depends on the text alone (declarations are frozen), so it is remembered for the note.
@for_one_note
def _declarations(text: str) -> tuple[Declaration, ...]:
    if "(" not in text and "[" not in text:
        return ()
    lowered = fold(text)
    if not any(word in lowered for word in _phrase_words()):
        return ()
    return tuple(_find(text))


@for_one_note
def mask_declarations(text: str) -> str:
    """The text with each declaration's parenthetical blanked out; offsets are unchanged."""
    declarations = _declarations(text)
    if not declarations:
        return text
    chars = list(text)
    for declaration in declarations:
        chars[declaration.start:declaration.end] = " " * (declaration.end - declaration.start)
    return "".join(chars)


def abbreviations(text: str) -> dict[str, str]:
    """The declarations of a note as abbreviation -> expansion (the notes document's shape)."""
    return {d.abbreviation: d.expansion for d in find_declarations(text)}
