"""cs:macro, cs:choose and cs:group compiled: the elements that only route rendering to children.

- cs:macro: fixes/date_sort_keys's `macro_render` (which does something only while sort keys are
  made: then the chain is called as before) around Macro.render, which calls render_children
  (fixes/children_lists): the children are rendered here from the list children_lists makes,
  with the same arguments, the same VariableError handling and the same join.
- cs:choose: fixes/condition_reevaluation's `_choose_render` with its branch list, made before
  any branch could be compiled (so it takes each branch as that fix does); a taken cs:if or
  cs:else renders its children here, as render_children would, without the two calls between.
- cs:group: CitationStylesElement.render -> fixes/group_choose_branch -> fixes/children_lists's
  `_group_process`, then Group.markup (format and wrap, decided once as for cs:text). A group
  without a mixed cs:choose renders as children_lists plans it; one with a mixed cs:choose (its
  branches differ in calling variables) as group_choose_branch does, taking the branch without
  the ConditionFailed raised for each branch that does not hold. A group neither could plan is
  left to the chain.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc.source import VariableError

from converter.render.fixes import (
    affixless_wrap,
    attribute_rereading,
    children_lists,
    condition_reevaluation,
    date_sort_keys,
    group_choose_branch,
)

MACRO, CHOOSE, GROUP = "macro", "choose", "group"


def _children_render() -> list[Any]:
    return [model.Parent.render_children, model.Macro.render_children, model.If.render_children,
            model.Else.render_children, model.Choose.render, model.If.render, model.Else.render,
            model.If._type, model.If._variable, children_lists._children, model.join]


def chain(kind: str) -> list[Any]:
    """Every method and helper the compiled element of this kind merges."""
    if kind == MACRO:
        return [model.Macro.render, model.Macro.process, *_children_render()]
    if kind == CHOOSE:
        return [*_children_render(), condition_reevaluation._branches,
                condition_reevaluation._compiled_test, condition_reevaluation._holds,
                condition_reevaluation._plan, condition_reevaluation._render]
    return [model.Group.render, model.Group.process, model.Group.markup, model.Group.join,
            group_choose_branch._plan, group_choose_branch._branch_calls, group_choose_branch._render_choose,
            children_lists._group_children, model.Formatted.format, model.Affixed.wrap, affixless_wrap._affixless,
            *_children_render(), condition_reevaluation._compiled_test, condition_reevaluation._holds,
            condition_reevaluation._plan, condition_reevaluation._original_else_render]


def _children(element: Any) -> list[tuple[Any, bool]]:
    kept = element.__dict__.get("_children_kinds")
    return kept if kept is not None else children_lists._children(element)


def _renderer(children: list[tuple[Any, bool]]) -> Callable[..., Any]:
    """render_children of children_lists over a fixed list of (child, is cs:choose)."""
    def render_children(item: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        output = []
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
            return model.join(output, delimiter)  # looked up on each call, as children_lists does
        return None
    return render_children


def compile_macro(element: Any) -> Callable[..., Any] | None:
    if type(element) is not model.Macro:
        return None
    children = _children(element)
    chain_render = type(element).render
    sorting = date_sort_keys.SORTING  # the one macro_render reads
    self = element

    def render(item: Any, context: Any = None, sort_options: Any = None) -> Any:
        if sorting.get():  # date_sort_keys's keys: its own code
            return chain_render(self, item, context=context, sort_options=sort_options)
        output = []  # children_lists's render_children, inline (delimiter "")
        for child, is_choose in children:
            try:
                if is_choose:
                    text = child.render(item, delimiter="", context=context, sort_options=sort_options)
                else:
                    text = child.render(item, context=context, sort_options=sort_options)
                if text is not None:
                    output.append(text)
            except VariableError:
                pass
        if output:
            return model.join(output, "")  # model.join looked up on each call, as children_lists does
        return None
    return render


# Compiled tests of the two shapes most branches have, answered in the cs:choose itself.
_TYPE_IN, _FIELD_IN, _FIELD_OUT = "type in", "field in", "field not in"


def _test_shape(branch: Any, test: Any) -> tuple[Any, Any]:
    """(how, what) for a branch with a compiled test (condition_reevaluation._compiled_test):
    type="..." match="any" alone is `the item's type in the set` (its any_holds with no variable);
    one variable (not locator) alone is `in the reference`, or not in it for match="none" (its
    one-field test); any other stays the compiled test, called."""
    tests, match = condition_reevaluation._plan(branch)
    methods = [method for method, _ in tests]
    if methods == ["_type"] and match == "any":
        return _TYPE_IN, frozenset(t.lower() for t in branch.get("type").split())
    if methods == ["_variable"] and match in (None, "all", "any", "none"):
        variables = [v.replace("-", "_") for v in branch.get("variable").split()]
        if len(variables) == 1 and variables[0] != "locator":
            return (_FIELD_OUT if match == "none" else _FIELD_IN), variables[0]
    return condition_reevaluation._COMPILED, test


def compile_choose(element: Any) -> Callable[..., Any] | None:
    if type(element) is not model.Choose:
        return None
    branches = []
    for child, types, wanted, how, test in condition_reevaluation._branches(element):
        # A branch condition_reevaluation calls (not its own If/Else) is called as it calls it.
        children = None if how == condition_reevaluation._CALL else _children(child)
        if how == condition_reevaluation._COMPILED:
            how, test = _test_shape(child, test)
        branches.append((child, types, wanted, how, test, children))
    holds = condition_reevaluation._holds
    compiled, if_, call = condition_reevaluation._COMPILED, condition_reevaluation._IF, condition_reevaluation._CALL

    def render(item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        reference = item_type = None
        for child, types, wanted, how, test, children in branches:
            if types is not None:
                if reference is None:
                    reference = item.reference
                if item_type is None:
                    item_type = reference.type
                if (item_type in types) is not wanted:
                    continue
            if how == _TYPE_IN:
                if reference is None:
                    reference = item.reference
                if item_type is None:
                    item_type = reference.type
                if item_type not in test:
                    continue
            elif how == _FIELD_IN:
                if reference is None:
                    reference = item.reference
                if test not in reference:
                    continue
            elif how == _FIELD_OUT:
                if reference is None:
                    reference = item.reference
                if test in reference:
                    continue
            elif how == compiled:
                if reference is None:
                    reference = item.reference
                if not test(item, reference):
                    continue
            elif how == if_ and not holds(child, item, context):
                continue
            try:
                if how == call:
                    return child.render(item, context=context, delimiter=delimiter, **kwargs)
                output = []  # the branch's render_children (children_lists), inline
                for grandchild, is_choose in children:
                    try:
                        if is_choose:
                            text = grandchild.render(item, delimiter=delimiter, context=context, **kwargs)
                        else:
                            text = grandchild.render(item, context=context, **kwargs)
                        if text is not None:
                            output.append(text)
                    except VariableError:
                        pass
                return model.join(output, delimiter) if output else None
            except model.ConditionFailed:
                continue
        return None
    return render


def _branch_taker(choose: Any) -> Callable[..., tuple[Any, int | None]] | None:
    """group_choose_branch's `_render_choose` of one cs:choose: the text and index of the first
    branch that does not fail, without raising ConditionFailed for a condition that does not hold
    (condition_reevaluation's `_render` raises it then; a failure inside a branch still counts)."""
    branches = []
    for index, branch in enumerate(choose.iterchildren()):
        own = "render" in branch.__dict__
        if isinstance(branch, model.If) and type(branch).render is condition_reevaluation._render and not own:
            test = branch.__dict__.get("_compiled", condition_reevaluation._UNSET)
            if test is condition_reevaluation._UNSET:
                test = branch.__dict__["_compiled"] = condition_reevaluation._compiled_test(branch)
            branches.append((index, branch, test, False, _renderer(_children(branch))))
        elif isinstance(branch, model.Else) and type(branch).render is condition_reevaluation._original_else_render \
                and not own:
            branches.append((index, branch, None, True, _renderer(_children(branch))))
        else:
            branches.append((index, branch, None, False, None))
    holds = condition_reevaluation._holds

    def take(item: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> tuple[Any, int | None]:
        for index, branch, test, is_else, children in branches:
            try:
                if children is None:
                    return branch.render(item, context=context, delimiter=delimiter, **kwargs), index
                if not is_else and not (test(item, item.reference) if test is not None
                                        else holds(branch, item, context)):
                    continue
                return children(item, delimiter, {"context": context, **kwargs}), index
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


def compile_group(element: Any) -> Callable[..., Any] | None:
    if type(element) is not model.Group:
        return None
    plan = _group_plan(element)
    if plan is None:
        return None
    delimiter, children = plan
    plain = all(element.get(name, default) == default for name, default in attribute_rereading.FORMATTING)
    affixless = not element.get("prefix", "") and not element.get("suffix", "")
    unchanged = affixless_wrap.UNCHANGED_BY_EMPTY
    self = element

    def render(item: Any, context: Any = None, **kwargs: Any) -> Any:
        output = []
        variable_called = False
        variable_rendered = False
        for child, how, calls, mixed in children:
            try:
                if how == _PLAIN:
                    child_text = child.render(item, context=context, **kwargs)
                elif how == _CHOOSE:
                    child_text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    take, branch_calls = mixed
                    child_text, taken = take(item, context, delimiter, kwargs)
                    calls = taken is not None and branch_calls[taken]
            except VariableError:
                child_text = None
            variable_called = variable_called or calls
            if child_text is not None:
                output.append(child_text)
                variable_rendered = variable_rendered or calls
        if not (output and (not variable_called or variable_rendered)):
            raise VariableError
        text = self.join(output)
        if not text:  # Group.markup
            return None
        if not plain:
            text = self.format(text)
        elif isinstance(text, (int, float)):
            text = str(text)
        if affixless and type(text) in unchanged:
            return text
        return self.wrap(text)
    return render
