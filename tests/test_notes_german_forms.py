"""German editorial notes: a title that begins with a person's name after the author ("Wolfgang J.
Mommsen, Max Weber und die deutsche Politik"), "Ders./Dies. (Hg.)", a series in parentheses before
the imprint, and a dated document printed in a work cited before ("Tagebucheintrag vom 3. Mai
1926, in: Kessler, Tagebuch, Bd. 8, S. 415"). notes/names.py, secondary.py, title.py,
cited_container.py, persons.py."""
from __future__ import annotations

from typing import Any

import pytest

from converter.model import Origin
from converter.readers import notes_txt
from converter.report import Report
from tests.conftest import cited_in_note, cited_in_notes


def _families(item: dict[str, Any], variable: str = "author") -> list[str]:
    return [name["family"] for name in item.get(variable, [])]


def test_a_title_that_begins_with_a_person() -> None:
    (item, locator), = cited_in_note("Wolfgang J. Mommsen, Max Weber und die deutsche Politik 1890–1920, "
                                     "2. Aufl., Tübingen 1974, S. 12.")
    assert _families(item) == ["Mommsen"]
    assert item["title"] == "Max Weber und die deutsche Politik 1890–1920"
    assert (item["publisher-place"], locator) == ("Tübingen", "12")
    # a list of co-authors still reads as one
    (item, _), = cited_in_note("Karl Müller, Otto Schmidt und Fritz Weber, Die Krise, Berlin 1990.")
    assert _families(item) == ["Müller", "Schmidt", "Weber"]


def test_the_same_person_as_editor() -> None:
    notes = cited_in_notes("Hans Mommsen, Beamtentum im Dritten Reich, Stuttgart 1966, S. 12.",
                           "Ders. (Hg.), Frauen in der Weimarer Republik, Frankfurt a. M. 1990.")
    (item, _), = notes[1]
    assert _families(item, "editor") == ["Mommsen"] and "author" not in item
    assert item["title"] == "Frauen in der Weimarer Republik"


def test_a_series_in_parentheses_before_the_imprint() -> None:
    (item, locator), = cited_in_note("Andreas Wirsching, Die Weimarer Republik. Politik und Gesellschaft "
                                     "(Enzyklopädie deutscher Geschichte, Bd. 58), München 2000, S. 10.")
    assert item["title"] == "Die Weimarer Republik. Politik und Gesellschaft"
    assert (item["collection-title"], item["collection-number"]) == ("Enzyklopädie deutscher Geschichte", "58")
    assert (item["publisher-place"], item["issued"]["date-parts"][0][0], locator) == ("München", 2000, "10")


DIARY = "Harry Graf Kessler, Das Tagebuch 1880–1937, Bd. 8, hrsg. v. Angela Reinthal, Stuttgart 2009, S. 412."


def test_a_dated_document_in_a_work_cited_before() -> None:
    notes = cited_in_notes(DIARY, "Tagebucheintrag vom 3. Mai 1926, in: Kessler, Tagebuch, Bd. 8, S. 415.",
                           "Brief an Hoesch vom 3. Juni 1926, in: Kessler, Tagebuch, Bd. 8, S. 420.")
    (entry, locator), = notes[1]
    assert entry["type"] == "chapter" and entry["container-title"] == "Das Tagebuch 1880–1937"
    assert entry["title"] == "Tagebucheintrag"
    assert entry["issued"]["date-parts"] == [[1926, 5, 3]]
    assert locator == "415"
    (letter, _), = notes[2]
    assert letter["title"] == "Brief an Hoesch"
    assert _families(letter, "recipient") == ["Hoesch"] and "author" not in letter  # "Brief" is no sender


def test_a_dated_document_in_a_work_names_its_writer() -> None:
    (item, locator), = cited_in_note("Rede Hitlers vom 23. Mai 1939, in: Max Domarus, Hitler. Reden und "
                                     "Proklamationen, Bd. 2, München 1965, S. 1196.")
    assert item["type"] == "chapter" and item["container-title"] == "Hitler. Reden und Proklamationen"
    assert _families(item) == ["Hitler"]
    assert item["issued"]["date-parts"] == [[1939, 5, 23]]
    assert locator == "1196"


def test_a_pinpoint_after_an_ibid_is_the_page_cited() -> None:
    notes = cited_in_notes("BArch, R 43 I/136, Bl. 201.", "Ebd., Bl. 205–208, hier Bl. 206.")
    (item, locator), = notes[1]
    assert item is notes[0][0][0] and locator == "206"


def test_a_lead_in_before_a_document_is_its_prefix() -> None:
    (item, _), = cited_in_note("Vgl. die Aufzeichnung vom 3. März 1926, BArch, R 43 I/136, Bl. 201.")
    assert item["title"] == "Aufzeichnung" and item["archive_location"] == "R 43 I/136"
    (item, _), = cited_in_note("See the memorandum by Sargent, 3 May 1936, TNA, FO 371/19912, fo. 3.")
    assert item["title"] == "memorandum by Sargent" and _families(item) == ["Sargent"]


def test_the_place_a_diplomat_wrote_from_is_no_party() -> None:
    (item, _), = cited_in_note("Botschafter von Hoesch (Paris) an das Auswärtige Amt, 4. März 1926; "
                               "PA AA, R 28 034, Bl. 45–48.")
    assert _families(item) == ["Hoesch"]


def test_several_places_and_a_range_of_years() -> None:
    (item, locator), = cited_in_note("Peter Grupp, Deutsche Außenpolitik im Schatten von Versailles 1918–1920, "
                                     "Paderborn u. a. 1988, S. 45.")
    assert item["title"] == "Deutsche Außenpolitik im Schatten von Versailles 1918–1920"
    assert (item["issued"]["date-parts"][0][0], locator) == (1988, "45")
    (item, locator), = cited_in_note("Gerhard L. Weinberg, The Foreign Policy of Hitler’s Germany, 2 Bde., "
                                     "Chicago 1970–1980, hier Bd. 1, S. 25.")
    assert (item["publisher-place"], item["issued"]["date-parts"][0][0], locator) == ("Chicago", 1970, "25")


def test_an_official_publication_has_no_author() -> None:
    for note, title in (("Verhandlungen des Reichstags, Bd. 388, S. 5678.", "Verhandlungen des Reichstags"),
                        ("Parliamentary Debates, 5th ser., vol. 300, col. 1245.", "Parliamentary Debates, 5th ser")):
        (item, _), = cited_in_note(note)
        assert "author" not in item and item["title"] == title and item["volume"] in ("388", "300")
    (item, _), = cited_in_note("Jean du Bellay, Mémoires, Paris 1910, p. 3.")  # a given name before "du"
    assert _families(item) == ["Bellay"]


def test_the_edition_of_a_newspaper() -> None:
    (item, locator), = cited_in_note("„Stresemann und Briand“, in: Vossische Zeitung vom 10. März 1926, "
                                     "Abendausgabe, S. 2.")
    assert item["type"] == "article-newspaper" and item["container-title"] == "Vossische Zeitung"
    assert (item["edition"], locator) == ("Abendausgabe", "2")


def test_where_a_document_is_printed_is_a_lead_in() -> None:
    (item, locator), = cited_in_note("Text in: Ursachen und Folgen, Bd. 6, S. 300.")
    assert (item["title"], item["volume"], locator) == ("Ursachen und Folgen", "6", "300")
    document = notes_txt.read("1. Zitiert nach Hans Mommsen, Beamtentum, Stuttgart 1966, S. 3.\n"
                              "2. Dazu ausführlich Annelise Thimme, Gustav Stresemann, Hannover 1957, S. 99.\n",
                              origin=Origin("t.txt"), report=Report())
    assert [(n.kind, n.citations[0].prefix) for n in document.notes] == [
        ("citation", "Zitiert nach"), ("citation", "Dazu ausführlich")]


def test_a_description_then_ebd_after_a_semicolon() -> None:
    notes = cited_in_notes("Stresemann an Hoesch, 12. Januar 1926; PA AA, R 28 034, Bl. 7.",
                           "Bülow an Hoesch, 4. Mai 1926; ebd., Bl. 30.", "Hoesch an Stresemann, 5. Mai 1926; ebd.")
    for (item, _), in notes[1:]:
        assert (item["archive"], item["archive_location"]) == ("PA AA", "R 28 034")
    assert [note[0][1] for note in notes] == ["7", "30", None]
    assert _families(notes[1][0][0]) == ["Bülow"]


def test_a_collection_with_its_volume_title_and_an_editors_note() -> None:
    (item, _), = cited_in_note("Schreiben des Reichskanzlers Marx an Stresemann vom 2. Februar 1927, in: Akten der "
                               "Reichskanzlei. Die Kabinette Marx III und IV, Bd. 1, Nr. 178, S. 520–522.")
    assert (item["container-title"], item["volume"], item["number"]) == ("Akten der Reichskanzlei", "1", "178")
    assert item["title"] == "Schreiben des Reichskanzlers Marx an Stresemann"
    (item, _), = cited_in_note("Vgl. ADAP, Serie B, Bd. II/1, Dok. 45, S. 120, Anm. 3.")
    assert "title" not in item and item["number"] == "45"  # "Anm. 3" is the editor's note, not a document


def test_places_joined_by_a_slash_and_a_series_issue() -> None:
    (item, locator), = cited_in_note(
        "Theodor Schieder, Die Probleme des Rapallo-Vertrags, Köln/Opladen 1956 (Arbeitsgemeinschaft für "
        "Forschung des Landes Nordrhein-Westfalen, Geisteswissenschaften, H. 43), S. 12.")
    assert (item["title"], item["publisher-place"], locator) == ("Die Probleme des Rapallo-Vertrags", "Köln/Opladen",
                                                                 "12")
    assert item["collection-number"] == "43"


def test_the_extent_then_the_page_cited() -> None:
    (item, locator), = cited_in_note("Daniel D. Lincoll, Semigroups of Recurrences, in: High Speed Computer and "
                                     "Algorithm Organization, hrsg. von David J. Lipcoll, New York, Academic Press, "
                                     "1977, S. 179–183, S. 249.")
    assert (item["page"], locator) == ("179–183", "249")
    (item, locator), = cited_in_note("Immanuel Kant, “Kritik der Urtheilskraft,” in Immanuel Kant, Kants Werke, 5 "
                                     "(Berlin, 1968), pp. 165–485.")
    assert item["page"] == "165–485"


def test_a_series_between_the_publisher_and_the_year() -> None:
    (item, locator), = cited_in_note(
        "Ahasver von Brandt, Die nordischen Länder, in: Europa im Hoch- und Spätmittelalter, hrsg. von Ferdinand "
        "Seibt, Stuttgart, Klett-Cotta, (Handbuch der europäischen Geschichte, Bd. 2), 1987, pp. 884–917, p. 294.")
    assert (item["publisher-place"], item["publisher"], item["issued"]["date-parts"][0][0]) == (
        "Stuttgart", "Klett-Cotta", 1987)
    assert (item["collection-title"], item["collection-number"]) == ("Handbuch der europäischen Geschichte", "2")
    assert (item["page"], locator) == ("884–917", "294")


def test_a_remark_in_parentheses_after_the_folio() -> None:
    document = notes_txt.read("1. BArch, R 43 I/137, Bl. 5 (Abschrift).\n", origin=Origin("t.txt"), report=Report())
    note = document.notes[0]
    assert note.kind == "citation" and note.citations[0].locator == "5"  # was "mixed": the ")" left over


@pytest.mark.parametrize("note, title, edition, place, year, locator", [
    ("Eberhard Jäckel, Hitlers Weltanschauung. Entwurf einer Herrschaft, erw. u. überarb. Neuausg., Stuttgart 1981, "
     "S. 50.", "Hitlers Weltanschauung. Entwurf einer Herrschaft", "erw. u. überarb. Neuausg.", "Stuttgart", 1981,
     "50"),
    ("Hans Mommsen, Beamtentum, 2., durchges. Aufl., München 1990, S. 5.", "Beamtentum", "2., durchges. Aufl.",
     "München", 1990, "5"),
    ("Otto Schmidt, Geschichte, Neuausg. Frankfurt a. M. 1985, S. 5.", "Geschichte", "Neuausg.", "Frankfurt a. M.",
     1985, "5"),
    ("Ernst Nolte, Der Faschismus in seiner Epoche, München 1963, 6. Aufl. 1984, S. 30.",
     "Der Faschismus in seiner Epoche", "6. Aufl.", "München", 1984, "30"),  # was locator 6; 1984: the edition cited
])
def test_german_editions(note: str, title: str, edition: str, place: str, year: int, locator: str) -> None:
    (item, found), = cited_in_note(note)
    assert (item["title"], item["edition"], item["publisher-place"]) == (title, edition, place)
    assert (item["issued"]["date-parts"][0][0], found) == (year, locator)


def test_the_same_author_and_another_as_editors_of_the_volume() -> None:
    (item, locator), = cited_in_note("Wolfgang Michalka, Gustav Stresemann und die Locarno-Politik, in: Ders./Marshall "
                                     "M. Lee (Hg.), Gustav Stresemann, Darmstadt 1982, S. 180–210, hier S. 190.")
    assert [name["family"] for name in item["editor"]] == ["Michalka", "Lee"]
    assert (item["container-title"], item["page"], locator) == ("Gustav Stresemann", "180–210", "190")


@pytest.mark.parametrize("note, place, year", [
    ("Ian Kershaw, Der NS-Staat, Reinbek bei Hamburg 1988, S. 50.", "Reinbek bei Hamburg", 1988),
    ("Rolf-Dieter Müller, Das Tor zur Weltmacht, Boppard am Rhein 1984, S. 100.", "Boppard am Rhein", 1984),
])
def test_towns_named_by_a_neighbour_or_a_river(note: str, place: str, year: int) -> None:
    (item, _), = cited_in_note(note)
    assert (item["publisher-place"], item["issued"]["date-parts"][0][0]) == (place, year)


def test_editors_and_others_then_a_paperback_series() -> None:
    (item, _), = cited_in_note("Die Weimarer Republik 1918–1933. Politik, Wirtschaft, Gesellschaft, hrsg. v. Karl "
                               "Dietrich Bracher u. a., Bonn 1987, S. 20.")
    assert [name["family"] for name in item["editor"]] == ["Bracher"] and item["publisher-place"] == "Bonn"
    (item, _), = cited_in_note("Norbert Frei, Der Führerstaat, München 1987 (dtv 4517), S. 30.")
    assert (item["collection-title"], item["collection-number"]) == ("dtv", "4517")


@pytest.mark.parametrize(("note", "role", "container"), [
    ("Peter Krüger, Versailles, in: Ders. (Hg.), Das Ende des Reiches, München 1986, S. 10–30.", "editor",
     "Das Ende des Reiches"),
    ("Hans Mommsen, Die Beamten, in: Ders., Arbeiterbewegung und nationale Frage, Göttingen 1979, S. 5–20.",
     "container-author", "Arbeiterbewegung und nationale Frage"),
    ("Ursula Büttner, Die Krise, in: Dies. (Hrsg.), Das Unrechtsregime, Bd. 1, Hamburg 1986, S. 7–30.", "editor",
     "Das Unrechtsregime"),
])
def test_a_capitalised_ders_before_the_container_is_the_author(note: str, role: str, container: str) -> None:
    (item, _), = cited_in_note(note)
    assert item["type"] == "chapter" and item["container-title"] == container
    assert _families(item, role) == _families(item)


@pytest.mark.parametrize(("note", "families", "locators"), [
    ("Vgl. Karl Heinz Roth, Die Werft, Kiel 1970, S. 3, sowie Hans Mommsen, Die Beamten, Göttingen 1979, S. 5.",
     ["Roth", "Mommsen"], ["3", "5"]),
    ("Karl Heinz Roth, Die Werft, Kiel 1970, S. 3, ferner Hans Mommsen, Die Beamten, Göttingen 1979, S. 5.",
     ["Roth", "Mommsen"], ["3", "5"]),
])
def test_a_second_work_after_sowie_is_no_comment(note: str, families: list[str], locators: list[str]) -> None:
    cited = cited_in_note(note)
    assert [_families(item)[0] for item, _ in cited] == families
    assert [locator for _, locator in cited] == locators


@pytest.mark.parametrize(("note", "translator"), [
    ("Hans Rothfels, The German Opposition to Hitler, trans. by Lawrence Wilson (London: Wolff, 1961), pp. 10–12.",
     "Wilson"),
    ("Alan Bullock, Hitler, aus dem Englischen von Wilhelm Thaler, Düsseldorf 1953, S. 10.", "Thaler"),
    ("Renzo De Felice, Mussolini, trad. di Mario Rossi, Torino 1965, p. 5.", "Rossi"),
])
def test_translators_in_mhra_german_and_italian(note: str, translator: str) -> None:
    (item, _), = cited_in_note(note)
    assert _families(item, "translator") == [translator]
    assert "," not in item["title"]


@pytest.mark.parametrize(("note", "role", "families"), [
    ("G. Niedhart, Die Außenpolitik, in: Die Weimarer Republik, hg. v. K. D. Bracher und H.-A. Jacobsen, Bonn 1987, "
     "S. 364–386.", "editor", ["Bracher", "Jacobsen"]),
    ("H.-U. Wehler, Das Kaiserreich, Göttingen 1973, S. 5.", "author", ["Wehler"]),
    # Chicago: the chapter's author named again, alone, before the book that collects the essays
    ('Paul Kennedy, "Idealists and Realists," in Kennedy, Strategy and Diplomacy, 1870–1945 (London: Allen & Unwin, '
     '1983), 13–39.', "container-author", ["Kennedy"]),
])
def test_hyphenated_initials_and_the_author_again(note: str, role: str, families: list[str]) -> None:
    (item, _), = cited_in_note(note)
    assert _families(item, role) == families
    assert "Kennedy," not in item.get("container-title", "")


@pytest.mark.parametrize("closing", ["“", "”", '"'])
def test_a_german_quotation_closed_by_any_double_quote(closing: str) -> None:
    (item, _), = cited_in_note(f"Klaus Hildebrand, „Die Krise{closing}, in: Die Weimarer Republik, hg. von Karl "
                               "Dietrich Bracher, Düsseldorf 1987, S. 10–20.")
    assert (_families(item), item["title"], item["container-title"]) == (["Hildebrand"], "Die Krise",
                                                                         "Die Weimarer Republik")


@pytest.mark.parametrize(("note", "role", "families"), [
    # the series in parentheses after place and year ends the note: the book is still read
    ("Werner Conze (Hrsg.), Die Staatskrise, Stuttgart 1967 (Industrielle Welt, Bd. 8).", "editor", ["Conze"]),
    ("Karl Weber, Die Stadt, Krefeld 1949 (Rheinische Studien, Bd. 4).", "author", ["Weber"]),
    # "u." joins two names as "und" does
    ("Hans Meier u. Karl Schulz (Hrsg.), Die Krise, Berlin 1991, S. 6.", "editor", ["Meier", "Schulz"]),
])
def test_series_at_the_end_and_u_between_names(note: str, role: str, families: list[str]) -> None:
    (item, _), = cited_in_note(note)
    assert _families(item, role) == families and item["issued"]["date-parts"][0][0] in (1949, 1967, 1991)


def test_derselbe_is_the_author_again() -> None:
    notes = cited_in_notes("Karl Dietrich Erdmann, Die Zeit der Weltkriege, Stuttgart 1976, S. 5.",
                           "Derselbe, Die Weimarer Republik, München 1980, S. 4.")
    (item, _), = notes[1]
    assert _families(item) == ["Erdmann"] and item["title"] == "Die Weimarer Republik"
