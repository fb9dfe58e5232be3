"""Which repository an archival note names (notes/archival_parts.classify, data/archives.tsv):
a department of an umbrella archive is the archive cited ("ÖStA, HHStA"), a German name with a
suspended compound keeps its comma ("Haus-, Hof- und Staatsarchiv"), a call number after the
repository that begins with letters another archive abbreviates is the call number ("HHStA,
PA XL": not the Parliamentary Archives), and repositories written out or abbreviated in several
languages are known."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_notes, only_item_in_note


def test_a_department_of_an_umbrella_archive_is_the_archive_cited() -> None:
    item = only_item_in_note("ÖStA, HHStA, PA III, Karton 171, fol. 3.")
    assert (item["archive"], item["archive_location"]) == ("HHStA", "PA III, Karton 171")
    war = only_item_in_note("ÖStA, KA, MKSM, Fasz. 88.")
    assert war["archive"] == "KA" and war["archive_location"].endswith("Fasz. 88")


def test_a_call_number_after_the_archive_is_not_another_archive() -> None:
    item = only_item_in_note("HHStA, PA XXXVIII, Karton 402.")
    assert (item["archive"], item["archive_location"]) == ("HHStA", "PA XXXVIII, Karton 402")


def test_a_suspended_compound_keeps_the_archive_name_whole() -> None:
    notes = cited_in_notes("Haus-, Hof- und Staatsarchiv, Wien (im Folgenden HHStA), PA XL, Karton 290.",
                           "Kállay an Andrássy, 2. Mai 1881, HHStA, PA XL, Karton 291, fol. 17.")
    (first, _), = notes[0]
    (letter, folio), = notes[1]
    assert first["archive"] == letter["archive"] == "Haus-, Hof- und Staatsarchiv"
    assert (first["archive_location"], letter["archive_location"], folio) == (
        "PA XL, Karton 290", "PA XL, Karton 291", "17")
    assert letter["title"] == "Kállay an Andrássy" and letter["type"] == "personal_communication"


@pytest.mark.parametrize(("note", "archive", "location"), [
    ("Başbakanlık Osmanlı Arşivi, DH.MKT 2104/81.", "Başbakanlık Osmanlı Arşivi", "DH.MKT 2104/81"),
    ("Arhiv Bosne i Hercegovine, ZMF, Präs. 881/1902.", "Arhiv Bosne i Hercegovine", "ZMF, Präs. 881/1902"),
    ("Royal Society, EL/W2/14.", "Royal Society", "EL/W2/14"),
    ("BNCF, Gal. 142, c. 7r.", "BNCF", "Gal. 142"),
    ("AHSRE, exp. L-E-551, leg. 4.", "AHSRE", "exp. L-E-551, leg. 4"),
])
def test_repositories_written_out_or_abbreviated(note: str, archive: str, location: str) -> None:
    item = only_item_in_note(note)
    assert (item.get("archive"), item.get("archive_location")) == (archive, location)


def test_ibid_inside_a_note_with_another_call_number_is_another_file_there() -> None:
    letters = cited_in_notes("Hooke to Oldenburg, 3 May 1668, RS, EL/H3/11; Oldenburg to Hooke, 5 May 1668, "
                             "ibid., EL/O2/40.")[0]
    assert [(item["archive"], item["archive_location"], item["title"]) for item, _ in letters] == [
        ("Royal Society", "EL/H3/11", "Hooke to Oldenburg"), ("Royal Society", "EL/O2/40", "Oldenburg to Hooke")]


def test_the_place_a_letter_was_written_is_not_its_title() -> None:
    item = only_item_in_note("Kállay an Burián, Sarajevo, 4. Juni 1903, HHStA, PA XL, Karton 199.")
    assert (item["title"], item["publisher-place"]) == ("Kállay an Burián", "Sarajevo")


def test_a_declared_abbreviation_is_written_with_the_name_the_note_declared() -> None:
    notes = cited_in_notes("Ortiz Rubio to Morrow, 4 March 1930, Archivo Histórico Genaro Estrada, Secretaría de "
                           "Relaciones Exteriores, Mexico City (hereafter AHSRE), exp. 39-10-2.",
                           "AHSRE, exp. 39-10-7, f. 12.")
    (later, folio), = notes[1]
    assert later["archive"] == "Archivo Histórico Genaro Estrada, Secretaría de Relaciones Exteriores"
    assert (later["archive_location"], folio) == ("exp. 39-10-7", "12")


@pytest.mark.parametrize("printed", ["ÖStA/HHStA", "ÖStA-HHStA"])
def test_an_umbrella_and_its_department_joined(printed: str) -> None:
    item = only_item_in_note(f"{printed}, PA XL, Karton 160.")
    assert item["archive"] == printed and item["archive_location"] == "PA XL, Karton 160"


def test_a_repository_printed_with_its_abbreviation_in_brackets_after_its_city() -> None:
    notes = cited_in_notes("Florence, Biblioteca Nazionale Centrale (BNCF), MS Gal. 190, fol. 8r.",
                           "BNCF, MS Gal. 191, fols 2–3.")
    (first, folio), = notes[0]
    (later, _), = notes[1]
    assert (first["archive"], first.get("archive-place"), first["archive_location"], folio) == (
        "Biblioteca Nazionale Centrale", "Florence", "MS Gal. 190", "8r")
    assert "title" not in first and later["archive"] == first["archive"]


def test_a_department_named_after_the_archive_is_a_level_of_its_path() -> None:
    item = only_item_in_note("HHStA, Kabinettsarchiv, Geheimakten, Karton 7.")
    assert (item["archive"], item["archive_location"]) == ("HHStA", "Kabinettsarchiv, Geheimakten, Karton 7")


def test_a_named_department_after_the_library_is_not_a_level() -> None:
    item = only_item_in_note("Library of Congress, Manuscript Division, Papers of Cordell Hull, box 41.")
    assert (item["archive"], item["archive_location"]) == ("Library of Congress", "Papers of Cordell Hull, box 41")


@pytest.mark.parametrize(("note", "archive", "location"), [
    ("Churchill College, Cambridge, HNKY 1/8.", "Churchill College", "HNKY 1/8"),
    ("Trinity College Library, Cambridge, Add. MS 52, fol. 4.", "Trinity College Library", "Add. MS 52"),
    # the college that houses the archive is no level of the call number
    ("Liddell Hart Centre for Military Archives, King's College London, Ismay Papers, 4/9/4.",
     "Liddell Hart Centre for Military Archives", "Ismay Papers, 4/9/4"),
    # India Office series letters, and a collection number after the file
    ("India Office Records, L/P&S/12/2101, Coll. 28/5.", "India Office Records", "L/P&S/12/2101, Coll. 28/5"),
])
def test_colleges_and_india_office_series(note: str, archive: str, location: str) -> None:
    item = only_item_in_note(note)
    assert (item.get("archive"), item.get("archive_location"), item.get("title")) == (archive, location, None)


@pytest.mark.parametrize(("note", "archive", "location", "locator"), [
    ("HStA Stuttgart, E 131a Bü 1201.", "HStA Stuttgart", "E 131a Bü 1201", None),
    ("LA Berlin, A Rep. 001-02 Nr. 124.", "LA Berlin", "A Rep. 001-02 Nr. 124", None),
    ("AAN, MSZ, sygn. 5433, k. 14.", "Archiwum Akt Nowych", "MSZ, sygn. 5433", "14"),
    # Austria's Archiv der Republik is a department of the ÖStA, not "Akten der Reichskanzlei"
    ("ÖStA, AdR, NPA, Karton 124, fol. 46.", "Archiv der Republik", "NPA, Karton 124", "46"),
    ("Schweizerisches Bundesarchiv, Bern, E 2001 (C) 3/12.", "Schweizerisches Bundesarchiv", None, None),
])
def test_more_repositories_and_their_call_numbers(note: str, archive: str, location: str | None,
                                                   locator: str | None) -> None:
    (item, found), = cited_in_notes(note)[0]
    assert item.get("archive") == archive and found == locator
    if location is not None:
        assert item.get("archive_location") == location


@pytest.mark.parametrize(("note", "archive", "location", "locator"), [
    # older British notes print abbreviations with full stops
    ("P.R.O., F.O. 371/16602, N 211/5/38.", "Public Record Office", "F.O. 371/16602, N 211/5/38", None),
    ("P.R.O., C.A.B. 24/261, C.P. 13(36).", "Public Record Office", "C.A.B. 24/261, C.P. 13(36)", None),
    ("B.L., Add. MS 51072, fol. 4.", "British Library", "Add. MS 51072", "4"),
    ("W.O. 106/1679.", None, "W.O. 106/1679", None),
])
def test_dotted_british_abbreviations(note: str, archive: str | None, location: str, locator: str | None) -> None:
    (item, found), = cited_in_notes(note)[0]
    assert (item.get("archive"), item.get("archive_location"), found) == (archive, location, locator)


def test_an_abbreviation_two_national_archives_share_names_neither() -> None:
    # "NAI" is Ireland's as much as India's: printed alone it stays as printed
    item = only_item_in_note("NAI, DFA 27/95.")
    assert (item.get("archive"), item.get("archive_location"), item.get("archive-place")) == ("NAI", "DFA 27/95", None)
