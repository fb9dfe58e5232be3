"""Cross references to the note of a full citation ("wie Anm. 5", "n. 10 above", "supra note 4"),
and a comment sentence after the page that ends a reference."""
from __future__ import annotations

from converter.model import Document, Note
from converter.notes.pipeline import parse
from converter.report import Report


def _parse(*texts: str) -> Document:
    return parse(Document(notes=[Note(str(i), t) for i, t in enumerate(texts, start=1)]), Report())


def _cited(document: Document) -> list[list[tuple[str, str | None]]]:
    return [[(citation.id, citation.locator) for citation in note.citations] for note in document.notes]


def test_a_cross_reference_picks_the_work_of_that_note() -> None:
    document = _parse(
        "Vgl. Peter Krüger, Die Außenpolitik der Republik von Weimar, Darmstadt 1985, S. 320 f.",
        "Andreas Hillgruber, Großmachtpolitik und Militarismus, Düsseldorf 1974, S. 12; "
        "Peter Krüger, Versailles, München 1986, S. 4.",
        "Krüger, Außenpolitik (wie Anm. 1), S. 330.",
        "Krüger (Anm. 2), S. 5.",  # no title: the note says which of his works
        "Krüger (wie Anm. 1).")
    cited = _cited(document)
    weimar, versailles = cited[0][0][0], cited[1][1][0]
    assert cited[2:] == [[(weimar, "330")], [(versailles, "5")], [(weimar, None)]]
    assert document.item_by_id()[weimar].csl["title"] == "Die Außenpolitik der Republik von Weimar"


def test_english_cross_references() -> None:
    cited = _cited(_parse(
        "Christopher Andrew, Secret Service: The Making of the British Intelligence Community (London, 1985), p. 4.",
        "Andrew, Secret service (n. 1 above), p. 340.",
        "Andrew, Secret Service, supra note 1, at 12."))
    andrew = cited[0][0][0]
    assert cited[1:] == [[(andrew, "340")], [(andrew, "12")]]


def test_a_comment_after_the_page_is_not_the_title() -> None:
    document = _parse(
        "Manfred Zeidler, Reichswehr und Rote Armee 1920–1933. Wege und Stationen einer ungewöhnlichen "
        "Zusammenarbeit, München 1993, S. 101–104.",
        "Zeidler, Reichswehr, S. 110. Die dort genannte Zahl ist zu hoch.",
        "Robert P. Browder, The Origins of Soviet-American Diplomacy (Princeton, 1953), 12.",
        "Browder, Origins, 30–31. Browder relies on the same memorandum.")
    cited = _cited(document)
    assert cited[1] == [(cited[0][0][0], "110")] and cited[3] == [(cited[2][0][0], "30–31")]
    assert document.notes[3].kind == "mixed"
