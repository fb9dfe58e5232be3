"""A short title that is a person's name ("Wright, Gustav Stresemann") reads like a second author;
of the author's works whose titles name that person, it cites the one whose title begins with
the name as printed, not simply the latest."""
from __future__ import annotations

from tests.conftest import cited_in_notes


def test_a_biography_cited_by_its_subjects_name() -> None:
    book, article, short = cited_in_notes(
        "Jonathan Wright, Gustav Stresemann: Weimar's Greatest Statesman (Oxford: Oxford University Press, 2002), "
        "p. 312.",
        "Jonathan Wright, ‘Stresemann and Locarno’, Contemporary European History, 4 (1995), 109–31 (p. 115).",
        "Wright, Gustav Stresemann, p. 320.")
    assert book[0][0]["id"] != article[0][0]["id"]
    assert short == [(book[0][0], "320")]
