"""A later edition printed with its own imprint after the first edition's ("Baltimore 1954,
2. Aufl. New York 1969"): the edition cited is the later one, so its place, publisher and year are
the item's, and the first edition's year is its original-date (README: later editions)."""
from __future__ import annotations

import pytest

from tests.conftest import only_item_in_note


def _imprint(item: dict) -> tuple:
    return (item.get("publisher-place"), item.get("publisher"), item["issued"]["date-parts"],
            item.get("original-date", {}).get("date-parts"), item.get("edition"))


@pytest.mark.parametrize(("note", "expected"), [
    ("Richard Pipes, Russia under the Bolshevik Regime, Baltimore 1954, 2. Aufl. New York 1969, S. 45.",
     ("New York", None, [[1969]], [[1954]], "2. Aufl.")),
    ("Fritz Fischer, Griff nach der Weltmacht, Düsseldorf 1961, 3. Aufl. Düsseldorf 1964, S. 45.",
     ("Düsseldorf", None, [[1964]], [[1961]], "3. Aufl.")),
    ("Gerhard Ritter, Staatskunst und Kriegshandwerk, München 1954, 2. Aufl., München: Oldenbourg, 1959, S. 12.",
     ("München", "Oldenbourg", [[1959]], [[1954]], "2. Aufl.")),
])
def test_the_later_editions_imprint_is_the_items(note: str, expected: tuple) -> None:
    assert _imprint(only_item_in_note(note)) == expected


def test_an_edition_year_without_a_place_keeps_the_first_place() -> None:
    item = only_item_in_note("Fritz Fischer, Griff nach der Weltmacht, Düsseldorf 1961, 3. Aufl. 1964, S. 45.")
    assert _imprint(item) == ("Düsseldorf", None, [[1964]], [[1961]], "3. Aufl.")
