"""cs:group compiled (see flow.py for its chain): CitationStylesElement.render ->
fixes/group_choose_branch -> fixes/children_lists's `_group_process`, then Group.markup (format
and wrap, decided once as for cs:text). A group without a mixed cs:choose renders as
children_lists plans it; one with a mixed cs:choose (its branches differ in calling variables)
as group_choose_branch does, taking the branch without the ConditionFailed raised for each
branch that does not hold. A group neither could plan is left to the chain. Compiled children
are called through their inner functions (calls.py).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from converter.render.compiled.calls import FAIL, ONE_IS_ITSELF, Inner, Plan, bind, inner_of, raising, rendered
from converter.render.compiled.flow import _children
from converter.render.fixes import (
    affixless_wrap,
    attribute_rereading,
    children_lists,
    condition_reevaluation,
    group_choose_branch,
)

Taker = Callable[[Any, Any, Any, str, dict[str, Any]], tuple[Any, int | None]]


def _branch_taker(choose: Any) -> Taker:
    """group_choose_branch's `_render_choose` of one cs:choose: the text and index of the first
    branch that does not fail, without raising ConditionFailed for a condition that does not hold
    (condition_reevaluation's `_render` raises it then; a failure inside a branch still counts).
    A branch taken renders its children as children_lists's render_children does."""
    branches = []
    for index, branch in enumerate(choose.iterchildren()):
        own = "render" in branch.__dict__
        if isinstance(branch, model.If) and type(branch).render is condition_reevaluation._render and not own:
            test = branch.__dict__.get("_compiled", condition_reevaluation._UNSET)
            if test is condition_reevaluation._UNSET:
                test = branch.__dict__["_compiled"] = condition_reevaluation._compiled_test(branch)
            branches.append((index, branch, test, False, _children(branch)))
        elif isinstance(branch, model.Else) and type(branch).render is condition_reevaluation._original_else_render \
                and not own:
            branches.append((index, branch, None, True, _children(branch)))
        else:
            branches.append((index, branch, None, False, None))
    plans: list[Plan | None] = [None] * len(branches)
    holds = condition_reevaluation._holds

    def take(item: Any, reference: Any, context: Any, delimiter: str,
             kwargs: dict[str, Any]) -> tuple[Any, int | None]:
        for index, branch, test, is_else, children in branches:
            try:
                if children is None:
                    return branch.render(item, context=context, delimiter=delimiter, **kwargs), index
                if not is_else and not (test(item, reference) if test is not None
                                        else holds(branch, item, context)):
                    continue
                plan = plans[index]
                if plan is None:
                    plan = plans[index] = bind(children)
                output = rendered(plan, item, reference, context, delimiter, kwargs)
                if not output:
                    return None, index
                join = model.join
                return (output[0] if len(output) == 1 and join in ONE_IS_ITSELF else join(output, delimiter)), index
            except model.ConditionFailed:
                continue
        return None, None
    return take


# How a cs:group renders a child (see compile_group).
_PLAIN, _CHOOSE, _MIXED = range(3)


def _group_plan(element: Any) -> tuple[str, list[tuple[Any, int, bool, Any]]] | None:
    """(delimiter, [(child, how, calls a variable, branch taker and branch calls)]) as
    group_choose_branch (a group with a mixed cs:choose) or children_lists plans the group; None
    where they leave it to citeproc-py's code."""
    mixed = group_choose_branch._plan(element)
    if mixed is group_choose_branch._NOT_MIXED:
        plan = children_lists._group_children(element)
        if plan is None:
            return None
        delimiter, children = plan
        return delimiter, [(child, _CHOOSE if is_choose else _PLAIN, calls, None)
                           for child, is_choose, calls in children]
    children = []
    try:
        for child, branch_calls in mixed:
            if branch_calls is not None:
                children.append((child, _MIXED, False, (_branch_taker(child), branch_calls)))
            else:  # asked on every call there, and always the same answer (repeated_xpath_queries)
                children.append((child, _CHOOSE if isinstance(child, model.Choose) else _PLAIN,
                                 bool(child.calls_variable()), None))
    except Exception:  # a macro the style lacks: the chain meets the error where it does
        return None
    return element.get("delimiter", ""), children


def compile_group(element: Any) -> tuple[Callable[..., Any], Inner] | None:
    if type(element) is not model.Group:
        return None
    plan = _group_plan(element)
    if plan is None:
        return None
    delimiter, children = plan
    joined_by = element.get("delimiter", "")  # what Group.join reads
    plain = attribute_rereading.is_plain(element)
    affixless = affixless_wrap._affixless(element)
    unchanged = affixless_wrap.UNCHANGED_BY_EMPTY
    self = element
    bound: list[tuple[Any, int, bool, Any, Inner | None]] = []  # the children with their inner functions

    def inner(item: Any, reference: Any, context: Any, _delimiter: str, kwargs: dict[str, Any]) -> Any:
        if not bound:
            bound.extend((child, how, calls, mixed, inner_of(child) if how != _MIXED else None)
                         for child, how, calls, mixed in children)
        output = []
        variable_called = False
        variable_rendered = False
        for child, how, calls, mixed, child_inner in bound:
            try:
                if child_inner is not None:  # a cs:choose child is given the delimiter, the others ignore it
                    child_text = child_inner(item, reference, context, delimiter, kwargs)
                    if child_text is FAIL:
                        child_text = None
                elif how == _PLAIN:
                    child_text = child.render(item, context=context, **kwargs)
                elif how == _CHOOSE:
                    child_text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    take, branch_calls = mixed
                    child_text, taken = take(item, reference, context, delimiter, kwargs)
                    calls = taken is not None and branch_calls[taken]
            except VariableError:
                child_text = None
            variable_called = variable_called or calls
            if child_text is not None:
                output.append(child_text)
                variable_rendered = variable_rendered or calls
        if not (output and (not variable_called or variable_rendered)):
            return FAIL
        # Group.join (Delimited.join): citeproc-py's join of the texts (here none is None) with
        # the group's delimiter, an empty String for anything it raises (its bare except)
        try:
            text = model.join(output, joined_by)
        except BaseException:
            text = String("")
        if not text:  # Group.markup
            return None
        if not plain:
            text = self.format(text)
        elif isinstance(text, (int, float)):
            text = str(text)
        if affixless and type(text) in unchanged:
            return text
        return self.wrap(text)
    return raising(inner), inner
