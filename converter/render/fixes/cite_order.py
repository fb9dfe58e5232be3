"""citeproc-py sorts the citations of one note into the order their items were first registered
(`render_citation` sorts by `bibliography.keys`), so "Di Biagio, Coesistenza, 174–76; Pons, La
rivoluzione globale, 65" comes out with Pons first. CSL keeps the order the author gave unless the
style's cs:citation has a cs:sort, and so does citeproc-js: without cs:sort the order is kept.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "cite_order"
DESCRIPTION = "keep the author's order of citations in a note unless cs:citation has cs:sort"


def _render_citation(self: model.Layout, citation: Any, callback: Any) -> Any:
    good_cites = [cite for cite in citation.cites if not cite.is_bad()]
    bad_cites = [cite for cite in citation.cites if cite.is_bad()]
    if self.getparent().sort is not None:
        good_cites = self.getparent().sort.sort(good_cites, self)
    out = []
    for item in good_cites:
        self.repressed = {}
        prefix = item.get("prefix", "")
        suffix = item.get("suffix", "")
        try:
            output = self.render_children(item)
            if output is not None:
                out.append(prefix + output + suffix)
                self.getparent().cites.append(item)
        except model.VariableError:
            pass
    for item in bad_cites:
        callback_value = callback(item)
        out.append(callback_value or f"{item.key}?")
    return self.format(self.wrap(self.join(out)))


def apply() -> None:
    # A wrapper of ours (punctuation_in_quote) keeps this name: then it is already in place.
    if model.Layout.render_citation.__name__ != "_render_citation":
        model.Layout.render_citation = _render_citation
