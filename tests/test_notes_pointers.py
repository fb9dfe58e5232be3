"""A cross reference standing alone with the page cited ("Wie Anm. 6, S. 18.", "See n. 6 above,
p. 18.") cites the work of that note; a person marker with a cross reference ("Ders. (wie Anm. 1)")
cites that person's work in that note, not the last work named."""
from __future__ import annotations

from converter.model import Document, Note
from converter.notes.pipeline import parse
from converter.report import Report


def _parse(*texts: str) -> Document:
    return parse(Document(notes=[Note(str(i), t) for i, t in enumerate(texts, start=1)]), Report())


def _cited(document: Document) -> list[list[tuple[str, str | None]]]:
    return [[(citation.id, citation.locator) for citation in note.citations] for note in document.notes]


def test_a_pointer_with_a_page_cites_the_one_work_of_that_note() -> None:
    document = _parse(
        "Vgl. Peter Krüger, Die Außenpolitik der Republik von Weimar, Darmstadt 1985, S. 320 f.",
        "Henry A. Turner, Stresemann and the Politics of the Weimar Republic, Princeton 1963, S. 5.",
        "Wie Anm. 1, S. 18.",
        "See n. 2 above, p. 44.",
        "Vgl. Anm. 1, S. 9 f.",
        "Siehe oben Anm. 2, S. 7; Krüger (wie Anm. 1), S. 330.")
    cited = _cited(document)
    weimar, turner = cited[0][0][0], cited[1][0][0]
    assert weimar != turner
    assert cited[2:] == [[(weimar, "18")], [(turner, "44")], [(weimar, "9 f.")],
                         [(turner, "7"), (weimar, "330")]]
    assert [note.kind for note in document.notes[2:]] == ["citation"] * 4
    assert document.notes[4].citations[0].prefix == "Vgl."


def test_a_pointer_without_a_page_only_says_where_to_look() -> None:
    document = _parse("Peter Krüger, Versailles, München 1986, S. 12.", "Siehe oben Anm. 1.", "Vgl. Dok. 12, Anm. 4.")
    assert _cited(document)[1:] == [[], []]
    assert len(document.items) == 1


def test_a_pointer_to_a_note_of_several_works_is_reported_not_guessed() -> None:
    report = Report()
    document = parse(Document(notes=[
        Note("1", "Peter Krüger, Versailles, München 1986, S. 12; Gustav Stresemann, Vermächtnis, Berlin 1932, S. 4."),
        Note("2", "Wie Anm. 1, S. 18.")]), report)
    assert document.notes[1].citations == []
    assert len(document.items) == 2
    assert any(d.code == "unresolved-short-form" and "cites 2 works" in d.message for d in report.diagnostics)


def test_a_lower_case_person_marker_inside_a_note_cites_that_persons_work_in_the_note_named() -> None:
    document = _parse(
        "Peter Krüger, Die Außenpolitik der Republik von Weimar, Darmstadt 1985, S. 320 f.",
        "Peter Krüger, Versailles. Deutsche Außenpolitik zwischen Revisionismus und Friedenssicherung, "
        "München 1986, S. 12.",
        "Krüger, Versailles, S. 7; ders. (wie Anm. 1), S. 12.",
        "Krüger, Versailles, S. 8; ders., a.a.O. (Anm. 1), S. 13.",
        "Marie Luise Recker, Die Außenpolitik des Dritten Reiches, München 1990, S. 3; dies., "
        "England und der Donauraum 1919–1929, Stuttgart 1976, S. 20.")
    cited = _cited(document)
    weimar, versailles = cited[0][0][0], cited[1][0][0]
    assert cited[2:4] == [[(versailles, "7"), (weimar, "12")], [(versailles, "8"), (weimar, "13")]]
    items = document.item_by_id()
    assert [items[id_].csl["author"][0]["family"] for id_, _ in cited[4]] == ["Recker", "Recker"]
    assert items[cited[4][1][0]].csl["title"] == "England und der Donauraum 1919–1929"
