from __future__ import annotations

import json

import pytest

from converter.notes.declarations import abbreviations, find_declarations, mask_declarations


@pytest.mark.parametrize(("text", "abbreviation", "expansion"), [
    ("Tom (from now T.) 7, Dok. 39", "T.", "Tom"),
    ("Archiv Vnešnej Politiki Rossijskoj Federacii, Istoriko-Dokumental’nyj Departament, Moskva "
     "(hereafter AVPRF), F 4", "AVPRF",
     "Archiv Vnešnej Politiki Rossijskoj Federacii, Istoriko-Dokumental’nyj Departament, Moskva"),
    ("opis’ 20 (hereafter op.), papka 155", "op.", "opis’"),
    ("(hereafter AVPRF), Fond 4—Čičerina (hereafter F 4), opis’ 20", "F 4", "Fond 4—Čičerina"),
    ("The text is in Dokumenty Vnešnej Politiki SSSR (hereafter DVP), Tom 7", "DVP",
     "Dokumenty Vnešnej Politiki SSSR"),
    ("Winston S. Churchill, The Collected Works (London, 1975) (hereafter cited as CW), 12.", "CW",
     "Collected Works (London, 1975)"),
    ("Martin Gilbert, Prophet of Truth (London: Heinemann, 1976), 23 (thereafter Gilbert, Prophet).",
     "Gilbert, Prophet", "Martin Gilbert, Prophet of Truth (London: Heinemann, 1976)"),  # the page is not the work
    ("see The National Archives, Kew (henceforth TNA), FO 371/24846.", "TNA", "The National Archives, Kew"),
    ("Archivio Centrale dello Stato (d’ora in poi ACS), PCM, b. 12.", "ACS", "Archivio Centrale dello Stato"),
    ("Archivio storico diplomatico del Ministero degli Affari Esteri (d'ora innanzi ASDMAE), AP.", "ASDMAE",
     "Archivio storico diplomatico del Ministero degli Affari Esteri"),
    ("Bundesarchiv Berlin-Lichterfelde (im Folgenden: BArch), R 43 I/637.", "BArch",
     "Bundesarchiv Berlin-Lichterfelde"),
    ("Archives du ministère des Affaires étrangères (ci-après AMAE), Z Europe.", "AMAE",
     "Archives du ministère des Affaires étrangères"),
    ("Gosudarstvennyj archiv Rossijskoj Federacii (далее GARF), f. 5446.", "GARF",
     "Gosudarstvennyj archiv Rossijskoj Federacii"),
    ("Public Record Office (PRO hereafter), FO 371.", "PRO", "Public Record Office"),
    ("Foreign Relations of the United States (hereafter “FRUS”), 1941", "FRUS",
     "Foreign Relations of the United States"),
])
def test_declaration_and_its_expansion(text: str, abbreviation: str, expansion: str) -> None:
    found = find_declarations(text)
    assert [(d.abbreviation, d.expansion) for d in found] == [(abbreviation, expansion)]
    declaration = found[0]
    assert text[declaration.start] in "([" and text[declaration.end - 1] in ")]"
    assert text[declaration.expansion_start:declaration.expansion_end].strip("“” ") == expansion


def test_mask_keeps_offsets_and_blanks_only_the_parentheticals() -> None:
    text = "Documenti Diplomatici Italiani (hereafter DDI), Serie VII, volume (hereafter vol.) 4"
    masked = mask_declarations(text)
    assert len(masked) == len(text)
    assert "hereafter" not in masked
    assert masked.startswith("Documenti Diplomatici Italiani ")
    assert masked.split() == ["Documenti", "Diplomatici", "Italiani", ",", "Serie", "VII,", "volume", "4"]


def test_a_parenthesis_that_declares_nothing_is_kept() -> None:
    text = "Giorgio Borsa (ed.), Europa e Asia (Milano: Franco Angeli, 1994), 239."
    assert find_declarations(text) == []
    assert mask_declarations(text) == text


def test_seed_declarations_are_exactly_the_gold_abbreviations(fixtures) -> None:
    gold = json.loads((fixtures / "seed" / "dundovich-2020.gold.json").read_text("utf-8"))
    found: dict[str, str] = {}
    for note in gold["notes"]:
        found.update(abbreviations(note["text"]))
    assert found == gold["abbreviations"]
