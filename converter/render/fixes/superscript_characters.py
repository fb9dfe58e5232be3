"""citeproc-js writes Unicode superscript characters (the ª of "1.ª", the ʳᵉ of French "1ʳᵉ",
²...) in HTML as <sup> elements, "1<sup>r</sup><sup>e</sup>", so they render in any font;
citeproc-py writes the characters as they are. With the HTML formatter each superscript
character (one whose Unicode decomposition is `<super>`, plus ª and º) becomes <sup> of its base
character. The table is derived from Unicode's own data, not listed by hand.
"""
from __future__ import annotations

import sys
import unicodedata
from functools import cache
from typing import Any

from citeproc.formatter import html

NAME = "superscript_characters"
DESCRIPTION = "Unicode superscript characters as <sup> in HTML output, as citeproc-js writes them"

# Superscript letters that Unicode does not decompose as <super>: ª and º (<compat>), the modifier
# glottal stops ˀ ˁ, and the Arabic small waw and yeh ۥ ۦ (citeproc-js writes them as <sup> too).
EXTRA = {"ª": "a", "º": "o", "ˀ": "ʔ", "ˁ": "ʕ", "ۥ": "و", "ۦ": "ي"}


@cache
def superscripts() -> dict[str, str]:
    table = dict(EXTRA)
    for code in (*range(0x00A0, 0x2200), *range(0x3190, 0x31A0)):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        if decomposition.startswith("<super> "):
            base = "".join(chr(int(h, 16)) for h in decomposition.split()[1:])
            table[char] = base
    return table


def _wrap_preformat(method: Any) -> Any:
    def preformat(text: Any) -> str:
        output = method(text)
        table = superscripts()
        if any(char in table for char in output):
            output = "".join(f"<sup>{table[c]}</sup>" if c in table else c for c in output)
        return output
    preformat.__name__ = "preformat_superscripts"
    return preformat


def apply() -> None:
    if html.preformat.__name__ != "preformat_superscripts":
        html.preformat = _wrap_preformat(html.preformat)
        # Formatters are modules that citeproc-py reads `preformat` from at each call.
        assert sys.modules[html.__name__].preformat is html.preformat
