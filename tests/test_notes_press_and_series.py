"""German newspapers cited by name, number and a numeric date with no comma ("Vossische Zeitung
Nr. 123 vom 4.3.1925"), compound names ("Kreuzzeitung"); British journals with a series before
a Roman volume ("Econ. Hist. Rev., 2nd ser., xxv (1972)")."""
from __future__ import annotations

import pytest

from tests.conftest import only_item_in_note


@pytest.mark.parametrize("note, name, date, issue", [
    ("Vossische Zeitung Nr. 123 vom 4.3.1925.", "Vossische Zeitung", [1925, 3, 4], "123"),
    ("Berliner Tageblatt vom 5.3.1925.", "Berliner Tageblatt", [1925, 3, 5], None),
    ("Kreuzzeitung, Nr. 45 vom 3. Februar 1926.", "Kreuzzeitung", [1926, 2, 3], "45"),
    ("Kölnische Volkszeitung, 7.3.1925, S. 2.", "Kölnische Volkszeitung", [1925, 3, 7], None),
])
def test_a_newspaper_issue(note: str, name: str, date: list[int], issue: str | None) -> None:
    item = only_item_in_note(note)
    assert (item["type"], item["container-title"], item["issued"]["date-parts"][0]) == (
        "article-newspaper", name, date)
    assert item.get("issue") == issue


def test_a_word_ending_like_a_newspaper_is_not_enough_without_a_date() -> None:
    item = only_item_in_note("Hans Mommsen, Die Parteizeitung als Quelle, Berlin 1990, S. 4.")
    assert (item["type"], item["title"]) == ("book", "Die Parteizeitung als Quelle")


def test_a_series_before_a_roman_volume() -> None:
    item = only_item_in_note("B. E. Supple, 'Income and demand', Econ. Hist. Rev., 2nd ser., xxv (1972), 1–20.")
    assert (item["author"][0]["family"], item["title"], item["container-title"]) == (
        "Supple", "Income and demand", "Econ. Hist. Rev.")
    assert (item["volume"], item["issued"]["date-parts"][0][0], item["page"]) == ("xxv", 1972, "1–20")


def test_the_issue_printed_after_the_year_of_a_german_journal() -> None:
    item = only_item_in_note("Werner Conze, Die Strukturgeschichte, in: Zeitschrift für Geschichtswissenschaft 38 "
                             "(1990) 5, S. 400–410.")
    assert (item["container-title"], item["volume"], item["issue"], item["page"]) == (
        "Zeitschrift für Geschichtswissenschaft", "38", "5", "400–410")


def test_a_series_after_an_equals_sign() -> None:
    item = only_item_in_note("Ursula Büttner, Weimar. Die überforderte Republik 1918–1933, Stuttgart 2008 "
                             "(= Handbuch der deutschen Geschichte, Bd. 18), S. 400.")
    assert (item["collection-title"], item["collection-number"]) == ("Handbuch der deutschen Geschichte", "18")


def test_a_newspapers_edition_in_brackets() -> None:
    item = only_item_in_note("Berliner Tageblatt vom 5.3.1925 (Morgenausgabe).")
    assert (item["container-title"], item["edition"]) == ("Berliner Tageblatt", "Morgenausgabe")
    assert "collection-title" not in item


@pytest.mark.parametrize("note, journal", [
    ("W. Kern, “Waar verzamelde Pigafetta zijn Maleise woorden?” Tijdschrift voor Indische taal-, land- en "
     "volkenkunde, 78 (1938), p. 362.", "Tijdschrift voor Indische taal-, land- en volkenkunde"),
    ("Hans Mommsen, Die Beamten, in: Vierteljahrschrift für Sozial-, Wirtschafts- und Kulturgeschichte 55 (1968), "
     "S. 1–20.", "Vierteljahrschrift für Sozial-, Wirtschafts- und Kulturgeschichte"),
])
def test_a_comma_after_a_hyphen_stays_in_the_journals_name(note: str, journal: str) -> None:
    item = only_item_in_note(note)
    assert (item["type"], item["container-title"]) == ("article-journal", journal)
    assert item["author"][0]["family"] in ("Kern", "Mommsen")
