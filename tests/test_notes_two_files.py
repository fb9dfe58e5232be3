"""Two archival files in one citation, joined by "and"/"und" or a comma ("See Cab. 23/83, 20(36),
and Cab. 23/84, 21(36)"): a bare call number of the kind the path began with starts the next file,
so each is its own citation with its own archive_location (was one location holding both).
notes/archival_docs.py, archival_parts.py."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_note


@pytest.mark.parametrize(("note", "locations", "locators"), [
    ("See Cab. 23/85, 41(36), and Cab. 23/86, 52(36).", ["Cab. 23/85, 41(36)", "Cab. 23/86, 52(36)"], [None, None]),
    ("TNA, FO 371/17101, N 210/5/38, and FO 371/17102, N 305/5/38.",
     ["FO 371/17101, N 210/5/38", "FO 371/17102, N 305/5/38"], [None, None]),
    ("TNA, CAB 24/262, CP 71(36), CAB 24/263, CP 88(36).", ["CAB 24/262, CP 71(36)", "CAB 24/263, CP 88(36)"],
     [None, None]),
    ("PA AA, R 29 100, Bl. 14, und R 29 102, Bl. 9 f.", ["R 29 100", "R 29 102"], ["14", "9 f"]),
])
def test_each_file_is_its_own_citation(note: str, locations: list[str], locators: list[str | None]) -> None:
    cited = cited_in_note(note)
    assert [item.get("archive_location") for item, _ in cited] == locations
    assert [locator for _, locator in cited] == locators
    assert all(item.get("title") is None for item, _ in cited)


def test_the_file_goes_on_below_its_first_level() -> None:
    # the registry numbers of two papers in one file: one path, each paper its own level (unchanged)
    cited = cited_in_note("TNA, FO 371/17101, N 210/5/38, N 211/5/38.")
    assert [item.get("archive_location") for item, _ in cited] == ["FO 371/17101, N 210/5/38, N 211/5/38"]


def test_a_second_description_loses_its_conjunction() -> None:
    cited = cited_in_note("Minute by Collier, 4 June 1936, FO 371/20338, N 2901/20/38, "
                          "and minute by Oliphant, 6 June 1936, ibid.")
    assert [item.get("title") for item, _ in cited] == ["Minute by Collier", "minute by Oliphant"]
