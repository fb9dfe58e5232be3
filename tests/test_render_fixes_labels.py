"""fixes/label_needs_variable.py: when a cs:label of an empty variable prints its term. Each expected
output is the one citeproc-js 2.4.63 gives for the same style and items."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.render.notes import render_bibliography

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
<macro name="edition"><text variable="edition"/><label variable="edition" form="short" prefix=" "/></macro>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><text variable="title"/>{layout}</layout></bibliography></style>"""
VOLUMES = {"id": "a", "type": "book", "title": "Alpha", "number-of-volumes": "3"}
VOLUME = {"id": "b", "type": "book", "title": "Beta", "volume": "2"}
EDITION = {"id": "d", "type": "book", "title": "Delta", "edition": "2"}

# layout after the title -> the entries of VOLUMES, VOLUME and EDITION
CASES = {
    # Harvard's number-volumes macro: the label stands directly in the group, which
    # number-of-volumes keeps alive; the label counts as a term, so without that variable the
    # group is suppressed even where the label's own variable is set.
    '<group delimiter=" " prefix=" (" suffix=")"><text variable="number-of-volumes"/>'
    '<label variable="volume" form="short"/></group>': ["Alpha (3 vol.)", "Beta", "Delta"],
    # A label alone in a group, or in the layout: its term, whatever the item.
    '<group prefix=" [" suffix="]"><label variable="volume" form="short"/></group>':
        ["Alpha [vol.]", "Beta [vol.]", "Delta [vol.]"],
    '<label variable="page" form="short" prefix=" "/>': ["Alpha p.", "Beta p.", "Delta p."],
    # Below a cs:choose or in a cs:macro the label prints only with its variable, as it does in
    # citeproc-js wherever the group around it is suppressed.
    '<group prefix=" {" suffix="}" delimiter=" "><choose><if type="book"><text variable="edition"/>'
    '<label variable="edition" form="short"/></if></choose></group>': ["Alpha", "Beta", "Delta {2 ed.}"],
    '<group prefix=" {" suffix="}"><text macro="edition"/></group>': ["Alpha", "Beta", "Delta {2 ed.}"],
}


@pytest.mark.parametrize("layout", sorted(CASES))
def test_label_of_an_empty_variable_as_citeproc_js_prints_it(tmp_path: Path, layout: str):
    style = tmp_path / "labels.csl"
    style.write_text(STYLE.format(layout=layout), encoding="utf-8")
    entries = render_bibliography([VOLUMES, VOLUME, EDITION], style=str(style))
    assert entries == CASES[layout]


def test_harvard_labels_the_number_of_volumes_of_a_work_without_a_volume():
    work = {"id": "w", "type": "book", "title": "Regesta Pontificum Romanorum", "number-of-volumes": "2",
            "publisher-place": "Leipzig", "editor": [{"family": "Jaffé", "given": "Philipp"}],
            "issued": {"date-parts": [[1885]]}}
    entry, = render_bibliography([work], style="harvard-cite-them-right")
    assert "Regesta Pontificum Romanorum (2 vol)." in entry
    one, = render_bibliography([{**work, "volume": "1"}], style="harvard-cite-them-right")
    assert "(2 vol)" not in one and "Regesta Pontificum Romanorum" in one
