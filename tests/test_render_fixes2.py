"""More tests of our fixes of citeproc-py (converter/render/fixes/), one or more per fix: each
renders a small case that stock citeproc-py gets wrong and checks the form citeproc-js gives."""
from __future__ import annotations

from converter.render.notes import render_bibliography

CHICAGO = "chicago-notes-bibliography"

KANT = {"id": "kant", "type": "chapter", "title": "Kritik der praktischen Vernunft",
        "volume-title": "Kritik der praktischen Vernunft. Kritik der Urtheilskraft",
        "container-title": "Kants Werke", "author": [{"given": "Immanuel", "family": "Kant"}],
        "container-author": [{"given": "Immanuel", "family": "Kant"}], "volume": "5",
        "publisher": "Walter de Gruyter", "issued": {"date-parts": [[1968]]}}


def test_hyphenated_name_variables_render_the_container_author():
    entry, = render_bibliography([KANT], style=CHICAGO)
    assert ", by Immanuel Kant." in entry
    other = dict(KANT, id="other", **{"container-author": [{"given": "Hans", "family": "Vaihinger"}]})
    entry, = render_bibliography([other], style=CHICAGO)
    assert "In Kants Werke, vol. 5, " in entry and "Urtheilskraft, by Hans Vaihinger." in entry


def test_hyphenated_name_variables_render_collection_editors():
    book = {"id": "b", "type": "book", "title": "Storia", "collection-title": "Biblioteca",
            "collection-editor": [{"given": "Paolo", "family": "Spriano"}], "author": [{"family": "Rossi"}],
            "issued": {"date-parts": [[1970]]}}
    entry, = render_bibliography([book], style=CHICAGO)
    assert entry == "Rossi. Storia. Biblioteca, edited by Paolo Spriano. 1970."
