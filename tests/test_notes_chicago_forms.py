"""Chicago forms: a page and its note printed together ("452n14", "45nn3–4"). notes/locators.py."""
from __future__ import annotations

import pytest

from converter.model import Origin
from converter.readers import notes_txt
from converter.report import Report
from tests.conftest import cited_in_note, only_item_in_note


@pytest.mark.parametrize("printed", ["452n14", "45nn3–4"])
def test_a_page_and_its_note(printed: str) -> None:
    (item, locator), = cited_in_note(f"Nicole Jordan, The Popular Front and Central Europe (Cambridge: Cambridge "
                                     f"University Press, 1992), {printed}.")
    assert item["title"] == "The Popular Front and Central Europe" and locator == printed


def test_an_ibid_with_a_page_and_its_note_is_a_citation() -> None:
    document = notes_txt.read("1. Jonathan Haslam, “The Czechoslovakian Crisis,” Journal of Contemporary History 14, "
                              "no. 3 (1979): 441–61.\n2. Ibid., 452n14.\n", origin=Origin("t.txt"), report=Report())
    note = document.notes[1]
    assert note.kind == "citation" and note.citations[0].locator == "452n14"
    assert note.citations[0].id == document.notes[0].citations[0].id


@pytest.mark.parametrize(("note", "families", "title"), [
    ("Robert Dallek, Franklin D. Roosevelt and American Foreign Policy, 1932–1945 (New York: Oxford University "
     "Press, 1979), 120–25.", ["Dallek"], "Franklin D. Roosevelt and American Foreign Policy, 1932–1945"),
    ("Wolfgang J. Mommsen, Max Weber and German Politics (Chicago: University of Chicago Press, 1984), 5.",
     ["Mommsen"], "Max Weber and German Politics"),
    # co-authors whose given names no table lists stay co-authors
    ("Alfred V. Oaho, Jeffrey D. Ullman and Mihalis Yannakakis, On Notions of Information Transfer, Boston, 1983, "
     "p. 224.", ["Oaho", "Ullman", "Yannakakis"], "On Notions of Information Transfer"),
])
def test_a_title_that_begins_with_a_person_and(note: str, families: list[str], title: str) -> None:
    item = only_item_in_note(note)
    assert ([name["family"] for name in item.get("author", [])], item["title"]) == (families, title)
