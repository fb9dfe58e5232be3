"""A compiled style: for each element of a parsed style, one function that does what the chain of
patched methods does for it.

citeproc-py renders an element through four to seven methods (render, process, markup, format,
case, quote, wrap), and our fixes wrap several of them again; most of these calls decide, from
attributes that never change, to hand their argument on untouched. For an element whose kind is
compiled (cs:text in text.py; cs:macro, cs:choose in flow.py; cs:group in group.py; cs:names
finding none of its names in names.py; cs:date of a localized form in date.py), the style keeps
one function, made when the style is parsed, that does only what is left: the item-dependent
work, in the same order, and every step an attribute asks for through the same method as before.
It is installed as the element's own `render` (an instance attribute, as fixes/display_blocks.py
installs its blocks), so that the callers (children lists, groups, chooses) reach it directly; no
class method is patched, and every other element renders through the chain as before.

Each kind is compiled only while the chain it was written from is unchanged (fingerprint.py):
a fix wrapping one of those methods, or an edit of one, turns that kind off until the compiled
code has been checked against it. An element with a render of its own (display) is left alone.

The switch: BIBCONV_COMPILED=0 in the environment (read when a style is parsed), or
`enabled(False)` around the parsing, gives the chain alone, so that tests and bench/render.py
can compare the two outputs.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from citeproc import model

from converter.render.compiled.calls import install
from converter.render.compiled.fingerprint import digest

# The digest of each compiled kind's chain as its compiled function was written for it.
DIGESTS: dict[str, str] = {
    "text": "7df66f15c0888508",
    "macro": "8c77c6772f7d1eef",
    "choose": "b035dff071f7a175",
    "group": "b5012e97647056a7",
    "names": "a8b9d183b0729b6c",
    "name": "d79ef7c88b821553",
    "date": "471a3616393d4567",
}
# An element's compiler: its compiled render and inner function (calls.py), or None.
Compiler = Callable[[Any], tuple[Callable[..., Any], Callable[..., Any]] | None]


@cache
def kinds() -> dict[str, tuple[type, Callable[[], list[Any]], Compiler]]:
    """kind -> (element class, the chain its compiled render merges, the compiler of one element).
    Imported on first use, not with this package: the compiled modules import fix modules, and
    importing one before the fixes are applied can change a chain (fixes/title_case_words keeps
    the case method it finds); nor may this package apply them (the CSL suite's speed check
    applies only some)."""
    from converter.render.compiled import date, flow, group, name, names, text

    return {
        text.NAME: (model.Text, text.chain, text.compile_element),
        flow.MACRO: (model.Macro, lambda: flow.chain(flow.MACRO), flow.compile_macro),
        flow.CHOOSE: (model.Choose, lambda: flow.chain(flow.CHOOSE), flow.compile_choose),
        flow.GROUP: (model.Group, lambda: flow.chain(flow.GROUP), group.compile_group),
        names.NAME: (model.Names, names.chain, names.compile_element),
        name.NAME: (model.Name, name.chain, name.compile_element),
        date.NAME: (model.Date, date.chain, date.compile_element),
    }


_switch: ContextVar[bool | None] = ContextVar("compiled_switch", default=None)


def is_enabled() -> bool:
    chosen = _switch.get()
    if chosen is not None:
        return chosen
    return os.environ.get("BIBCONV_COMPILED", "1") != "0"


@contextmanager
def enabled(on: bool) -> Iterator[None]:
    """Styles parsed inside are compiled (on) or rendered by the chain alone (off)."""
    token = _switch.set(on)
    try:
        yield
    finally:
        _switch.reset(token)


def chain_digest(kind: str) -> str:
    """The digest of the chain this kind's compiled function merges, as the code stands now."""
    return digest(kinds()[kind][1]())


@cache
def _unchanged(kind: str, installed: tuple[Any, ...]) -> bool:
    # Keyed by the methods installed now, so that a method replaced later is noticed.
    return digest(installed) == DIGESTS[kind]


def compile_style(root: Any) -> int:
    """Give every element of a parsed style (its root) whose kind is compiled its compiled
    render; returns how many were. Parents come before their children (document order), so a
    cs:choose lists its branches before anything inside them is compiled."""
    if not is_enabled():
        root.__dict__["_compiled_elements"] = []
        return 0
    ready = {cls: compile_one for kind, (cls, chain, compile_one) in kinds().items()
             if _unchanged(kind, tuple(chain()))}
    compiled = []
    for element in root.iter():
        compile_one = ready.get(type(element))
        if compile_one is None or "render" in element.__dict__:
            continue
        made = compile_one(element)
        if made is not None:
            install(element, *made)
            compiled.append(element)
    root.__dict__["_compiled_elements"] = compiled  # the root keeps their proxies alive
    return len(compiled)
