"""Cross references from a short form to the note of its full citation: "Krüger, Außenpolitik
(wie Anm. 5), S. 330", "Andrew, Secret service (n. 10 above), p. 340", "Smith, supra note 4, at 12".

The splitter blanks them out of the text the reference parsers read (offsets kept), so that they
read an ordinary short form, and resolve.py resolves that short form among the items of the note
named. The words are data/notes-cross-refs.tsv.
"""
from __future__ import annotations

import re
from functools import cache

from converter.data import tsv_rows
from converter.notes.vocabulary import folded as fold

_DIGIT = re.compile(r"\d")


@cache
def _alternatives() -> tuple[str, str, str]:
    """The lead, note and trail words of data/notes-cross-refs.tsv, each as a regex alternation."""
    parts: dict[str, list[str]] = {"lead": [], "note": [], "trail": []}
    for word, part in tsv_rows("notes-cross-refs.tsv"):
        parts[part].append(re.escape(fold(word)).replace(r"\ ", r"\s+"))
    lead, note, trail = ("|".join(sorted(words, key=len, reverse=True)) for words in parts.values())
    return lead, note, trail


@cache
def _cross_ref_pattern(unbracketed: bool) -> re.Pattern[str]:
    """"(wie Anm. 5)", "(n. 10 above)", ", supra note 4": the words of data/notes-cross-refs.tsv."""
    lead, note, trail = _alternatives()
    number = rf"(?:{note})\s*(\d+)"
    if not unbracketed:  # a pattern that begins with "(" is looked for quickly
        return re.compile(rf"\(\s*(?:(?:{lead})\s*)*{number}(?:\s*(?:{trail}))?\s*\)", re.IGNORECASE)
    return re.compile(rf"\(\s*(?:(?:{lead})\s*)*{number}(?:\s*(?:{trail}))?\s*\)"
                      rf"|(?<=,\s)(?:(?:{lead})\s*)+{number}(?:\s+(?:{trail}))?(?=[\s,.;]|$)"
                      rf"|(?<=,\s){number}\s+(?:{trail})(?=[\s,.;]|$)", re.IGNORECASE)


@cache
def _unbracketed_words() -> tuple[str, ...]:
    """Words one of which a cross reference without brackets holds ("supra note 4", "n. 10 above")."""
    # short words ("s.", "v.", "wie") are in every note; one of the long ones always comes with them
    return tuple({word.rstrip(".,") for word, part in tsv_rows("notes-cross-refs.tsv")
                  if part != "note" and len(word.rstrip(".,")) >= 4})


@cache
def _pointer_pattern() -> re.Pattern[str]:
    """"Wie Anm. 6, S. 18", "See n. 6 above, p. 18", "Siehe oben Anm. 2, S. 9 f.": a cross reference
    standing alone for a reference, then the comma before the page cited."""
    lead, note, trail = _alternatives()
    return re.compile(rf"(?:(?:{lead})\s*)*(?:{note})\s*(?P<note>\d+)(?:\s+(?:{trail}))?\s*,\s*", re.IGNORECASE)


def pointer_at(text: str, pos: int) -> tuple[str, int] | None:
    """A cross reference that stands alone at pos for the work cited in another note, followed by
    the page cited ("Wie Anm. 6, S. 18"): (that note's number, where the page begins), or None.
    ("Siehe oben Anm. 15." with no page says only where to look: it is no citation.)"""
    match = _pointer_pattern().match(text, pos)
    return (match.group("note"), match.end()) if match else None


def mask_cross_refs(text: str) -> tuple[str, dict[int, str]]:
    """The text with its cross references blanked out (offsets kept), and where each began ->
    the note it names: the reference parsers then read "Krüger, Außenpolitik, S. 330"."""
    if not _DIGIT.search(text):
        return text, {}
    if any(word in text for word in _unbracketed_words()):
        matches = list(_cross_ref_pattern(True).finditer(text))
    else:  # bracketed ones only: tried at each "(", not at every character
        bracketed = _cross_ref_pattern(False)
        matches, at = [], text.find("(")
        while at >= 0:
            match = bracketed.match(text, at)
            if match:
                matches.append(match)
            at = text.find("(", at + 1)
    found = {match.start(): next(group for group in match.groups() if group) for match in matches}
    for match in matches:
        # ", supra note 4, at 12": the comma before an unbracketed one goes too
        start = match.start() - 2 if text[match.start() - 2:match.start()] == ", " else match.start()
        text = text[:start] + " " * (match.end() - start) + text[match.end():]
    return text, found
