"""cs:names compiled for the call that renders nothing: none of its roles is in the item.

A Chicago entry asks about thirty cs:names (author, editor, translator, container-author... in
macros and their conditions), and most find no such name in the item. Each call still goes
through the chain: fixes/leading_term_capital's `printed`, fixes/cite_collapse's names render,
fixes/subsequent_author_substitute's `names_render`, CitationStylesElement.render,
fixes/substitute_inherits_name, fixes/substitute_suppresses and citeproc-py's Names.process,
which finds no role and no cs:substitute and raises VariableError (or, when every role was
suppressed by an earlier substitute, substitute_suppresses returns None).

For a cs:names with a `variable` and no cs:substitute child, the compiled render answers that
case itself, with the same outcome and the same bookkeeping: the exception or None, and
subsequent_author_substitute's entry marked as having shown no names where names_render marks it
(for the first cs:names, or for one inside its cs:substitute that decides the entry).
Whenever cite_collapse is recording or suppressing names, or a role not suppressed is in the
item, or the call has positional arguments, the chain renders, as before. (The `ed_trans` test
of Names.process reads the item's editor and translator: with neither there it fails quietly.)
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc.source import VariableError

from converter.render.compiled.calls import FAIL, Inner
from converter.render.fixes import cite_collapse, subsequent_author_substitute, substitute_suppresses

NAME = "names"


def chain() -> list[Any]:
    return [model.Names.render, model.Names.process, model.Names.markup, model.Names.substitute,
            substitute_suppresses._original["names_process"], substitute_suppresses._suppressed,
            model.CitationStylesElement.render, model.CitationStylesElement.get_layout]


CHAIN = object()  # no answer of the compiled names: the chain renders


def compile_element(element: Any) -> tuple[Callable[..., Any], Inner] | None:
    if type(element) is not model.Names or not element.get("variable") or element.substitute() is not None:
        return None
    roles = element.get("variable").split()
    if not roles:
        return None
    chain_render = type(element).render
    session_var = cite_collapse._session
    entry_var = subsequent_author_substitute._entry
    no_names = subsequent_author_substitute.NO_NAMES
    decides = subsequent_author_substitute.decides_as_nothing_shown
    subsequent_author_substitute.written_with_children(element)  # as written, before citeproc-py adds a cs:name
    suppressed_in, suppressed_key = substitute_suppresses._suppressed, substitute_suppresses._KEY
    self = element

    def nothing(item: Any, reference: Any, context: Any) -> Any:
        """The outcome when no role (not suppressed) is in the item, with names_render's
        bookkeeping: FAIL where the chain raises VariableError; the chain's own render otherwise
        (CHAIN)."""
        # substitute_suppresses._suppressed: the layout's repressed variables, the layout read
        # as repeated_xpath_queries's get_layout keeps it (the chain's own call when not kept)
        layout = (context if context is not None else self).__dict__.get("_layout")
        suppressed = layout.repressed.get(suppressed_key, ()) if layout is not None else suppressed_in(self, context)
        kept = [role for role in roles if role not in suppressed] if suppressed else roles
        for role in kept:
            if role in reference:
                return CHAIN
        entry = entry_var.get()
        if entry is not None and entry["names"] is None and entry["depth"] == 0:
            if kept or not entry["parts"]:  # names_render after a VariableError, or after None
                entry["names"] = no_names
            else:
                entry["names"] = ("names", *entry["parts"])
        elif entry is not None and entry["names"] is None and decides(self, entry):
            entry["names"] = no_names  # inside the first cs:names, as names_render decides there
        return FAIL if kept else None

    def inner(item: Any, reference: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        session = session_var.get()
        if session is None or session.names_state not in ("record", "suppress"):
            text = nothing(item, reference, context)
            if text is not CHAIN:
                return text
        return chain_render(self, item, context=context, **kwargs)  # as a compiled parent calls it

    def render(item: Any, *args: Any, **kwargs: Any) -> Any:
        session = session_var.get()
        if args or (session is not None and session.names_state in ("record", "suppress")):
            return chain_render(self, item, *args, **kwargs)
        text = nothing(item, item.reference, kwargs.get("context"))
        if text is CHAIN:
            return chain_render(self, item, *args, **kwargs)
        if text is FAIL:
            raise VariableError
        return text
    return render, inner
