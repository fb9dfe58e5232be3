"""BibTeX names → CSL names and back (expected splits follow BibTeX's rules, Tame the BeaST §11)."""
from __future__ import annotations

from converter.names import format_names, parse_name, parse_names, split_list


def test_particles_von_and_jr() -> None:
    assert parse_name("Ludwig van Beethoven") == {"given": "Ludwig", "non-dropping-particle": "van",
                                                  "family": "Beethoven"}
    assert parse_name("van der Berg, J.") == {"given": "J.", "non-dropping-particle": "van der", "family": "Berg"}
    assert parse_name("Beethoven, Ludwig van") == {"given": "Ludwig", "dropping-particle": "van",
                                                   "family": "Beethoven"}
    assert parse_name("King, Jr., Martin Luther") == {"given": "Martin Luther", "family": "King", "suffix": "Jr."}
    assert parse_name("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin") == {
        "given": "Charles Louis Xavier Joseph", "non-dropping-particle": "de la", "family": "Vallée Poussin"}


def test_corporate_names_in_braces_survive_decoding_after_splitting() -> None:
    assert split_list("{Barnes and Noble, Inc.} and Smith, J.") == ["{Barnes and Noble, Inc.}", "Smith, J."]
    assert parse_names("{World Health Organization} and {\\'E}mile Zola") == [
        {"literal": "World Health Organization"}, {"given": "Émile", "family": "Zola"}]


def test_and_others() -> None:
    assert parse_names("Smith, J. and others")[-1] == {"literal": "others"}


def test_braced_words_are_not_particles() -> None:
    assert parse_name("{van der Berg}, J.") == {"given": "J.", "family": "van der Berg"}
    assert parse_name("{bell} {hooks}") == {"given": "bell", "family": "hooks"}


def test_formatting_reads_back_the_same() -> None:
    names = [{"given": "Ludwig", "dropping-particle": "van", "family": "Beethoven"},
             {"given": "Jean", "non-dropping-particle": "de la", "family": "Fontaine"},
             {"literal": "Barnes and Noble, Inc."}, {"given": "bell", "family": "hooks"},
             {"family": "Garcia Marquez"}, {"given": "Martin Luther", "family": "King", "suffix": "Jr."},
             {"given": "Émile", "family": "Zola"}, {"literal": "others"}]
    assert parse_names(format_names(names)) == names
    assert parse_names(format_names(names, ascii_only=True)) == names
    assert "{\\'E}mile" in format_names(names, ascii_only=True)
