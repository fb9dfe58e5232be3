"""citeproc-py asks lxml the same questions of a parsed style over and over: every macro call runs
an XPath search of the whole style for the macro, every term an XPath search of the locale,
every name an `ancestor::` query for its inherited options, every group re-walks its subtree to
learn whether it calls a variable, and every element climbs to its root through a new
ElementTree, and `element.layout`-style child look-ups run an ElementPath search each. None of
these answers changes once the style is parsed, so each element keeps them.

lxml makes a new Python proxy for an element whenever no proxy is alive, which would lose what a
proxy keeps; so every element of a parsed style or locale is pinned (kept alive) by its root for
the life of the style. Output is unchanged: only where answers come from.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import frontend, model

NAME = "repeated_xpath_queries"
DESCRIPTION = "answer a parsed style's XPath, root, macro and calls-variable questions once per element"
OUTPUT_PRESERVING = True

_original_xml_init = frontend.CitationStylesXML.__init__
_original_xpath_search = model.CitationStylesElement.xpath_search
_original_get_root = model.CitationStylesElement.get_root
_original_get_layout = model.CitationStylesElement.get_layout
_original_child_lookup = model.SomewhatObjectifiedElement.__getattr__


def _pinning_init(self: Any, *args: Any, **kwargs: Any) -> None:
    _original_xml_init(self, *args, **kwargs)
    # The root's proxy lives as long as the style; it keeps every other proxy alive.
    self.root.__dict__["_pinned_elements"] = list(self.root.iter())


def _xpath_search(self: Any, expression: str) -> list[Any]:
    cache = self.__dict__.get("_xpath_answers")
    if cache is None:
        cache = self.__dict__["_xpath_answers"] = {}
    answer = cache.get(expression)
    if answer is None:
        answer = cache[expression] = _original_xpath_search(self, expression)
    return answer


def _get_root(self: Any) -> Any:
    root = self.__dict__.get("_root")
    if root is None:
        root = self.__dict__["_root"] = _original_get_root(self)
    return root


def _get_layout(self: Any) -> Any:
    """The element's cs:layout: its XPath answer is kept (above), so its first item is the same
    element on every call; none raises IndexError on every call, as before."""
    layout = self.__dict__.get("_layout")
    if layout is None:
        layout = _original_get_layout(self)
        self.__dict__["_layout"] = layout
    return layout


def _child_lookup(self: Any, name: str) -> Any:
    """`element.layout`, `.terms`, `.name`...: the first such child, kept once found. A child
    that is missing is looked for again only once the element's number of children has changed
    (citeproc-py inserts a cs:name it lacks)."""
    missing = self.__dict__.get("_missing_children")
    if missing is not None and missing.get(name) == len(self):
        return None
    child = _original_child_lookup(self, name)
    if child is not None:
        self.__dict__[name] = child
    elif name[:1] != "_":  # not a Python-level probe of a private attribute
        if missing is None:
            missing = self.__dict__["_missing_children"] = {}
        missing[name] = len(self)
    return child


def _get_macro(self: Any, name: str) -> Any:
    root = self.get_root()
    macros = root.__dict__.get("_macros")
    if macros is None:
        macros = root.__dict__["_macros"] = {}
        for macro in root.findall("cs:macro", root.nsmap):
            macros.setdefault(macro.get("name"), macro)
    try:
        return macros[name]
    except KeyError:
        raise IndexError(name) from None  # as the XPath answer's [0] did


def _remembered_calls_variable(method: Callable[[Any], bool]) -> Callable[[Any], bool]:
    def calls_variable(self: Any) -> bool:
        known = self.__dict__.get("_calls_variable")
        if known is None:
            known = self.__dict__["_calls_variable"] = method(self)
        return known
    calls_variable.__wrapped__ = method  # type: ignore[attr-defined]
    return calls_variable


def apply() -> None:
    if getattr(frontend.CitationStylesXML.__init__, "__name__", "") == "_pinning_init":
        return
    frontend.CitationStylesXML.__init__ = _pinning_init
    model.CitationStylesElement.xpath_search = _xpath_search
    model.CitationStylesElement.get_root = _get_root
    model.CitationStylesElement.get_layout = _get_layout
    model.CitationStylesElement.get_macro = _get_macro
    model.SomewhatObjectifiedElement.__getattr__ = _child_lookup
    for cls in (model.Parent, model.Text, model.Label, model.Date, model.Number, model.Names, model.Group):
        if "calls_variable" in cls.__dict__:
            cls.calls_variable = _remembered_calls_variable(cls.__dict__["calls_variable"])
