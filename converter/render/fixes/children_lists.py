"""citeproc-py walks an element's children anew each time it renders: every macro, cs:if, cs:else
and layout asks lxml for a fresh iterator over its children and tests each child's class again
(is it a cs:choose, which takes the enclosing delimiter?), and every cs:group also asks each child
whether it calls a variable, and reads its own `delimiter` attribute. A Chicago bibliography entry
does this a few hundred times. A parsed style's tree does not change while it renders, so each
element keeps the list of its children with these answers, and renders from it as citeproc-py
does (same calls, same order, same joins). The one change citeproc-py makes to a parsed tree is
to insert a missing cs:name into a cs:names, so the children of a cs:names are not kept (its
render does not walk them this way anyway).
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError

NAME = "children_lists"
DESCRIPTION = "render an element's children from a list made once, with their kind and calls-variable answers"
OUTPUT_PRESERVING = True

_original_render_children = model.Parent.render_children
_original_group_process = model.Group.process


def _children(self: Any) -> list[tuple[Any, bool]]:
    """(child, whether it is a cs:choose) for each child, as iterchildren gives them."""
    children = [(child, isinstance(child, model.Choose)) for child in self.iterchildren()]
    if not isinstance(self, model.Names):
        self.__dict__["_children_kinds"] = children
    return children


def _render_children(self: Any, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
    output = []
    children = self.__dict__.get("_children_kinds")
    if children is None:
        children = _children(self)
    for child, is_choose in children:
        try:
            if is_choose:
                text = child.render(item, delimiter=delimiter, **kwargs)
            else:
                text = child.render(item, **kwargs)
            if text is not None:
                output.append(text)
        except VariableError:
            pass
    if output:
        return model.join(output, delimiter)  # looked up on each call: fixes wrap model.join
    return None


_UNKNOWN = object()


def _group_children(self: Any) -> Any:
    """(delimiter, [(child, is cs:choose, calls a variable)]) of a cs:group, or None when a
    child's calls_variable raises (a macro the style lacks): then the group renders as before,
    where the error comes (or not) at the point citeproc-py asks."""
    plan = self.__dict__.get("_group_plan", _UNKNOWN)
    if plan is not _UNKNOWN:
        return plan
    try:
        children = [(child, isinstance(child, model.Choose), bool(child.calls_variable()))
                    for child in self.iterchildren()]
        plan = (self.get("delimiter", ""), children)
    except Exception:  # any error: leave the asking to citeproc-py's own code
        plan = None
    self.__dict__["_group_plan"] = plan
    return plan


def _group_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    plan = _group_children(self)
    if plan is None:
        return _original_group_process(self, item, context, **kwargs)
    delimiter, children = plan
    output = []
    variable_called = False
    variable_rendered = False
    for child, is_choose, calls_variable in children:
        variable_called = variable_called or calls_variable
        try:
            if is_choose:
                child_text = child.render(item, context=context, delimiter=delimiter, **kwargs)
            else:
                child_text = child.render(item, context=context, **kwargs)
            if child_text is not None:
                output.append(child_text)
                variable_rendered = variable_rendered or calls_variable
        except VariableError:
            pass
    if output and (not variable_called or variable_rendered):
        return self.join(output)
    raise VariableError


def apply() -> None:
    if model.Parent.__dict__["render_children"] is _original_render_children:
        model.Parent.render_children = _render_children
    if model.Group.__dict__["process"] is _original_group_process:
        model.Group.process = _group_process
