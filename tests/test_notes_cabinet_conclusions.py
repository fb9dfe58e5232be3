"""A cabinet conclusion cited by its number alone after the class and piece ("TNA, CAB 23/83,
20(36)", older "Cab. 23/83, 20(36)"): one document whose conclusion number is the last level of
its archive_location, not its title. Printed with its word ("Cabinet 43(37)", "WM 12(39)") the
conclusion is the document's description, its title, as in the realistic British notes."""
from __future__ import annotations

import pytest

from tests.conftest import only_item_in_note


@pytest.mark.parametrize(("note", "location"), [
    ("TNA, CAB 23/83, 20(36).", "CAB 23/83, 20(36)"),
    ("Cab. 23/83, 20(36).", "Cab. 23/83, 20(36)"),
    ("Cab. 23/83, 20(36), 6 May 1936.", "Cab. 23/83, 20(36)"),
    ("PRO, CAB 23/84, 31(36), p. 4.", "CAB 23/84, 31(36)"),
])
def test_the_conclusion_number_is_part_of_the_location(note: str, location: str) -> None:
    item = only_item_in_note(note)
    assert (item.get("archive_location"), item.get("title")) == (location, None)


def test_a_conclusion_printed_with_its_word_is_the_title() -> None:
    item = only_item_in_note("Cab. 23/90A, Cabinet 43(37), 24 Nov. 1937.")
    assert (item.get("title"), item.get("archive_location")) == ("Cabinet 43(37)", "Cab. 23/90A")
