"""What a compiled element reads once, when it is compiled, to mark up its text as the chain does.

The markup step itself (format unless plain, then wrap unless affixless and the text is of a type
affixless_wrap hands back untouched) stays written out in each compiled render: it runs once per
element per render, and a shared function would add a call there for four lines.
"""
from __future__ import annotations

from typing import Any

from converter.render.fixes import attribute_rereading


def is_plain(element: Any) -> bool:
    """No formatting attribute differs from its default, so that format() hands the text on."""
    return all(element.get(name, default) == default for name, default in attribute_rereading.FORMATTING)


def is_affixless(element: Any) -> bool:
    """Neither prefix nor suffix, so that wrap() hands back a String, MixedString or str as it is."""
    return not element.get("prefix", "") and not element.get("suffix", "")
