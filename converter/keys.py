"""Citation keys: Better BibTeX's default formula, `auth.lower + shorttitle(3,3) + year`.

`graziosiUrssLeninStalin2007` for Graziosi, "L’Urss di Lenin e Stalin", 2007: the first author's
family name in lower case, the first three title words that are not function words (elided
articles such as l' are split off first) with a capital initial, and the year; everything folded to
ASCII. Function words (data/key-skip-words.tsv) and letters without a decomposition
(data/ascii-fold.tsv) are tables. A key depends only on the item, so keys are stable run to run;
`assign_keys` makes them unique with a/b/c suffixes in input order.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from converter.data import fold, tsv_rows, words

# Name variables tried for `auth`, in order: Better BibTeX falls back to editors when there are no
# authors; the rest make keys for letters, interviews and reviews that have only those.
_NAME_VARIABLES = ("author", "editor", "composer", "director", "interviewer", "recipient",
                   "container-author", "translator", "collection-editor")
_WORD = re.compile(r"[^\W_]+")  # runs of letters and digits: splits at spaces, apostrophes, dashes
_MARKUP = re.compile(r"<[^>]+>")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@cache
def _skip_words() -> frozenset[str]:
    return words("key-skip-words.tsv")


@cache
def _ascii_table() -> dict[int, str]:
    return {ord(row[0]): (row[1] if len(row) > 1 else "") for row in tsv_rows("ascii-fold.tsv")}


def ascii_fold(text: str) -> str:
    """Text with accents stripped and other letters transliterated; what is left non-ASCII goes."""
    text = unicodedata.normalize("NFKD", text.translate(_ascii_table()))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_ascii_table())
    return text.encode("ascii", "ignore").decode("ascii")


def _first_family(csl: dict[str, Any]) -> str:
    for variable in _NAME_VARIABLES:
        names = csl.get(variable)
        if not isinstance(names, list):
            continue
        for name in names:
            if not isinstance(name, dict):
                continue
            family = name.get("family") or ""
            particle = name.get("non-dropping-particle") or ""
            if family:
                return f"{particle}{family}"
            if name.get("literal"):
                return str(name["literal"]).split()[0] if str(name["literal"]).split() else ""
    return ""


def _short_title(title: str, words: int = 3) -> str:
    kept: list[str] = []
    for word in _WORD.findall(_MARKUP.sub("", title)):
        folded = ascii_fold(word)
        if not folded or fold(word) in _skip_words() or folded.lower() in _skip_words():
            continue
        word = folded
        kept.append(word[:1].upper() + word[1:])
        if len(kept) == words:
            break
    return "".join(kept)


def _year(csl: dict[str, Any]) -> str:
    issued = csl.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        try:
            return str(int(parts[0][0]))  # type: ignore[index]
        except (TypeError, IndexError, ValueError):
            match = _YEAR.search(str(issued.get("literal", "")) or str(issued.get("raw", "")))
            return match.group(1) if match else ""
    return ""


def citation_key(csl: dict[str, Any]) -> str:
    """The Better BibTeX default key of one CSL item (never empty: "anon" when nothing is known)."""
    author = re.sub(r"[^a-z0-9]", "", ascii_fold(_first_family(csl)).lower())
    title = str(csl.get("title") or csl.get("container-title") or "")
    key = author + _short_title(title) + _year(csl)
    return key or "anon"


def _suffixes() -> Any:
    """a, b, ..., z, aa, ab, ...: the postfixes Better BibTeX adds to repeated keys."""
    length = 1
    letters = "abcdefghijklmnopqrstuvwxyz"
    while True:
        indices = [0] * length
        while True:
            yield "".join(letters[i] for i in indices)
            position = length - 1
            while position >= 0 and indices[position] == 25:
                indices[position] = 0
                position -= 1
            if position < 0:
                break
            indices[position] += 1
        length += 1


def assign_keys(items: list[dict[str, Any]]) -> None:
    """Give every item without an id its citation key and make all ids unique, in input order.

    The first item with a given id keeps it; later ones get a, b, c... appended. Ids given in the
    input are reserved first, so a generated `smith2000a` never takes the id of a later item.
    """
    given = [str(csl["id"]) if csl.get("id") not in (None, "") else "" for csl in items]
    reserved = {key for key in given if key}
    taken: set[str] = set()
    for csl, key in zip(items, given, strict=True):
        base = key or citation_key(csl)
        candidate = base
        if candidate in taken or (not key and candidate in reserved):
            for suffix in _suffixes():
                candidate = base + suffix
                if candidate not in taken and candidate not in reserved:
                    break
        taken.add(candidate)
        csl["id"] = candidate
