"""How a note divides into works: a semicolon inside a title, a title followed by its editors."""
from __future__ import annotations

from tests.conftest import cited_in_note


def _items(text: str) -> list[dict]:  # type: ignore[type-arg]
    return [item for item, _ in cited_in_note(text)]


def test_semicolon_inside_a_title() -> None:
    items = _items("Mary Jones, Empire and Nation: Essays; Studies in Honour of a Teacher "
                   "(Oxford: Clarendon Press, 1990), 23.")
    assert len(items) == 1
    assert items[0]["title"] == "Empire and Nation: Essays; Studies in Honour of a Teacher"
    assert items[0]["publisher"] == "Clarendon Press"


def test_semicolon_between_two_named_works() -> None:
    items = _items("Mary Smith, Politics (Leiden, 1980), 3; Karl Jones, Economics (London, 1990), 4.")
    assert [item["title"] for item in items] == ["Politics", "Economics"]


def test_title_then_its_editors_is_one_edited_book() -> None:
    items = _items("Chaucer Life-Records, ed. by Martin M. Crow and Clair C. Olson "
                   "(Oxford: Oxford University Press, 1966), 128.")
    assert len(items) == 1
    assert items[0]["title"] == "Chaucer Life-Records"
    assert [name["family"] for name in items[0]["editor"]] == ["Crow", "Olson"]
    assert "author" not in items[0]
