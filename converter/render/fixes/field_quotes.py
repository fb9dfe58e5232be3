"""citeproc-py prints the straight quotes and apostrophes of field values as typed: "Life's
'Little' Surprises" stays so, and a quoted title inside `quotes="true"` gets the same quotation
marks twice ("“My “Amazing” Title”"). citeproc-js reads quotes in field values as markup: an
apostrophe becomes ’, a pair of quotes becomes typographic quotes of its nesting level (outer “
”, inner ‘ ’), and inside a quoted rendering the field's outer quotes flip to the locale's inner
ones.

Field values, a cite's prefix and suffix and a style's `<text value>` are read so (outside HTML-
like tags, and not in URLs): a quote opens after the start, a space or an opening bracket and
closes before the end, a space or punctuation; a pair becomes “ ” (level 1) or ‘ ’ (level 2); a
single quote that pairs with nothing is an apostrophe ’, a double one stays as typed. Then
`quotes="true"` turns the “ ” inside what it quotes into the locale's open-inner-quote and
close-inner-quote.
"""
from __future__ import annotations

import re
from typing import Any

from citeproc import frontend, model, source
from citeproc.source import json as csljson

NAME = "field_quotes"
DESCRIPTION = "straight quotes and apostrophes in field values as typographic, nested quotes flipped"

OPENERS = ' \t\n([{-/“‘\u00a0'
CLOSERS = ' \t\n.,;:!?)]}-/\u00a0'
MARKS = {1: ("“", "”"), 0: ("‘", "’")}  # by nesting level parity: odd outer, even inner
TAG = re.compile(r"<[^>]*>")


def typographic(text: str) -> str:
    """The value with its quotes and apostrophes as citeproc-js reads them (see the module doc)."""
    if "://" in text or ("'" not in text and '"' not in text):
        return text
    chars = list(text)
    tags = [False] * len(chars)
    for match in TAG.finditer(text):
        for index in range(match.start(), match.end()):
            tags[index] = True
    starts = {match.start(): match.group() for match in TAG.finditer(text)}
    stack: list[tuple[str, int]] = []
    scopes: list[int] = []  # the stack's height where each open element began
    unmatched: list[tuple[str, int]] = []  # openers whose element closed before they paired
    pairs: list[tuple[int, int]] = []  # (opening, closing) index of each quote pair
    for index, char in enumerate(chars):
        tag = starts.get(index)
        if tag is not None and tag.startswith("</"):
            if scopes:  # quotes opened inside an element pair only inside it
                height = scopes.pop()
                unmatched += stack[height:]
                del stack[height:]
        elif tag is not None and not tag.endswith("/>"):
            scopes.append(len(stack))
        if char not in "'\"" or tags[index]:
            continue
        before = chars[index - 1] if index else " "
        after = chars[index + 1] if index + 1 < len(chars) else " "
        if char == "'" and before.isalnum() and after.isalnum():
            chars[index] = "’"
            continue
        before_tag = index + 1 < len(chars) and tags[index + 1]  # "'thing'</span>" closes too
        closes = before not in OPENERS and (after in CLOSERS or after in "'\"" or before_tag)
        if closes and stack and stack[-1][0] == char:
            pairs.append((stack.pop()[1], index))
            continue
        after_tag = index > 0 and tags[index - 1]  # "<i>'t": a quote may open right after a tag
        if (before in OPENERS or before in "'\"" or after_tag) and after not in " \t\n":
            stack.append((char, index))
            continue
        if char == "'":
            chars[index] = "’"
    for start, end in pairs:  # a pair's level: 1 + the pairs around it (unpaired quotes do not count)
        level = 1 + sum(1 for other_start, other_end in pairs if other_start < start and end < other_end)
        chars[start], chars[end] = MARKS[level % 2]
    for char, index in unmatched + stack:
        # An opening single quote that pairs with nothing is an apostrophe (’), but citeproc-js
        # leaves it as typed inside markup or a quotation ("<span class="nocase">'t Hooft</span>",
        # "“'Tis ...”").
        if char == "'" and not _enclosed(text, index, pairs):
            chars[index] = "’"
    return "".join(chars)


def _enclosed(text: str, index: int, pairs: list[tuple[int, int]]) -> bool:
    """Whether text[index] lies inside an HTML-like element, a quote pair this pass made, or
    typographic double quotes of the value itself."""
    before = text[:index]
    tags = TAG.findall(before)
    opened = sum(1 for tag in tags if not tag.startswith("</") and not tag.endswith("/>"))
    if opened > sum(1 for tag in tags if tag.startswith("</")):
        return True
    return any(start < index < end for start, end in pairs) or before.count("“") > before.count("”")


def _wrap_parse_string(method: Any) -> Any:
    def parse_string(self: Any, string: Any) -> Any:
        return method(self, typographic(str(string)))
    parse_string.__name__ = "parse_string_typographic"
    return parse_string


def _wrap_quote(method: Any) -> Any:
    def quote(self: Any, string: Any) -> Any:
        if string and self.get("quotes", "false").lower() == "true" and "“" in str(string):
            inner_open = str(self.get_single_term(name="open-inner-quote") or "‘")
            inner_close = str(self.get_single_term(name="close-inner-quote") or "’")
            string = string.replace("“", inner_open).replace("”", inner_close)
        return method(self, string)
    quote.__name__ = "quote_flipping"
    return quote


def _wrap_citation_item_init(method: Any) -> Any:
    def init(self: Any, key: str, bibliography: Any = None, **args: Any) -> None:
        for affix in ("prefix", "suffix"):
            if isinstance(args.get(affix), str):
                args[affix] = typographic(args[affix])
        method(self, key, bibliography, **args)
    return init


def _wrap_xml_init(method: Any) -> Any:
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        method(self, *args, **kwargs)
        for text in self.root.iter("{http://purl.org/net/xbiblio/csl}text"):
            value = text.get("value")
            if value and ("'" in value or '"' in value):
                text.set("value", typographic(value))
    return init


def apply() -> None:
    if csljson.CiteProcJSON.parse_string.__name__ == "parse_string_typographic":
        return
    csljson.CiteProcJSON.parse_string = _wrap_parse_string(csljson.CiteProcJSON.parse_string)
    model.Quoted.quote = _wrap_quote(model.Quoted.quote)
    # A cite's prefix and suffix and a style's literal text are read the same way.
    source.CitationItem.__init__ = _wrap_citation_item_init(source.CitationItem.__init__)
    frontend.CitationStylesXML.__init__ = _wrap_xml_init(frontend.CitationStylesXML.__init__)
