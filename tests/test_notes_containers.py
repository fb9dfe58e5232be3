"""What a part is part of: a journal after "in" or after a quoted title, a chapter's book, and the
vocabulary that tells a conference paper, a special issue, a letter or a report (notes/container.py,
notes/tail.py, data/notes-containers.tsv). Each note is written as real notes print it."""
from __future__ import annotations

from typing import Any

import pytest

from converter.model import Origin
from converter.readers import notes_txt
from converter.report import Report


def _cited(text: str) -> list[tuple[dict[str, Any], str | None]]:
    """(item, locator) for each citation of a one-note document."""
    document = notes_txt.read(f"1. {text}\n", origin=Origin("t.txt"), report=Report())
    by_id = {item.id: item.csl for item in document.items}
    return [(by_id[citation.id], citation.locator) for citation in document.notes[0].citations]


def _one(text: str) -> dict[str, Any]:
    cited = _cited(text)
    assert len(cited) == 1, [item for item, _ in cited]
    return cited[0][0]


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


@pytest.mark.parametrize("note, kind, genre, fields", [
    ("Willy Chiu and We Min Chow, A Hybrid Hierarchical Model of a Multiple Virtual Storage Operating System, "
     "research report RC-6947 (IBM, 1978), 165.", "report", "Research report",
     {"number": "RC-6947", "publisher": "IBM"}),
    ("Jitendra Padhye, A Stochastic Model of TCP Reno Congestion Avoidance, technical report 99-02, Amherst, Mass., "
     "1999.", "report", "Technical report", {"number": "99-02", "publisher-place": "Amherst, Mass."}),
    ("Ulrich Underwood, “Lower Bounds for Wishful Research Results,” unpublished manuscript, n.d.", "manuscript",
     "Unpublished manuscript", {}),
    ("Nikolai Krestinskii, Polpred v Germanii tov. Litvinovu, letter, Berlin, 1926.", "personal_communication",
     "letter", {}),
])
def test_genre_words_after_a_title(note: str, kind: str, genre: str, fields: dict[str, str]) -> None:
    item = _one(note)
    assert (item["type"], item["genre"]) == (kind, genre)
    assert {key: item.get(key) for key in fields} == fields


def test_paper_presented_at_a_meeting() -> None:
    item = _one("Clifford Nass, “Why Researchers Treat On-Line Journals Like Real People” (paper presented at the "
                "annual meeting of the Council of Science Editors, San Antonio, TX, May 6–9, 2000).")
    assert item["type"] == "paper-conference"
    assert item["event-title"] == "the annual meeting of the Council of Science Editors"
    assert item["event-place"] == "San Antonio, TX"
    assert item["issued"] == {"date-parts": [[2000, 5, 6]]}
    unbracketed = _one("Maria Rossi, “La crisi del 1929,” paper read at the Convegno di storia economica, "
                       "Bologna, 1999.")
    assert (unbracketed["type"], unbracketed["event-place"]) == ("paper-conference", "Bologna")


@pytest.mark.parametrize("note, container", [
    ("Alfred Aho, “On Notions of Information Transfer in VLSI Circuits,” in Proceedings of the Fifteenth Annual "
     "ACM Symposium on the Theory of Computing (Boston, 1983), 133.",
     "Proceedings of the Fifteenth Annual ACM Symposium on the Theory of Computing"),
    ("Alfred Aho, “On Notions of Information Transfer in VLSI Circuits,” Proc. Fifteenth Annual ACM Symposium on "
     "the Theory of Computing, 1983.", "Proc. Fifteenth Annual ACM Symposium on the Theory of Computing"),
    ("Anna Neri, “Le fonti,” in Atti del convegno di studi storici, a cura di Paolo Bruni (Roma: Viella, 2001), 7.",
     "Atti del convegno di studi storici"),
])
def test_a_container_that_names_a_meeting_makes_a_conference_paper(note: str, container: str) -> None:
    item = _one(note)
    assert (item["type"], item["container-title"]) == ("paper-conference", container)


def test_a_meeting_named_after_the_volume_title() -> None:
    item = _one("Abdus Salam, “Weak and Electromagnetic Interactions,” in Elementary Particle Theory: Relativistic "
                "Groups and Analyticity. Proceedings of the Eighth Nobel Symposium, ed. Nils Svartholm (Stockholm: "
                "Almqvist & Wiksell, 1968), 367–77.")
    assert item["type"] == "paper-conference"


@pytest.mark.parametrize("note, kind, container", [
    ("“How Did the ‘Cool Kids’ from High School Turn Out?” Quora, August 9, 2016, "
     "https://www.quora.com/How-did-the-cool-kids-from-high-school-turn-out/.", "webpage", "Quora"),
    ("Richard Stenger, “Tiny Human-Borne Monitoring Device Sparks Privacy Fears,” CNN.com, December 20, 1999, "
     "http://www.cnn.com/1999/TECH/ptech/12/20/implant.device/.", "webpage", "CNN.com"),
    ("Jane Doe, “The Storm Passes,” New York Times, May 2, 2015, https://www.nytimes.com/2015/05/02/storm.html.",
     "article-newspaper", "New York Times"),
    ("Karl Weber, „Die Krise der Banken“, Frankfurter Allgemeine Zeitung, 3. Mai 1990, S. 5.", "article-newspaper",
     "Frankfurter Allgemeine Zeitung"),
    ("Evanston Public Library Board of Trustees, “Evanston Public Library Strategic Plan, 2000–2010,” Evanston "
     "Public Library, accessed July 18, 2002, http://www.epl.org/library/strategic-plan-00.html.", "webpage",
     "Evanston Public Library"),
])
def test_web_pages_and_newspapers(note: str, kind: str, container: str) -> None:
    item = _one(note)
    assert (item["type"], item["container-title"]) == (kind, container)


def test_accessed_date_of_a_web_page() -> None:
    item = _one("Evanston Public Library Board of Trustees, “Strategic Plan, 2000–2010,” Evanston Public Library, "
                "accessed July 18, 2002, http://www.epl.org/library/strategic-plan-00.html.")
    assert item["accessed"] == {"date-parts": [[2002, 7, 18]]}
    assert item["URL"] == "http://www.epl.org/library/strategic-plan-00.html"


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


def test_a_conference_series_makes_a_conference_paper() -> None:
    item = _one("Dorothea Frede, “Pleasure,” in Aristotle: Nicomachean Ethics, Book VII, ed. Carlo Natali, Symposium "
                "Aristotelicum (Oxford: Oxford University Press, 2009), 365.")
    assert item["type"] == "paper-conference"


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


@pytest.mark.parametrize("note, newspaper, date, issue", [
    ("The Observer, 6 June 1926, p. 12.", "The Observer", [1926, 6, 6], None),
    ("Rote Fahne, Nr. 112 vom 14. Mai 1928.", "Rote Fahne", [1928, 5, 14], "112"),
])
def test_a_newspaper_issue_cited_by_name_and_date(note: str, newspaper: str, date: list[int],
                                                  issue: str | None) -> None:
    item = _one(note)
    assert (item["type"], item["container-title"], item["issued"]["date-parts"][0]) == (
        "article-newspaper", newspaper, date)
    assert item.get("issue") == issue


def test_a_place_and_date_is_no_newspaper() -> None:
    assert all(item.get("type") != "article-newspaper" for item, _ in _cited("Berlin, 12 May 1927."))


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


def test_a_letter_printed_in_a_collection_is_a_chapter() -> None:
    """The seed gold's convention: a document inside a published collection of documents (DVP, DDI, FRUS...)
    is a chapter; a letter in an edition of someone's correspondence stays a letter."""
    item = _one("Litvinov to Krestinskii, 4 April 1925, in Dokumenty vneshnei politiki SSSR, vol. VIII, doc. 123.")
    assert (item["type"], item["genre"], item["container-title"]) == (
        "chapter", "letter", "Dokumenty vneshnei politiki SSSR")
    unpublished = _one("Litvinov to Krestinskii, 4 April 1925, letter.")
    assert unpublished["type"] == "personal_communication"


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


def test_german_dissertation_with_its_place() -> None:
    item = _one("Karl Meyer, Die Politik der KPD, phil. Diss. Berlin 1960, S. 4.")
    assert (item["type"], item["title"], item["publisher-place"]) == ("thesis", "Die Politik der KPD", "Berlin")
    assert item["issued"] == {"date-parts": [[1960]]}


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


@pytest.mark.parametrize("note, accessed", [
    ("British Library, ‘Magna Carta’, <https://www.bl.uk/magna-carta> [accessed 3 May 2020].", [2020, 5, 3]),
    ("Bundesarchiv, „Das Projekt“, https://www.bundesarchiv.de/projekt (zuletzt abgerufen am 3.5.2020).",
     [2020, 5, 3]),
])
def test_accessed_dates_in_brackets(note: str, accessed: list[int]) -> None:
    item = _one(note)
    assert item["type"] == "webpage"
    assert "container-title" not in item  # the address is no journal
    assert item["accessed"] == {"date-parts": [accessed]}


def test_unpublished_thesis_in_parentheses() -> None:
    item = _one("Mary Smith, ‘The Reform Act’ (unpublished doctoral thesis, University of London, 1999), p. 12.")
    assert (item["type"], item["publisher"]) == ("thesis", "University of London")


@pytest.mark.parametrize("note, journal", [
    ("Robert Dallek, review of The Wise Men, by Walter Isaacson, Journal of American History 80, no. 3 (1993): 1120.",
     "Journal of American History"),
    ("Hans Mommsen, Rezension von Die Weimarer Republik, von Heinrich August Winkler, in: Historische Zeitschrift 260 "
     "(1995), S. 120–122.", "Historische Zeitschrift"),
])
def test_a_review_names_the_reviewed_work(note: str, journal: str) -> None:
    item = _one(note)
    assert (item["type"], item["container-title"]) == ("article-journal", journal)
    assert len(item["author"]) == 1 and len(item["reviewed-author"]) == 1
    assert item["author"][0]["family"] != item["reviewed-author"][0]["family"]
    assert item["title"] == f"Review of {item['reviewed-title']}"


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


def test_an_address_in_parentheses_and_the_day_it_was_read() -> None:
    cited = _cited("Nicolas Markey, ‘Tame the BeaST: The B to X of BibTeX’, 2005, p. 406 "
                   "(http://mirror.ctan.org/info/bibtex/tamethebeast/ttb_en.pdf) (1 Oct. 2006).")
    assert len(cited) == 1
    item, locator = cited[0]
    assert (item["type"], item["URL"], locator) == (
        "webpage", "http://mirror.ctan.org/info/bibtex/tamethebeast/ttb_en.pdf", "406")
    assert item["accessed"] == {"date-parts": [[2006, 10, 1]]}
    assert "container-title" not in item  # "p." is a page label, not a journal


@pytest.mark.parametrize("note, letter", [
    ("Litvinov, “Litvinov tovarišu K.K. Jurenevu” (Moskva, March 1924), p. 116.", True),
    ("Karl Marx, Marx an Engels, London 1860, S. 4.", True),
    ("John Smith, “Smith to the Rescue,” Journal of Heroes 5 (1990): 3.", False),  # no recipient's name
    ("Anna Weber, “Weber an der Front,” in Der Krieg, hg. v. Karl Lenz (Berlin, 1990), 3.", False),
])
def test_a_title_naming_its_author_and_a_recipient_is_a_letter(note: str, letter: bool) -> None:
    item = _one(note)
    assert (item["type"] == "personal_communication") is letter


def test_a_blog_post() -> None:
    item = _one("Jane Doe, “Soviet Archives Reopened,” Cold War Notes (blog), March 3, 2015, "
                "https://coldwarnotes.org/2015/03/archives.")
    assert (item["type"], item["container-title"], item["issued"]) == (
        "post-weblog", "Cold War Notes", {"date-parts": [[2015, 3, 3]]})


def test_a_volume_of_a_multivolume_series_after_the_container() -> None:
    cited = _cited("Mark Smith, “The Comintern,” in Communism and Its Enemies, ed. John Doe, vol. 2 of A History of "
                   "the Twentieth Century (London: Routledge, 2001), 45.")
    assert len(cited) == 1
    item, locator = cited[0]
    assert (item["container-title"], item["volume"], item["collection-title"], locator) == (
        "Communism and Its Enemies", "2", "A History of the Twentieth Century", "45")
    assert item["publisher"] == "Routledge"


@pytest.mark.parametrize("note, title", [
    ("Arnold van Gennep, The Rites of Passage, trans. Monika B. Vizedom, n.p. 1960, 17.", "The Rites of Passage"),
    ("Karl Weber, Die Krise der Republik, o. O. 1920, S. 5.", "Die Krise der Republik"),
    ("Jean Dupont, La crise, s.l., 1920, p. 5.", "La crise"),
    ("Karl Weber, Die Krise der Republik (o. O., 1920), S. 5.", "Die Krise der Republik"),
])
def test_no_place_of_publication(note: str, title: str) -> None:
    cited = _cited(note)
    assert len(cited) == 1
    item, locator = cited[0]
    assert (item["title"], item["issued"], locator) == (title, {"date-parts": [[1920 if "1920" in note else 1960]]},
                                                        "5" if "1920" in note else "17")
    assert "publisher-place" not in item
