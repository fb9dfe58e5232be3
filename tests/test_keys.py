"""Citation keys: Better BibTeX's default formula, unique and stable."""
from __future__ import annotations

from converter.keys import ascii_fold, assign_keys, citation_key


def _item(family: str, title: str, year: int | None, **extra: object) -> dict:
    csl: dict = {"type": "book", "title": title, "author": [{"family": family, "given": "A."}]}
    if year is not None:
        csl["issued"] = {"date-parts": [[year]]}
    csl.update(extra)
    return csl


def test_better_bibtex_example_from_the_issue() -> None:
    assert citation_key(_item("Graziosi", "L’Urss di Lenin e Stalin", 2007)) == "graziosiUrssLeninStalin2007"


def test_function_words_in_several_languages_are_skipped() -> None:
    assert citation_key(_item("Smith", "The History of the Peace", 1990)) == "smithHistoryPeace1990"
    assert citation_key(_item("Dupont", "Les origines de la guerre froide", 1980)) == "dupontOriginesGuerreFroide1980"
    assert citation_key(_item("Müller", "Die Geschichte der Stadt", 1901)) == "mullerGeschichteStadt1901"


def test_accents_and_cyrillic_are_folded_to_ascii() -> None:
    assert ascii_fold("Čapek Łódź Straße") == "Capek Lodz Strasse"
    assert citation_key(_item("Жуков", "Воспоминания и размышления", 1969)) == "zhukovVospominanijaRazmyshlenija1969"


def test_particle_kept_and_editor_used_when_no_author() -> None:
    item = {"type": "book", "title": "Atlas", "issued": {"date-parts": [[2001]]},
            "editor": [{"family": "Berg", "non-dropping-particle": "van den", "given": "J."}]}
    assert citation_key(item) == "vandenbergAtlas2001"


def test_missing_parts_still_give_a_key() -> None:
    assert citation_key({"type": "book", "title": "Anonymous Chronicle"}) == "AnonymousChronicle"
    assert citation_key({"type": "book"}) == "anon"
    assert citation_key({"type": "book", "issued": {"literal": "c. 1850"}}) == "1850"


def test_assign_keys_fills_missing_and_suffixes_duplicates_in_order() -> None:
    items = [_item("Pons", "La rivoluzione globale", 2012, id=""),
             _item("Pons", "La rivoluzione globale", 2012),
             {"id": "given", "type": "book"},
             {"id": "given", "type": "book"},
             _item("Pons", "La rivoluzione globale", 2012)]
    assign_keys(items)
    assert [i["id"] for i in items] == ["ponsRivoluzioneGlobale2012", "ponsRivoluzioneGlobale2012a", "given",
                                        "givena", "ponsRivoluzioneGlobale2012b"]


def test_generated_key_never_takes_a_later_given_id() -> None:
    items = [_item("Pons", "Globale", 2012), {"id": "ponsGlobale2012", "type": "book"}]
    assign_keys(items)
    assert [i["id"] for i in items] == ["ponsGlobale2012a", "ponsGlobale2012"]


def test_keys_are_stable_run_to_run() -> None:
    first = [_item("Rossi", "Storia d’Italia", 1950) for _ in range(3)]
    second = [_item("Rossi", "Storia d’Italia", 1950) for _ in range(3)]
    assign_keys(first)
    assign_keys(second)
    assert [i["id"] for i in first] == [i["id"] for i in second] == ["rossiStoriaItalia1950",
                                                                      "rossiStoriaItalia1950a",
                                                                      "rossiStoriaItalia1950b"]
