"""Splitter failures found by the hand-written realistic dev set (fixtures/notes/realistic/): each
test holds an invented note of one failure class, read through the whole notes pipeline."""
from __future__ import annotations

from typing import Any

from converter.model import Document, Note
from converter.notes.pipeline import parse
from converter.report import Report


def _parse(*texts: str) -> Document:
    return parse(Document(notes=[Note(str(i), t) for i, t in enumerate(texts, start=1)]), Report())


def _items(document: Document, note: int = 0) -> list[dict[str, Any]]:
    """The CSL of the items a note cites, in order."""
    by_id = document.item_by_id()
    return [by_id[citation.id].csl for citation in document.notes[note].citations]


def test_a_title_in_straight_single_quotes_begins_the_reference() -> None:
    document = _parse("'Rapallo and after', The Times, 18 Apr. 1922, p. 11.")
    [item] = _items(document)
    assert (item["type"], item.get("title"), item.get("container-title")) == (
        "article-newspaper", "Rapallo and after", "The Times")
    assert document.notes[0].kind == "citation"
    assert document.notes[0].citations[0].locator == "11"


def test_an_apostrophe_before_a_lower_case_word_begins_no_reference() -> None:
    document = _parse("On the 'spirit of Locarno' see Jon Jacobson, Locarno Diplomacy (Princeton, 1972), 12.")
    [item] = _items(document)
    assert item.get("title") == "Locarno Diplomacy"


def test_a_dated_letter_runs_on_into_the_published_collection_that_prints_it() -> None:
    document = _parse("Kellogg to Houghton, 14 March 1925, FRUS 1925, vol. 2, 173.",
                      "Curzon to Hardinge, 9 June 1921, DBFP, 1st ser., vol. 16, no. 88.")
    for note, (title, collection) in enumerate([("Kellogg to Houghton", "Foreign Relations of the United States"),
                                                ("Curzon to Hardinge", "Documents on British Foreign Policy")]):
        [item] = _items(document, note)
        assert (item["type"], item.get("title"), item.get("container-title")) == ("chapter", title, collection)
        assert item["author"][0]["family"] == title.split()[0]


def test_a_lead_in_verb_with_lower_case_words_and_in_is_the_prefix() -> None:
    document = _parse(
        "Cf. the contributions in Zara Steiner, ed., The Times Survey of Foreign Ministries "
        "(London: Times Books, 1982).",
        "Vgl. die Aufsätze in: Karl Dietrich Bracher/Manfred Funke (Hg.), Die Weimarer Republik, Bonn 1987.")
    for note, (title, editor, prefix) in enumerate([
            ("The Times Survey of Foreign Ministries", "Steiner", "Cf. the contributions in"),
            ("Die Weimarer Republik", "Bracher", "Vgl. die Aufsätze in")]):
        [item] = _items(document, note)
        assert item.get("title") == title and item["editor"][0]["family"] == editor
        assert document.notes[note].citations[0].prefix == prefix
        assert document.notes[note].kind == "citation"


def test_a_lead_in_verb_before_a_lower_case_word_is_no_lead_in_to_it() -> None:
    document = _parse("See the review by Jon Jacobson, Journal of Modern History 45 (1973): 150–55.")
    assert all(not item.get("title", "").lower().startswith("the review") for item in _items(document))


def test_a_lower_case_document_after_a_semicolon_begins_a_reference() -> None:
    document = _parse("Despatch by Lindsay, 8 October 1929, TNA, FO 371/13992; note by Sargent, 11 October 1929, ibid.")
    items = _items(document)
    assert [item.get("title") for item in items] == ["Despatch by Lindsay", "note by Sargent"]
    assert items[1]["author"][0]["family"] == "Sargent" and items[1].get("archive") == items[0].get("archive")
    assert document.notes[0].kind == "citation"


def test_a_lower_case_word_after_a_semicolon_without_a_link_begins_no_reference() -> None:
    document = _parse("Edward Hallett Carr, The Bolshevik Revolution (London: Macmillan, 1950), 12; "
                      "note the date of the preface.")
    assert [item.get("title") for item in _items(document)] == ["The Bolshevik Revolution"]


def test_a_source_label_with_a_colon_is_the_prefix_not_the_title() -> None:
    document = _parse("Abschrift: Aufzeichnung Schuberts, 4. Juli 1927, PA AA, R 29240.")
    [item] = _items(document)
    assert item.get("title") == "Aufzeichnung Schuberts" and item.get("archive_location") == "R 29240"
    assert document.notes[0].citations[0].prefix == "Abschrift"
    assert document.notes[0].kind == "citation"


def test_ibid_with_another_file_of_the_same_archive_is_that_file() -> None:
    document = _parse("RGASPI, f. 17, op. 3, d. 480, l. 12.", "Ibid., d. 481, l. 4.", "Ibid., l. 7.")
    first, [second] = _items(document, 0), _items(document, 1)
    assert first[0]["archive_location"].endswith("d. 480")
    assert second["archive_location"] == first[0]["archive_location"].replace("d. 480", "d. 481")
    assert [note.citations[0].locator for note in document.notes] == ["12", "4", "7"]
    assert document.notes[2].citations[0].id == document.notes[1].citations[0].id
    assert document.notes[1].kind == "citation"


def test_an_anonymous_title_cited_before_is_no_archive_when_it_names_one() -> None:
    document = _parse("A Guide to the Archives of the India Office (London: HMSO, 1964), 17.",
                      "A Guide to the Archives of the India Office, 23.")
    assert document.notes[1].citations[0].id == document.notes[0].citations[0].id
    assert document.notes[1].citations[0].locator == "23"
    assert not _items(document, 1)[0].get("archive")
