"""British imprints of a later edition: "(London, 1961; 2nd edn, 1963)" is the second edition of
1963, printed where the first was (1961 its original-date); "rev. edn", "new edn" are editions,
not publishers; a later edition that prints its own place takes nothing from the first."""
from __future__ import annotations

from tests.conftest import only_item_in_note


def test_a_later_edition_printed_where_the_first_was() -> None:
    item = only_item_in_note("A. J. P. Taylor, The origins of the Second World War (London, 1961; 2nd edn, 1963), "
                             "p. 50.")
    assert (item["publisher-place"], item["edition"]) == ("London", "2nd edn")
    assert (item["issued"]["date-parts"], item["original-date"]["date-parts"]) == ([[1963]], [[1961]])


def test_a_revised_edition_is_no_publisher() -> None:
    item = only_item_in_note("W. N. Medlicott, Contemporary England, 1914–1964 (rev. edn, London, 1976), p. 200.")
    assert (item["publisher-place"], item["edition"]) == ("London", "rev. edn")
    assert "publisher" not in item


def test_a_later_edition_with_its_own_place_takes_nothing_from_the_first() -> None:
    item = only_item_in_note("M. Howard, The Continental Commitment (London: Temple Smith, 1972; 2nd edn, "
                             "Harmondsworth, 1974), p. 99.")
    assert (item["publisher-place"], item["issued"]["date-parts"]) == ("Harmondsworth", [[1974]])
    assert "publisher" not in item
