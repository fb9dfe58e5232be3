"""cs:names compiled: one function doing what the chain of patched methods does for one element.

The chain (see `chain`) for a cs:names is: fixes/leading_term_capital's `printed` around
fixes/cite_collapse's names render, around fixes/subsequent_author_substitute's `names_render`
(which counts the depth of an entry's first cs:names and keeps what they showed), around
CitationStylesElement.render; its Names.process is fixes/substitute_inherits_name (a shorthand
inside a cs:substitute takes the cs:name and cs:label of the cs:names substituted for) over
fixes/substitute_suppresses (roles a substitute rendered earlier are left out; those rendered
now are recorded) over citeproc-py's Names.process; then Names.markup (format and wrap, decided
once as for cs:text). A Chicago entry asks about thirty cs:names, most finding none of their
roles in the item.

Here the same is done in one function, with the same bookkeeping in the same order: each role
present is rendered by its cs:name's render (compiled in name.py) and labelled by its cs:label's,
the pieces joined by the element's join with the enclosing cs:citation's or cs:bibliography's
names-delimiter (read once per context), and FAIL returned where the chain raises VariableError.
When no role is present, its cs:substitute renders as substitute_suppresses's render does it
(`_substituting`), each child through its compiled function (a shorthand cs:names through its
`run`, given the parent as its names context). Names.process's adding up of
name counts is done only when a piece is a count (its `sum` of texts is otherwise a failed or
discarded addition). The chain renders whenever cite_collapse is recording or suppressing names,
some but not all of the roles were suppressed (substitute_suppresses then renders the others by
changing the element's `variable` for a moment), a role is present but its cs:names has no
cs:name (citeproc-py inserts one), or the call has positional arguments.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc.source import VariableError

from converter.render.compiled.calls import FAIL, ONE_IS_ITSELF, Inner, inner_of
from converter.render.compiled.label import chain as label_chain
from converter.render.compiled.label import role_label
from converter.render.fixes import (
    affixless_wrap,
    attribute_rereading,
    cite_collapse,
    leading_term_capital,
    subsequent_author_substitute,
    substitute_suppresses,
)

NAME = "names"
INHERITED = "./ancestor::cs:substitute[1]/parent::cs:names[1]"  # substitute_inherits_name's search
_SUBSTITUTE_RENDER = substitute_suppresses._substitute_render


def chain() -> list[Any]:
    return [model.Names.render, model.Names.process, model.Names.markup, model.Names.substitute, model.Names.join,
            model.Names.get_parent_delimiter, substitute_suppresses._original["names_process"],
            substitute_suppresses._suppressed, substitute_suppresses._record, model.Substitute.render,
            substitute_suppresses._children, model.Substitute.add_to_repressed_list,
            subsequent_author_substitute.decides_as_nothing_shown, subsequent_author_substitute.written_with_children,
            model.CitationStylesElement.render, model.CitationStylesElement.get_layout,
            model.Formatted.format, model.Affixed.wrap, affixless_wrap._affixless, *label_chain()]


CHAIN = object()  # no answer of the compiled names: the chain renders
_NONE: list[str] = []  # no role kept; never changed
NOTHING = object()  # the names context of a cs:names that renders nothing (no role present, no substitute)
_RUN = "_compiled_names_run"  # a compiled cs:names's `run`, for the cs:substitute it is in


def _substituting(substitute: Any, names: Any) -> Callable[..., Any]:
    """substitute_suppresses's cs:substitute render (`names` its parent): each child in turn, a
    cs:names without cs:name given the parent as its names context, the variables it renders
    recorded, until one renders something. Its children are listed, with their compiled
    functions, at the first call; while their number and each bare cs:names's number of children
    are unchanged, that list is substitute_suppresses's `_children` (a cs:names that gained a
    cs:name would have more), else its render renders."""
    recording = substitute_suppresses._recording
    written = subsequent_author_substitute.written_with_children
    record, key = substitute_suppresses._record, substitute_suppresses._KEY
    planned: list[Any] = []  # [number of children, [(bare child, its length)], [(child, bare, run, inner, absent)]]

    def plan() -> list[Any]:
        children, bare_lengths = [], []
        for child, bare in substitute_suppresses._children(substitute):
            inner = inner_of(child)
            run = child.__dict__.get(_RUN) if bare and inner is not None else None
            roles = (child.get("variable") or "").split()
            # A shorthand of one role, absent from the item, renders nothing and changes nothing
            # (inside this substitute no bookkeeping is due for a cs:names written without
            # children, see run): its role, to skip it by.
            absent = roles[0] if run is not None and len(roles) == 1 and not written(child) else None
            children.append((child, bare, run, inner, absent))
            if bare:
                bare_lengths.append((child, len(child)))
        return [len(substitute), bare_lengths, children]

    def render(item: Any, reference: Any, context: Any, kwargs: dict[str, Any]) -> Any:
        if not planned:
            planned.append(plan())
        count, bare_lengths, children = planned[0]
        if count != len(substitute):
            return substitute.render(item, context=context, **kwargs)
        for child, length in bare_lengths:
            if len(child) != length:
                return substitute.render(item, context=context, **kwargs)
        for child, bare, run, inner, absent in children:
            if absent is not None and absent not in reference:
                continue
            rendered: list[str] = []
            token = recording.set(rendered)
            try:
                if run is not None:
                    text = run(item, reference, context, names, kwargs)
                    if text is CHAIN:  # what the child's render does then
                        text = type(child).render(child, item, names_context=names, context=context, **kwargs)
                elif bare:
                    text = child.render(item, names_context=names, context=context, **kwargs)
                elif inner is not None:
                    text = inner(item, reference, context, "", kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            finally:
                recording.reset(token)
            if text is FAIL:
                continue
            if text:
                substitute.add_to_repressed_list(child, context)
                layout = context.get_layout()
                layout.repressed[key] = layout.repressed.get(key, set()) | set(rendered)
                record(*rendered)  # a substitute inside a substitute's macro: the outer one too
                return text
        return None
    return render


def compile_element(element: Any) -> tuple[Callable[..., Any], Inner] | None:
    if type(element) is not model.Names or not element.get("variable"):
        return None
    roles = element.get("variable").split()
    if not roles:
        return None
    substitute = element.substitute()
    substituted = (_substituting(substitute, element) if substitute is not None and "render" not in substitute.__dict__
                   and type(substitute).render is _SUBSTITUTE_RENDER else None)
    ed_trans_roles = set(roles) == {"editor", "translator"}
    only = roles[0] if len(roles) == 1 else None
    lone = only if substitute is None else None  # the one role of a cs:names without cs:substitute
    chain_render = type(element).render
    session_var = cite_collapse._session
    entry_var = subsequent_author_substitute._entry
    printing_var = leading_term_capital._entry
    no_names = subsequent_author_substitute.NO_NAMES
    decides = subsequent_author_substitute.decides_as_nothing_shown
    subsequent_author_substitute.written_with_children(element)  # as written, before citeproc-py adds a cs:name
    suppressed_in, suppressed_key = substitute_suppresses._suppressed, substitute_suppresses._KEY
    record = substitute_suppresses._record
    plain = attribute_rereading.is_plain(element)
    affixless = affixless_wrap._affixless(element)
    unchanged = affixless_wrap.UNCHANGED_BY_EMPTY
    delimiters: dict[Any, Any] = {}  # context element -> the names-delimiter around it
    labels: dict[Any, Any] = {}  # cs:label -> its compiled role label (label.py)
    self = element

    def processed(item: Any, reference: Any, context: Any, names_context: Any, kept: list[str],
                  kwargs: dict[str, Any]) -> Any:
        """substitute_suppresses's Names.process for these kept roles (all of them, or none),
        citeproc-py's inside it, then Names.markup; FAIL for its VariableError."""
        if not kept:
            return None
        context = self if context is None else context
        ed_trans: Any = False
        if ed_trans_roles:
            try:
                ed_trans = (reference.editor == reference.translator and
                            self.get_term("editortranslator").getchildren())
            except VariableError:
                ed_trans = False
        output = []
        for role in ["editor"] if ed_trans else kept:
            if role not in reference:
                continue
            text = names_context.name.render(item, role, context=context, **kwargs)
            plural = len(reference[role]) > 1
            label_element = names_context.label
            if label_element is not None:
                labelled = labels.get(label_element)
                if labelled is None:
                    labelled = labels[label_element] = role_label(label_element)
                try:
                    label = labelled(item, "editortranslator" if ed_trans else role, plural, kwargs)
                    if label is not None:
                        if label_element is names_context[0]:  # getchildren()[0], without the list
                            text = label + text
                        else:
                            text = text + label
                except AttributeError:  # as Names.process, which reads a missing label this way
                    pass
            output.append(text)
        if output:
            if any(isinstance(piece, int) for piece in output):  # name counts (form="count")
                try:
                    total = sum(output)
                except TypeError:
                    is_int = False
                else:
                    is_int = isinstance(total, int)
                if is_int:
                    output = []
                    text = str(total) if total > 0 else None
            if output:
                delimiter = delimiters.get(context)
                if delimiter is None:
                    delimiter = delimiters[context] = self.get_parent_delimiter(context)
                # Delimited.join of one piece is the piece
                one = len(output) == 1 and output[0] is not None and model.join in ONE_IS_ITSELF
                text = output[0] if one else self.join(output, delimiter)
        elif substituted is not None:
            text = substituted(item, reference, context, kwargs)
        elif substitute is not None:
            text = substitute.render(item, context=context, **kwargs)
        else:
            return FAIL
        if text:
            record(*(role for role in kept if role.replace("-", "_") in reference))
        else:  # Names.markup
            return None
        if not plain:
            text = self.format(text)
        elif isinstance(text, (int, float)):
            text = str(text)
        if affixless and type(text) in unchanged:
            return text
        return self.wrap(text)

    def run(item: Any, reference: Any, context: Any, names_context: Any, kwargs: dict[str, Any]) -> Any:
        """The chain's outcome (FAIL for VariableError), or CHAIN where the chain must render."""
        session = session_var.get()
        if session is not None and session.names_state in ("record", "suppress"):
            return CHAIN
        # substitute_suppresses: the layout's repressed variables, the layout read as
        # repeated_xpath_queries's get_layout keeps it (the chain's own call when not kept)
        layout = (context if context is not None else self).__dict__.get("_layout")
        suppressed = layout.repressed.get(suppressed_key, ()) if layout is not None else suppressed_in(self, context)
        kept = roles
        if suppressed:
            if only is not None:  # one role: kept or not
                kept = _NONE if only in suppressed else roles
            else:
                kept = [role for role in roles if role not in suppressed]
                if kept and len(kept) != len(roles):
                    return CHAIN
        for role in kept:
            if role in reference:
                break
        else:  # no role present: what `processed` gives without a cs:substitute, or every role suppressed
            if substitute is None or not kept:
                names_context = NOTHING
        if names_context is None:  # substitute_inherits_name, then Names.process's default
            names_context = self
            if self.name is None:
                inherited = self.xpath_search(INHERITED)
                if inherited:
                    names_context = inherited[0]
        if names_context is not NOTHING and names_context.name is None and any(role in reference for role in kept):
            return CHAIN
        printing = printing_var.get()
        entry = entry_var.get()
        if entry is None or entry["names"] is not None:
            if names_context is NOTHING:
                return FAIL if kept else None
            text = processed(item, reference, context, names_context, kept, kwargs)
        else:  # subsequent_author_substitute's names_render
            entry["depth"] += 1
            try:
                if names_context is NOTHING:
                    text = FAIL if kept else None
                else:
                    text = processed(item, reference, context, names_context, kept, kwargs)
            except VariableError:
                if entry["depth"] == 1 or (entry["names"] is None and decides(self, entry)):
                    entry["names"] = no_names
                raise
            finally:
                entry["depth"] -= 1
            if text is FAIL:  # its VariableError, the depth already taken back
                if entry["depth"] == 0 or (entry["names"] is None and decides(self, entry)):
                    entry["names"] = no_names
                return FAIL
            if entry["names"] is not None:  # decided inside, by a cs:names in the substitute
                pass
            elif entry["depth"] and not text and decides(self, entry):
                entry["names"] = no_names
            elif entry["depth"] == 0 and entry["parts"]:
                entry["names"] = ("names", *entry["parts"])
            elif entry["depth"] == 0 and text and entry["text"] is not None:
                entry["names"] = ("text", entry["text"])
                if entry["whole_text"] and entry["previous"] == entry["names"]:
                    text = model.String(entry["substitute"])
            elif entry["depth"] == 0:
                entry["names"] = no_names
        if text is not FAIL and printing is not None and printing[0] and text:  # leading_term_capital
            printing[0] = False
        return text

    element.__dict__[_RUN] = run

    def inner(item: Any, reference: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        if lone is not None and lone not in reference:
            # run's outcome for one role, not present, and no cs:substitute, where no bookkeeping
            # is due (cite_collapse not recording, the entry's first names decided or none)
            session = session_var.get()
            if session is None or session.names_state not in ("record", "suppress"):
                entry = entry_var.get()
                if entry is None or entry["names"] is not None:
                    layout = (context if context is not None else self).__dict__.get("_layout")
                    suppressed = (layout.repressed.get(suppressed_key, ()) if layout is not None
                                  else suppressed_in(self, context))
                    return None if suppressed and lone in suppressed else FAIL
        text = run(item, reference, context, None, kwargs)
        if text is CHAIN:
            return chain_render(self, item, context=context, **kwargs)  # as a compiled parent calls it
        return text

    def render(item: Any, *args: Any, context: Any = None, names_context: Any = None, **kwargs: Any) -> Any:
        text = CHAIN if args else run(item, item.reference, context, names_context, kwargs)
        if text is CHAIN:
            if names_context is not None:
                kwargs["names_context"] = names_context
            return chain_render(self, item, *args, context=context, **kwargs)
        if text is FAIL:
            raise VariableError
        return text
    return render, inner
