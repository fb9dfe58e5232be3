"""The year printed with a later edition ("2. Aufl. 1988", no place) is the item's issued year,
the edition keeps only its words; "(Princeton, NJ, 1972)", a city and its region, is one place."""
from __future__ import annotations

from tests.conftest import only_item_in_note


def test_the_year_of_the_edition_cited_is_the_issued_year() -> None:
    item = only_item_in_note("Eberhard Kolb, Die Weimarer Republik, 2. Aufl. 1988, S. 7.")
    assert (item["title"], item["edition"], item["issued"]["date-parts"]) == (
        "Die Weimarer Republik", "2. Aufl.", [[1988]])


def test_a_later_edition_after_the_first_dates_the_item_and_keeps_the_first_as_original_date() -> None:
    item = only_item_in_note("Ernst Nolte, Der Faschismus in seiner Epoche, München 1963, 6. Aufl. 1984, S. 30.")
    assert (item["edition"], item["issued"]["date-parts"], item["original-date"]["date-parts"]) == (
        "6. Aufl.", [[1984]], [[1963]])


def test_an_edition_then_an_imprint_keeps_the_imprint_year() -> None:
    item = only_item_in_note("Karl Dietrich Bracher, Die Auflösung der Weimarer Republik, 5. Aufl., Villingen 1971, "
                             "S. 12.")
    assert (item["edition"], item["publisher-place"], item["issued"]["date-parts"]) == (
        "5. Aufl.", "Villingen", [[1971]])


def test_a_city_and_its_region_are_one_place() -> None:
    item = only_item_in_note("Jon Jacobson, Locarno Diplomacy: Germany and the West, 1925–1929 "
                             "(Princeton, NJ, 1972), 45–7.")
    assert item["publisher-place"] == "Princeton, NJ"
    assert "publisher" not in item
    item = only_item_in_note("Charles S. Maier, Recasting Bourgeois Europe "
                             "(Princeton, N.J.: Princeton University Press, 1975), p. 500.")
    assert (item["publisher-place"], item["publisher"]) == ("Princeton, N.J.", "Princeton University Press")
