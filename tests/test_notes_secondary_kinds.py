"""What kind of work a reference is: reports, manuscripts, letters and theses by their words
(data/notes-genres.tsv), conference papers, reviews, web pages and blog posts, newspapers and their
issues, and imprints with no place (notes/secondary.py, notes/tail.py, notes/container.py). Each
note is written as real notes print it."""
from __future__ import annotations

import pytest

from tests.conftest import cited_in_note as _cited
from tests.conftest import only_item_in_note as _one


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


def test_a_conference_series_makes_a_conference_paper() -> None:
    item = _one("Dorothea Frede, “Pleasure,” in Aristotle: Nicomachean Ethics, Book VII, ed. Carlo Natali, Symposium "
                "Aristotelicum (Oxford: Oxford University Press, 2009), 365.")
    assert item["type"] == "paper-conference"


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


def test_a_letter_printed_in_a_collection_is_a_chapter() -> None:
    """The seed gold's convention: a document inside a published collection of documents (DVP, DDI, FRUS...)
    is a chapter; a letter in an edition of someone's correspondence stays a letter."""
    item = _one("Litvinov to Krestinskii, 4 April 1925, in Dokumenty vneshnei politiki SSSR, vol. VIII, doc. 123.")
    # As the gold's DVP documents: no genre, the document's number in the collection is its number.
    assert (item["type"], item["container-title"], item["volume"], item["number"]) == (
        "chapter", "Dokumenty vneshnei politiki SSSR", "VIII", "123")
    assert [person["family"] for person in item["recipient"]] == ["Krestinskii"]
    unpublished = _one("Litvinov to Krestinskii, 4 April 1925, letter.")
    assert unpublished["type"] == "personal_communication"


def test_german_dissertation_with_its_place() -> None:
    item = _one("Karl Meyer, Die Politik der KPD, phil. Diss. Berlin 1960, S. 4.")
    assert (item["type"], item["title"], item["publisher-place"]) == ("thesis", "Die Politik der KPD", "Berlin")
    assert item["issued"] == {"date-parts": [[1960]]}


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
