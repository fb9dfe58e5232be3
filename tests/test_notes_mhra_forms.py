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


def test_volumes_and_a_short_year_range_in_the_imprint() -> None:
    (item, locator), = cited_in_note("E. H. Carr, The Bolshevik Revolution, 1917–1923 (3 vols., London, 1950–3), "
                                     "iii. 45.")
    assert item["title"] == "The Bolshevik Revolution, 1917–1923"
    assert (item["number-of-volumes"], item["publisher-place"], item["issued"]["date-parts"][0][0]) == (
        "3", "London", 1950)
    assert "publisher" not in item and locator == "45"


def test_a_collection_title_with_its_years_and_a_lower_case_volume() -> None:
    (item, _), = cited_in_note("Documents on British Foreign Policy, 1919–1939, 2nd ser., xvi, no. 45.")
    (short, _), = cited_in_note("DBFP, 2nd ser., vol. 16, no. 46.")
    assert item["container-title"] == short["container-title"] == "Documents on British Foreign Policy"
    assert (item["volume"], item["number"]) == ("xvi", "45") and "page" not in item


def test_a_note_on_the_page_without_its_number() -> None:
    (item, locator), = cited_in_note("A. J. P. Taylor, The Struggle for Mastery in Europe, 1848–1918 (Oxford, 1954), "
                                     "p. 302 n.")
    assert item["title"] == "The Struggle for Mastery in Europe, 1848–1918" and locator == "302 n."
