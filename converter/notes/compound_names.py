"""Family names of several words with a particle or a given-looking word inside ("Hartmut Pogge von
Strandmann", "Theobald von Bethmann Hollweg", "Roger Martin du Gard"), which the ordinary split
("the last word and the particles before it") would cut. Read only on evidence:
- the table data/name-compound-families.tsv, for a name printed given names first;
- the inverted form ("Pogge von Strandmann, Hartmut: ..."), where all before the comma is family
  when the word before the inner particle is no known given name;
- a later short form that prints the whole family ("Pogge von Strandmann, Imperialismus"): the
  item's name is corrected when the short form resolves to it (resolve.py).
"""
from __future__ import annotations

from functools import cache
from typing import Any

from converter.data import fold, tsv_rows
from converter.notes.vocabulary import given_names, particles


@cache
def _table() -> dict[tuple[str, ...], int]:
    """Each listed family's folded words -> its number of words."""
    return {tuple(fold(word) for word in row[0].split()): len(row[0].split()) for row in tsv_rows(
        "name-compound-families.tsv")}


@cache
def _last_words() -> frozenset[str]:
    return frozenset(words[-1] for words in _table())


def listed_family(words: list[str]) -> int:
    """How many of the last words of a printed name are a listed compound family (0: none)."""
    if len(words) < 2 or fold(words[-1]) not in _last_words():  # the cheap test first
        return 0
    folded = tuple(fold(word) for word in words)
    return next((size for size in range(len(words), 1, -1) if folded[-size:] in _table()), 0)


def inverted_compound(printed: str) -> dict[str, str] | None:
    """"Pogge von Strandmann" before ", Hartmut:": the whole as family (leading lower-case
    particles apart), when a lower-case particle stands inside it after a word that is no known
    given name ("Hans von Seeckt" is Hans), or None."""
    words = printed.split()
    lead = 0
    while lead < len(words) and words[lead][:1].islower():
        lead += 1
    inner = [at for at in range(lead + 1, len(words) - 1) if words[at][:1].islower() and fold(words[at]) in particles()]
    if not inner or fold(words[lead]) in given_names():
        return None
    name = {"family": " ".join(words[lead:])}
    if lead:
        name["non-dropping-particle"] = " ".join(words[:lead])
    return name


def whole_family(printed: str, item_name: dict[str, str]) -> dict[str, str] | None:
    """A short form's family alone ("Pogge von Strandmann") against the item's name as split from
    its full form ({"given": "Hartmut Pogge", "non-dropping-particle": "von", "family": "Strandmann"}):
    the item's name corrected, or None when the short form says nothing new."""
    given = item_name.get("given", "")
    words = printed.split()
    if len(words) < 2 or not given or fold(words[-1]) != fold(item_name.get("family", "")):
        return None
    particle = item_name.get("non-dropping-particle", "").split()
    if [fold(word) for word in words[len(words) - 1 - len(particle):-1]] != [fold(word) for word in particle]:
        return None
    before = words[:len(words) - 1 - len(particle)]
    if not before or before[0][:1].islower() or not fold(given).endswith(" " + fold(" ".join(before))):
        return None  # the words the short form adds to the family must end the item's given names
    return {"family": printed, "given": given[:len(given) - len(" ".join(before))].strip()}


def complete_families(item: dict[str, Any], short_form: dict[str, Any]) -> None:
    """Correct the item's names from a short form resolved to it that prints a whole family."""
    for variable in ("author", "editor"):
        names = item.get(variable) or []
        for printed_name in short_form.get(variable) or []:
            if "given" not in printed_name:
                continue  # a family of one word (with its particles) says nothing new
            printed = " ".join(printed_name.get(part, "") for part in ("given", "non-dropping-particle", "family"))
            for index, name in enumerate(names):
                fixed = whole_family(" ".join(printed.split()), name)
                if fixed is not None:
                    names[index] = fixed
