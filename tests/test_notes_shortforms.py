"""Short forms the secondary parser leaves: an author and a year, and a title cited before, alone."""
from __future__ import annotations

from converter.model import Document, Note
from converter.notes.pipeline import parse
from converter.report import Report


def _cited(*texts: str) -> list[list[tuple[str, str | None]]]:
    document = parse(Document(notes=[Note(str(i), t) for i, t in enumerate(texts, start=1)]), Report())
    return [[(citation.id, citation.locator) for citation in note.citations] for note in document.notes]


def test_an_author_and_a_year() -> None:
    cited = _cited("John Smith, The History of England (London: Macmillan, 1990), 45.",
                   "John Smith, The History of Scotland (London: Macmillan, 1995), 3.",
                   "Smith 1990, 4.",
                   "Smith (1995): 7.",
                   "Smith 1987, 2.")  # no work of 1987 cited: a work of its own
    england, scotland = cited[0][0][0], cited[1][0][0]
    assert cited[2] == [(england, "4")] and cited[3] == [(scotland, "7")]
    assert cited[4][0][0] not in (england, scotland)


def test_an_author_never_cited_with_a_year_is_no_short_form() -> None:
    assert _cited("John Smith, The History of England (London: Macmillan, 1990), 45.",
                  "Paris 1990, 4.")[1] == []


def test_a_title_cited_before_alone() -> None:
    cited = _cited("The Definitive Computer Manual (Chicago: Chips-R-Us, 1992), 12.",
                   "John Smith, A Book of Hours (London, 1990), 3.",
                   "The Definitive Computer Manual, p. 174.",
                   "The Definitive Computer Manual.",
                   "The Definitive Guide to Everything, p. 3.")  # another title: not that work
    manual = cited[0][0][0]
    assert cited[2] == [(manual, "174")] and cited[3] == [(manual, None)]
    assert all(citation[0] != manual for citation in cited[4])


def test_a_long_title_cited_before_alone() -> None:
    title = ("Soobščenie Polnomočnogo Predstavitelja SSSR v Italii o besede s Predsedatelem Soveta Ministrov i "
             "Ministrom Inostrannych Del Italii Mussolini")
    cited = _cited(f"{title}, in: Dokumenty vnešnej politiki SSSR, vol. 8, Moskva 1963, S. 121–123.",
                   f"Cf. {title}, pp. 468–479.")
    assert cited[1] == [(cited[0][0][0], "468–479")]


def test_an_unnamed_title_with_abbreviations_and_no_author_inside() -> None:
    cited = _cited("Proc. Fifteenth Annual Symposium on the Theory of Computing, 1983, p. 473.",
                   "Proc. Fifteenth Annual Symposium on the Theory of Computing, pp. 419–426.")
    assert cited[1] == [(cited[0][0][0], "419–426")]
    document = parse(Document(notes=[Note("1", "Proc. Fifteenth Annual Symposium on the Theory of Computing, "
                                               "1983, p. 473.")]), Report())
    assert not document.items[0].csl.get("author")  # "Computing" after "of" is the title's
