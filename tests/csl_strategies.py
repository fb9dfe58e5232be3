"""Hypothesis strategies for CSL items, shared by the round-trip tests of the exchange formats."""
from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from converter.schema import variables

_TABLE = variables()
# The short profile of the round-trip properties: enough examples to cover every type and kind of
# variable, few enough for the whole file to run in seconds on a shared machine.
short = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_word = st.text(st.characters(categories=("L",), max_codepoint=0x17F), min_size=1, max_size=8)
capital = st.builds(lambda w: w[0].upper() + w[1:], _word).filter(lambda w: w[:1].isupper())
phrase = st.lists(_word, min_size=1, max_size=4).map(" ".join)
number = st.integers(1, 999).map(str)
name = st.one_of(
    st.builds(lambda f, g: {"family": f, "given": g}, capital, capital),
    st.builds(lambda f: {"family": f}, capital),
    st.builds(lambda f, g, p: {"family": f, "given": g, "non-dropping-particle": p},
              capital, capital, st.sampled_from(["van der", "de", "von"])),
    st.builds(lambda literal: {"literal": literal}, phrase),
)
date = st.one_of(
    st.builds(lambda y, m, d, n: {"date-parts": [[y, m, d][:n]]},
              st.integers(1000, 2100), st.integers(1, 12), st.integers(1, 28), st.integers(1, 3)),
    st.builds(lambda y, z: {"date-parts": [[y], [y + z]]}, st.integers(1000, 2000), st.integers(1, 50)),
)
LEGACY = frozenset({"note", "shortTitle", "journalAbbreviation"})
free_line = st.builds(lambda words: "– " + words, phrase)  # never read as a `Key:` line


def csl_items(*, types: list[str] | None = None, strings: list[str] | None = None,
              numbers: list[str] | None = None, names: list[str] | None = None,
              dates: list[str] | None = None, note: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Items of any CSL type with some variables of each kind (restricted to the lists given)."""
    # legacy spellings (shortTitle, journalAbbreviation) are aliases: an item with both spellings
    # of one variable is contradictory, so they are tested on their own, not generated
    strings = strings if strings is not None else [v for v in _TABLE["strings"] if v not in LEGACY]
    numbers = numbers if numbers is not None else _TABLE["numbers"]
    names = names if names is not None else _TABLE["names"]
    dates = dates if dates is not None else _TABLE["dates"]

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        item: dict[str, Any] = {"id": draw(st.from_regex(r"[a-z][a-z0-9]{2,12}", fullmatch=True)),
                                "type": draw(st.sampled_from(types or _TABLE["types"]))}
        for variable in draw(st.lists(st.sampled_from(strings), max_size=6, unique=True)):
            item[variable] = draw(phrase)
        for variable in draw(st.lists(st.sampled_from(numbers), max_size=3, unique=True)):
            item[variable] = draw(number)
        for variable in draw(st.lists(st.sampled_from(names), max_size=3, unique=True)):
            item[variable] = draw(st.lists(name, min_size=1, max_size=3))
        for variable in draw(st.lists(st.sampled_from(dates), max_size=2, unique=True)):
            item[variable] = draw(date)
        if note and draw(st.booleans()):
            item["note"] = "\n".join(draw(st.lists(free_line, min_size=1, max_size=3)))
        return item

    return build()


def comparable(item: dict[str, Any], aliases: dict[str, str]) -> dict[str, Any]:
    """An item with numbers as strings and legacy variable names as their CSL 1.0.2 names."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        key = aliases.get(key, key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        elif isinstance(value, dict) and "date-parts" in value:
            value = {**value, "date-parts": [[int(p) for p in end] for end in value["date-parts"]]}
        out.setdefault(key, value)
    return out


def unreported_differences(original: dict[str, Any], back: dict[str, Any], messages: list[str],
                           aliases: dict[str, str]) -> list[str]:
    """Variables that differ after a round trip without a `lossy-field` message naming them."""
    before, after = comparable(original, aliases), comparable(back, aliases)
    differing = [key for key in set(before) | set(after) if before.get(key) != after.get(key)]
    # a message names its variable first, after the format: "RIS: archive-place: ..."
    return [key for key in differing
            if not any(re.match(rf"[^:]+: {re.escape(key)}(?:$|[:\s])", message) for message in messages)]


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=10)
_keys = sorted({v for kind in ("names", "dates", "numbers", "strings") for v in _TABLE[kind]}
               | {"id", "type", "categories", "custom", "not-a-variable"})
# Items that break the schema in every way a CSL-JSON file can: what writers must survive.
invalid_items = st.dictionaries(st.sampled_from(_keys), json_values | name.map(lambda n: [n]) | date, max_size=8)


# Text with the characters the exchange formats give meaning to: separators, `Key:` colons, `||`,
# dashes, line breaks and outer spaces. Round trips of these may lose things, but never silently.
hard_text = st.text(st.sampled_from(list("Ab é,;:|-–/ \n{}")), min_size=1, max_size=12)
hard_name = st.one_of(
    st.builds(lambda f, g: {"family": f, "given": g}, hard_text, hard_text),
    st.builds(lambda literal: {"literal": literal}, hard_text),
)


def hard_items() -> st.SearchStrategy[dict[str, Any]]:
    """CSL items whose values are hard_text: every type and variable kind."""
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        item: dict[str, Any] = {"id": draw(st.from_regex(r"[a-z][a-z0-9]{2,8}", fullmatch=True)),
                                "type": draw(st.sampled_from(_TABLE["types"]))}
        texts = [v for v in _TABLE["strings"] + _TABLE["numbers"] if v not in LEGACY - {"note"}]
        for variable in draw(st.lists(st.sampled_from(texts), max_size=5, unique=True)):
            item[variable] = draw(hard_text)
        for variable in draw(st.lists(st.sampled_from(_TABLE["names"]), max_size=2, unique=True)):
            item[variable] = draw(st.lists(hard_name, min_size=1, max_size=2))
        for variable in draw(st.lists(st.sampled_from(_TABLE["dates"]), max_size=1)):
            item[variable] = draw(date | st.builds(lambda text: {"literal": text}, hard_text))
        return item

    return build()
