"""Our disambiguation (fixes/disambiguation.py) renders every cited item once as a lone first
cite, without locator, before any note renders; then each item's first note renders that same
cite again. For a note that cites the item for the first time without a locator, the second
rendering repeats the first: the same layout, item, position and disambiguation state.

So the lone cite's rendered output is kept, and the note's first cite of the item takes it
instead of rendering again, but only where the two renderings are provably the same:
- the cite is the item's first, has no locator (nor anything but a prefix and suffix, which the
  layout does not read), and renders through cs:citation's layout with nothing else asked;
- the disambiguation run and the item's state (names, given names, disambiguate, no
  year-suffix) are those the lone cite was rendered with, and the item has no year-suffix;
- the output is plain text (citeproc-py's plain formatter: formatting adds nothing, so the
  formatter our rich-text fields read while a note renders changes nothing);
- every context variable of ours is as it was while the lone cite rendered, except those set on
  purpose for a note (the citing item, the closing quote of punctuation-in-quote, the formatter);
- where the locale puts punctuation inside quotes, which a note does and a lone cite does not,
  nothing of the item can end in a closing quote: no quotes were added (`quotes="true"`), and
  neither its fields, the lone output nor the style's affixes, delimiters and values hold the
  locale's closing quote;
- the style has no localized date with cs:date-part children (citeproc-py copies those into the
  locale while rendering, so a rendering could depend on the ones before it).
Anything else renders as before. The kept output is used once (whether the item's first cite is
one the output can stand for is known by the set of cited keys of fixes/position_scans.py); the
layout's record of substituted variables is restored as the lone rendering left it.
"""
from __future__ import annotations

from contextvars import ContextVar, copy_context
from typing import Any

from citeproc import model
from citeproc.formatter import plain

from converter.render.fixes import disambiguation, position_scans, punctuation_in_quote, rich_text_fields

NAME = "lone_cite_reuse"
DESCRIPTION = "a note's first cite without locator takes disambiguation's lone-cite rendering of the item"
OUTPUT_PRESERVING = True

# What a cite may hold besides its key and citation: render_citation adds these around the output.
ITEM_KEYS_ALLOWED = frozenset({"key", "citation", "prefix", "suffix"})
PRINTED_ATTRIBUTES = ("prefix", "suffix", "delimiter", "value")
STRAIGHT_QUOTE = '"'  # fields' straight quotes may become the locale's (fixes/field_quotes.py)


class _Lone:
    """What one lone-cite rendering did."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.started = False
        self.output: Any = None
        self.done = False
        self.quoted = False
        self.context: dict[Any, Any] = {}
        self.repressed: dict[Any, Any] = {}


_lone: ContextVar[_Lone | None] = ContextVar("lone_cite_reuse", default=None)
# Set on purpose for a note and not for a lone cite (or the other way round), each covered above.
# (punctuation_in_quote's inner quotes matter only once a closing quote is found.)
_EXPECTED_TO_DIFFER = tuple(var for var in (
    disambiguation._citing, disambiguation._entry, getattr(punctuation_in_quote, "_close_quote", None),
    getattr(punctuation_in_quote, "_inner_quotes", None), rich_text_fields._formatter, _lone) if var is not None)
_MISSING = object()


def _context_values() -> dict[Any, Any]:
    return {var: value for var, value in copy_context().items() if var not in _EXPECTED_TO_DIFFER}


def _state_values(state: Any) -> tuple[Any, ...]:
    return (state.names, state.givenname, state.disambiguate, state.year_suffix)


def _holds(value: Any, char: str) -> bool:
    """Whether a parsed field value (strings, rich-text segments, names, dates) holds `char`."""
    if isinstance(value, str):
        return char in value
    if isinstance(value, dict):
        return any(_holds(part, char) for part in value.values())
    if isinstance(value, list | tuple):
        return any(_holds(part, char) for part in value)
    return value is not None and not isinstance(value, int | float) and char in str(value)


def _style_facts(root: Any) -> tuple[bool, str | None]:
    """(whether a lone cite's rendering may stand for a note's in this style, the closing quote
    that punctuation-in-quote moves punctuation inside, or None)."""
    facts = root.__dict__.get("_lone_cite_reuse")
    if facts is None:
        layout = root.citation.layout if root.citation is not None else None
        close = None
        if layout is not None and str(layout.get_locale_option("punctuation-in-quote")).lower() == "true":
            close = str(layout.get_single_term(name="close-quote") or "") or None
        reusable = layout is not None and not root.xpath_search(".//cs:date[@form]/cs:date-part")
        if reusable and close is not None:
            for element in root.iter():
                if not isinstance(element.tag, str):
                    continue  # a comment
                if (element.get("term") in ("close-quote", "close-inner-quote")
                        or any(close in (element.get(name) or "") for name in PRINTED_ATTRIBUTES)):
                    reusable = False  # the style itself prints the closing quote
                    break
        facts = root.__dict__["_lone_cite_reuse"] = (reusable, close)
    return facts


def _wrap_lone_cite(method: Any) -> Any:
    def lone_cite(bibliography: Any, key: str) -> str:
        record = _Lone(key)
        token = _lone.set(record)
        try:
            text = method(bibliography, key)
        finally:
            _lone.reset(token)
        renders = bibliography.__dict__.setdefault("_lone_renders", {})
        renders.pop(key, None)
        states = bibliography.__dict__.get("_disambiguation") or {}
        state = states.get(key)
        if record.done and state is not None and _worth_keeping(bibliography, key, text, record.quoted):
            renders[key] = (record, states, _state_values(state), bibliography.style.root.formatter)
        return text
    lone_cite.__name__ = "lone_cite_kept"
    return lone_cite


def _worth_keeping(bibliography: Any, key: str, text: str, quoted: bool) -> bool:
    root = bibliography.style.root
    if root.formatter is not plain:
        return False
    reusable, close = _style_facts(root)
    if not reusable:
        return False
    if close is None:
        return True
    if quoted or close in text:
        return False
    reference = bibliography.source.get(key)
    return reference is not None and not any(_holds(value, close) or _holds(value, STRAIGHT_QUOTE)
                                             for value in reference.values())


def _reused(layout: Any, item: Any) -> Any:
    try:
        bibliography = item.bibliography
    except (AttributeError, KeyError):
        return _MISSING
    renders = bibliography.__dict__.get("_lone_renders")
    if not renders:
        return _MISSING
    entry = renders.pop(item.key, None)
    if entry is None:
        return _MISSING
    record, states, state_values, formatter = entry
    if states is not bibliography.__dict__.get("_disambiguation"):
        return _MISSING
    state = states.get(item.key)
    if state is None or _state_values(state) != state_values or state.year_suffix:
        return _MISSING
    if any(name not in ITEM_KEYS_ALLOWED for name in item) or "year_suffix" in item.reference:
        return _MISSING
    if layout.get_root().formatter is not formatter or formatter is not plain:
        return _MISSING
    if item.key in position_scans._cited_keys(layout.getparent().cites):
        return _MISSING  # not the item's first cite
    now = _context_values()
    if now.keys() != record.context.keys() or any(now[var] is not value for var, value in record.context.items()):
        return _MISSING
    layout.repressed = {tag: type(kept)(kept) for tag, kept in record.repressed.items()}
    return record.output


def _wrap_render_children(method: Any) -> Any:
    def render_children(self: Any, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        record = _lone.get()
        if kwargs or delimiter or not isinstance(self.getparent(), model.Citation):
            return method(self, item, delimiter, **kwargs)
        if record is not None:
            if record.started or item.key != record.key:
                return method(self, item, delimiter)
            record.started = True
            record.context = _context_values()
            output = method(self, item, delimiter)
            record.output, record.done = output, output is not None
            record.repressed = {tag: type(kept)(kept) for tag, kept in self.repressed.items()}
            return output
        output = _reused(self, item)
        if output is not _MISSING:
            return output
        return method(self, item, delimiter)
    render_children.__name__ = method.__name__
    return render_children


def _wrap_quote(method: Any) -> Any:
    def quote(self: Any, string: Any) -> Any:
        output = method(self, string)
        record = _lone.get()
        if record is not None and output is not string:
            record.quoted = True
        return output
    quote.__name__ = method.__name__
    return quote


def apply() -> None:
    # Applied once: another fix applied again may wrap Layout.render_children over ours.
    if disambiguation._lone_cite.__name__ == "lone_cite_kept":
        return
    model.Layout.render_children = _wrap_render_children(model.Layout.render_children)
    model.Quoted.quote = _wrap_quote(model.Quoted.quote)
    disambiguation._lone_cite = _wrap_lone_cite(disambiguation._lone_cite)
