"""A chapter "in his/her/their Title" is in a book of the chapter's own author (as "in: ders.,
Titel"): the author stays the chapter's, the book is its container, and its author the same."""
from __future__ import annotations

from tests.conftest import only_item_in_note


def test_in_his_names_a_book_of_the_same_author() -> None:
    item = only_item_in_note("P. Kennedy, 'The tradition of appeasement in British foreign policy, 1865–1939', "
                             "in his Strategy and diplomacy, 1870–1945 (London, 1983), pp. 13–39.")
    assert (item["type"], item["author"][0]["family"]) == ("chapter", "Kennedy")
    assert item["container-title"] == "Strategy and diplomacy, 1870–1945"
    assert item["container-author"][0]["family"] == "Kennedy"
    assert (item["publisher-place"], item["page"]) == ("London", "13–39")


def test_in_her_after_a_chicago_quoted_title() -> None:
    item = only_item_in_note("Zara Steiner, \"The Foreign Office,\" in her The Foreign Office and Foreign Policy, "
                             "1898–1914 (Cambridge: Cambridge University Press, 1969), 10.")
    assert (item["author"][0]["family"], item["title"]) == ("Steiner", "The Foreign Office")
    assert item["container-title"] == "The Foreign Office and Foreign Policy, 1898–1914"
