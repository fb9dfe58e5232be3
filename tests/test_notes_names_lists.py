"""Author lists as notes print them: serial-comma and slash lists, the German "Family, Given:"
form with given names we do not know, particles, and titles that only look like names."""
from __future__ import annotations

import pytest

from converter.model import Document, Note
from converter.notes.names import parse_names
from converter.notes.pipeline import parse
from converter.report import Report
from tests.conftest import only_item_in_note


def _families(text: str) -> list[str] | None:
    names = parse_names(text, 0)
    return None if names is None else [name.get("family") or name.get("literal", "") for name in names.names]


@pytest.mark.parametrize(("text", "families"), [
    # given names no list knows, joined by commas and a final "and"
    ("Myeong S. Yoon, Dowook Ryu, Jeongryul Kim, and Kyo Han Ahn, “Palladium Pincer Complexes,” Organometallics",
     ["Yoon", "Ryu", "Kim", "Ahn"]),
    ("Özge Aksın, Hayati Türkmen, Levent Artok, Bekir Çetinkaya, and Erhan Özkal, “Effect of Immobilization”",
     ["Aksın", "Türkmen", "Artok", "Çetinkaya", "Özkal"]),
    # a short form's bare families
    ("Yoon, Ryu, Kim, and Ahn, “Palladium Pincer Complexes,” 443.", ["Yoon", "Ryu", "Kim", "Ahn"]),
    ("Ünderwood, Ñet, and P̄ot.", ["Ünderwood", "Ñet", "P̄ot"]),  # a combining macron
    # slashes (German styles)
    ("Jitendra Padhye/Victor Firoiu/Don Towsley, A Stochastic Model, Amherst 1999.", ["Padhye", "Firoiu", "Towsley"]),
    ("Crow, Martin M./Clair C. Olson (eds.), Chaucer Life-Records, London 1966.", ["Crow", "Olson"]),
    # "Family, Given:" with a given name that is in no list
    ("Salam, Abdus: “Weak and Electromagnetic Interactions,” in: Elementary Particle Theory", ["Salam"]),
    ("Maisonneuve, Dorothée, Jean-François Lamarche and Yves St-Amand: Les relations publiques, Québec 1998.",
     ["Maisonneuve", "Lamarche", "St-Amand"]),
    ("van Gennep, Arnold: The Rites of Passage, Chicago 1960.", ["Gennep"]),
])
def test_lists_of_names(text: str, families: list[str]) -> None:
    assert _families(text) == families


@pytest.mark.parametrize(("text", "families"), [
    # a title of two name-like phrases joined by "and" is no list of co-authors
    ("John Smith, Foreign Policy and Public Opinion, London 1990.", ["Smith"]),
    # nor a short title of single words without a serial comma
    ("Pizzigallo, Mediterraneo e Russia.", ["Pizzigallo"]),
    # a German title after a colon is not a given name
    ("Averroes, Des Averroës Abhandlung: “Über die Möglichkeit der Conjunktion,” Halle 1892", ["Averroes"]),
    # a title whose own dates follow its first words
    ("Chicago Architecture, 1872–1922: Birth of a Metropolis, ed. by John Zukowsky (Munich: Prestel, 1987).", None),
])
def test_titles_that_look_like_names(text: str, families: list[str] | None) -> None:
    assert _families(text) == families


def test_a_short_form_with_many_bare_families_finds_its_work() -> None:
    notes = ["Myeong S. Yoon, Dowook Ryu, Jeongryul Kim, and Kyo Han Ahn, “Palladium Pincer Complexes with Reduced "
             "Bond Angle Strain,” Organometallics 25 (2006): 2409–11.",
             "Albert Schweitzer, Aus meiner Kindheit und Jugendzeit (München: Beck, 1924), 3.",
             "Yoon, Ryu, Kim, and Ahn, “Palladium Pincer Complexes,” 2410."]
    document = parse(Document(notes=[Note(str(i), t) for i, t in enumerate(notes, start=1)]), Report())
    first, third = document.notes[0].citations[0], document.notes[2].citations[0]
    assert third.id == first.id and third.locator == "2410"
    authors = document.item_by_id()[first.id].csl["author"]
    assert [name["family"] for name in authors] == ["Yoon", "Ryu", "Kim", "Ahn"]


@pytest.mark.parametrize(("text", "families"), [
    ("J. Calvitt Clarke III, Russia and Italy against Hitler (New York: Greenwood, 1991), 88.", ["Clarke"]),
    ("Martin Luther King Jr., Why We Can’t Wait (New York: Harper, 1964), 5.", ["King"]),
    ("John Smith, Jr., The Book (London, 1990), 4.", ["Smith"]),
])
def test_a_suffix_ends_the_name(text: str, families: list[str]) -> None:
    names = parse_names(text, 0)
    assert names is not None and [name["family"] for name in names.names] == families
    assert text[names.end:].startswith(("Russia", "Why", "The"))


def test_a_reference_after_ferner() -> None:
    notes = ["Vgl. Francis L. Carsten, Reichswehr und Politik, Köln 1964, S. 140; ferner Rainer Wohlfeil/Edgar "
             "Graf von Matuschka, Reichswehr und Republik, Frankfurt a. M. 1970, S. 210."]
    document = parse(Document(notes=[Note("1", notes[0])]), Report())
    items = document.item_by_id()
    authors = [[name["family"] for name in items[c.id].csl.get("author", [])] for c in document.notes[0].citations]
    assert authors == [["Carsten"], ["Wohlfeil", "Matuschka"]]


def test_an_author_alone_before_a_page_range() -> None:
    notes = ["Dorothea Frede, “Pleasure,” in Aristotle: Nicomachean Ethics, Book VII, ed. Carlo Natali (Oxford: "
             "Oxford University Press, 2009), 183–207.", "Frede, 274–276."]
    document = parse(Document(notes=[Note(str(i), t) for i, t in enumerate(notes, start=1)]), Report())
    first, second = document.notes[0].citations, document.notes[1].citations
    assert [(c.id, c.locator) for c in second] == [(first[0].id, "274–276")]


@pytest.mark.parametrize(("text", "families", "role"), [
    ("National Reconnaissance Office: The KH-4B Camera System, Washington, DC 1967.",
     ["National Reconnaissance Office"], "author"),  # a body before a German style's colon
    ("Westfahl, Gary (ed.): Space and Beyond, Westport 2000.", ["Westfahl"], "editor"),
    # a title that names its subject after the author: no co-author
    ("Naomi W. Cohen, Jacob H. Schiff: A Study in American Leadership (Hanover, NH, 1999).", ["Cohen"], "author"),
])
def test_bodies_editors_and_subjects(text: str, families: list[str], role: str) -> None:
    names = parse_names(text, 0)
    assert names is not None and names.role == role
    assert [name.get("family") or name.get("literal") for name in names.names] == families


def test_a_short_form_that_names_the_subject_of_the_title() -> None:
    notes = ["Naomi W. Cohen, Jacob H. Schiff: A Study in American Leadership (Hanover, NH, 1999), 3.",
             "Cohen, Jacob H. Schiff, p. 231."]
    document = parse(Document(notes=[Note(str(i), t) for i, t in enumerate(notes, start=1)]), Report())
    assert [c.id for c in document.notes[1].citations] == [document.notes[0].citations[0].id]


def test_an_initial_that_spells_a_lead_in_word() -> None:
    names = parse_names("S. Pons, La rivoluzione globale, Torino 2012, p. 45.", 0)
    assert names is not None and names.names == [{"family": "Pons", "given": "S."}]
    assert parse_names("Cf. Pons, La rivoluzione globale, p. 45.", 0) is None  # "Cf." is no initial


def test_italian_cit_after_the_short_title() -> None:
    notes = ["G. Petracchi, La Russia rivoluzionaria nella politica italiana, Roma-Bari 1982, pp. 3-4.",
             "G. Petracchi, La Russia rivoluzionaria cit., p. 12."]
    document = parse(Document(notes=[Note(str(i), t) for i, t in enumerate(notes, start=1)]), Report())
    assert [c.id for c in document.notes[1].citations] == [document.notes[0].citations[0].id]


@pytest.mark.parametrize(("note", "family", "title"), [
    ("Meier, H., Das Ende der Republik, Berlin 1990, S. 12.", "Meier", "Das Ende der Republik"),
    ("Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 5.", "Taylor",
     "The Origins of the Second World War"),
])
def test_family_then_initials_then_the_title(note: str, family: str, title: str) -> None:
    item = only_item_in_note(note)
    assert ([name["family"] for name in item["author"]], item["title"]) == ([family], title)
