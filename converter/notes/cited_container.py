"""A chapter whose book was cited before: "in Gorodetsky, Soviet Foreign Policy, 1917–1991, 73"
(Chicago's short form of an edited volume already cited in full) or the book's title printed again
in full. The chapter's container becomes that item's title, with its editors and imprint; the
book's own words that the splitter read as the start of the page ("1917–1991, 73") leave the
locator. Asked by resolve.py for each chapter before it becomes an item.
"""
from __future__ import annotations

import re
from typing import Any

from converter.notes.likeness import person_key, title_words
from converter.notes.reference import Reference

# "Gorodetsky, Soviet Foreign Policy": one to three name words (particles lower-case), a comma
_NAMED = re.compile(r"(?P<name>(?:[a-zß-ÿ]+\s+){0,2}[A-ZÀ-ÞČŠŽ][\w’'-]+(?:\s+[A-ZÀ-ÞČŠŽ][\w’'-]+)?),\s+"
                    r"(?=[A-ZÀ-ÞČŠŽ\d‘“\"«])")
_TOKEN = re.compile(r"[^\W_]+")
_IMPRINT = ("publisher", "publisher-place")
_BOOK_DETAILS = ("editor", *_IMPRINT, "issued", "volume")
MIN_WORDS = 2  # a container printed shorter than this is no evidence


def cited_container(reference: Reference, items: list[dict[str, Any]], people: dict[str, set[int]],
                    titled: dict[str, set[int]]) -> int | None:
    """The index of the earlier item that is this chapter's container (its csl and locator then
    completed from it), or None."""
    csl = reference.csl
    container = csl.get("container-title")
    if csl.get("type") != "chapter" or not container or any(csl.get(v) for v in _IMPRINT):
        return None  # a container printed with its own imprint is a full form, kept as printed
    editors = {person_key(n) for n in csl.get("editor") or []}
    named = _NAMED.match(container)
    candidates = [(named.group("name"), container[named.end():])] if named else []
    candidates.append(("", container))
    for name, printed in candidates:
        words = title_words(printed)
        if len(words) < (1 if name else MIN_WORDS):  # "in: Kessler, Tagebuch": a name and one word
            continue
        wanted = person_key({"family": name}) if name else ""
        pool = people.get(wanted, set()) if name else titled.get(words[0], set())
        for index in sorted(pool, reverse=True):
            book = items[index]
            have = title_words(book.get("title"))
            matched = _matched(words, have, loose=bool(name))
            if book.get("type") != "book" or matched is None:
                continue
            people_of_book = {person_key(n) for n in book.get("editor") or book.get("author") or []}
            if (name and wanted not in people_of_book) or not editors <= people_of_book:
                continue
            _complete(reference, book, have[matched:])
            return index
    return None


def _matched(words: tuple[str, ...], have: tuple[str, ...], loose: bool) -> int | None:
    """How many words of the book's title the printed container covers: its beginning, or (after
    a name) its words in order near the beginning ("Tagebuch" for "Das Tagebuch 1880–1937")."""
    if have[:len(words)] == words:
        return len(words)
    if not loose or not words or words[0] not in have[:3]:
        return None
    at = have.index(words[0])
    return at + len(words) if have[at:at + len(words)] == words else None


def _complete(reference: Reference, book: dict[str, Any], rest_of_title: tuple[str, ...]) -> None:
    csl = reference.csl
    csl["container-title"] = book["title"]
    for variable in _BOOK_DETAILS:
        if variable not in csl and book.get(variable):
            csl[variable] = book[variable] if variable != "editor" else [dict(n) for n in book[variable]]
    if "editor" not in csl and book.get("author"):
        csl["container-author"] = [dict(n) for n in book["author"]]
    if reference.locator and rest_of_title:
        drop_title_words(reference, rest_of_title)


def drop_title_words(reference: Reference, rest_of_title: tuple[str, ...]) -> None:
    """"1917–1991, 73" -> "73" where the book's title goes on "…, 1917–1991: A Retrospective"."""
    locator = reference.locator or ""
    cut = 0
    for at, token in enumerate(_TOKEN.finditer(locator)):
        if at >= len(rest_of_title) or title_words(token.group(0)) != (rest_of_title[at],):
            break
        cut = token.end()
    rest = locator[cut:].lstrip(" ,:;–-")
    if not cut:
        return
    if not rest:  # "Carley, 1939.": all of it the title's
        reference.locator = reference.label = None
        reference.spans = [span for span in reference.spans if span[0] != "locator"]
        return
    reference.locator = rest
    for place, (field, _start, end) in enumerate(reference.spans):
        if field == "locator":
            reference.spans[place] = (field, end - len(rest), end)
