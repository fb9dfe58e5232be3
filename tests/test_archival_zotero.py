"""Archival items as the recogniser makes them survive the Zotero mapping: manuscript, letter with
its recipient, a document in a published collection as a bookSection (issue 4)."""
from __future__ import annotations

import pytest

from converter.mappings.zotero import from_zotero, to_zotero
from converter.notes.archival import ArchivalContext, parse_archival
from converter.report import Report


@pytest.mark.parametrize(("text", "item_type"), [
    ("AVPRF, F 4, op. 20, pap. 155, d. 46, Čičerin tovarišu K.K. Jurenevu, Moskva, 13 marta 1924, 13–14.", "letter"),
    ("AVPRF, F 4, op. 20, pap. 157, d. 84, “Pis’ma Polpredstva po Dogovoru, 2.1.1925–23.11.1925”.", "manuscript"),
    ("TNA, FO 371/24846, N 1234/30/38, Memorandum by Sargent, 3 March 1936.", "manuscript"),
    ("DDI, Serie VII, vol. 4, Doc. 540, Il Capo del Governo e Ministro degli Esteri Mussolini all’Ambasciatore a "
     "Mosca, Manzoni, Roma, 13 December 1926, 419.", "bookSection"),
])
def test_round_trip_through_zotero(text: str, item_type: str) -> None:
    match = parse_archival(text, 0, ArchivalContext())
    assert match is not None
    csl = match.references[0].csl
    report = Report()
    zotero = to_zotero(csl, report=report)
    assert zotero["itemType"] == item_type
    back = from_zotero(zotero, report=report)
    back.pop("id", None)  # Zotero gives the item a key of its own
    assert back == csl
    assert report.errors == []
