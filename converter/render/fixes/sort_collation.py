"""citeproc-py sorts a bibliography by comparing rendered sort keys as plain strings, so
"Čičerin" sorts after "Spriano", an item sorted by its quoted title ("“Beseda ...") goes after every
letter, and "April 11, 1924" comes before "March 13, 1924". citeproc-js compares keys with the
locale's collation at base strength, ignoring punctuation, digits as numbers, and renders the dates
inside a macro key as sortable dates (fixes/date_sort_keys.py). So do we: every rendered key is
compared by its base letters (accents and case folded, punctuation left out, digit runs by their
value). Name lists in keys leave their labels out.
"""
from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar
from typing import Any

from citeproc import model

NAME = "sort_collation"
DESCRIPTION = "sort keys compared by base letters and numbers, ignoring punctuation"

# True while a sort key renders (fixes/date_sort_keys.py renders dates as keys then).
SORTING: ContextVar[bool] = ContextVar("sorting", default=False)


def collation_key(text: str) -> str:
    """Base letters, digits and word breaks of a key: NFKD with combining marks dropped, case
    folded, punctuation and symbols left out, runs of spaces as one space. (Spaces count, as they
    do in citeproc-js: "Mussolini al Ministro" sorts before "Mussolini, all’ambasciatore".)
    citeproc-js collates numerically (Intl `numeric: true`): a run of digits compares as a number,
    so "vol. 9" sorts before "vol. 10" and "41" before "1986"."""
    kept = unicodedata.normalize("NFKD", text).casefold().translate(_KEPT)
    return _DIGIT_RUN.sub(_numeric, " ".join(kept.split()))


def kept_character(char: str) -> str:
    """What a key keeps of one (decomposed, case-folded) character: itself if a letter or digit,
    a space for any space, else nothing."""
    return char if unicodedata.category(char)[0] in "LN" else " " if char.isspace() else ""


class _KeptCharacters(dict[int, str]):
    """kept_character as a str.translate table, each character's answer found once (a key's
    characters are few and recur: asking unicodedata for each of them cost more than the rest)."""

    def __missing__(self, code: int) -> str:
        kept = self[code] = kept_character(chr(code))
        return kept


_KEPT = _KeptCharacters()


_DIGIT_RUN = re.compile(r"[0-9]+")


def _numeric(match: re.Match[str]) -> str:
    """A digit run prefixed by its length (itself prefixed by its own length), so that plain
    string order is numeric order; leading zeros do not count, as in the collator."""
    digits = match.group().lstrip("0") or "0"
    length = str(len(digits))
    return f"{len(length)}{length}{digits}"


class SortKey(str):
    """A rendered key. citeproc-py compares `str(key.lower())`: for this key, its collation key;
    keys equal at base strength tie, and the next sort key decides, as in citeproc-js."""

    def lower(self) -> str:  # type: ignore[override]
        return collation_key(self)


def _keyed(sort_keys: Any) -> Any:
    def keys(self: model.Key, items: Any, context: Any) -> list[Any]:
        token = SORTING.set(True)
        # A year-suffix ("1924c") is given after sorting, as in citeproc-js: keys are made without it.
        suffixes = {}
        for item in items:
            reference = item.reference
            if "year_suffix" in reference:
                suffixes[id(reference)] = (reference, reference.pop("year_suffix"))
        try:
            values = sort_keys(self, items, context)
        finally:
            SORTING.reset(token)
            for reference, suffix in suffixes.values():
                reference["year_suffix"] = suffix
        out = []
        for value in values:
            if value is None or isinstance(value, int | float):
                out.append(value)
                continue
            # Digits-only keys too: citeproc-py compares int(key.lower()) when both keys give one,
            # else strings, and only the collation key orders a digits key against a text key.
            out.append(SortKey(str(value)))
        return out
    keys.__name__ = "sort_keys_collated"
    return keys


def _unlabelled(render: Any) -> Any:
    def label_render(self: model.Label, *args: Any, **kwargs: Any) -> Any:
        # A name list in a sort key is the names alone, as citeproc-js makes it: "Gaonkar, ed."
        # and "Gaonkar" tie, and the title decides.
        if SORTING.get() and isinstance(self.getparent(), model.Names):
            return None
        return render(self, *args, **kwargs)
    label_render.__name__ = "label_render_unlabelled"
    return label_render


def apply() -> None:
    if model.Label.render.__name__ != "label_render_unlabelled":
        model.Label.render = _unlabelled(model.Label.render)
    if model.Key.sort_keys.__name__ != "sort_keys_collated":
        model.Key.sort_keys = _keyed(model.Key.sort_keys)
