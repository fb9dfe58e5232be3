"""Locators in the languages and shapes notes print them, and the page cited inside an extent."""
from __future__ import annotations

import pytest

from converter.model import Document, Note
from converter.notes.locators import parse_locator
from converter.notes.pipeline import parse
from converter.report import Report


@pytest.mark.parametrize(("printed", "value", "label", "pinpoint"), [
    ("p. 4 n. 2.", "4 n. 2", "page", False),  # a note on the page belongs to the locator
    ("S. 12, Anm. 3.", "12, Anm. 3", "page", False),
    ("48, n. 3, 2014", "48", "page", False),  # Italian "n." after a comma: a journal's number
    ("ici p. 123.", "123", "page", True),
    ("here 13.", "13", "page", True),
    ("esp. 45–47.", "45–47", "page", True),
    ("qui p. 5", "5", "page", True),
    ("insbes. S. 4", "4", "page", True),
    ("at 116–124.", "116–124", "page", True),
    ("vol. 2, p. 45", "45", "page", False),  # the item's volume, then the page cited
    ("Bd. 2, S. 45", "45", "page", False),
])
def test_locator_shapes(printed: str, value: str, label: str, pinpoint: bool) -> None:
    found = parse_locator(printed, 0)
    assert found is not None and (found.value, found.label, found.pinpoint) == (value, label, pinpoint)


def test_a_pinpoint_word_before_a_roman_numeral_is_no_page() -> None:
    assert parse_locator("at xi", 0) is None


def _locators(*texts: str) -> list[str | None]:
    document = parse(Document(notes=[Note(str(i), t) for i, t in enumerate(texts, start=1)]), Report())
    return [note.citations[0].locator if note.citations else "-" for note in document.notes]


def test_the_page_cited_after_an_extent_and_after_ibid_volumes() -> None:
    assert _locators(
        "Gordon E. Moore, “Cramming More Components onto Integrated Circuits,” Electronics 38 (1965), 114–17 at 116.",
        "Diane Luu, “Media Coverage of the Pill,” Lost in Thought: Undergraduate Research Journal, 2, 1999, "
        "pp. 65–70, ici p. 68.",
        "John Smith, The History of England (London, 1990), pp. 12–14, here 13.",
        "Ibid., A, 350–56.",
        "Smith, History of England, p. 4 n. 2.",
        "Smith, History of England, esp. 45–47.",
    ) == ["116", "68", "13", "350–56", "4 n. 2", "45–47"]


def test_a_note_after_a_labelled_page() -> None:
    found = parse_locator("p. 45, n. 3.", 0)
    assert found is not None and found.value == "45, n. 3"
    assert parse_locator("48, n. 3, 2014", 0).value == "48"  # a journal's volume and number
    assert parse_locator("vol. 48, n. 3", 0).label == "volume"  # not "note 3"
