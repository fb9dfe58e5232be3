"""MHRA cites one volume of a multi-volume work after the work's imprint, with the volume's own
title and year: "4 vols (London: Virago, 1982–85), I: 1873–1892 (1982), p. 100". That is one
reference (not a second, anonymous work "I: 1873–1892"): the volume, its title and its year are
the item's, the page the citation's locator."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_note


@pytest.mark.parametrize(("note", "expected"), [
    ("Beatrice Webb, The Diary of Beatrice Webb, ed. by Norman and Jeanne MacKenzie, 4 vols (London: Virago, "
     "1982–85), I: 1873–1892 (1982), p. 100.", ("Webb", "I", "1873–1892", [[1982]], "100")),
    ("Martin Gilbert, Winston S. Churchill, 8 vols (London: Heinemann, 1966–88), V: The Prophet of Truth, "
     "1922–1939 (1976), pp. 45–46.", ("Gilbert", "V", "The Prophet of Truth, 1922–1939", [[1976]], "45–46")),
    ("Webb, Diary, 2 vols (London, 1982), 2: Later Years (1983), p. 5.", ("Webb", "2", "Later Years", [[1983]], "5")),
    ("Llewellyn Woodward, British Foreign Policy in the Second World War, 5 vols (London: HMSO, 1970–76), "
     "II (1971), p. 100.", ("Woodward", "II", None, [[1971]], "100")),
])
def test_one_volume_of_a_set_is_one_reference(note: str, expected: tuple) -> None:
    ((item, locator),) = cited_in_note(note)
    assert (item["author"][0]["family"], item.get("volume"), item.get("volume-title"), item["issued"]["date-parts"],
            locator) == expected


def test_an_arabic_number_after_an_imprint_of_one_volume_is_no_volume() -> None:
    cited = cited_in_note("A. Smith, A Book (London, 1982), 2: Later Years (1983), p. 5.")
    assert all(item.get("volume") != "2" for item, _ in cited)
