"""A document of a published collection cited in full ("ADAP, Serie B, Bd. II/1, Nr. 47") and in
the short form that prints the series letter and the volume without their words ("ADAP B II/1,
Nr. 47"): one item (seed conventions: type chapter, container-title the collection,
collection-title the series word + collection-number, volume, number = the document number)."""
from __future__ import annotations

from tests.conftest import cited_in_notes

_FIELDS = ("type", "container-title", "collection-title", "collection-number", "volume", "number")


def test_the_full_and_the_short_form_are_one_item() -> None:
    (full,), (short,) = cited_in_notes("ADAP, Serie B, Bd. II/1, Nr. 47, S. 112.", "ADAP B II/1, Nr. 47.")
    expected = ("chapter", "Akten zur deutschen auswärtigen Politik", "Serie", "B", "II/1", "47")
    assert tuple(full[0].get(key) for key in _FIELDS) == expected
    assert tuple(short[0].get(key) for key in _FIELDS) == expected
    assert short[0]["id"] == full[0]["id"]


def test_the_short_form_alone() -> None:
    ((item, _),) = cited_in_notes("ADAP C IV/2, Nr. 512, S. 1010–1012.")[0]
    assert (item.get("collection-number"), item.get("volume"), item.get("number")) == ("C", "IV/2", "512")
    assert "volume-title" not in item


def test_a_roman_volume_alone_is_no_series() -> None:
    ((item, _),) = cited_in_notes("DDI, Serie VII, V, Nr. 12.")[0]
    assert (item.get("collection-number"), item.get("volume"), item.get("number")) == ("VII", "V", "12")
