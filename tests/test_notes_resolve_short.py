"""Short forms whose short title is not the full title's beginning, full forms printed again with
a shorter title, particles, and what must stay apart."""
from __future__ import annotations

from converter.model import Document, Note
from converter.notes.pipeline import parse
from converter.report import Report


def _ids(*texts: str) -> list[list[str]]:
    document = parse(Document(notes=[Note(str(i), t) for i, t in enumerate(texts, start=1)]), Report())
    return [[citation.id for citation in note.citations] for note in document.notes]


def test_a_short_title_from_the_middle_of_the_title() -> None:
    ids = _ids("Friedrich Nietzsche, “Unzeitgemässe Betrachtungen. Zweites Stück: Vom Nutzen und Nachtheil der "
               "Historie für das Leben,” in Sämtliche Werke, ed. Giorgio Colli (München: DTV, 1988), 243–334.",
               "Friedrich Nietzsche, Die fröhliche Wissenschaft (Leipzig: Fritzsch, 1887), 4.",
               "Nietzsche, “Nachtheil der Historie,” 250.")
    assert ids[2] == ids[0] and ids[0] != ids[1]


def test_a_short_title_of_other_words() -> None:
    ids = _ids("E. B. White, “EBW to Harold Ross, memorandum,” in Letters of E. B. White, ed. Dorothy Guth "
               "(New York: Harper & Row, 1976), 273.",
               "White, “Memorandum to Ross,” 274.")
    assert ids[1] == ids[0]


def test_a_short_title_with_no_word_in_common_stays_apart() -> None:
    ids = _ids("E. B. White, Charlotte’s Web (New York: Harper, 1952), 3.",
               "White, Stuart Little, 4.")
    assert ids[1] != ids[0]


def test_a_full_form_printed_again_with_its_short_title() -> None:
    ids = _ids("Pablo Piccato, City of Suspects: Crime in Mexico City, 1900–1931 (Durham: Duke University Press, "
               "2001), 4.",
               "Pablo Piccato, City of Suspects (Durham: Duke University Press, 2001), 414.",
               "Pablo Piccato, City of Suspects (Durham: Duke University Press, 2011), 5.")
    assert ids[1] == ids[0] and ids[2] != ids[0]  # another year, another edition


def test_op_cit_printed_without_its_full_stop() -> None:
    ids = _ids("Georges Feydeau, Four Farces, trans. Norman R. Shapiro (Chicago: University of Chicago Press, "
               "1970), 145.",
               "G. Feydeau, Four Farces, op. cit, 319–325.")
    assert ids[1] == ids[0]


def test_a_particle_printed_apart_or_capitalised_is_one_person() -> None:
    ids = _ids("Pieter van der Berg, Geschiedenis van Holland (Amsterdam: Elsevier, 1950), col. 4.",
               "Van der Berg, Geschiedenis, fol. 3v.")
    assert ids[1] == ids[0]


def test_documents_of_one_collection_with_one_description_stay_apart() -> None:
    ids = _ids("Mussolini, “The Head of Government to the Ambassador in Moscow,” 12 September 1926, in Documenti "
               "Diplomatici Italiani, ser. 7, vol. 4, no. 417, 321–322.",
               "Mussolini, “The Head of Government to the Ambassador in Moscow,” 7 October 1926, in Documenti "
               "Diplomatici Italiani, ser. 7, vol. 4, no. 452, 351.")
    assert ids[1] != ids[0]


def test_ibid_and_idem_words_of_every_language() -> None:
    ids = _ids("Ute Frevert, Ehrenmänner. Das Duell in der bürgerlichen Gesellschaft, München 1991, S. 12.",
               "Dies., Mann und Weib, und Weib und Mann, München 1995, S. 4.",
               "Ebd., S. 5.",
               "Ibíd., p. 6.",
               "Ibidem, p. 7.")
    assert ids[0] != ids[1] and ids[2] == ids[3] == ids[4] == ids[1]
