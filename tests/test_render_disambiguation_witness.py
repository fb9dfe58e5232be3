"""fixes/disambiguation_witness.py: a compared cite is not rendered again under a state its witness
shows cannot change it, and disambiguation ends exactly as it does when every cite is rendered again."""
from __future__ import annotations

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography
from citeproc.formatter import plain
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String

from converter.render import engine, styles  # noqa: F401 (applies the fixes)
from converter.render.fixes import disambiguation, disambiguation_witness
from tests.conftest import lone_cite_renders

LETTER = {"id": "letter1", "type": "personal_communication", "genre": "letter", "author": [{"family": "Čičerin"}],
          "recipient": [{"family": "Jurenev", "given": "K.K."}], "title": "Čičerin tovarišu K.K. Jurenevu",
          "issued": {"date-parts": [[1924, 3, 13]]}, "archive": "AVP RF"}
ITEMS = [
    LETTER, {**LETTER, "id": "letter2", "issued": {"date-parts": [[1924, 4, 5]]}},
    {**LETTER, "id": "letter3", "issued": {"date-parts": [[1924, 5, 1]]}},
    # family names with particles: the long form may read otherwise
    {"id": "gogh1", "type": "book", "title": "Brieven", "author": [{"family": "Gogh", "dropping-particle": "van"}]},
    {"id": "gogh2", "type": "book", "title": "Brieven", "author": [{"family": "Gogh", "non-dropping-particle": "van"}]},
    {"id": "gogh3", "type": "book", "title": "Brieven", "author": [{"family": "Gogh", "suffix": "Jr."}]},
    *({"id": f"fitz{n}", "type": "book", "title": "Everyday Stalinism", "author": [{"family": "Fitzpatrick",
                                                                                    "given": given}]}
      for n, given in enumerate(("Sheila", "Sarah", "S."), start=1)),
    {"id": "many1", "type": "book", "title": "Studies", "author": [{"family": "Doe", "given": "Ann"},
                                                                    {"family": "Roe", "given": "Bo"}]},
    {"id": "many2", "type": "book", "title": "Studies", "author": [{"family": "Doe", "given": "Ann"},
                                                                    {"family": "Poe", "given": "Cy"}]},
    {"id": "anon1", "type": "book", "title": "Relazione", "publisher": "Einaudi"},
    {"id": "anon2", "type": "book", "title": "Relazione", "publisher": "Laterza"},
]
STYLES = ("chicago-notes-bibliography", "chicago-shortened-notes-bibliography-17th-edition", "chicago-author-date",
          "apa", "mhra-notes", "modern-language-association", "harvard-cite-them-right")


def _disambiguated(style: str, monkeypatch: pytest.MonkeyPatch, witnessed: bool) -> tuple[dict, dict, list]:
    if not witnessed:
        monkeypatch.setattr(disambiguation_witness.Witness, "unchanged_under", lambda *args: False)
    rendered = lone_cite_renders(monkeypatch)
    bibliography = CitationStylesBibliography(styles.load(style, "en-US"), CiteProcJSON(ITEMS), plain)
    for item in ITEMS:
        bibliography.register(Citation([CitationItem(item["id"])]))
    disambiguation.disambiguate(bibliography)
    made = list(rendered)  # the renders disambiguation made, not the ones below
    states = {key: vars(state) for key, state in bibliography.__dict__["_disambiguation"].items()}
    texts = {key: disambiguation._lone_cite(bibliography, key) for key in bibliography.keys}
    monkeypatch.undo()
    return states, texts, made


@pytest.mark.parametrize("style", STYLES)
def test_witnessed_disambiguation_ends_as_when_every_cite_is_rendered_again(
        style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    states, texts, rendered = _disambiguated(style, monkeypatch, witnessed=True)
    every_states, every_texts, every_rendered = _disambiguated(style, monkeypatch, witnessed=False)
    assert states == every_states
    assert texts == every_texts
    assert set(rendered) <= set(every_rendered) and len(rendered) <= len(every_rendered)


def test_letters_whose_names_read_alike_in_every_form_are_not_rendered_again(monkeypatch: pytest.MonkeyPatch) -> None:
    states, _, rendered = _disambiguated("chicago-notes-bibliography", monkeypatch, witnessed=True)
    _, _, every_rendered = _disambiguated("chicago-notes-bibliography", monkeypatch, witnessed=False)
    # The letters are alike whatever the given-name level: without the witness each is rendered
    # for both levels and for disambiguate="true"; with it, only for disambiguate="true".
    assert every_rendered.count("letter1") == 4
    assert rendered.count("letter1") == 2
    assert states["letter1"]["disambiguate"] and states["letter1"]["givenname"] == 0
    # The Fitzpatricks' given names change their cites: rendered at each level all the same.
    assert rendered.count("fitz1") == every_rendered.count("fitz1") > 1


def test_same_tells_formatting_apart() -> None:
    same = disambiguation_witness.same
    assert same(String("Doe"), String("Doe"))
    assert not same(String("Doe"), "Doe")
    assert not same(String("Doe"), String("Roe"))
    assert same(MixedString([String("a"), String("b")]), MixedString([String("a"), String("b")]))
    assert not same(MixedString([String("a"), String("b")]), MixedString([String("a"), String("c")]))
    assert not same(MixedString([String("ab")]), MixedString([String("a"), String("b")]))
    assert same(None, None) and same(2, 2) and not same(2, 3)
