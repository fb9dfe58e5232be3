"""MHRA cites one volume of a multi-volume work after the work's imprint, with the volume's own
title and year: "4 vols (London: Virago, 1982–85), I: 1873–1892 (1982), p. 100". That is one
reference (not a second, anonymous work "I: 1873–1892"): the volume, its title and its year are
the item's, the page the citation's locator. Without a year of its own ("IV: Beyond …, p. 88", "III, p. 1200") the
set's year stays; another volume printed after a semicolon ("…, p. 100; II, p. 5") is that volume of the same work."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_note, cited_in_notes


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


@pytest.mark.parametrize(("note", "expected"), [
    # the volume's own title without a year: the set's year stays the item's
    ("The History of The Times, 4 vols (London, 1935–52), IV: Beyond the Hundred and Fiftieth Year, p. 88.",
     (None, "IV", "Beyond the Hundred and Fiftieth Year", [[1935]], "88")),
    ("David Lloyd George, War Memoirs, 6 vols (London: Nicholson and Watson, 1933–36), III, p. 1200.",
     ("Lloyd George", "III", None, [[1933]], "1200")),
    ("Harold Nicolson, Diaries and Letters, 3 vols (London: Collins, 1966–68), II: The War Years, 1939–1945.",
     ("Nicolson", "II", "The War Years, 1939–1945", [[1966]], None)),
])
def test_a_volume_without_its_own_year(note: str, expected: tuple) -> None:
    ((item, locator),) = cited_in_note(note)
    family = item["author"][0]["family"] if item.get("author") else None
    assert (family, item.get("volume"), item.get("volume-title"), item["issued"]["date-parts"], locator) == expected


@pytest.mark.parametrize("note", [
    "J. B. Harley and David Woodward, eds., The History of Cartography (3 vols, Chicago, 1987), 1.",
    "Dumas Malone, Jefferson and His Time, 6 vols. (Boston: Little, Brown, 1948–81), 2:45.",
])
def test_an_arabic_number_alone_or_before_a_colon_is_the_page(note: str) -> None:
    ((item, locator),) = cited_in_note(note)
    assert item.get("volume-title") is None and locator in ("1", "45")


@pytest.mark.parametrize(("note", "volumes", "years", "locators"), [
    ("Winston S. Churchill, The Second World War, 6 vols (London: Cassell, 1948–54), I: The Gathering Storm "
     "(1948), p. 100; II, p. 5.", ["I", "II"], [1948, 1948], ["100", "5"]),
    ("Beatrice Webb, The Diary of Beatrice Webb, 4 vols (London: Virago, 1982–85), I: 1873–1892 (1982), p. 100; "
     "II: 1892–1905 (1983), p. 7.", ["I", "II"], [1982, 1983], ["100", "7"]),
])
def test_another_volume_after_a_semicolon_is_the_same_work(note: str, volumes: list[str], years: list[int],
                                                           locators: list[str]) -> None:
    cited = cited_in_note(note)
    assert len({item["title"] for item, _ in cited}) == 1
    assert [item["volume"] for item, _ in cited] == volumes
    assert [item["issued"]["date-parts"][0][0] for item, _ in cited] == years
    assert [locator for _, locator in cited] == locators


def test_an_anonymous_title_repeated_in_full_is_the_same_work() -> None:
    notes = cited_in_notes("The Letters of Sidney and Beatrice Webb, ed. by Norman MacKenzie, 3 vols (Cambridge: "
                           "Cambridge University Press, 1978), III, 120.",
                           "The Letters of Sidney and Beatrice Webb, III, 130.",
                           "The Letters of Sidney and Beatrice Webb, vol. 2, p. 7.")
    (first, _), = notes[0]
    (again, locator), = notes[1]
    (other, _), = notes[2]
    assert again is first or again == first  # the same item, with its editor and imprint
    assert (again.get("issued"), locator) == ({"date-parts": [[1978]]}, "130")
    assert other.get("volume") == "2" and other.get("id") != first.get("id")  # another volume, another item
