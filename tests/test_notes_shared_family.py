"""'Norman and Jeanne MacKenzie', 'Sidney and Beatrice Webb': a given name alone joined by 'and' to
one more person's full name shares that person's family; 'Martin and Gilbert' stay two families."""
from __future__ import annotations

from converter.notes.names import names_before_role, parse_names


def _families(names: list[dict[str, str]]) -> list[tuple[str, str | None]]:
    return [(name["family"], name.get("given")) for name in names]


def test_a_couple_printed_with_one_family() -> None:
    found = parse_names("Sidney and Beatrice Webb, Soviet Communism (London, 1935)", 0)
    assert found is not None and _families(found.names) == [("Webb", "Sidney"), ("Webb", "Beatrice")]
    role = names_before_role("ed. by Norman and Jeanne MacKenzie, 4 vols (London, 1982)", 0, 60)
    assert role is not None and _families(role[1]) == [("MacKenzie", "Norman"), ("MacKenzie", "Jeanne")]


def test_two_families_and_two_full_names_are_left_alone() -> None:
    found = parse_names("Martin and Gilbert, Title, p. 4", 0)
    assert found is not None and _families(found.names) == [("Martin", None), ("Gilbert", None)]
    found = parse_names("John Smith and Mary Jones, Title, p. 4", 0)
    assert found is not None and _families(found.names) == [("Smith", "John"), ("Jones", "Mary")]
