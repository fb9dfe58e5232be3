"""citeproc-py does no disambiguation at all: two works by Doe from 2000 both cite as "Doe 2000",
whatever cs:citation's disambiguate-add-names, disambiguate-add-givenname and
disambiguate-add-year-suffix say, and `disambiguate="true"` conditions are never true.

Before the first citation or bibliography of a CitationStylesBibliography renders, each
registered item's cite is rendered once as citeproc-js renders the cites it compares
(getAmbiguousCite): alone, without locator, as a subsequent cite within near-note distance (not
ibid.). So a note style compares its short forms: "Fitzpatrick, Everyday Stalinism" for two books
by Sheila and Sarah Fitzpatrick is ambiguous although their full notes are not (and the CSL suite's
disambiguate_BasedOnEtAlSubsequent expects the same). Items whose cites come out the same are
ambiguous, and CSL's methods are tried in its order, each only on what is still ambiguous:
1. add-names: show more names than et-al-use-first, up to the number that makes the cite unique
   (items that no number makes unique keep the style's number);
2. add-givenname: short names in long form (with initials where initialize-with is set), then
   full given names unless the givenname-disambiguation-rule is one of the "-with-initials" ones
   (every name of the cite is expanded, also under the "primary-name" rules);
3. `disambiguate="true"` conditions become true for the item;
4. year-suffix: each remaining group gets "a", "b", ... in bibliography order. The suffix is the
   `year-suffix` variable where the style renders it, else it follows the first year rendered.
Names and given names are expanded in citations only; the year-suffix and disambiguate="true"
show in both. A cite is rendered again only when its item's state changed in a way that can
change it (names and given names cannot change the cite of an item without names), and a state
given up is given up with the text it had. Whether a new state can change a cite is told by what
its render asked of the state (fixes/disambiguation_witness.py): a cite whose names read the same
under the new state ("Čičerin" in long and short form) keeps its text.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from citeproc import frontend, model, source

from converter.render.fixes import disambiguation_witness as witnesses
from converter.render.fixes import position_scans

NAME = "disambiguation"
DESCRIPTION = "disambiguate cites: add names, expand given names, disambiguate conditions, year-suffix"

OPTIONS = ("disambiguate-add-names", "disambiguate-add-givenname", "disambiguate-add-year-suffix")
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class _State:
    names: int | None = None  # et-al-use-first to use instead of the style's
    givenname: int = 0  # 0: as styled, 1: long form (initials kept), 2: full given names
    disambiguate: bool = False
    year_suffix: str | None = None


# The item whose citation renders now and its state (None while a bibliography renders).
_citing: ContextVar[tuple[Any, _State | None] | None] = ContextVar("disambiguation_citing", default=None)
# While one layout entry renders: [item, whether its year-suffix is still to be placed].
_entry: ContextVar[list[Any] | None] = ContextVar("disambiguation_entry", default=None)


def suffix_for(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, 27 -> ab: the year-suffix sequence citeproc-js uses."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = ALPHABET[rest] + letters
    return letters


def _state_of(item: Any) -> _State | None:
    try:
        states = item.bibliography.__dict__.get("_disambiguation")
    except (source.VariableError, KeyError, AttributeError):
        return None
    return states.get(item.key) if states else None


def _wants_disambiguation(style: Any) -> bool:
    citation = style.root.citation
    if citation is None:
        return False
    if any(str(citation.get(o, "false")).lower() == "true" for o in OPTIONS):
        return True
    return bool(style.root.xpath_search(".//cs:if[@disambiguate] | .//cs:else-if[@disambiguate]"))


def _lone_cite(bibliography: Any, key: str) -> str:
    """The item's cite as disambiguation compares it (see the module's description)."""
    citation_element = bibliography.style.root.citation
    layout = citation_element.layout
    item = source.CitationItem(key)
    citation = source.Citation([item])
    citation.bibliography = bibliography
    saved = citation_element.__dict__.get("cites")
    citation_element.cites = []
    layout.repressed = {}
    token = _citing.set((item, _state_of(item)))
    entry = _entry.set([item, False])
    comparing = position_scans.comparing_cites.set(True)
    try:
        return str(layout.render_children(item) or "")
    except model.VariableError:
        return ""
    finally:
        position_scans.comparing_cites.reset(comparing)
        _entry.reset(entry)
        _citing.reset(token)
        citation_element.cites = saved if saved is not None else []


class _Cites:
    """Each item's compared cite under its current state, what that render asked of the state
    (its witness), and how many items cite alike."""

    def __init__(self, bibliography: Any, keys: list[str], states: dict[str, _State]) -> None:
        self.bibliography, self.states = bibliography, states
        self.texts: dict[str, str] = {}
        self.witnesses: dict[str, witnesses.Witness] = {}
        for key in keys:
            self.texts[key], self.witnesses[key] = self._rendered(key)
        self.counts = Counter(self.texts.values())

    def _rendered(self, key: str) -> tuple[str, witnesses.Witness]:
        witness = witnesses.Witness(_State(**vars(self.states[key])))
        with witnesses.recording(witness):
            return _lone_cite(self.bibliography, key), witness

    def set(self, key: str, text: str, witness: witnesses.Witness) -> None:
        self.counts[self.texts[key]] -= 1
        self.texts[key], self.witnesses[key] = text, witness
        self.counts[text] += 1

    def render(self, key: str) -> None:
        """The item's cite under its state now: rendered again unless its witness shows that the
        render would ask nothing that this state answers otherwise."""
        if self.witnesses[key].unchanged_under(self.states[key], _adjusted):
            return
        self.set(key, *self._rendered(key))

    def forget_witnesses(self, kept: set[str]) -> None:
        """Witnesses of the cites outside `kept` (never rendered again): kept no longer."""
        self.witnesses = {key: witness for key, witness in self.witnesses.items() if key in kept}

    def ambiguous(self, keys: list[str]) -> list[str]:
        return [key for key in keys if self.counts[self.texts[key]] > 1]

    def groups(self, keys: list[str]) -> list[list[str]]:
        by_text: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            by_text[self.texts[key]].append(key)
        return [group for group in by_text.values() if len(group) > 1]


def _try(cites: _Cites, states: dict[str, _State], keys: list[str], steps: list[Any],
         changes_cite: Any = None) -> list[str]:
    """Apply each step (a function changing a state) to the still ambiguous `keys`; an item keeps
    the first step that makes its cite unique, else goes back to how it was (and to the cite it
    had). `changes_cite(key)` False: the steps cannot change that item's cite, which is then not
    rendered again. Returns the keys left ambiguous."""
    left = list(keys)
    before = {key: (_State(**vars(states[key])), cites.texts[key], cites.witnesses[key]) for key in keys}
    for step in steps:
        if not left:
            break
        for key in left:
            step(states[key])
        for key in left:
            if changes_cite is None or changes_cite(key):
                cites.render(key)
        left = cites.ambiguous(left)
    for key in left:
        state, text, witness = before[key]
        states[key] = state
        cites.set(key, text, witness)
    return left


def _name_count(bibliography: Any, key: str) -> int:
    reference = bibliography.source[key]
    return max((len(v) for k, v in reference.items() if k in model.NAMES and isinstance(v, list)), default=0)


def _has_names(bibliography: Any, key: str) -> bool:
    """Whether the item has a name variable at all: only then can name options change its cite."""
    return any(variable in model.NAMES for variable in bibliography.source[key])


def disambiguate(bibliography: Any) -> None:
    """Compute every registered item's disambiguation state (see the module's description)."""
    style = bibliography.style
    keys = list(bibliography.keys)
    for key in keys:
        bibliography.source[key].pop("year_suffix", None)
    states = {key: _State() for key in keys}
    bibliography.__dict__["_disambiguation"] = states
    if not keys or not _wants_disambiguation(style):
        return
    citation = style.root.citation
    option = {o: str(citation.get(o, "false")).lower() == "true" for o in OPTIONS}
    cites = _Cites(bibliography, keys, states)

    def names_matter(key: str) -> bool:
        return _has_names(bibliography, key)

    groups = cites.groups(keys)
    cites.forget_witnesses(set().union(*groups))  # only the ambiguous are asked again
    for group in groups:
        if option["disambiguate-add-names"]:
            first = int(citation.get("et-al-use-first", "1"))
            most = max(_name_count(bibliography, key) for key in group)
            steps = [lambda s, n=n: setattr(s, "names", n) for n in range(first + 1, most + 1)]
            group = _try(cites, states, group, steps, names_matter)
        if option["disambiguate-add-givenname"] and group:
            rule = citation.get("givenname-disambiguation-rule", "by-cite")
            levels = [1] if rule.endswith("with-initials") else [1, 2]
            steps = [lambda s, level=level: setattr(s, "givenname", level) for level in levels]
            group = _try(cites, states, group, steps, names_matter)
        # disambiguate="true" holds for every item still ambiguous, whether it makes it unique or not.
        for key in group:
            states[key].disambiguate = True
            cites.render(key)
    if option["disambiguate-add-year-suffix"]:
        order = {key: index for index, key in enumerate(bibliography.keys)}
        for group in cites.groups(keys):
            for index, key in enumerate(sorted(group, key=order.__getitem__)):
                states[key].year_suffix = suffix_for(index)
                bibliography.source[key]["year_suffix"] = states[key].year_suffix


def _ensure(bibliography: Any) -> None:
    # register() appends to keys and sort() replaces them: either changes this.
    seen = (id(bibliography.keys), len(bibliography.keys))
    if bibliography.__dict__.get("_disambiguated_keys") != seen:
        bibliography.__dict__["_disambiguated_keys"] = seen
        disambiguate(bibliography)


def _wrap_cite(method: Any) -> Any:
    def cite(self: Any, citation: Any, callback: Any) -> Any:
        _ensure(self)
        return method(self, citation, callback)
    return cite


def _wrap_bibliography(method: Any) -> Any:
    def bibliography(self: Any) -> Any:
        # In a bibliography only the year-suffix shows, and disambiguate="true" conditions written
        # in cs:bibliography itself (not those in macros: that would cost a citation per entry).
        citation, bibliography = self.style.root.citation, self.style.root.bibliography
        if citation is not None and (
                str(citation.get("disambiguate-add-year-suffix", "false")).lower() == "true"
                or (bibliography is not None and bibliography.xpath_search(
                    ".//cs:if[@disambiguate] | .//cs:else-if[@disambiguate]"))):
            _ensure(self)
        return method(self)
    return bibliography


def _wrap_layout_render_children(method: Any) -> Any:
    def render_children(self: Any, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        current = _entry.get()
        if kwargs or not isinstance(self, model.Layout) or (current is not None and current[0] is item):
            return method(self, item, delimiter, **kwargs)
        in_citation = isinstance(self.getparent(), model.Citation)
        state = _state_of(item)
        entry = _entry.set([item, bool(state and state.year_suffix) and not _explicit_suffix(self)])
        citing = _citing.set((item, state) if in_citation else None)
        try:
            return method(self, item, delimiter, **kwargs)
        finally:
            _citing.reset(citing)
            _entry.reset(entry)
    render_children.__name__ = method.__name__
    return render_children


def _explicit_suffix(element: Any) -> bool:
    root = element.get_root()
    known = root.__dict__.get("_explicit_year_suffix")
    if known is None:
        known = root.__dict__["_explicit_year_suffix"] = bool(root.xpath_search(".//cs:text[@variable='year-suffix']"))
    return known


def _wrap_date_part_process(method: Any) -> Any:
    def process(self: Any, date: Any, context: Any = None) -> Any:
        text = method(self, date, context)
        entry = _entry.get()
        if entry is not None and entry[1] and self.get("name") == "year" and text:
            state = _state_of(entry[0])
            if state is not None and state.year_suffix:
                entry[1] = False
                return str(text) + state.year_suffix
        return text
    return process


def _adjusted(state: _State | None, name: str, value: Any) -> Any:
    """The value of a cs:name option under a cite's disambiguation state (value: the style's)."""
    if state is None or (state.names is None and not state.givenname):
        return value
    if state.names is not None and name in ("et-al-use-first", "et-al-subsequent-use-first"):
        return max(value, state.names)
    if state.names is not None and name in ("et-al-min", "et-al-subsequent-min") and value:
        # "et al." only once names are dropped: not when the added names are all there are.
        return max(value, state.names + 1)
    if state.givenname and name == "form" and value == "short":
        return "long"
    if state.givenname >= 2 and name == "initialize-with":
        return None
    return value


def names_as_styled() -> bool:
    """Whether a cs:name rendering now is left as the style has it by this fix: no compared cite
    is being recorded (its witness keeps what a cs:name asks), and the cite rendering, if any,
    has a state that adjusts no cs:name option (see _adjusted)."""
    if witnesses._recording.get() is not None:
        return False
    citing = _citing.get()
    if citing is None:
        return True
    state = citing[1]
    return state is None or (state.names is None and not state.givenname)


def _wrap_name_get_option(method: Any) -> Any:
    def get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
        value = method(self, name, context, sort_options)
        citing = _citing.get()
        if citing is None or sort_options:
            return value
        witnesses.asked(name, value)
        return _adjusted(citing[1], name, value)
    return get_option


def _wrap_name_process(method: Any) -> Any:
    recording = witnesses._recording

    def process(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        if recording.get() is None:
            return method(self, item, *args, **kwargs)
        return witnesses.processing(method, self, item, args, kwargs, _with_state)
    return process


def _with_state(item: Any, state: _State) -> Any:
    """Inside a witness's replay: the cite's item under this state."""
    return _citing.set((item, state))


def _disambiguate_test(self: Any, item: Any) -> list[bool]:
    witnesses.tested()
    state = _state_of(item)
    wanted = self.get("disambiguate", "false").lower() == "true"
    return [bool(state and state.disambiguate) == wanted]


def apply() -> None:
    if hasattr(model.If, "_disambiguate"):
        return
    position_scans.apply()  # answers the position tests of the compared cites
    model.If._disambiguate = _disambiguate_test
    frontend.CitationStylesBibliography.cite = _wrap_cite(frontend.CitationStylesBibliography.cite)
    frontend.CitationStylesBibliography.bibliography = _wrap_bibliography(
        frontend.CitationStylesBibliography.bibliography)
    model.Layout.render_children = _wrap_layout_render_children(model.Layout.render_children)
    model.Date_Part.process = _wrap_date_part_process(model.Date_Part.process)
    model.Name.get_option = _wrap_name_get_option(model.Name.get_option)
    model.Name.process = _wrap_name_process(model.Name.process)
