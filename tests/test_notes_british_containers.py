"""British chapters: a volume of the collection printed between its title and the imprint ("The
Cambridge history of British foreign policy, iii (Cambridge, 1923)"), and "in idem and X, eds.",
the chapter's author one of the volume's editors."""
from __future__ import annotations

from tests.conftest import only_item_in_note


def test_a_volume_before_the_imprint_of_the_container() -> None:
    item = only_item_in_note("H. Temperley, 'The treaty of Locarno', in A. W. Ward and G. P. Gooch, eds., "
                             "The Cambridge history of British foreign policy, iii (Cambridge, 1923), pp. 600–20.")
    assert (item["container-title"], item["volume"]) == ("The Cambridge history of British foreign policy", "iii")
    assert (item["publisher-place"], item["issued"]["date-parts"][0][0], item["page"]) == ("Cambridge", 1923, "600–20")


def test_in_idem_and_another_editor() -> None:
    item = only_item_in_note("R. Boyce, 'World depression, world war', in idem and E. M. Robertson, eds., Paths to war "
                             "(Basingstoke, 1989), pp. 55–95.")
    assert item["container-title"] == "Paths to war"
    assert [name["family"] for name in item["editor"]] == ["Boyce", "Robertson"]
