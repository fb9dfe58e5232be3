"""How compiled elements call each other: directly, with the item's reference, and without
exceptions for what renders nothing.

Every compiled element has two entry points. Its `render` (installed on the element) is what
the chain's callers see: the signature of the element's chain, VariableError raised where the
chain raises it. Its `inner(item, reference, context, delimiter, kwargs)` is what a compiled
parent calls: the same work, given the reference the parent read once (`item.reference` is the
same object all through one element's rendering, so a subtree reads it once instead of once per
element), with the arguments the parent would have passed (`context` always given, as compiled
parents always give it; `delimiter` only for a cs:choose, the others ignore it; `kwargs` the
rest, never changed), and returning FAIL where the render raises VariableError (an inner may
still raise it from code of the chain it calls; callers treat the two alike). The parent's
loop over its children is `rendered`: children_lists's render_children with these calls.

A parent finds its children's inner functions when it first renders (`bind`), once the whole
style is compiled; a child whose `render` is not the compiled one it was made with is called
through `render`, as before.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import string as cstring
from citeproc.source import VariableError

from converter.render.fixes import punctuation_in_quote

FAIL = object()  # an inner's answer where the element's render raises VariableError
NO_KWARGS: dict[str, Any] = {}  # shared, never changed: an inner hands kwargs on as they are
Inner = Callable[[Any, Any, Any, str, dict[str, Any]], Any]
Plan = list[tuple[Any, bool, Inner | None]]
_PAIR = "_compiled_pair"
# The joins (model.join: citeproc-py's, or punctuation_in_quote's around it) that give back the
# one piece itself when there is one: its seams are only between pieces. A compiled parent with
# one rendered child takes it as it is while model.join is one of these.
ONE_IS_ITSELF = frozenset({cstring.join, punctuation_in_quote._join})


def install(element: Any, render: Callable[..., Any], inner: Inner) -> None:
    element.__dict__["render"] = render
    element.__dict__[_PAIR] = (render, inner)


def inner_of(element: Any) -> Inner | None:
    """The element's inner function, while its render is still the compiled one."""
    pair = element.__dict__.get(_PAIR)
    if pair is None or element.__dict__.get("render") is not pair[0]:
        return None
    return pair[1]


def bind(children: list[tuple[Any, bool]]) -> Plan:
    """(child, is cs:choose, its inner or None) for children_lists's (child, is cs:choose)."""
    return [(child, is_choose, inner_of(child)) for child, is_choose in children]


def rendered(plan: Plan, item: Any, reference: Any, context: Any, delimiter: str,
             kwargs: dict[str, Any]) -> list[Any]:
    """The texts of children_lists's render_children (a cs:choose child given the delimiter,
    the others not; a child raising VariableError left out), before they are joined."""
    output = []
    for child, is_choose, inner in plan:
        try:
            if inner is not None:
                text = inner(item, reference, context, delimiter, kwargs)
                if text is FAIL:
                    continue
            elif is_choose:
                text = child.render(item, delimiter=delimiter, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except VariableError:
            continue
        if text is not None:
            output.append(text)
    return output


def raising(inner: Inner) -> Callable[..., Any]:
    """A render for the chain's callers, of an element whose chain raises VariableError when it
    renders nothing (cs:text, cs:group): its inner, with the reference read here."""
    def render(item: Any, context: Any = None, **kwargs: Any) -> Any:
        text = inner(item, item.reference, context, "", kwargs)
        if text is FAIL:
            raise VariableError
        return text
    return render
