"""The pieces names are read with: a capitalised word, the words no name begins with, the
role words printed after or before names, and the Names a reader returns (notes/names.py,
notes/corporate.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from converter.data import words
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import roles

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# combining marks (U+0300-036F) are letters in names ("P̄ot" has no precomposed form)
WORD = rf"[{UPPER}][\w\u0300-\u036f’'‐-]*[\w\u0300-\u036f]"  # capitalised word: Graziosi, Kocho-Williams, O’Brien
TITLE_WORDS = words("name-title-words.tsv")  # a name never begins with these: a title does


@dataclass
class Names:
    names: list[dict[str, str]]
    role: str  # "author", "editor" or "translator"
    start: int
    end: int  # after the separator that follows the names (", ", ": ", or the role word)


@cache
def role_initials(position: str, longer_than: int = 0) -> frozenset[str]:
    """The first letters of the role phrases of one position (after or before the names)."""
    return frozenset(phrase[0] for phrase, _ in roles(position) if len(phrase) > longer_than)


@cache
def roles_by_head(position: str, size: int) -> dict[str, tuple[tuple[str, str], ...]]:
    """roles(position) by the first `size` characters of the phrase and the space after it, in
    their order: a window that begins with a phrase (and a space) begins with those characters."""
    index: dict[str, list[tuple[str, str]]] = {}
    for phrase, role in roles(position):
        index.setdefault((phrase + " ")[:size], []).append((phrase, role))
    return {head: tuple(rows) for head, rows in index.items()}


def role_after(text: str, at: int) -> tuple[str, int]:
    first = text[at:at + 3].lstrip(" ,")[:1].casefold()
    if not first or first not in role_initials("after"):
        return "author", at
    window = fold(text[at:at + 40])
    stripped = len(window) - len(window.lstrip(" ,"))
    for phrase, role in roles_by_head("after", 1).get(window[stripped:stripped + 1], ()):
        if window[stripped:].startswith(phrase) and (phrase.startswith("(") or stripped):
            return role, at + stripped + len(phrase)
    return "author", at


def role_phrase(text: str, at: int) -> tuple[str | None, int]:
    """A role phrase that precedes the work ("Sous la direction de", "a cura di")."""
    if text[at:at + 1].casefold() not in role_initials("before", 6):
        return None, at
    window = fold(text[at:at + 40])
    for phrase, role in roles_by_head("before", 2).get(window[:2], ()):
        if len(phrase) > 6 and window.startswith(phrase + " "):
            return role, at + len(phrase) + 1
    return None, at
