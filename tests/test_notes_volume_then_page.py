"""MHRA prints the volume of a multi-volume work as a capital Roman numeral before the page
("III, 45–46"), as British notes print "ii. 258": the volume, then the page cited."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_note, cited_in_notes


def test_a_capital_roman_volume_then_the_page() -> None:
    full, short = cited_in_notes(
        "Lord D’Abernon, An Ambassador of Peace, 3 vols (London: Hodder and Stoughton, 1929–30), III, 45–46.",
        "D’Abernon, Ambassador of Peace, II, 8.")
    (item, locator), = full
    assert (item["volume"], locator) == ("III", "45–46")
    assert item["title"] == "An Ambassador of Peace"
    (again, page), = short
    assert (again["id"], page) == (item["id"], "8")
    assert again.get("title-short") == "Ambassador of Peace"


def test_a_roman_numeral_that_no_page_follows_stays_in_the_title() -> None:
    full, = cited_in_notes("Patrick Kelly, The Papers of Henry VIII, Part II (Oxford: Clarendon Press, 1980), 14.")
    (item, locator), = full
    assert item["title"] == "The Papers of Henry VIII, Part II"
    assert (locator, item.get("volume")) == ("14", None)


@pytest.mark.parametrize(("note", "locator"), [
    ("Roskill, Naval Policy, II, p. 20.", "20"),
    ("Hans Rothfels, Bismarck, II, S. 7.", "7"),
])
def test_a_roman_volume_then_a_labelled_page(note: str, locator: str) -> None:
    ((item, found),) = cited_in_note(note)
    assert found == locator and "II" not in item["title"]
