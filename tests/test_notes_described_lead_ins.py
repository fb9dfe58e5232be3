"""A lead-in inside a sentence, then an article, then a described archival document ("Zur Haltung
Frankreichs vgl. die Aufzeichnung des Botschafters …", "On the French attitude see the memorandum by
Vansittart, …"): the reference begins at the document word, the words before it (article included)
are its prefix, not the start of its title. notes/segments.py strong_lead_in, split._lead_in,
data/notes-lead-ins.tsv (article)."""
from __future__ import annotations

import pytest

from converter.model import Document, Note
from converter.notes.pipeline import parse
from converter.report import Report


def _read(text: str) -> tuple[str, str | None, str, str]:
    document = parse(Document(notes=[Note("1", text)]), Report())
    note = document.notes[0]
    (citation,) = note.citations
    item = document.item_by_id()[citation.id].csl
    return note.kind, citation.prefix, item["title"], item["archive_location"]


@pytest.mark.parametrize(("note", "expected"), [
    ("Zur Haltung Polens vgl. die Aufzeichnung des Gesandten Rauscher vom 5. Mai 1927 (PA AA, R 82 400).",
     ("citation", "Zur Haltung Polens vgl. die", "Aufzeichnung des Gesandten Rauscher", "R 82 400")),
    ("Für den Wortlaut vgl. den Erlass vom 12. März 1930, PA AA, R 28 150.",
     ("citation", "Für den Wortlaut vgl. den", "Erlass", "R 28 150")),
    ("Dazu das Telegramm Nr. 88 aus Paris vom 4. Mai 1926, PA AA, R 70 501.",
     ("citation", "Dazu das", "Telegramm Nr. 88 aus Paris", "R 70 501")),
    ("On the Polish attitude see the memorandum by Collier, 3 May 1935, TNA, FO 371/18900.",
     ("citation", "On the Polish attitude see the", "memorandum by Collier", "FO 371/18900")),
])
def test_the_document_begins_after_the_lead_in_and_article(note: str, expected: tuple) -> None:
    assert _read(note) == expected


def test_a_title_that_begins_with_an_article_keeps_it() -> None:
    document = parse(Document(notes=[Note("1", "See The History of The Times, vol. 4 (London, 1952), p. 88.")]),
                     Report())
    (citation,) = document.notes[0].citations
    assert document.item_by_id()[citation.id].csl["title"] == "The History of The Times"


@pytest.mark.parametrize(("note", "family", "prefix"), [
    ("This point is made forcefully in Zara Steiner, The Triumph of the Dark (Oxford: Oxford University Press, "
     "2011), pp. 100–05.", "Steiner", "This point is made forcefully in"),
    ("The question is discussed at length in Keith Neilson, Britain and the Last Tsar (Oxford, 1995), p. 12.",
     "Neilson", "The question is discussed at length in"),
])
def test_a_participle_and_in_introduce_the_work(note: str, family: str, prefix: str) -> None:
    document = parse(Document(notes=[Note("1", note)]), Report())
    (citation,) = document.notes[0].citations
    item = document.item_by_id()[citation.id].csl
    assert (item["author"][0]["family"], citation.prefix) == (family, prefix)


def test_a_quotation_in_lower_case_is_no_title() -> None:
    text = 'As Steiner notes, "the league was doomed"; Zara Steiner, The Triumph of the Dark (Oxford, 2011), p. 110.'
    document = parse(Document(notes=[Note("1", text)]), Report())
    (citation,) = document.notes[0].citations
    assert document.item_by_id()[citation.id].csl["title"] == "The Triumph of the Dark"


def test_a_capitalised_participle_stays_in_the_title() -> None:
    document = parse(Document(notes=[Note("1", "Made in Germany: The Story (London: Faber, 1990), p. 3.")]), Report())
    (citation,) = document.notes[0].citations
    assert document.item_by_id()[citation.id].csl["title"] == "Made in Germany: The Story"
