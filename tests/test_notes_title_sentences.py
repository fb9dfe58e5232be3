"""A title and its subtitle printed as two sentences ("Die Locarno-Konferenz 1925. Eine
Dokumentensammlung, Berlin (Ost) 1962") are one title: a capitalised word after an article
("Eine", "Die", "A") is no author's name."""
from __future__ import annotations

from tests.conftest import only_item_in_note


def test_a_subtitle_after_a_full_stop_stays_in_the_title_of_an_unsigned_book() -> None:
    item = only_item_in_note("Die Locarno-Konferenz 1925. Eine Dokumentensammlung, Berlin (Ost) 1962, S. 45.")
    assert item["title"] == "Die Locarno-Konferenz 1925. Eine Dokumentensammlung"
    assert (item["publisher-place"], item["issued"]["date-parts"][0][0]) == ("Berlin (Ost)", 1962)
    assert "author" not in item


def test_an_english_subtitle_after_an_article() -> None:
    item = only_item_in_note("The Locarno Conference. A Documentary Record, London 1926, p. 4.")
    assert item["title"] == "The Locarno Conference. A Documentary Record"
    assert "author" not in item
