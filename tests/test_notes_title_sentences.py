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


def test_a_quotation_that_opens_a_title_keeps_its_subtitle() -> None:
    item = only_item_in_note("Helmut Lippelt, „Politische Sanierung“. Zur deutschen Politik gegenüber Polen 1925/26, "
                             "in: VfZ 19 (1971), S. 323–373.")
    assert item["title"] == "„Politische Sanierung“. Zur deutschen Politik gegenüber Polen 1925/26"
    assert (item["container-title"], item["volume"], item["page"]) == ("VfZ", "19", "323–373")
    assert "issue" not in item


def test_a_quoted_title_then_its_journal_is_still_an_article_title() -> None:
    item = only_item_in_note("Jon Jacobson, “Is There a New International History of the 1920s?,” "
                             "American Historical Review 88, no. 3 (1983): 617–45.")
    assert item["title"] == "Is There a New International History of the 1920s?"
    assert item["container-title"] == "American Historical Review"


def test_a_year_range_before_in_ends_the_title_not_the_reference() -> None:
    item = only_item_in_note("Judith Lewis, Maternal Mortality in the British Aristocracy, 1558–1959, in: Journal of "
                             "British Studies 37 (1998), pp. 26–53.")
    assert item["title"] == "Maternal Mortality in the British Aristocracy, 1558–1959"
    assert item["container-title"] == "Journal of British Studies"
