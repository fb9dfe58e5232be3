"""The archival recogniser never raises, and what it returns lies inside the text it was given."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.notes.archival import ArchivalContext, identity, parse_archival
from converter.notes.declarations import find_declarations, mask_declarations

PIECES = ["AVPRF", "TNA", "FO 371/24846", "f. 5446", "op. 1", "d. 12", "ll. 3–5ob.", "b. 12", "fasc. 3",
          "Bl. 190", "box 11", "folder 7", "DVP SSSR", "T. 7", "Dok. 39", "DDI", "Serie VII", "vol. 4",
          "“Pis’ma, 2.1.1925–23.11.1925”", "Čičerin tovarišu K.K. Jurenevu", "Cripps to Halifax", "Rim",
          "13 marta 1924", "May 12, 1941", "17.6.31", "(hereafter AVPRF)", "(d’ora in poi ACS)", "e n.193",
          "pp. 18–19", "hier Bl. 191", "in: ADAP", "(", ")", "“", "”", ";", ".", ",", " ", "Papers", "NARA"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=14), st.integers(0, 200))
def test_never_raises_and_stays_in_bounds(pieces: list[str], start: int) -> None:
    text = ", ".join(pieces)
    find_declarations(text)
    masked = mask_declarations(text)
    assert len(masked) == len(text)
    start = min(start, len(text))
    match = parse_archival(masked, start, ArchivalContext())
    if match is None:
        return
    assert start <= match.end <= len(text)
    for reference in match.references:
        assert 0 <= reference.start <= reference.end <= len(text)
        for _field, a, b in reference.spans:
            assert 0 <= a <= b <= len(text)
        identity(reference.csl)
