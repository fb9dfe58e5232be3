"""Archival documents dated in another calendar or inside their description ("Despatch No. 45 of
12 May 1933 from Lindsay"); in another calendar (Hijri, Persian, French Republican) with the
Gregorian date after "/", in parentheses or brackets: the two are one date, the Gregorian one the
document's issued, and neither stays in the description or breaks the call number; a date in
another calendar printed alone stays in the description. data/calendar-months.tsv,
notes/docdates.py, archival_scan.py, archival.py."""
from __future__ import annotations

import pytest

from converter.notes.docdates import find_dates
from tests.conftest import only_item_in_note


@pytest.mark.parametrize(("text", "printed", "parts"), [
    ("Consul Jones to Foreign Office, 14 Rabi' al-awwal 1351 / 18 July 1932, TNA",
     "14 Rabi' al-awwal 1351 / 18 July 1932", [1932, 7, 18]),
    ("Ibn Saud to Ryan, 7 Shawwal 1350 (15 February 1932), TNA", "7 Shawwal 1350 (15 February 1932)", [1932, 2, 15]),
    ("Decree, 2 Dhu’l-Hijja 1341 [16 July 1923], IOR", "2 Dhu’l-Hijja 1341 [16 July 1923]", [1923, 7, 16]),
    ("Arrêté, 12 Floréal an II (1 May 1794), AN", "12 Floréal an II (1 May 1794)", [1794, 5, 1]),
])
def test_the_other_calendar_is_part_of_the_gregorian_date(text: str, printed: str, parts: list[int]) -> None:
    (date,) = find_dates(text)
    assert (text[date.start:date.end], date.csl["date-parts"]) == (printed, [parts])


@pytest.mark.parametrize(("note", "title", "year", "location"), [
    ("Consul Jones to Foreign Office, 14 Rabi' al-awwal 1351 / 18 July 1932, TNA, FO 371/16010, E 3900/1/25.",
     "Consul Jones to Foreign Office", 1932, "FO 371/16010, E 3900/1/25"),
    ("Telegram from Bushire, 3 Jumada al-ula 1346 (29 October 1927), FO 371/12288, E 4500/23/34.",
     "Telegram from Bushire", 1927, "FO 371/12288, E 4500/23/34"),
    ("Letter of the Grand Vizier, 14 Ramazan 1326 (10 October 1908), HHStA, PA XII, Karton 121.",
     "Letter of the Grand Vizier", 1908, "PA XII, Karton 121"),
])
def test_a_document_dated_in_two_calendars(note: str, title: str, year: int, location: str) -> None:
    item = only_item_in_note(note)
    assert (item["title"], item["issued"]["date-parts"][0][0], item["archive_location"]) == (title, year, location)


def test_a_date_in_another_calendar_alone_stays_in_the_description() -> None:
    item = only_item_in_note("Firman of the Sultan, 3 Muharrem 1331, BOA, İ.HUS, 191/1331.")
    assert item["title"] == "Firman of the Sultan, 3 Muharrem 1331" and "issued" not in item


@pytest.mark.parametrize(("note", "parts"), [
    ("Despatch No. 46 of 14 May 1933 from Lindsay, FO 371/16602, A 3500/12/45.", [1933, 5, 14]),
    ("Record of a conversation on 3 June 1936 with Maisky, TNA, FO 371/20339.", [1936, 6, 3]),
])
def test_a_date_inside_the_description_dates_the_document(note: str, parts: list[int]) -> None:
    item = only_item_in_note(note)
    assert item["issued"]["date-parts"] == [parts]
