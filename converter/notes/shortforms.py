"""Short forms the secondary parser does not read: an author and a year ("Smith 1990, 4", "Müller
(1987), S. 12", author-date in notes) and a title alone that an earlier note cited ("The Chicago
Manual of Style, 15."; an unquoted title with no author is prose unless it is a known title).

The splitter asks these after the secondary parser, with what earlier notes cited (`KnownWorks`:
their authors' name skeletons, as the secondary parser is given them, and their titles' words).
resolve.py resolves the short forms they return by people and year, or by title alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from converter.notes.locators import parse_locator
from converter.notes.names import parse_names
from converter.notes.reference import Reference
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import name_skeleton

# "Smith 1990", "Smith and Jones (1990a)", then ", 4" / ": 4" / the end
_AUTHOR_YEAR = re.compile(r"(?P<names>[^\W\d][^\d,;:()\[\]]{0,80}?)\s+\(?(?P<year>(?:1[5-9]|20)\d\d)[a-z]?\)?"
                          r"(?=\s*(?:[,:]\s*\S|[.;]|$))")
_AFTER_YEAR = re.compile(r"\s*[,:]\s*")
_WORD = re.compile(r"[^\W_]+")
# What may stand between two words of a known title printed again: its own commas and dashes
# ("German-Soviet Relations between the Two World Wars, 1919–1939, 45").
_TITLE_OWN = re.compile(r"[\s,’'\-–:&.]*")
TITLE_WORDS = 3  # words of a known title a title-only short form must print (or all, if fewer)
MOST_WORDS = 40


class KnownWorks(set[str]):
    """The name skeletons of the authors and editors cited so far (the set itself, as the
    secondary parser takes it), and the titles cited, by their first word."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: dict[str, set[tuple[str, ...]]] = {}
        # The citation the splitter took last cites an archival item (an ibid. keeps the answer):
        # only then can "Ibid., d. 4, l. 5" be another file of that archive path.
        self.last_archival = False

    def learn(self, reference: Reference) -> None:
        csl = reference.csl
        for variable in ("author", "editor"):
            for name in csl.get(variable, []):  # "Van der Berg" later for "Pieter van der Berg"
                self.add(name_skeleton(name.get("family", "")))
                if name.get("non-dropping-particle"):
                    self.add(name_skeleton(f"{name['non-dropping-particle']} {name.get('family', '')}"))
        words = _words(csl.get("title", ""))
        if len(words) >= 2 and not reference.short_form and not (csl.get("archive") or csl.get("archive_location")):
            self.titles.setdefault(words[0], set()).add(words)


@lru_cache(maxsize=1 << 12)  # a work's title is learned again at each repeated full form
def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in _WORD.findall(text))


def author_year(text: str, pos: int, limit: int, known: Iterable[str]) -> Reference | None:
    """"Smith 1990, 4": an author cited before, a year, a locator or nothing."""
    match = _AUTHOR_YEAR.match(text, pos, limit)
    if not match:
        return None
    names = parse_names(text, pos, match.end("names"))
    if names is None or names.end < match.end("names"):
        return None
    families = [name_skeleton(name.get("family") or name.get("literal", "")) for name in names.names]
    if not all(family in known for family in families):
        return None
    variable = "editor" if names.role == "editor" else "author"
    reference = Reference(csl={variable: names.names, "issued": {"date-parts": [[int(match.group("year"))]]}},
                          start=pos, end=match.end(), short_form=True, confidence=0.85,
                          spans=[("author", pos, match.end("names")), ("issued", match.start("year"), match.end())])
    _locator_after(text, match.end(), limit, reference)
    return reference


def known_title(text: str, pos: int, limit: int, titles: dict[str, set[tuple[str, ...]]]) -> Reference | None:
    """A title alone that begins like a title cited before, followed by a locator or the end:
    "The Definitive Computer Manual, p. 174." (its first TITLE_WORDS words, or all of a shorter one)."""
    first = _WORD.match(text, pos, limit)
    if not first or fold(first.group(0)) not in titles:
        return None
    printed: list[tuple[str, int, bool]] = []  # (word, its end, a full stop follows it)
    at = pos
    alive = titles[fold(first.group(0))]  # the known titles the words printed so far begin
    for word in _WORD.finditer(text, pos, limit):
        between = text[at:word.start()]
        if len(printed) >= MOST_WORDS:
            break
        folded = fold(word.group(0))
        going_on = {title for title in alive if len(title) > len(printed) and title[len(printed)] == folded}
        if (between.strip(" ’'-:&.") or ". ." in between or word.group(0).isdigit()) and not (
                going_on and _TITLE_OWN.fullmatch(between)):
            break  # the words run on to a comma, a bracket or a number that no known title holds there
        alive = going_on
        if not alive:
            break  # no known title goes on like this: the match, if any, ends here
        if printed and "." in between:
            printed[-1] = (printed[-1][0], printed[-1][1], True)
        printed.append((folded, word.end(), False))
        at = word.end()
    if not printed:
        return None
    words = tuple(word for word, _, _ in printed)
    # the words printed are a known title or its beginning, up to a stop ("Proc. Fifteenth Annual
    # Symposium ..."; "The Definitive Computer Manual. It says ..."), not a longer title
    size = 0
    for title in titles[words[0]]:
        pairs = enumerate(zip(words, title, strict=False))
        common = next((at for at, (mine, theirs) in pairs if mine != theirs), min(len(words), len(title)))
        stops = common == len(words) or printed[common - 1][2]
        if common >= min(TITLE_WORDS, len(title)) and stops:
            size = max(size, common)
    if not size:
        return None
    end = printed[size - 1][1]
    rest = text[end:limit]
    after = end + len(rest) - len(rest.lstrip(" ,"))
    volume = _VOLUME_THEN_PAGE.match(text, after, limit)  # "Letters of Webb, III, 125": the volume, then the page
    locator = parse_locator(text, volume.end() if volume else after) if rest.strip(" .") else None
    if rest.strip(" .") and not (locator and not text[locator.end:limit].strip(" .")):
        return None
    reference = Reference(csl={"title": text[pos:end]}, start=pos, end=end, short_form=True, confidence=0.7,
                          spans=[("title", pos, end)])
    if locator:
        reference.locator, reference.label, reference.end = locator.value, locator.label, locator.end
        reference.spans.append(("locator", locator.start, locator.end))
    return reference


_VOLUME_THEN_PAGE = re.compile(r"(?:(?:vol|Bd|t|tome|Teil)\.?\s*)?(?:[IVXLC]{1,6}|[ivxlc]{1,6}|\d{1,2}(?=\s*[,:]\s*"
                               r"(?:pp?|S)\.))\s*[,:]\s*(?=(?:pp?\.|S\.)?\s*\d)")


def _locator_after(text: str, at: int, limit: int, reference: Reference) -> None:
    separator = _AFTER_YEAR.match(text, at, limit)
    locator = parse_locator(text, separator.end()) if separator else None
    if locator and locator.end <= limit:
        reference.locator, reference.label, reference.end = locator.value, locator.label, locator.end
        reference.spans.append(("locator", locator.start, locator.end))


def learned(known: Any) -> dict[str, set[tuple[str, ...]]]:
    """The titles of a KnownWorks, or none for a plain set of names."""
    return getattr(known, "titles", {})


def follow(known: Any, reference: Reference) -> None:
    """Tell a KnownWorks which citation the splitter took last (a plain set of names: nothing)."""
    if isinstance(known, KnownWorks) and not reference.ibid:
        known.last_archival = bool(reference.csl.get("archive") or reference.csl.get("archive_location"))


def after_archival(known: Any) -> bool:
    """The last citation taken was archival (for a plain set of names, which keeps no order: yes)."""
    return getattr(known, "last_archival", True)
