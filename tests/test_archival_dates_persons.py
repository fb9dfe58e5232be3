"""Document dates in every printed form, and senders/recipients in the nominative."""
from __future__ import annotations

import pytest

from converter.notes.docdates import find_dates, parse_date
from converter.notes.persons import parties


@pytest.mark.parametrize(("text", "parts"), [
    ("7 fevralja 1924", [[1924, 2, 7]]),
    ("27e Maja 1924", [[1924, 5, 27]]),
    ("21 Junija 1924", [[1924, 6, 21]]),
    ("16 sentiabrja 1926", [[1926, 9, 16]]),
    ("1 oktobrja 1924", [[1924, 10, 1]]),
    ("13 November 1925", [[1925, 11, 13]]),
    ("27 marzo 1924", [[1924, 3, 27]]),
    ("1° marzo 1924", [[1924, 3, 1]]),
    ("1er mars 1924", [[1924, 3, 1]]),
    ("12. Mai 1925", [[1925, 5, 12]]),
    ("3. Dez. 1931", [[1931, 12, 3]]),
    ("May 12, 1941", [[1941, 5, 12]]),
    ("12 Jan. 1940", [[1940, 1, 12]]),
    ("January 1940", [[1940, 1]]),
    ("17.6.31", [[1931, 6, 17]]),
    ("3.6.1931", [[1931, 6, 3]]),
    ("1925-01-13", [[1925, 1, 13]]),
    ("vom 3.6.1931", [[1931, 6, 3]]),
    ("2.1.1925–23.11.1925", [[1925, 1, 2], [1925, 11, 23]]),
    ("12–14 May 1925", [[1925, 5, 12], [1925, 5, 14]]),
    ("2 January–23 November 1925", [[1925, 1, 2], [1925, 11, 23]]),
])
def test_every_date_form(text: str, parts: list[list[int]]) -> None:
    assert parse_date(text) == {"date-parts": parts}


@pytest.mark.parametrize("text", ["Serie VII, vol. 4", "32.1.1925", "7 Mondays 1924", "1934–36", "Rim"])
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_dates_inside_a_title_are_found_where_printed() -> None:
    text = "Pis’ma Polpredstva po Dogovoru, 2.1.1925–23.11.1925"
    (found,) = find_dates(text)
    assert text[found.start:found.end] == "2.1.1925–23.11.1925"


@pytest.mark.parametrize(("description", "language", "authors", "recipients"), [
    ("Pervyj Zamnarkom Litvinov Jurenevu", "ru", ["Litvinov"], ["Jurenev"]),
    ("Čičerin tovarišu K.K. Jurenevu", "ru", ["Čičerin"], ["Jurenev"]),
    ("Jurenev Pervomu Zamnarkomu tov. M.M. Litvinovu", "ru", ["Jurenev"], ["Litvinov"]),
    ("Polpred SSSR v Italii, Keržencev tov. Litvinovu", "ru", ["Keržencev"], ["Litvinov"]),
    ("Litvinov v Politbjuro ZK RKP, Ob Italii", "ru", ["Litvinov"], ["Politbjuro ZK RKP"]),
    ("Telegramma Polnomočnogo Predstavitelja SSSR v Narodnyj Kommissariat Inostrannych Del SSSR", "ru", [],
     ["Narodnyj Kommissariat Inostrannych Del SSSR"]),
    ("Nota Polnomočnogo Predstavitelja SSSR Italii Predsedatelju Soveta ministrov i Ministru Inostrannych Del Italii "
     "Mussolini", "ru", [], ["Mussolini"]),
    ("Beseda c Ital’janskim Poslom Manzoni", "ru", [], []),
    ("Čičerin, Sidanie c Ital’janskim Poslom", "ru", ["Čičerin"], []),
    ("Soobšenjie Polnomočnogo Predstavitelja SSSR v Italii o besede s … Mussolini", "ru", [], []),
    ("L’ambasciatore a Mosca, Manzoni, al Presidente del Consiglio e Ministro degli Esteri, Mussolini", "it",
     ["Manzoni"], ["Mussolini"]),
    ("Manzoni, Ambassador to Moscow, to the Head of Government and Foreign Minister, Mussolini", "it",
     ["Manzoni"], ["Mussolini"]),
    ("Il Capo del Governo e Ministro degli Esteri Mussolini al Delegato alla Società delle Nazioni Scaloja, e "
     "all’Ambasciatore a Londra Della Torretta", "it", ["Mussolini"], ["Scaloja", "Della Torretta"]),
    ("Grandi a Mussolini", "it", ["Grandi"], ["Mussolini"]),
    ("Cripps to Halifax", "en", ["Cripps"], ["Halifax"]),
    ("Letter from Eden to Halifax", "en", ["Eden"], ["Halifax"]),
    ("Sir Stafford Cripps to Foreign Office", "en", ["Cripps"], ["Foreign Office"]),
    ("Memorandum by Sargent", "en", ["Sargent"], []),
    ("Record of conversation between Eden and Maisky", "en", [], []),
    ("Stresemann an Hindenburg", "de", ["Stresemann"], ["Hindenburg"]),
    ("Herbette à Briand", "fr", ["Herbette"], ["Briand"]),
])
def test_sender_and_recipient_in_the_nominative(description: str, language: str, authors: list[str],
                                                recipients: list[str]) -> None:
    got_authors, got_recipients = parties(description, language)
    assert [n.get("family") or n.get("literal") for n in got_authors] == authors
    assert [n.get("family") or n.get("literal") for n in got_recipients] == recipients


def test_initials_become_given_names_ending_in_a_dot() -> None:
    _, recipients = parties("Litvinov tovarišu K.K Jurenevu", "ru")
    assert recipients == [{"family": "Jurenev", "given": "K.K."}]
    _, recipients = parties("Telegramma … Polnomočnomu Predstavitelju SSSR v Italii K-K. Jurenevu", "ru")
    assert recipients == [{"family": "Jurenev", "given": "K-K."}]


@pytest.mark.parametrize(("description", "authors"), [
    ("Stimson Diary", ["Stimson"]),
    ("William R. Castle Jr. Diary", ["Castle"]),
    ("Diary of Harold Nicolson", ["Nicolson"]),
    ("Aufzeichnung des Staatssekretärs von Schubert", ["Schubert"]),
    ("Aufzeichnung des Reichskanzlers", []),
    ("Robert F. Kelley to William R. Castle Jr.", ["Kelley"]),
])
def test_diarists_office_holders_and_suffixes(description: str, authors: list[str]) -> None:
    assert [name["family"] for name in parties(description)[0]] == authors
