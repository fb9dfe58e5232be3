"""A cs:group is suppressed when it calls variables and all of them are empty. citeproc-py asks a
cs:choose inside the group whether it calls a variable in any of its branches, not in the one it
took, so APA's `<group><choose><if type="thesis" variable="genre"><text value="publication"/>`
`</if><else-if variable="number"><text variable="genre"/></else-if></choose><text macro=
"label-number"/></group>` prints "Mastering Thesis Writing (Publication) [Master's thesis]" for a
thesis without a number: the term's branch counts as a variable rendered. citeproc-js (and CSL)
count only the variables the taken branch calls: the group is suppressed.

Only a group with such a cs:choose (one whose branches differ in calling variables) renders here,
taking the branch as citeproc-py's Choose.render does; any other group renders as before.
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError

NAME = "group_choose_branch"
DESCRIPTION = "a cs:choose in a cs:group counts as calling a variable only if the branch it took does"

_NOT_MIXED = object()


def _branch_calls(choose: Any) -> list[bool] | None:
    """Whether each branch of a cs:choose calls a variable, when they differ; else None."""
    calls = [any(child.calls_variable() for child in branch.iterchildren()) for branch in choose.iterchildren()]
    return calls if len(set(calls)) > 1 else None


def _plan(group: Any) -> Any:
    """[(child, branch calls of a mixed cs:choose or None)] of a group with a mixed cs:choose, or
    _NOT_MIXED; kept on the element (a parsed style does not change while it renders)."""
    plan = group.__dict__.get("_choose_branch_plan")
    if plan is None:
        try:
            children = [(child, _branch_calls(child) if isinstance(child, model.Choose) else None)
                        for child in group.iterchildren()]
        except Exception:  # a macro the style lacks: citeproc-py's own code meets the error
            children = []
        plan = children if any(calls is not None for _, calls in children) else _NOT_MIXED
        group.__dict__["_choose_branch_plan"] = plan
    return plan


def _render_choose(choose: Any, item: Any, context: Any, delimiter: str, **kwargs: Any) -> tuple[Any, int | None]:
    """The choose's text and the index of the branch it took, as Choose.render takes it."""
    for index, branch in enumerate(choose.iterchildren()):
        try:
            return branch.render(item, context=context, delimiter=delimiter, **kwargs), index
        except model.ConditionFailed:
            continue
    return None, None


def _choosing(process: Any) -> Any:
    def group_process(self: model.Group, item: Any, context: Any = None, **kwargs: Any) -> Any:
        plan = _plan(self)
        if plan is _NOT_MIXED:
            return process(self, item, context, **kwargs)
        delimiter = self.get("delimiter", "")
        output = []
        variable_called = variable_rendered = False
        for child, branch_calls in plan:
            calls = branch_calls is None and bool(child.calls_variable())
            try:
                if branch_calls is not None:
                    text, taken = _render_choose(child, item, context, delimiter, **kwargs)
                    calls = taken is not None and branch_calls[taken]
                elif isinstance(child, model.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            variable_called = variable_called or calls
            if text is not None:
                output.append(text)
                variable_rendered = variable_rendered or calls
        if output and (not variable_called or variable_rendered):
            return self.join(output)
        raise VariableError
    group_process.__name__ = "group_process_choose_branch"
    return group_process


def apply() -> None:
    if model.Group.process.__name__ != "group_process_choose_branch":
        model.Group.process = _choosing(model.Group.process)
