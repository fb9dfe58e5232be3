"""Regressions of the notes parser on forms that recur across note styles (Chicago, MHRA,
German editorial notes): corporate authors, thesis genres, series between editors and imprint."""
from __future__ import annotations

from converter.notes.names import parse_names
from converter.notes.secondary import parse_secondary


def _parse(text: str):  # type: ignore[no-untyped-def]
    reference = parse_secondary(text, 0, len(text))
    assert reference is not None, text
    return reference


def test_corporate_author_is_kept_whole_as_a_literal() -> None:
    reference = _parse("Foreign Office, Report on the Situation in Germany (London: HMSO, 1920), 5.")
    assert reference.csl["author"] == [{"literal": "Foreign Office"}]
    assert reference.csl["title"] == "Report on the Situation in Germany"


def test_corporate_author_with_joining_words() -> None:
    reference = _parse("Library of Congress, “American Leaders Speak,” http://example.org/a.html.")
    assert reference.csl["author"] == [{"literal": "Library of Congress"}]


def test_a_body_before_a_title_is_an_author_before_a_year_a_publisher() -> None:
    before_title = parse_names("Associated Press, “Gun Safety,” New York Times", 0)
    before_year = parse_names("Oxford University Press, 2009), 365.", 0)
    assert before_title is not None and before_title.names == [{"literal": "Associated Press"}]
    assert before_year is None or all("literal" not in name for name in before_year.names)


def test_masters_thesis_with_typographic_apostrophe() -> None:
    reference = _parse("Nin C. Loh, “Interferometric Accelerometers” (Master’s thesis, Some University, 1992).")
    assert reference.csl["type"] == "thesis"
    assert reference.csl["publisher"] == "Some University"


def test_series_between_editor_and_imprint() -> None:
    text = ("Anna Berg, “Die Länder bis 1448,” in Europa im Mittelalter, ed. Hans Seibt, "
            "Handbuch der Geschichte 2 (Stuttgart: Klett, 1987), 209–220.")
    reference = _parse(text)
    assert reference.csl["editor"] == [{"family": "Seibt", "given": "Hans"}]
    assert reference.csl["collection-title"] == "Handbuch der Geschichte"
    assert reference.csl["collection-number"] == "2"
    assert reference.csl["issued"] == {"date-parts": [[1987]]}
    assert reference.end == len(text) - 1


def test_unbracketed_us_imprint_city_state_year() -> None:
    reference = _parse("Donald E. Knuth, Computers & Typesetting, vol. C, Reading, Mass. 1986, p. 150.")
    assert reference.csl["title"] == "Computers & Typesetting"
    assert reference.csl["publisher-place"] == "Reading, Mass."
    assert reference.csl["issued"] == {"date-parts": [[1986]]}
    assert reference.locator == "150"
    other = _parse("Robert Wauchope, A Sequence of Ceramics in Middle America, New Orleans, LA 1950, pp. 461–465.")
    assert other.csl["title"] == "A Sequence of Ceramics in Middle America"
    assert other.csl["publisher-place"] == "New Orleans, LA"


def test_published_letter_names_sender_and_recipient() -> None:
    text = ("Walter Benjamin to Gershom Scholem, 5 April 1924, in The Correspondence "
            "(Chicago: University of Chicago Press, 1994), 23.")
    reference = _parse(text)
    assert reference.csl["type"] == "personal_communication"
    assert [name["family"] for name in reference.csl["author"]] == ["Benjamin"]
    assert [name["family"] for name in reference.csl["recipient"]] == ["Scholem"]
    assert reference.csl["issued"] == {"date-parts": [[1924, 4, 5]]}
    assert reference.csl["container-title"] == "The Correspondence"
    assert reference.locator == "23"


def test_a_title_with_to_before_a_date_is_not_a_letter() -> None:
    reference = _parse("John Smith, Introduction to Political Science, 12 May 1990, p. 4.")
    assert reference.csl["author"][0]["family"] == "Smith"
    assert "recipient" not in reference.csl


def test_newspaper_with_us_date_and_with_its_place() -> None:
    us = _parse("John Smith, “Power and Empire,” New York Times, May 3, 1920, 12.")
    assert us.csl["container-title"] == "New York Times"
    assert us.csl["type"] == "article-newspaper"
    assert us.csl["issued"] == {"date-parts": [[1920, 5, 3]]}
    assert us.locator == "12"
    placed = _parse("John Smith, “Power and Empire,” Times (London), 3 May 1920, 5.")
    assert placed.csl["container-title"] == "Times"
    assert placed.csl["type"] == "article-newspaper"


def test_journal_after_in_with_comma_before_volume_and_year() -> None:
    reference = _parse("Hans Müller, Die Krise, in: Historische Zeitschrift, 245 (1987), S. 12–30.")
    assert reference.csl["container-title"] == "Historische Zeitschrift"
    assert reference.csl["type"] == "article-journal"
    assert reference.csl["volume"] == "245"
    assert reference.csl["issued"] == {"date-parts": [[1987]]}
    other = _parse("A. Gillies, Herder, in: Publications of the Goethe Society, 9 (1933), pp. 46–67.")
    assert other.csl["container-title"] == "Publications of the Goethe Society"


def test_german_title_ends_at_a_period_before_place_and_year() -> None:
    reference = _parse("Hans Müller: Die Krise des Reiches. Berlin 1990, S. 12.")
    assert reference.csl["title"] == "Die Krise des Reiches"
    assert reference.csl["publisher-place"] == "Berlin"
    assert reference.csl["issued"] == {"date-parts": [[1990]]}
    assert reference.locator == "12"


def test_parenthesised_month_date_after_a_title() -> None:
    reference = _parse("Conan Smith, “On Recycling” (April 2015), pp. 292–303.")
    assert reference.csl["issued"] == {"date-parts": [[2015, 4]]}
    assert reference.locator == "292–303"
    lecture = _parse("John Smith, “The Crisis” (lecture, Harvard University, March 12, 1924).")
    assert lecture.csl["issued"] == {"date-parts": [[1924, 3, 12]]}
    assert lecture.csl["publisher"] == "Harvard University"


def test_collected_works_of_the_same_author_after_in() -> None:
    text = "Immanuel Kant, “Kritik der Urtheilskraft,” in Immanuel Kant, Kants Werke, 5 (Berlin, 1968), pp. 165–485."
    reference = _parse(text)
    assert reference.csl["container-title"] == "Kants Werke"
    assert reference.csl["container-author"] == [{"family": "Kant", "given": "Immanuel"}]


def test_year_before_a_spaced_page_label_is_the_date_not_the_page() -> None:
    reference = _parse("Hans Müller, Die Krise des Reiches, 1987, pp. 884–917.")
    assert reference.csl["issued"] == {"date-parts": [[1987]]}
    assert reference.locator == "884–917"


def test_unbracketed_imprint_with_city_and_state_parts() -> None:
    reference = _parse("John Smith, The Making of Power, Cambridge, Mass., Harvard University Press, 1990, p. 12.")
    assert reference.csl["title"] == "The Making of Power"
    assert reference.csl["publisher-place"] == "Cambridge, Mass."
    assert reference.csl["publisher"] == "Harvard University Press"
