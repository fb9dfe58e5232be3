"""The secondary-literature parser and the splitter, on notes written in the styles historians use.

Expected values are written out by hand from the note text (what a reader of the note would
record), not taken from the parser's output.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model import Document, Note, Origin
from converter.notes.locators import parse_locator
from converter.notes.names import parse_names, split_name
from converter.notes.pipeline import parse
from converter.readers import notes_txt
from converter.report import Report


def _one(text: str) -> tuple[dict, dict, Note]:
    """The item and citation of a one-note, one-citation text."""
    document = parse(Document(notes=[Note("1", text)]), Report())
    note = document.notes[0]
    assert len(note.citations) == 1, [c.to_json() for c in note.citations]
    citation = note.citations[0].to_json()
    return document.item_by_id()[citation["id"]].csl, citation, note


def _families(csl: dict, variable: str = "author") -> list[str]:
    return [name["family"] for name in csl.get(variable, [])]


CASES = [
    # (note, expected item fields, expected locator)
    ("Jane Smith, The Making of Europe: Essays, 1000–1500 (Oxford: Clarendon Press, 1998), 23–25.",
     {"type": "book", "author": ["Smith"], "title": "The Making of Europe: Essays, 1000–1500",
      "publisher": "Clarendon Press", "publisher-place": "Oxford", "year": 1998}, "23–25"),
    ("Matteo Pizzigallo, La diplomazia dell’amicizia (1932–1942) (ESI: Napoli, 2000), 12.",
     {"type": "book", "title": "La diplomazia dell’amicizia (1932–1942)", "publisher": "ESI",
      "publisher-place": "Napoli", "year": 2000}, "12"),
    ("J. Smith, The Making of Europe (London, 1998), p. 12.",
     {"type": "book", "author": ["Smith"], "publisher-place": "London", "year": 1998}, "12"),
    ("John Doe, ‘A Study of Things’, Journal of Modern History, 12 (2005), 45–67 (p. 50).",
     {"type": "article-journal", "title": "A Study of Things", "container-title": "Journal of Modern History",
      "volume": "12", "page": "45–67", "year": 2005}, "50"),
    ("John Doe, “A Study of Things,” Journal of Modern History 12, no. 3 (2005): 45.",
     {"type": "article-journal", "container-title": "Journal of Modern History", "volume": "12",
      "issue": "3", "year": 2005}, "45"),
    ("Anthony Best, ‘Britain and the Cold War’, Cold War History, Vol. 12, n. 2, 2012, 205–225.",
     {"type": "article-journal", "container-title": "Cold War History", "volume": "12", "issue": "2",
      "page": "205–225"}, None),
    ("Hans Müller, Geschichte der Stadt, Berlin 2005, S. 23.",
     {"type": "book", "author": ["Müller"], "title": "Geschichte der Stadt", "publisher-place": "Berlin",
      "year": 2005}, "23"),
    ("Hans Müller, Der Krieg, in: Peter Schmidt (Hg.), Europa im Krieg, München 2001, S. 45–67, hier S. 50.",
     {"type": "chapter", "title": "Der Krieg", "editor": ["Schmidt"], "container-title": "Europa im Krieg",
      "page": "45–67", "year": 2001}, "50"),
    ("Mary Jones, “The War,” in The Great War, ed. Paul Brown (London: Routledge, 2001), 12–30.",
     {"type": "chapter", "title": "The War", "container-title": "The Great War", "editor": ["Brown"],
      "publisher": "Routledge", "page": "12–30"}, None),
    ("Giorgio Borsa, Tentativi in Cina (1932–1937), in Giorgio Borsa (ed.), Europa e Asia (Milano: Franco Angeli,"
     " 1994), 239–290.",
     {"type": "chapter", "title": "Tentativi in Cina (1932–1937)", "container-title": "Europa e Asia",
      "editor": ["Borsa"], "page": "239–290"}, None),
    ("Silvio Rossi (a cura di), Storia d’Italia (Roma: Laterza, 1990).",
     {"type": "book", "editor": ["Rossi"], "title": "Storia d’Italia"}, None),
    ("Kevin McDermott, Jeremy Agnew (eds.), The Comintern (Basingstoke: Macmillan, 1996).",
     {"type": "book", "editor": ["McDermott", "Agnew"]}, None),
    ("Guido Samarani, Laura De Giorgi, Lontane, Vicine. Le relazioni (Roma: Carocci, 2011).",
     {"author": ["Samarani", "De Giorgi"], "title": "Lontane, Vicine. Le relazioni"}, None),
    ("Stephanie Salzmann, Great Britain, Germany and the Soviet Union (Suffolk and Rochester: The Boydell Press,"
     " 2003), 80–87.",
     {"author": ["Salzmann"], "title": "Great Britain, Germany and the Soviet Union",
      "publisher-place": "Suffolk and Rochester"}, "80–87"),
    ("Ann Lee, “Peasants and Power” (PhD diss., Yale University, 2005), 12.",
     {"type": "thesis", "title": "Peasants and Power", "publisher": "Yale University", "year": 2005}, "12"),
    ("“Strike Ends,” The Times, 3 May 1926, 5.",
     {"type": "article-newspaper", "title": "Strike Ends", "container-title": "The Times"}, "5"),
    ("Frank Cotton et al., Advanced Inorganic Chemistry, 6th ed. (Chichester: Wiley, 1999).",
     {"author": ["Cotton"], "title": "Advanced Inorganic Chemistry", "publisher": "Wiley"}, None),
]


@pytest.mark.parametrize(("text", "expected", "locator"), CASES, ids=[case[0][:40] for case in CASES])
def test_full_references(text: str, expected: dict, locator: str | None) -> None:
    csl, citation, note = _one(text)
    for key, value in expected.items():
        if key in ("author", "editor"):
            assert _families(csl, key) == value, key
        elif key == "year":
            assert csl["issued"]["date-parts"][0][0] == value
        else:
            assert csl.get(key) == value, key
    assert citation["locator"] == locator
    assert note.kind == "citation"


def test_lead_ins_separators_comments_and_kinds() -> None:
    text = ("This was much debated at the time. On this matter, see also Jane Smith, The Making of Europe "
            "(Oxford: Clarendon Press, 1998); and John Doe, The Unmaking (London: Penguin, 2001), 4, "
            "which remains the best account.")
    document = parse(Document(notes=[Note("1", text), Note("2", "Pseudonym of Platon Lebedev.")]), Report())
    first, second = document.notes
    assert first.kind == "mixed" and second.kind == "explanatory" and not second.citations
    assert [c.prefix for c in first.citations] == ["On this matter, see also", None]
    assert [c.suffix for c in first.citations] == [None, "which remains the best account"]
    assert first.text == text  # the note's full text is always kept


def test_a_reference_after_a_bare_comma_is_not_given_the_statement_as_prefix() -> None:
    text = "Tensions were high, Stephanie Salzmann, Rapallo and After (London: Boydell, 2003), 80."
    csl, citation, note = _one(text)
    assert citation["prefix"] is None and note.kind == "mixed" and _families(csl) == ["Salzmann"]


def test_names() -> None:
    assert split_name("Enrico De Leone") == {"family": "De Leone", "given": "Enrico"}
    assert split_name("Matteo L. Napolitano") == {"family": "Napolitano", "given": "Matteo L."}
    assert split_name("von Brandt") == {"family": "Brandt", "non-dropping-particle": "von"}
    assert split_name("Ahasver von Brandt") == {"family": "Brandt", "non-dropping-particle": "von", "given": "Ahasver"}
    found = parse_names("Mikhail Narinskij, Sous la direction de L’Urss et l’Europe", 0)
    assert found.role == "editor" and found.names == [{"family": "Narinskij", "given": "Mikhail"}]
    assert parse_names("The Italian presence in China, was", 0) is None
    assert parse_names("See Elizabeth Ellet, “By Rail”", 0) is None


@pytest.mark.parametrize(("printed", "value", "label"), [
    ("42–55.", "42–55", "page"), ("pp. 108–110", "108–110", "page"), ("S. 23 f.", "23 f.", "page"),
    ("fol. 3v", "3v", "folio"), ("col. 12", "12", "column"), ("n. 4", "4", "note"), ("doc. 7", "7", "section"),
    ("1:113–124", "113–124", "page")])
def test_locators(printed: str, value: str, label: str) -> None:
    locator = parse_locator(printed, 0)
    assert (locator.value, locator.label) == (value, label)


def test_declarations_are_kept_and_skipped() -> None:
    text = "1. Documenti Diplomatici Italiani (hereafter DDI), Serie VII, vol. 4, Doc. 175, Roma, 13 November 1925."
    document = notes_txt.read(text, origin=Origin("t"), report=Report())
    assert document.abbreviations.get("DDI") == "Documenti Diplomatici Italiani"
    assert document.notes[0].citations  # read, whichever parser read it


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120), min_size=1, max_size=4))
def test_fuzzed_notes_never_raise_and_all_come_out(texts: list[str]) -> None:
    notes = [Note(str(index), text) for index, text in enumerate(texts, start=1)]
    document = parse(Document(notes=notes), Report())
    assert [note.text for note in document.notes] == texts
    ids = {item.id for item in document.items}
    assert all(citation.id in ids for note in document.notes for citation in note.citations)


def test_pinpoints_unquoted_articles_and_inverted_editors() -> None:
    csl, citation, _ = _one("Elizabeth F. L. Ellet, By Rail and Stage, in: Paul M. Angle (ed.), Prairie State, "
                            "Chicago 1968, pp. 271–279, hier pp. 333–338.")
    assert (csl["type"], csl["page"], citation["locator"]) == ("chapter", "271–279", "333–338")
    csl, citation, _ = _one("Marvin P. Garrett, Language and Design, Victorian Poetry 13/1 (1975), pp. 47–60.")
    assert (csl["type"], csl["container-title"], csl["volume"], csl["issue"]) == (
        "article-journal", "Victorian Poetry", "13", "1")
    csl, _, _ = _one("Sechzer, Jeri A. et al. (eds.), Women and Mental Health, Baltimore 1996, pp. 398–401.")
    assert csl["editor"] == [{"family": "Sechzer", "given": "Jeri A."}] and csl["title"] == "Women and Mental Health"
    csl, _, _ = _one("Augustine, Robert L.: Heterogeneous Catalysis, New York: Marcel Dekker 1995.")
    assert csl["author"] == [{"family": "Augustine", "given": "Robert L."}] and csl["publisher"] == "Marcel Dekker"
