"""citeproc-py ignores cs:bibliography's `subsequent-author-substitute`: Chicago 17th edition
asks for "———." in place of the author of an entry whose authors are those of the entry before it,
and citeproc-js prints it. With the option set, the first names an entry renders (its outermost
cs:names, substitutes included) are compared with the previous entry's, and when they are the same
the substitute string is rendered in their place (CSL's default rule, complete-all).

As citeproc-js does, only the names are replaced and their label is kept: editors after the
same editors are "———, eds.". Names are compared as rendered, whatever their role (citeproc-js
compares the rendered names alone), so an author after the same person as editor is "———." too.
Where the first names are a substitute's text (a title), the value of the first variable it renders
is compared, and only that value is replaced, in its formatting: “———.” in place of a quoted title
(under the partial rules, MHRA's, the whole text is, quotes and all: "——, in").

subsequent-author-substitute-rule (CSL 1.0.2), as citeproc-js applies it:
- complete-all (the default): all the first names the same as the entry before: the list, "and"
  and "et al." included, becomes the substitute ("——, eds.");
- complete-each: the same test, but each name shown becomes the substitute ("——, ——, and ——");
- partial-each: the names shown are compared one by one, in place, with the previous entry's (the
  same person, whatever the role or form), and each becomes the substitute up to the first that
  differs ("——, ——, and Jeffrey D. Ullman");
- partial-first: only the first name may ("——, Jeffrey D. Ullman, and Mihalis Yannakakis", MHRA).
For the last three each name must be rendered on its own inside citeproc-py's joining of a cs:name
(Name.process): the cs:name renders an item whose names are wrapped, and a wrapped name answers
`parts()` (asked once per name shown, in order) with the substitute as a literal name where it is
replaced. As in citeproc-js, the names are compared by their parts (family, given, particles,
suffix or literal) as shown, after et-al truncation, and a substitute takes no cs:name-part
formatting. Only an entry's first cs:names is ever replaced, even when it shows nothing (then the
next entry compares with the one before under the complete rules, with none under the partial).

citeproc-js 2.4.63 makes that decision once, when the first cs:names written with child elements
(a cs:name, cs:label, cs:et-al or cs:substitute; not a shorthand `<names variable="editor"/>`)
finishes rendering. Inside the first cs:names's cs:substitute such a cs:names finishes before the
one around it: when it shows nothing and nothing was shown before it, the entry is decided as
having shown no names, and whatever the substitute renders after it (names or a title) is neither
replaced nor compared with the next entry. MLA's substitute tries `<names variable="guest">` with
a cs:name of its own before the editors and the title, so an edited book's editor is not
"———" after the same person as author, nor a title after the same title.
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc import model

NAME = "subsequent_author_substitute"
DESCRIPTION = "honour subsequent-author-substitute and its four rules in bibliographies"

RULES = ("complete-all", "complete-each", "partial-each", "partial-first")
_bibliography: ContextVar[dict[str, Any] | None] = ContextVar("bibliography", default=None)
_entry: ContextVar[dict[str, Any] | None] = ContextVar("entry", default=None)
# While a cs:name of an entry's first cs:names renders name by name: (entry, every name replaced).
_naming: ContextVar[tuple[dict[str, Any], bool] | None] = ContextVar("naming", default=None)
# While such a cs:name joins its names: the substitute, which its cs:name-part elements leave alone.
_replacing: ContextVar[str | None] = ContextVar("replacing", default=None)
# An entry's first cs:names showed nothing: only that one is ever replaced (citeproc-js), and the
# entry after compares with the entry before under the complete rules, with nothing under the partial.
NO_NAMES = ("no names",)


def _bibliography_rendering(render_bibliography: Any) -> Any:
    def render(self: model.Layout, citation_items: Any) -> Any:
        substitute = self.getparent().get("subsequent-author-substitute")
        rule = self.getparent().get("subsequent-author-substitute-rule", RULES[0])
        rule = rule if rule in RULES else RULES[0]
        # citeproc-js keeps a title's formatting under the complete rules, not under the partial ones.
        token = _bibliography.set({"substitute": substitute, "rule": rule, "previous": None, "previous_names": [],
                                   "whole_text": rule.startswith("partial")} if substitute is not None else None)
        try:
            return render_bibliography(self, citation_items)
        finally:
            _bibliography.reset(token)
    render.__name__ = "render_bibliography_substituting"
    return render


def _entry_rendering(render_children: Any) -> Any:
    def render(self: model.Layout, item: Any, *args: Any, **kwargs: Any) -> Any:
        bibliography = _bibliography.get()
        if bibliography is None or _entry.get() is not None:
            return render_children(self, item, *args, **kwargs)
        # shown: the parts of each name shown so far (partial rules); matching: no name has differed yet.
        entry = {"depth": 0, "names": None, "parts": [], "text": None, "shown": [], "matching": True,
                 "previous": bibliography["previous"], "previous_names": bibliography["previous_names"],
                 "substitute": bibliography["substitute"], "rule": bibliography["rule"],
                 "whole_text": bibliography["whole_text"]}
        token = _entry.set(entry)
        try:
            return render_children(self, item, *args, **kwargs)
        finally:
            _entry.reset(token)
            if entry["names"] not in (None, NO_NAMES):
                bibliography["previous"], bibliography["previous_names"] = entry["names"], entry["shown"]
            elif entry["names"] is NO_NAMES and entry["rule"].startswith("partial"):
                bibliography["previous"], bibliography["previous_names"] = None, []
    render.__name__ = "render_children_substituting"
    return render


def written_with_children(names: model.Names) -> bool:
    """Whether the style gives this cs:names child elements (citeproc-py may insert a cs:name of its
    own making, which has no source line)."""
    known = names.__dict__.get("_written_with_children")
    if known is None:
        known = names.__dict__["_written_with_children"] = any(
            isinstance(child.tag, str) and child.sourceline is not None for child in names)
    return known


def decides_as_nothing_shown(names: model.Names, entry: dict[str, Any]) -> bool:
    """Whether this cs:names, inside the first cs:names of the entry and showing nothing, decides
    the entry as having shown no names (citeproc-js): it is written with child elements and nothing
    was shown before it."""
    return not entry["parts"] and entry["text"] is None and written_with_children(names)


def _names_rendering(render: Any) -> Any:
    def names_render(self: model.Names, item: Any, *args: Any, **kwargs: Any) -> Any:
        entry = _entry.get()
        if entry is None or entry["names"] is not None:
            return render(self, item, *args, **kwargs)
        written_with_children(self)  # as written, before citeproc-py may give it a cs:name
        entry["depth"] += 1
        try:
            text = render(self, item, *args, **kwargs)
        except model.VariableError:
            if entry["depth"] == 1 or (entry["names"] is None and decides_as_nothing_shown(self, entry)):
                entry["names"] = NO_NAMES
            raise
        finally:
            entry["depth"] -= 1
        if entry["names"] is not None:  # decided inside, by a cs:names in the substitute
            return text
        if entry["depth"] and not text and decides_as_nothing_shown(self, entry):
            entry["names"] = NO_NAMES
        elif entry["depth"] == 0 and entry["parts"]:
            # The rendered cs:name lists, labels left out (the names may be substituted by "").
            entry["names"] = ("names", *entry["parts"])
        elif entry["depth"] == 0 and text and entry["text"] is not None:
            # A substitute's text where there are no names: its first variable (replaced below, or
            # here the whole text under a partial rule).
            entry["names"] = ("text", entry["text"])
            if entry["whole_text"] and entry["previous"] == entry["names"]:
                return model.String(entry["substitute"])
        elif entry["depth"] == 0:
            entry["names"] = NO_NAMES
        return text
    names_render.__name__ = "names_render_substituting"
    return names_render


def _name_rendering(render: Any) -> Any:
    def name_render(self: model.Name, item: Any, *args: Any, **kwargs: Any) -> Any:
        entry = _entry.get()
        if entry is None or entry["names"] is not None or not entry["depth"]:
            return render(self, item, *args, **kwargs)
        partial = entry["rule"].startswith("partial")
        text = _render_naming(render, self, item, entry, False, *args, **kwargs) if partial else (
            render(self, item, *args, **kwargs))
        if text:
            entry["parts"].append(str(text))
            # The same names as the entry before, so far: the names are replaced, the label kept.
            if not partial and entry["previous"] == ("names", *entry["parts"]):
                if entry["rule"] == "complete-each":
                    return _render_naming(render, self, item, entry, True, *args, **kwargs)
                return model.String(entry["substitute"])
        return text
    name_render.__name__ = "name_render_substituting"
    return name_render


def _render_naming(render: Any, name: model.Name, item: Any, entry: dict[str, Any], every: bool,
                   *args: Any, **kwargs: Any) -> Any:
    token = _naming.set((entry, every))
    try:
        return render(name, item, *args, **kwargs)
    finally:
        _naming.reset(token)


class _ShownName:
    """A name of the cs:name being rendered name by name: its parts, or the substitute's."""

    def __init__(self, name: Any, entry: dict[str, Any], every: bool) -> None:
        self._name, self._entry, self._every = name, entry, every

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._name, attribute)

    def parts(self) -> tuple[Any, ...]:
        parts = self._name.parts()
        entry = self._entry
        replaced = (None, entry["substitute"], None, None, None)  # rendered as a literal name
        if self._every:  # complete-each, once the whole list is known to match
            return replaced
        position = len(entry["shown"])
        entry["shown"].append(parts)
        previous = entry["previous_names"]
        if entry["matching"] and position < len(previous) and previous[position] == parts:
            entry["matching"] = entry["rule"] == "partial-each"
            return replaced
        entry["matching"] = False
        return parts


class _NamingReference:
    """The item's reference, whose name lists hold _ShownName wrappers."""

    def __init__(self, reference: Any, entry: dict[str, Any], every: bool) -> None:
        self._reference, self._entry, self._every = reference, entry, every

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._reference, attribute)

    def get(self, variable: str, default: Any = None) -> Any:
        value = self._reference.get(variable, default)
        if isinstance(value, list):
            return [_ShownName(name, self._entry, self._every) for name in value]
        return value


class _NamingItem:
    def __init__(self, item: Any, entry: dict[str, Any], every: bool) -> None:
        self._item, self.reference = item, _NamingReference(item.reference, entry, every)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._item, attribute)


def _name_processing(process: Any) -> Any:
    # Applied before the other fixes wrap Name.process (delimiter_after_inverted_name reads the
    # names themselves): only citeproc-py's own loop over the names sees the wrapped ones.
    def name_process(self: model.Name, item: Any, *args: Any, **kwargs: Any) -> Any:
        naming = _naming.get()
        if naming is None:
            return process(self, item, *args, **kwargs)
        token = _naming.set(None)  # the names of this cs:name only, not of one it may render inside
        replacing = _replacing.set(naming[0]["substitute"])
        try:
            return process(self, _NamingItem(item, *naming), *args, **kwargs)
        finally:
            _replacing.reset(replacing)
            _naming.reset(token)
    name_process.__name__ = "name_process_substituting"
    return name_process


def _name_part_formatting(format_part: Any) -> Any:
    # citeproc-js puts the substitute in place of the name's formatted parts.
    def name_part_format(self: model.Name_Part, given: Any, family: Any) -> Any:
        if not given and family is not None and family == _replacing.get():  # given '' once inverted
            return given, family
        return format_part(self, given, family)
    name_part_format.__name__ = "name_part_format_substituting"
    return name_part_format


def _variable_rendering(variable_text: Any) -> Any:
    def text_variable(self: model.Text, item: Any, context: Any) -> Any:
        text = variable_text(self, item, context)
        entry = _entry.get()
        if (entry is None or not entry["depth"] or entry["names"] is not None or entry["parts"]
                or entry["text"] is not None or text is None or not str(text)):
            return text
        # The first variable a substitute's text renders, where no names were: citeproc-js keeps
        # its value to compare, and replaces only that value, leaving quotes and affixes.
        entry["text"] = str(text)
        if not entry["whole_text"] and entry["previous"] == ("text", entry["text"]):
            return model.String(entry["substitute"])
        return text
    text_variable.__name__ = "text_variable_substituting"
    return text_variable


def apply() -> None:
    if model.Layout.render_bibliography.__name__ == "render_bibliography_substituting":
        return
    model.Layout.render_bibliography = _bibliography_rendering(model.Layout.render_bibliography)
    model.Layout.render_children = _entry_rendering(model.Layout.render_children)
    model.Names.render = _names_rendering(model.Names.render)
    model.Name.render = _name_rendering(model.Name.render)
    model.Name.process = _name_processing(model.Name.process)
    model.Name_Part.format_part = _name_part_formatting(model.Name_Part.format_part)
    model.Text._variable = _variable_rendering(model.Text._variable)
