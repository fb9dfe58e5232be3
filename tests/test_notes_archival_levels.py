"""The levels of a call number and the leaf cited, per tradition (data/archive-levels.tsv,
data/archive-shelfmarks.tsv): Austrian Karton/K./Fasz., an English roll's membrane (m. 2, the
leaf cited), Spanish expediente/legajo and foja, Ottoman fond codes (Y.PRK.BŞK 12/45), British
Library named manuscripts (Cotton MS Vespasian F III, Harley MS 4380) and slash codes (EL/O1/23)."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_note


@pytest.mark.parametrize(("note", "location", "locator"), [
    ("HHStA, PA XII, Kt. 207, fol. 31v.", "PA XII, Kt. 207", "31v"),
    ("KA, AOK, Op. Abt., Fasz. 117, Nr. 4.", "AOK, Op. Abt., Fasz. 117, Nr. 4", None),
    ("TNA, E 122/76/3, m. 5.", "E 122/76/3", "5"),
    ("TNA, E 159/112, mm. 3–4d.", "E 159/112", "3–4d"),
    ("AHSRE, exp. 17-9-213, f. 12.", "exp. 17-9-213", "12"),
    ("BOA, Y.PRK.UM 31/65.", "Y.PRK.UM 31/65", None),
    ("BL, Cotton MS Galba E III, fol. 4.", "Cotton MS Galba E III", "4"),
    ("BL, Sloane MS 4025, fol. 9v.", "Sloane MS 4025", "9v"),
    ("Royal Society, Cl.P/3ii/12, fol. 2.", "Cl.P/3ii/12", "2"),
])
def test_levels_and_the_leaf_cited(note: str, location: str, locator: str | None) -> None:
    (item, cited), = cited_in_note(note)
    assert (item.get("archive_location"), cited) == (location, locator)
    assert "title" not in item  # nothing of the call number is read as a description


def test_a_bare_number_before_the_leaf_is_the_volume_of_the_series() -> None:
    (item, cited), = cited_in_note("Archivio di Stato di Firenze, Mediceo del Principato, 2078, c. 18v.")
    assert (item["archive_location"], cited) == ("Mediceo del Principato, 2078", "18v") and "title" not in item


@pytest.mark.parametrize(("note", "location"), [
    ("BOA, A.MKT.UM 88/41, lef 2.", "A.MKT.UM 88/41, lef 2"),
    ("NARA, RG 84, T 12, roll 7.", "RG 84, T 12, roll 7"),
    ("Royal Society, Letter Book, L.4.56.", "Letter Book, L.4.56"),
])
def test_more_levels(note: str, location: str) -> None:
    (item, _), = cited_in_note(note)
    assert item.get("archive_location") == location and "title" not in item


def test_a_level_word_abbreviated_with_a_period_ends_no_reference() -> None:
    (item, _), = cited_in_note("ABiH, ZMF, Präs. Zl. 4401/1909.")
    assert item["archive_location"] == "ZMF, Präs. Zl. 4401/1909"


@pytest.mark.parametrize(("note", "location"), [
    ("KA, MKSM, 1909, 69-4/2.", "MKSM, 1909, 69-4/2"),
    ("Potiorek an Bilinski, 2.7.1914, ABiH, ZMF, 1914, Präs. 1121.", "ZMF, 1914, Präs. 1121"),
])
def test_a_year_inside_the_call_number_is_part_of_it(note: str, location: str) -> None:
    (item, cited), = cited_in_note(note)
    assert (item["archive_location"], cited) == (location, None)


@pytest.mark.parametrize(("note", "location", "title"), [
    ("TNA, FO 371/22992, C 4411/3/18, minute by Sargent, Sept. 1939.", "FO 371/22992, C 4411/3/18",
     "minute by Sargent"),
    ("PRO, FO 800/315, Halifax to Henderson, Jan. 1939, fo. 12.", "FO 800/315", "Halifax to Henderson"),
])
def test_a_month_and_year_after_the_call_number_date_the_document(note: str, location: str, title: str) -> None:
    (item, _), = cited_in_note(note)
    assert (item["archive_location"], item["title"], item["issued"]["date-parts"][0][0]) == (location, title, 1939)


def test_a_roll_within_the_piece_and_its_membrane() -> None:
    (item, cited), = cited_in_note("TNA, E 372/176, rot. 9, m. 1d.")
    assert (item["archive_location"], cited) == ("E 372/176, rot. 9", "1d")


def test_a_manuscript_division_before_the_library_is_neither_title_nor_location() -> None:
    (item, _), = cited_in_note("Box 40, Dwight W. Morrow Papers, Manuscript Division, Library of Congress.")
    assert (item["archive"], item["archive_location"]) == ("Library of Congress", "Box 40, Dwight W. Morrow Papers")
    assert "title" not in item


def test_a_year_before_the_pages_is_an_imprint_not_a_call_number() -> None:
    (item, cited), = cited_in_note("Mario Toscano, Le origini diplomatiche del Patto d’Acciaio, Firenze, Biblioteca "
                                   "della Rivista di Studi Politici Internazionali, 1956, pp. 12–14.")
    assert "archive" not in item and "archive_location" not in item and cited == "12–14"
