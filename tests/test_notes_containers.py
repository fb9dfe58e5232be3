"""What a part is part of: a journal after "in" or after a quoted title (its volume, issue and date
in English, German, Italian and French numbering), a chapter's book, a special issue, a volume of
a series, the container's editors and author, and where titles and containers end (notes/container.py,
notes/tail.py, notes/title.py, data/notes-containers.tsv). Each note is written as real notes print it.
Kinds of work (reports, letters, web pages...) are in test_notes_secondary_kinds.py."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import cited_in_note as _cited
from tests.conftest import only_item_in_note as _one


@pytest.mark.parametrize("note, journal, volume, issue, year", [
    # German editorial notes: the issue after the year's parenthesis
    ("Anthony Best, Britain and the Cold War in East Asia, in: Cold War History 12 (2012), issue 2, "
     "pp. 205–225, hier p. 210.", "Cold War History", "12", "2", 2012),
    ("Karl Schmidt, Die Reform der Gemeinden, in: Geschichte und Gesellschaft 12 (1986), H. 3, S. 5–30, "
     "hier S. 12.", "Geschichte und Gesellschaft", "12", "3", 1986),
    # British short-title notes: a roman volume before the year
    ("Otto Springer, ‘Mediaeval Pilgrim Routes from Scandinavia to Rome’ in Mediaeval Studies, xii (1950), "
     "pp 92–122.", "Mediaeval Studies", "xii", None, 1950),
    ("Gordon Moore, ‘Cramming More Components’ in Electronics, xxxviii, no. 8 (1965), pp 244–252.",
     "Electronics", "xxxviii", "8", 1965),
])
def test_journal_after_in(note: str, journal: str, volume: str, issue: str | None, year: int) -> None:
    item = _one(note)
    assert item["type"] == "article-journal"
    assert item["container-title"] == journal
    assert item["volume"] == volume
    assert item.get("issue") == issue
    assert item["issued"]["date-parts"][0][0] == year


def test_a_journal_name_may_carry_its_institution_in_parentheses() -> None:
    item = _one("Marvin Garrett, “Language and Design in Pippa Passes,” Victorian Poetry (West Virginia "
                "University) 13, no. 1 (1975): 168.")
    assert (item["type"], item["container-title"], item["volume"], item["issue"]) == (
        "article-journal", "Victorian Poetry", "13", "1")
    assert "publisher-place" not in item  # an institution, not a place


def test_chapter_number_before_in() -> None:
    cited = _cited("James Ashbrook, “The Frontal Lobes, Intending, and a Purposeful God,” chap. 7 in The "
                   "Humanizing Brain (Cleveland: Pilgrim Press, 1997), 81.")
    assert len(cited) == 1
    item, locator = cited[0]
    assert item["type"] == "chapter"
    assert item["container-title"] == "The Humanizing Brain"
    assert item["chapter-number"] == "7"
    assert item["publisher"] == "Pilgrim Press"
    assert locator == "81"


def test_a_books_imprint_after_a_title_is_not_a_journals_date() -> None:
    """"(Stuttgart: Klett, 1987)" after a number is a book's imprint, "(Winter 1987)" an issue's date."""
    item = _one("Hans Keller, “Der Hof,” in Das Reich, Handbuch der Geschichte 2 (Stuttgart: Klett, 1987), 20.")
    assert item["type"] == "chapter"
    assert (item["publisher"], item["issued"]["date-parts"][0][0]) == ("Klett", 1987)
    article = _one("Hans Keller, “Der Hof,” Central European History 2 (Winter 1987): 20.")
    assert (article["type"], article["container-title"]) == ("article-journal", "Central European History")


def test_special_issue_title_then_the_journal() -> None:
    item = _one("Alice Conley, “Fifth-Grade Boys’ Decisions about Participation in Sports,” in “Non-Subject-Matter "
                "Outcomes of Schooling,” ed. Thomas L. Good, special issue, Elementary School Journal 99, no. 5 "
                "(1999): 131–46.")
    assert (item["type"], item["container-title"], item["volume"], item["issue"]) == (
        "article-journal", "Elementary School Journal", "99", "5")
    assert "Non-Subject-Matter Outcomes of Schooling" in item["note"]
    german = _one("Paul Weiss, „Die Stadt“, in: „Stadtgeschichte heute“, hg. v. Karl Lenz, Sonderheft, "
                  "Geschichte und Gesellschaft 12 (1986), S. 5–30.")
    assert (german["type"], german["container-title"], german["volume"]) == (
        "article-journal", "Geschichte und Gesellschaft", "12")


def test_a_quoted_part_inside_a_numbered_volume() -> None:
    item = _one("Grandi, “Il ministro a Mussolini,” in “Il ministro a Mussolini,” Documenti diplomatici italiani, "
                "5 (March 1927), p. 206.")
    assert (item["type"], item["container-title"]) == ("chapter", "Documenti diplomatici italiani")


@pytest.mark.parametrize("note, container, editor", [
    ("Plato, Republic, in: Opera, hrsg. von J. Burnet, Oxford, Clarendon Press, 1902, Bd. 4, S. 327–621.",
     "Opera", "Burnet"),
    ("Daniel Lincoll, Semigroups of Recurrences, in: High Speed Computer and Algorithm Organization, hg. v. "
     "David J. Kuck, New York 1977, S. 179–183.", "High Speed Computer and Algorithm Organization", "Kuck"),
    ("Maria Rossi, La guerra, in Storia d’Italia, a cura di Carlo Bianchi, Torino, Einaudi, 1990, p. 3.",
     "Storia d’Italia", "Bianchi"),
])
def test_container_title_then_its_editors(note: str, container: str, editor: str) -> None:
    item = _one(note)
    assert (item["type"], item["container-title"]) == ("chapter", container)
    assert [name["family"] for name in item["editor"]] == [editor]


def test_collected_works_with_their_author_inverted() -> None:
    item = _one("Immanuel Kant, Kritik der praktischen Vernunft, in: Kant, Immanuel, Kants Werke. Akademie-"
                "Textausgabe, Bd. 5, Berlin 1968, S. 1–163.")
    assert item["container-title"] == "Kants Werke. Akademie-Textausgabe"
    assert item["container-author"] == [{"family": "Kant", "given": "Immanuel"}]


def test_unbracketed_imprint_of_two_places_ends_the_container() -> None:
    item = _one("Gary Westfahl, The True Frontier, in: Gary Westfahl (Hg.), Space and Beyond, Westport, Conn. "
                "and London 2000, S. 55–65, hier S. 60.")
    assert item["container-title"] == "Space and Beyond"
    assert item["publisher-place"] == "Westport, Conn. and London"
    assert item["issued"] == {"date-parts": [[2000]]}


def test_a_quoted_part_then_its_book_and_imprint() -> None:
    item = _one("Brendan Phibbs, “Herrlisheim: Diary of a Battle,” in “Herrlisheim: Diary of a Battle,” The Other "
                "Side of Time: A Combat Surgeon in World War II (Boston, 1987), p. 387.")
    assert (item["type"], item["container-title"]) == (
        "chapter", "The Other Side of Time: A Combat Surgeon in World War II")


def test_proceedings_named_after_the_volume_title_without_parentheses() -> None:
    cited = _cited("Abdus Salam, “Weak and Electromagnetic Interactions,” in Nils Svartholm (ed.), Elementary Particle "
                   "Theory. Proceedings of the Eighth Nobel Symposium, Stockholm 1968, 367–77.")
    assert len(cited) == 1
    item = cited[0][0]
    assert (item["type"], item["container-title"]) == ("paper-conference", "Elementary Particle Theory")
    assert (item["publisher-place"], item["issued"]) == ("Stockholm", {"date-parts": [[1968]]})


def test_a_title_that_begins_with_quoted_words() -> None:
    item = _one("Herbert Spiegelberg, „Intention“ und „Intentionalität“ in der Scholastik, bei Brentano und Husserl, "
                "Studia Philosophica 29 (1969), S. 189–216, hier S. 200.")
    assert item["title"] == "„Intention“ und „Intentionalität“ in der Scholastik, bei Brentano und Husserl"
    assert (item["type"], item["container-title"]) == ("article-journal", "Studia Philosophica")


def test_transliterated_soft_sign_inside_single_quotes() -> None:
    item = _one("‘Zapis’ besedy zamestitelia narodnogo komissara s poslom Italii’ in Dokumenty vneshnei politiki "
                "SSSR, ix (Moscow, 1964), p. 260.")
    assert item["title"] == "Zapis’ besedy zamestitelia narodnogo komissara s poslom Italii"
    assert (item["container-title"], item["volume"]) == ("Dokumenty vneshnei politiki SSSR", "ix")
    british = _one("Mary Smith, ‘Women’s work’ in Past and Present, xii (1950), pp 92–122.")
    assert (british["title"], british["container-title"]) == ("Women’s work", "Past and Present")


def test_newspaper_after_in_dated_with_vom() -> None:
    item = _one("„Die Lage im Osten“, in: Vossische Zeitung vom 3. Juni 1926, S. 2.")
    assert (item["type"], item["container-title"]) == ("article-newspaper", "Vossische Zeitung")
    assert item["issued"] == {"date-parts": [[1926, 6, 3]]}


def test_a_cross_reference_after_a_short_title() -> None:
    cited = _cited("Haslam, Soviet Foreign Policy (n. 12 above), p. 45.")
    assert [(item["title"], locator) for item, locator in cited] == [("Soviet Foreign Policy", "45")]


def test_a_quoted_word_then_a_dash_continues_the_title() -> None:
    item = _one("Peter Krüger, „Locarno“ – Entspannung oder Täuschung?, in: Geschichte und Gesellschaft 4 (1978), "
                "S. 23–45.")
    assert item["title"] == "„Locarno“ – Entspannung oder Täuschung?"
    assert item["container-title"] == "Geschichte und Gesellschaft"


@pytest.mark.parametrize("note, journal, volume, issue, year", [
    ("Mario Rossi, L’Italia e l’URSS, in «Storia contemporanea», XX (1989), n. 3, pp. 401–420.",
     "Storia contemporanea", "XX", "3", 1989),
    ("Paolo Bianchi, Mussolini e Mosca, in «Nuova Antologia», a. 120, fasc. 2150, aprile 1984, pp. 5-30.",
     "Nuova Antologia", "120", "2150", 1984),
    ("Jean Dupont, « La diplomatie soviétique », Revue historique, t. 280, 1988, p. 33-59.",
     "Revue historique", "280", None, 1988),
    ("Teddy Uldricks, “The Soviet Diplomatic Corps,” Jahrbücher für Geschichte Osteuropas, N.F., 23 (1975), 213–24.",
     "Jahrbücher für Geschichte Osteuropas", "23", None, 1975),
    ("Sabine Dullin, “Les diplomates soviétiques,” Communisme, nos. 67–68 (2001): 71–96.",
     "Communisme", None, "67–68", 2001),
])
def test_journal_numbering_in_other_languages(note: str, journal: str, volume: str | None, issue: str | None,
                                              year: int) -> None:
    item = _one(note)
    assert (item["type"], item["container-title"]) == ("article-journal", journal)
    assert (item.get("volume"), item.get("issue"), item["issued"]["date-parts"][0][0]) == (volume, issue, year)


@pytest.mark.parametrize("note, title, series", [
    ("Jürgen Kocka, Arbeitsverhältnisse und Arbeiterexistenzen, Bonn 1990 (Geschichte der Arbeiter, Bd. 2), S. 5.",
     "Arbeitsverhältnisse und Arbeiterexistenzen", "Geschichte der Arbeiter"),
    ("Aristotle, Poetics, Oxford 1968 (Clarendon Aristotle), hier S. 205–211.", "Poetics", "Clarendon Aristotle"),
])
def test_series_in_parentheses_after_an_unbracketed_imprint(note: str, title: str, series: str) -> None:
    cited = _cited(note)
    assert len(cited) == 1
    item, locator = cited[0]
    assert (item["title"], item["collection-title"]) == (title, series)
    assert locator is not None


def test_the_same_author_after_in() -> None:
    """German "ders."/"dies." (Latin "idem"): the container is by, or edited by, the author of the part."""
    item = _one("Hans Müller, Die Reform, in: ders., Gesammelte Aufsätze, Berlin 1990, S. 3–20.")
    assert (item["type"], item["container-title"]) == ("chapter", "Gesammelte Aufsätze")
    assert item["container-author"] == item["author"]
    edited = _one("Anna Weber, Die Frauen, in: dies. (Hg.), Frauengeschichte, Bd. 2: Das 20. Jahrhundert, München "
                  "1995, S. 45.")
    assert (edited["container-title"], edited["volume"], edited["volume-title"]) == (
        "Frauengeschichte", "2", "Das 20. Jahrhundert")
    assert edited["editor"] == edited["author"]


def test_a_numbered_volume_and_its_title_inside_a_container() -> None:
    item = _one("Maria Rossi, La politica estera, in Storia d’Italia, vol. 4, Dall’Unità a oggi, Torino, Einaudi, "
                "1976, pp. 5-30.")
    assert (item["container-title"], item["volume"], item["volume-title"]) == (
        "Storia d’Italia", "4", "Dall’Unità a oggi")
    assert (item["publisher"], item["issued"]) == ("Einaudi", {"date-parts": [[1976]]})


@pytest.mark.parametrize("note, fields", [
    ("M. Carley, ‘End of the “Low, Dishonest Decade”’, Europe-Asia Studies 45:2 (1993), 303–41.",
     {"type": "article-journal", "volume": "45", "issue": "2"}),
    ("Hans Weber, Der Vertrag, in: Der Spiegel, Nr. 12/1990, S. 5.",
     {"type": "article-magazine", "container-title": "Der Spiegel", "issue": "12"}),
    ("„Moskau antwortet“, in: Die Zeit, 3.5.1990, S. 2.",
     {"type": "article-newspaper", "container-title": "Die Zeit", "issued": {"date-parts": [[1990, 5, 3]]}}),
    ("John Smith, “Liberalism in Decline,” Journal of Modern History, no. 3 (1990): 5.",
     {"type": "article-journal", "issue": "3"}),
])
def test_issue_numbering_of_journals_and_the_press(note: str, fields: dict[str, Any]) -> None:
    item = _one(note)
    assert {key: item.get(key) for key in fields} == fields


def test_an_unknown_place_and_year_before_the_pages_end_a_container() -> None:
    cited = _cited("Sergej Slutsch, Deutschland und die UdSSR, in: Hans-Adolf Jacobsen (Hg.), Deutsch-russische "
                   "Zeitenwende, Baden-Baden 1995, S. 28–90, hier S. 30.")
    assert len(cited) == 1
    item, locator = cited[0]
    assert (item["container-title"], item["publisher-place"], item["page"], locator) == (
        "Deutsch-russische Zeitenwende", "Baden-Baden", "28–90", "30")


def test_a_volume_of_a_multivolume_series_after_the_container() -> None:
    cited = _cited("Mark Smith, “The Comintern,” in Communism and Its Enemies, ed. John Doe, vol. 2 of A History of "
                   "the Twentieth Century (London: Routledge, 2001), 45.")
    assert len(cited) == 1
    item, locator = cited[0]
    assert (item["container-title"], item["volume"], item["collection-title"], locator) == (
        "Communism and Its Enemies", "2", "A History of the Twentieth Century", "45")
    assert item["publisher"] == "Routledge"
