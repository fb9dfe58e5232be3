"""Parsed items say their language, so that styles title-case English titles only."""
from __future__ import annotations

import json

from converter.model import Origin
from converter.notes.language import guess_language
from converter.pipeline import read_text
from converter.render.notes import render_notes
from converter.report import Report
from tests.conftest import FIXTURES

GOLD = json.loads((FIXTURES / "seed" / "dundovich-2020.gold.json").read_text("utf-8"))
SECONDARY = [item for item in GOLD["items"] if "archive" not in item and "number" not in item]


def test_guesses_on_the_gold_titles_are_never_wrong_and_mostly_made() -> None:
    guesses = [(guess_language(f"{item['title']} {item.get('container-title', '')}"), item["language"])
               for item in SECONDARY]
    assert [pair for pair in guesses if pair[0] is not None and pair[0] != pair[1]] == []
    assert sum(guess == gold for guess, gold in guesses) >= 0.8 * len(guesses)


def test_no_function_words_no_guess() -> None:
    assert guess_language("Chicago Architecture") is None
    assert guess_language("Geschichte der Sowjetunion") == "de"


def test_parsed_italian_titles_are_not_title_cased_in_chicago() -> None:
    text = ("1. Andrea Graziosi, L’Urss di Lenin e Stalin. Storia dell’Unione Sovietica "
            "(Bologna: Il Mulino, 2007), 42.\n")
    document = read_text(text, "notes", origin=Origin("n.txt"), report=Report())
    assert document.items[0].csl["language"] == "it"
    [note] = render_notes(document, style="chicago")
    assert "L’Urss di Lenin e Stalin. Storia dell’Unione Sovietica" in note
