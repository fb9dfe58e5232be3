"""Archival forms of real notes that the rendered dev sets lack (fixtures/notes/realistic/):
a folio printed before its document, lower-case class codes, descriptions before the archive,
published collections with their imprint, and the short forms of letters and records."""
from __future__ import annotations

from typing import Any

import pytest

from converter.model import Origin
from converter.notes.archival import ArchivalContext, parse_archival
from converter.readers import notes_txt
from converter.report import Report


def read(text: str) -> list[dict[str, Any]]:
    match = parse_archival(text, 0, ArchivalContext())
    assert match is not None, text
    return [{**r.csl, "locator": r.locator} for r in match.references]


def families(names: list[dict[str, str]] | None) -> list[str]:
    return [n.get("family") or n.get("literal", "") for n in names or []]


def book(text: str) -> list[list[dict[str, Any]]]:
    """Each note's citations as the cited items' fields (plus the citation's locator)."""
    document = notes_txt.read(text, origin=Origin("t.txt"), report=Report())
    items = {item.csl["id"]: item.csl for item in document.items}
    return [[{**items[c.id], "locator": c.locator} for c in note.citations] for note in document.notes]


@pytest.mark.parametrize(("text", "location", "locator", "author", "title"), [
    ("BL, Add. MS 51072, fo. 33, Cecil to Murray, 19 Nov. 1935.", "Add. MS 51072", "33", ["Cecil"], "Cecil to Murray"),
    ("TNA, FO 800/294, fo. 78, Halifax to Lothian, 27 Dec. 1939.", "FO 800/294", "78", ["Halifax"],
     "Halifax to Lothian"),
])
def test_a_folio_printed_before_its_letter_is_the_letters(text: str, location: str, locator: str,
                                                          author: list[str], title: str) -> None:
    [letter] = read(text)
    assert (letter["archive_location"], letter["locator"], families(letter.get("author")), letter.get("title")) == (
        location, locator, author, title)
    assert letter["type"] == "personal_communication"


def test_documents_after_their_locators_stay_apart() -> None:
    """The seed's form: each document is described before its pages."""
    docs = read("AVPRF, F 4, op. 20, pap. 155, d. 46, Čičerin tovarišu K.K. Jurenevu, 1 maja 1924, pp. 59–60, "
                "Litvinov tovarišu K.K Jurenevu, 5 nojabrja 1924, pp. 126–129.")
    assert [(families(d.get("author")), d["locator"]) for d in docs] == [(["Čičerin"], "59–60"),
                                                                         (["Litvinov"], "126–129")]


@pytest.mark.parametrize(("text", "expected"), [
    ("BArch, R 43 I/1309, Bl. 88 f., Hindenburg an Brüning, 12.8.1931.",
     {"archive_location": "R 43 I/1309", "locator": "88 f.", "title": "Hindenburg an Brüning"}),
    ("Bodl., MS Simon 85, fos. 12–15, Simon to Baldwin, 2 Oct. 1934.",
     {"archive-place": "Oxford", "archive_location": "MS Simon 85", "locator": "12–15", "title": "Simon to Baldwin"}),
    ("Cab. 23/93, Cabinet conclusions 15(38), 14 Mar. 1938.",
     {"archive_location": "Cab. 23/93", "title": "Cabinet conclusions 15(38)",
      "issued": {"date-parts": [[1938, 3, 14]]}}),
    ("Cab. 23/90A, Cabinet 43(37), 24 Nov. 1937.", {"archive_location": "Cab. 23/90A", "type": "manuscript"}),
    ("Report on Soviet grain exports, 1930, Box 4, Folder 11, Allen W. Dulles Papers, Hoover Institution Archives.",
     {"issued": {"date-parts": [[1930]]}, "locator": None, "archive": "Hoover Institution Archives",
      "archive_location": "Box 4, Folder 11, Allen W. Dulles Papers"}),
])
def test_british_and_german_forms(text: str, expected: dict[str, Any]) -> None:
    [doc] = read(text)
    assert {key: doc.get(key) for key in expected} == expected


def test_a_volume_slash_number_is_no_class_code() -> None:
    assert parse_archival("Bd. 2/1, München 1990.", 0, ArchivalContext()) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Herbert Hoover to Charles Evans Hughes, 6 December 1921, box 34, Commerce Papers, Herbert Hoover Presidential "
     "Library, West Branch, Iowa.",
     {"archive-place": "West Branch, Iowa", "archive_location": "box 34, Commerce Papers"}),
    ("William R. Castle Jr. Diary, 14 May 1931, MS Am 2021, Houghton Library, Harvard University.",
     {"archive": "Houghton Library", "archive_location": "MS Am 2021",
      "author": [{"family": "Castle", "given": "R."}]}),
])
def test_the_archives_own_place_and_university_are_not_its_hierarchy(text: str, expected: dict[str, Any]) -> None:
    [doc] = read(text)
    assert {key: doc.get(key) for key in expected} == expected


def test_german_editorial_notes_describe_the_document_before_its_file() -> None:
    notes = book("1. Aufzeichnung des Staatssekretärs von Schubert vom 4. Mai 1926; PA AA, R 28 034, Bl. 112–115.\n"
                 "2. Schreiben Stresemanns an Brockdorff-Rantzau vom 12. Juni 1926, ebd., Bl. 120 f.\n"
                 "3. Telegramm des Botschafters von Dirksen an das Auswärtige Amt vom 7. März 1929; PA AA, R 28 036.\n")
    first, same_file, telegram = (note[0] for note in notes)
    assert (first["title"], families(first["author"]), first["archive_location"], first["locator"]) == (
        "Aufzeichnung des Staatssekretärs von Schubert", ["Schubert"], "R 28 034", "112–115")
    assert (same_file["title"], families(same_file["author"]), same_file["archive_location"],
            same_file["locator"], same_file["issued"]) == (
        "Schreiben Stresemanns an Brockdorff-Rantzau", ["Stresemann"], "R 28 034", "120 f",
        {"date-parts": [[1926, 6, 12]]})
    assert (families(telegram["author"]), telegram["recipient"], telegram["type"]) == (
        ["Dirksen"], [{"literal": "Auswärtige Amt"}], "personal_communication")
    assert all(len(note) == 1 for note in notes)


def test_a_secondary_work_before_a_semicolon_is_not_joined_to_the_archive() -> None:
    notes = book("1. Peter Krüger, Die Außenpolitik der Republik von Weimar, Darmstadt 1985, S. 320; "
                 "PA AA, R 28 034, Bl. 5.\n")
    assert [note_item.get("type") for note_item in notes[0]] == ["book", "manuscript"]


def test_short_forms_of_letters_and_records_are_the_earlier_documents() -> None:
    notes = book(
        "1. Robert F. Kelley to William R. Castle Jr., 3 February 1931, Box 12, Folder 4, Robert F. Kelley Papers, "
        "Hoover Institution Archives.\n"
        "2. Kelley to Castle, 3 February 1931.\n"
        "3. Ibid.\n"
        "4. Stalin to Molotov, 23 August 1929, RGASPI, f. 558, op. 11, d. 769, l. 47.\n"
        "5. Stalin to Molotov, 23 August 1929, l. 48.\n"
        "6. Litvinov to Jurenev, ‘On the Negotiations with Rome’, 12 May 1925, Moscow, AVPRF, f. 05, op. 5, "
        "p. 103, d. 34, ll. 58–59.\n"
        "7. Litvinov to Jurenev, ‘On the Negotiations’, pp. 61–62.\n"
        "8. PRO, FO 371/11786, N 1720/209/38, minute by Gregory, 28 Apr. 1926.\n"
        "9. Minute by Gregory, 28 Apr. 1926, loc. cit.\n"
        "10. Kelley to Castle, 9 March 1931.\n"
        "11. Stalin to Molotov, 23 August 1929, RGASPI, f. 558, op. 11, d. 770, l. 2.\n")
    ids = [[item["id"] for item in note] for note in notes]
    assert ids[1] == ids[2] == ids[0]
    assert ids[4] == ids[3] and notes[4][0]["locator"] == "48"
    assert ids[6] == ids[5] and notes[6][0]["locator"] == "61–62"
    assert ids[8] == ids[7] and notes[8][0]["archive_location"] == "FO 371/11786, N 1720/209/38"
    assert ids[9] != ids[0], "another date: another letter"
    assert ids[10] != ids[3] and notes[10][0]["archive_location"] == "f. 558, op. 11, d. 770", "its own file"


def test_a_quoted_title_after_sender_and_recipient_is_the_short_title() -> None:
    [letter] = read("Litvinov to Jurenev, ‘On the Negotiations with Rome’, 12 May 1925, Moscow, AVPRF, f. 05, op. 5, "
                    "p. 103, d. 34, ll. 58–59.")
    assert (letter["title"], letter["title-short"], families(letter["author"]), families(letter["recipient"])) == (
        "Litvinov to Jurenev, ‘On the Negotiations with Rome’", "On the Negotiations with Rome", ["Litvinov"],
        ["Jurenev"])
    assert letter["archive_location"] == "f. 05, op. 5, p. 103, d. 34" and letter["locator"] == "58–59"


def test_a_collection_printed_in_full_with_its_imprint() -> None:
    [doc] = read("The Secretary of State to the Ambassador in France (Herrick), 21 March 1923, in Papers Relating to "
                 "the Foreign Relations of the United States, 1923, vol. 2 (Washington, DC: Government Printing "
                 "Office, 1938), 780–81.")
    assert (doc["title"], doc.get("author"), families(doc["recipient"]), doc["container-title"], doc["page"],
            doc["locator"]) == ("The Secretary of State to the Ambassador in France (Herrick)", None, ["Herrick"],
                                "Papers Relating to the Foreign Relations of the United States", "780–81", None)
    [abbreviated] = read("FRUS 1920, vol. 3, p. 45.")
    assert (abbreviated["container-title"], abbreviated["locator"]) == ("Foreign Relations of the United States", "45")
    [italian] = read("I documenti diplomatici italiani, 7th ser., vol. III, doc. 412.")
    assert (italian["container-title"], italian["number"]) == ("I documenti diplomatici italiani", "412")


def test_records_by_their_writer_and_dated_by_a_year_after_a_quoted_title() -> None:
    notes = book("1. Record of a conversation with Maisky, by Eden, 12 Feb. 1936, TNA, FO 371/20340, N 1234/20/38.\n"
                 "2. Record of a conversation with Maisky, 12 Feb. 1936.\n"
                 "3. “Memorandum on the Comintern,” 1931, Boris I. Nicolaevsky Collection, box 233, folder 10, "
                 "Hoover Institution Archives.\n"
                 "4. Rede Himmlers vom 4. Oktober 1943, BArch, NS 19/4010, Bl. 3–5.\n")
    record, again, memorandum, speech = (note[0] for note in notes)
    assert families(record["author"]) == ["Eden"] and again["id"] == record["id"]
    assert (memorandum["issued"], memorandum["locator"]) == ({"date-parts": [[1931]]}, None)
    assert families(speech["author"]) == ["Himmler"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The National Archives (TNA), Kew, FO 371/24846, N 5718/30/38.",
     {"archive-place": "Kew", "archive_location": "FO 371/24846, N 5718/30/38"}),
    ("PA AA, Bonn, R 28034.", {"archive-place": "Bonn", "archive_location": "R 28034"}),
    ("BArch Berlin, R 43 I/137, fol. 5.", {"archive_location": "R 43 I/137", "locator": "5"}),
    ("Nachlass Stresemann, Bd. 12, Bl. 34.", {"archive_location": "Nachlass Stresemann, Bd. 12", "locator": "34"}),
    ("FRUS, 1933, II, 780.", {"volume": "1933, II", "locator": "780", "title": None}),
])
def test_places_papers_and_volumes(text: str, expected: dict[str, Any]) -> None:
    [doc] = read(text)
    assert {key: doc.get(key) for key in expected} == expected


def test_ibid_closing_a_document_is_the_file_just_cited_without_an_archive() -> None:
    [[memorandum, minute]] = book("1. Memorandum by Sargent, 4 Feb. 1936, FO 371/19912, C 800/4/18; "
                                  "Minute by Eden, 5 Feb. 1936, ibid.\n")
    assert (families(minute["author"]), minute["archive_location"], minute["id"] != memorandum["id"]) == (
        ["Eden"], "FO 371/19912, C 800/4/18", True)


def test_archives_named_with_their_town_collections_with_their_imprint_and_short_records() -> None:
    notes = book(
        "1. Memorandum of conversation by Kelley, January 4, 1932, 861.01/1700, Central Decimal File, RG 59, "
        "National Archives, College Park, MD.\n"
        "2. Kelley memorandum, January 4, 1932.\n"
        "3. Dokumenty vneshnei politiki SSSR (hereafter DVP), vol. 8 (Moscow, 1963), doc. 45, pp. 120–22.\n"
        "4. DVP, vol. 8, doc. 47.\n"
        "5. Telegram from Dirksen, 7 March 1929, PA AA, R 28036.\n"
        "6. National Archives, Kew, FO 371/24846.\n")
    memorandum, again, volume, declared, telegram, kew = (note[0] for note in notes)
    assert (memorandum["archive"], memorandum["archive-place"], memorandum["archive_location"]) == (
        "National Archives and Records Administration", "College Park, MD", "861.01/1700, Central Decimal File, RG 59")
    assert again["id"] == memorandum["id"]
    assert (volume["volume"], volume["number"], volume["page"], len(notes[2])) == ("8", "45", "120–22", 1)
    assert declared["container-title"] == "Dokumenty vneshnei politiki SSSR"
    assert families(telegram["author"]) == ["Dirksen"]
    assert (kew["archive"], kew["archive-place"]) == ("The National Archives", "Kew")


def test_a_rank_before_a_name_ends_no_reference() -> None:
    [doc] = read("IWM, Documents.12345, diary of Capt. J. Smith, 3 May 1940.")
    assert (doc["archive_location"], doc["title"], families(doc["author"]), doc["issued"]) == (
        "Documents.12345", "diary of Capt. J. Smith", ["Smith"], {"date-parts": [[1940, 5, 3]]})


@pytest.mark.parametrize(("text", "expected"), [
    ("Sargent to Vansittart, 12 Jan. 1936 (copy), FO 371/19912, C 300/4/18.",
     {"title": "Sargent to Vansittart", "archive_location": "FO 371/19912, C 300/4/18"}),
    ("Vansittart to Sargent, 13 Jan. 1936, enclosure, FO 371/19912.", {"archive_location": "FO 371/19912"}),
    ("Grandi’s diary, 2 June 1932, ASMAE, Carte Grandi, b. 4.",
     {"author": [{"family": "Grandi"}], "archive_location": "Carte Grandi, b. 4"}),
    ("DVP, T. 7, Dok. 39, S. 68–88.", {"number": "39", "page": "68–88", "title": None}),
    ("FRUS: The Soviet Union, 1933–1939 (Washington, DC, 1952), 45.",
     {"volume-title": "The Soviet Union, 1933–1939", "locator": "45", "title": None}),
])
def test_copies_diaries_and_collection_volumes(text: str, expected: dict[str, Any]) -> None:
    [doc] = read(text)
    assert {key: doc.get(key) for key in expected} == expected


def test_a_letter_joined_by_and_under_one_file_and_ibid_inside_a_reference() -> None:
    [[note_file, letter]] = book("1. See the note in RGASPI, f. 558, op. 11, d. 767, l. 12, and Stalin to Molotov, "
                                 "9 Sept. 1929, ibid., l. 14.\n")
    assert (note_file["locator"], note_file.get("title")) == ("12", None)
    assert (letter["title"], letter["locator"], letter["archive_location"]) == (
        "Stalin to Molotov", "14", "f. 558, op. 11, d. 767")


def test_a_quoted_short_form_with_op_cit_and_a_month_only_date() -> None:
    notes = book("1. “Protokol zasedanija Sovnarkoma,” February 11, 1936, f. 5446, op. 1, d. 12, GARF, Moscow.\n"
                 "2. “Protokol zasedanija Sovnarkoma,” op. cit, pp. 367–372.\n"
                 "3. “Protokol zasedanija Sovnarkoma” (February 1936), p. 12.\n")
    first, again, month = (note[0] for note in notes)
    assert again["id"] == first["id"] and again["locator"] == "367–372"
    assert month["id"] == first["id"] and month["locator"] == "12"


def test_chicago_short_form_writer_then_quoted_description() -> None:
    notes = book("1. Hull, “Hull to Roosevelt,” letter to Roosevelt, 12 May 1941, RG 59, 711.94/2134, NARA.\n"
                 "2. Hull, “Hull to Roosevelt,” 94.\n")
    assert notes[1][0]["id"] == notes[0][0]["id"] and notes[1][0]["locator"] == "94"


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow, Rossiiskii gosudarstvennyi arkhiv sotsial’no-politicheskoi istorii (RGASPI), f. 17, op. 3, d. 650.",
     {"archive-place": "Moscow", "archive_location": "f. 17, op. 3, d. 650", "title": None}),
    ("Oxford, Bodleian Library, MS Eng. hist. c. 123, fols 45–46.",
     {"archive_location": "MS Eng. hist. c. 123", "locator": "45–46", "title": None}),
])
def test_mhra_place_first_forms(text: str, expected: dict[str, Any]) -> None:
    [doc] = read(text)
    assert {key: doc.get(key) for key in expected} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nachlaß Stresemann, Bd. 52, Bl. 3.", {"archive_location": "Nachlaß Stresemann, Bd. 52", "locator": "3"}),
    ("Runderlaß des Auswärtigen Amts vom 5.6.1926, PA AA, R 28 034.",
     {"title": "Runderlaß des Auswärtigen Amts", "author": None, "archive_location": "R 28 034"}),
    ("Bericht der Botschaft Moskau vom 8. Mai 1926 (Tgb. Nr. 123), PA AA, R 28 035, Bl. 40–45.",
     {"title": "Bericht der Botschaft Moskau", "archive_location": "R 28 035", "locator": "40–45"}),
])
def test_german_spellings_bodies_and_registry_numbers(text: str, expected: dict[str, Any]) -> None:
    [doc] = read(text)
    assert {key: doc.get(key) for key in expected} == expected
