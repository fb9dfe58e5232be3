"""Family names of several words with a particle or a given-looking word inside, read only on
evidence (notes/compound_names.py): the table of known compound families, the inverted form,
or a later short form printing the whole family. Without evidence the first word stays a given
name ("Hans von Seeckt")."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import cited_in_note, cited_in_notes


def _authors(item: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    return [(name["family"], name.get("given"), name.get("non-dropping-particle")) for name in item["author"]]


@pytest.mark.parametrize("note, family, given, particle", [
    # evidence: the table of compound families
    ("Hartmut Pogge von Strandmann, Imperialismus vom Grünen Tisch, Berlin 2009, S. 3.",
     "Pogge von Strandmann", "Hartmut", None),
    ("Theobald von Bethmann Hollweg, Betrachtungen zum Weltkriege, Berlin 1919, S. 4.",
     "Bethmann Hollweg", "Theobald", "von"),
    ("Roger Martin du Gard, Les Thibault, Paris 1922.", "Martin du Gard", "Roger", None),
    # evidence: the inverted form (all before the comma is the family)
    ("Meyer zu Uptrup, Wolfram: Kampf gegen die jüdische Weltverschwörung, Berlin 2003, S. 3.",
     "Meyer zu Uptrup", "Wolfram", None),
    # no evidence: the ordinary split
    ("Hans von Seeckt, Gedanken eines Soldaten, Berlin 1929, S. 4.", "Seeckt", "Hans", "von"),
    ("Ahasver von Brandt, Werkzeug des Historikers, Stuttgart 1958, S. 3.", "Brandt", "Ahasver", "von"),
    ("Wolfram Meyer zu Uptrup, Kampf gegen die jüdische Weltverschwörung, Berlin 2003, S. 3.",
     "Uptrup", "Wolfram Meyer", "zu"),
])
def test_compound_family_on_evidence(note: str, family: str, given: str, particle: str | None) -> None:
    (item, _), = cited_in_note(note)
    assert _authors(item) == [(family, given, particle)]


def _items(*texts: str) -> list[list[dict[str, Any]]]:
    return [[item for item, _ in note] for note in cited_in_notes(*texts)]


@pytest.mark.parametrize("short, family, given", [
    # evidence: the short form prints the whole family
    ("Meyer zu Uptrup, Kampf, S. 5.", "Meyer zu Uptrup", "Wolfram"),
    # a short form with the family alone, or with an initial, says nothing new
    ("Uptrup, Kampf, S. 5.", "Uptrup", "Wolfram Meyer"),
    ("W. Meyer zu Uptrup, Kampf, S. 5.", "Uptrup", "Wolfram Meyer"),
])
def test_a_short_form_printing_the_whole_family(short: str, family: str, given: str) -> None:
    notes = _items("Wolfram Meyer zu Uptrup, Kampf gegen die jüdische Weltverschwörung, Berlin 2003, S. 3.", short)
    assert notes[1] == notes[0]
    assert [(name["family"], name.get("given")) for name in notes[0][0]["author"]] == [(family, given)]


def test_a_full_name_repeated_is_no_compound() -> None:
    notes = _items("Hans Mommsen, Beamtentum im Dritten Reich, Stuttgart 1966, S. 3.",
                   "Hans Mommsen, Beamtentum, S. 4.")
    assert notes[1] == notes[0]
    assert _authors(notes[0][0]) == [("Mommsen", "Hans", None)]
