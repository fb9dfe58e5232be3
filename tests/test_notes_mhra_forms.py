"""MHRA and British forms: editors marked "eds," without a full stop, and a series with its number
printed between the title and the parenthesised imprint ("English History, 1914–1945, Oxford
History of England, 15 (Oxford: Clarendon Press, 1965)"). data/notes-roles.tsv, notes/title.py."""
from __future__ import annotations

from tests.conftest import cited_in_note


def test_editors_marked_eds_with_a_comma() -> None:
    (item, _), = cited_in_note("Robert Boyce and Esmonde M. Robertson, eds, Paths to War: New Essays on the Origins "
                               "of the Second World War (Basingstoke: Macmillan, 1989).")
    assert [name["family"] for name in item["editor"]] == ["Boyce", "Robertson"] and "author" not in item
    assert item["title"] == "Paths to War: New Essays on the Origins of the Second World War"
    (item, _), = cited_in_note("John Edsall, History (London, 1990), 4.")  # a name beginning "Eds" is no role
    assert [name["family"] for name in item["author"]] == ["Edsall"]


def test_a_series_and_its_number_before_the_imprint() -> None:
    (item, locator), = cited_in_note("A. J. P. Taylor, English History, 1914–1945, Oxford History of England, 15 "
                                     "(Oxford: Clarendon Press, 1965), p. 400.")
    assert item["title"] == "English History, 1914–1945"
    assert (item["collection-title"], item["collection-number"]) == ("Oxford History of England", "15")
    assert (item["publisher"], locator) == ("Clarendon Press", "400")
