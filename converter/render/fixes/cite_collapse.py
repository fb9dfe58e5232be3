"""citeproc-py ignores cs:citation's `collapse`, `cite-group-delimiter` and
`after-collapse-delimiter`: "[1], [2], [3]" where the style asks for "[1]–[3]", "(Smith 1900,
Smith 2000)" for "(Smith 1900, 2000)".

While a citation renders, each cite that renders is recorded with its item, its text and, when
the style groups cites by author, its first cs:names output (the author, or what substitutes for
it) and its text without that first cs:names. The layout's join then collapses as CSL says:
- `citation-number`: three or more consecutive numbers become "first–last" (a cite with a locator
  stays alone, as in citeproc-js);
- `year`, `year-suffix`, `year-suffix-ranged`: cites with the same author are grouped at the first
  one's place; the later ones drop the author and are joined by cite-group-delimiter (", ");
  a cite whose author is a substitute's text (a title, no cs:name rendered) is grouped with no
  other, as in citeproc-js, which compares the names a cite renders;
- `year-suffix`: within such a group, successive cites of the same year show only their
  year-suffix, joined by year-suffix-delimiter ("2000a, b"); `year-suffix-ranged` writes three or
  more successive letters as a range ("2000a–c");
- after a collapsed group comes after-collapse-delimiter (default: the layout's delimiter);
- with or without collapsing, a cite whose prefix starts with punctuation (", cited in") takes
  the place of the delimiter before it.
"""
from __future__ import annotations

import itertools
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from citeproc import model

NAME = "cite_collapse"
DESCRIPTION = "collapse citation numbers into ranges and group cites by author (CSL collapse)"

EN_DASH = "\u2013"
AUTHOR_COLLAPSES = ("year", "year-suffix", "year-suffix-ranged")
PUNCTUATION_PREFIX = ",;."


@dataclass
class _Cite:
    item: Any
    text: Any
    author: str | None = None
    rest: Any = None


@dataclass
class _Session:
    collapse: str | None
    group_by_author: bool
    cites: list[_Cite] = field(default_factory=list)
    # While one cite renders: None (not recording), "record" (first cs:names not seen yet),
    # "suppress" (render without the first cs:names), "done".
    names_state: str | None = None
    author: str | None = None
    # Whether a cs:name rendered while the first cs:names of the cite recorded.
    name_rendered: bool = False


_session: ContextVar[_Session | None] = ContextVar("cite_collapse_session", default=None)


def _citation_options(layout: Any) -> tuple[str | None, bool]:
    citation = layout.getparent()
    collapse = citation.get("collapse")
    group = collapse in AUTHOR_COLLAPSES or citation.get("cite-group-delimiter") is not None
    return collapse, group


def _wrap_render_citation(method: Any) -> Any:
    def render_citation(self: Any, citation: Any, callback: Any) -> Any:
        collapse, group = _citation_options(self)
        if collapse is None and not group:
            return method(self, citation, callback)
        token = _session.set(_Session(collapse, group))
        try:
            return method(self, citation, callback)
        finally:
            _session.reset(token)
    render_citation.__name__ = method.__name__
    return render_citation


def _wrap_render_children(method: Any) -> Any:
    def render_children(self: Any, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        session = _session.get()
        if session is None or kwargs or not isinstance(self, model.Layout) or session.names_state is not None:
            return method(self, item, delimiter, **kwargs)
        cite = _Cite(item, None)
        if session.group_by_author:
            session.names_state, session.author = "record", None
        try:
            output = method(self, item, delimiter)
            cite.author = session.author
            if output is not None and session.group_by_author:
                self.repressed = {}
                session.names_state = "suppress"
                cite.rest = method(self, item, delimiter)
        finally:
            session.names_state = None
        if output is not None:
            cite.text = item.get("prefix", "") + output + item.get("suffix", "")
            rest = cite.rest if cite.rest is not None else ""
            cite.rest = item.get("prefix", "") + rest + item.get("suffix", "")
            session.cites.append(cite)
        return output
    render_children.__name__ = method.__name__
    return render_children


def _wrap_names_render(method: Any) -> Any:
    def render(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        session = _session.get()
        if session is None or session.names_state not in ("record", "suppress"):
            return method(self, item, *args, **kwargs)
        state = session.names_state
        session.names_state = "done"
        session.name_rendered = False
        text = method(self, item, *args, **kwargs)
        if state == "record":
            # Without a rendered name, the cite's own key: a substituted title groups with no other.
            session.author = None if text is None else str(text) if session.name_rendered else f"\0{id(item)}"
            return text
        return None
    render.__name__ = method.__name__
    return render


def _wrap_name_render(method: Any) -> Any:
    def render(self: Any, *args: Any, **kwargs: Any) -> Any:
        text = method(self, *args, **kwargs)
        session = _session.get()
        if session is not None and session.names_state == "done" and text:
            session.name_rendered = True
        return text
    render.__name__ = method.__name__
    return render


def _number_pieces(cites: list[_Cite]) -> list[tuple[Any, bool]]:
    """(text, collapsed) pieces: runs of three or more consecutive citation numbers as ranges."""
    pieces: list[tuple[Any, bool]] = []
    start = 0
    while start < len(cites):
        end = start
        while (end + 1 < len(cites) and cites[end + 1].item.number == cites[end].item.number + 1
               and not cites[end].item.has_locator and not cites[end + 1].item.has_locator):
            end += 1
        if end - start >= 2:
            pieces.append((cites[start].text + EN_DASH + cites[end].text, True))
            start = end + 1
        else:
            pieces.append((cites[start].text, False))
            start += 1
    return pieces


def _suffix_base(cite: _Cite, text: Any) -> tuple[str, str] | None:
    """(text before the year-suffix, year-suffix) of a cite that ends with its year-suffix and
    has no locator nor affixes of its own: only those collapse to their suffix."""
    suffix = cite.item.reference.get("year_suffix")
    item = cite.item
    if not suffix or item.has_locator or item.get("prefix") or item.get("suffix"):
        return None
    text = str(text)
    return (text[:-len(suffix)], suffix) if text.endswith(suffix) else None


def _suffix_runs(texts: list[Any], suffixes: list[str], delimiter: str, ranged: bool) -> Any:
    """`texts[0]` then the other suffixes; with `ranged`, three or more successive letters as a–c."""
    pieces: list[Any] = [texts[0]]
    index = 1
    while index < len(suffixes):
        end = index
        if ranged:
            start_letter = suffixes[index - 1]
            while end < len(suffixes) and _next_suffix(suffixes[end - 1]) == suffixes[end]:
                end += 1
            if end - index >= 2:
                pieces[-1] = str(pieces[-1])[:-len(start_letter)] + start_letter + EN_DASH + suffixes[end - 1]
                index = end
                continue
        pieces.append(suffixes[index])
        index += 1
    return model.join(pieces, delimiter)


def _next_suffix(suffix: str) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    if len(suffix) == 1 and suffix != "z":
        return letters[letters.index(suffix) + 1]
    return ""


def _group_text(group: list[_Cite], group_delimiter: str, collapse: str | None, suffix_delimiter: str,
                after_collapse: str, layout_delimiter: str) -> Any:
    if collapse not in AUTHOR_COLLAPSES:  # cite-group-delimiter alone groups, but keeps every author
        return model.join([cite.text for cite in group], group_delimiter)
    # A later cite with nothing but its author (no date) adds nothing to the group.
    group = [group[0], *(cite for cite in group[1:] if str(cite.rest))]
    texts = [group[0].text, *(cite.rest for cite in group[1:])]
    if collapse not in ("year-suffix", "year-suffix-ranged"):
        # After a cite with a locator comes the layout's delimiter (citeproc-js: "1999, 328; 2000").
        output = texts[0]
        for previous, text in zip(group, texts[1:], strict=False):
            output = model.join([output, text], layout_delimiter if previous.item.has_locator else group_delimiter)
        return output
    runs: list[Any] = []  # each run: (base, [texts], [suffixes])
    for cite, text in zip(group, texts, strict=True):
        split = _suffix_base(cite, cite.rest)  # the first cite's text has the author: compare rests
        if split and runs and runs[-1][0] == split[0]:
            runs[-1][2].append(split[1])
        else:
            runs.append((split[0] if split else None, [text], [split[1] if split else ""]))
    ranged = collapse == "year-suffix-ranged"
    output = None
    after_run = False
    for base, run_texts, suffixes in runs:
        text = _suffix_runs(run_texts, suffixes, suffix_delimiter, ranged) if base is not None else run_texts[0]
        # After a run collapsed to its suffixes comes the after-collapse delimiter, as citeproc-js does.
        between = after_collapse if after_run else group_delimiter
        output = text if output is None else model.join([output, text], between)
        after_run = len(suffixes) > 1
    return output


def _author_pieces(cites: list[_Cite], group_delimiter: str, collapse: str | None,
                   suffix_delimiter: str, after_collapse: str, layout_delimiter: str) -> list[tuple[Any, bool]]:
    groups: dict[Any, list[_Cite]] = {}
    for cite in cites:
        key = cite.author if cite.author is not None else ""
        groups.setdefault(key, []).append(cite)
    return [(_group_text(group, group_delimiter, collapse, suffix_delimiter, after_collapse, layout_delimiter),
             len(group) > 1)
            for group in groups.values()]


def _cites_joined(texts: list[Any], delimiter: str) -> Any:
    """Cites joined by the layout's delimiter, except before a cite whose prefix starts with
    punctuation (", cited in ..."), which takes the delimiter's place, as in citeproc-js."""
    output = texts[0]
    for text in texts[1:]:
        output = model.join([output, text], "" if str(text)[:1] in PUNCTUATION_PREFIX else delimiter)
    return output


def _join(self: Any, strings: Any, default_delimiter: str = "") -> Any:
    session = _session.get()
    strings = [s for s in strings if s is not None]
    if session is None or not session.cites or not isinstance(self, model.Layout):
        if isinstance(self, model.Layout) and isinstance(self.getparent(), model.Citation) and len(strings) > 1:
            return _cites_joined(strings, self.get("delimiter", default_delimiter))
        return _original_join(self, strings, default_delimiter)
    citation = self.getparent()
    cites = session.cites
    rest = strings[len(cites):]  # items missing from the bibliography, after the others
    delimiter = self.get("delimiter", default_delimiter)
    if session.collapse == "citation-number":
        pieces = _number_pieces(cites)
    elif session.group_by_author:
        # As citeproc-js: between suffixes the year-suffix-delimiter, else the cite-group-delimiter
        # if given, else the layout's delimiter.
        group = citation.get("cite-group-delimiter")
        suffixes = citation.get("year-suffix-delimiter", group if group is not None else delimiter)
        pieces = _author_pieces(cites, group if group is not None else ", ", session.collapse, suffixes,
                                citation.get("after-collapse-delimiter", delimiter), delimiter)
    else:
        pieces = [(cite.text, False) for cite in cites]
    pieces += [(text, False) for text in rest]
    after_collapse = citation.get("after-collapse-delimiter", delimiter)
    output = pieces[0][0]
    for (_, collapsed), (text, _) in itertools.pairwise(pieces):
        between = "" if str(text)[:1] in PUNCTUATION_PREFIX else after_collapse if collapsed else delimiter
        output = model.join([output, text], between)
    return output


_original_join = model.Layout.join


def apply() -> None:
    if model.Layout.__dict__.get("join") is _join:
        return
    model.Layout.join = _join
    model.Layout.render_citation = _wrap_render_citation(model.Layout.render_citation)
    model.Layout.render_children = _wrap_render_children(model.Layout.render_children)
    model.Names.render = _wrap_names_render(model.Names.render)
    model.Name.render = _wrap_name_render(model.Name.render)
