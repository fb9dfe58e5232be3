"""A parsed style is compiled (converter/render/compiled/): each cs:text, cs:macro, cs:choose and
cs:group gets one function that does what the chain of patched methods does for it, so that a
bibliography entry costs fewer calls. Outputs are those of the chain; BIBCONV_COMPILED=0 turns
it off. Applied after fixes/display_blocks.py (whose blocks are left as they are).
"""
from __future__ import annotations

from typing import Any

from citeproc import frontend

NAME = "compiled_style"
DESCRIPTION = "each element of a parsed style renders through one function made for it (outputs unchanged)"
OUTPUT_PRESERVING = True


def _compiling(init: Any) -> Any:
    def init_compiled(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        # Imported here, once the fixes are applied: the compiled code reads their chains.
        from converter.render import compiled
        compiled.compile_style(self.root)
    init_compiled.__name__ = "init_compiled"
    return init_compiled


def apply() -> None:
    if frontend.CitationStylesStyle.__init__.__name__ != "init_compiled":
        frontend.CitationStylesStyle.__init__ = _compiling(frontend.CitationStylesStyle.__init__)
