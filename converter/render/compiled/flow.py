"""cs:macro, cs:choose and cs:group compiled: the elements that only route rendering to children.

- cs:macro: fixes/date_sort_keys's `macro_render` (which does something only while sort keys are
  made: then the chain is called as before) around Macro.render, which calls render_children
  (fixes/children_lists): the children are rendered here from the list children_lists makes,
  with the same arguments, the same VariableError handling and the same join.
- cs:choose: fixes/condition_reevaluation's `_choose_render` with its branch list, made before
  any branch could be compiled (so it takes each branch as that fix does); a taken cs:if or
  cs:else renders its children here, as render_children would, without the two calls between.
- cs:group: CitationStylesElement.render -> fixes/group_choose_branch (which hands a group
  without a mixed cs:choose on unchanged) -> fixes/children_lists's `_group_process` with its
  plan, then Group.markup (format and wrap, decided once as for cs:text). A group with a mixed
  cs:choose, or one whose plan children_lists could not make, is left to the chain.
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
            group_choose_branch._plan, group_choose_branch._branch_calls, children_lists._group_children,
            model.Formatted.format, model.Affixed.wrap, affixless_wrap._affixless, model.join]


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
    render_children = _renderer(_children(element))
    chain_render = type(element).render
    sorting = date_sort_keys.SORTING  # the one macro_render reads
    self = element

    def render(item: Any, context: Any = None, sort_options: Any = None) -> Any:
        if sorting.get():  # date_sort_keys's keys: its own code
            return chain_render(self, item, context=context, sort_options=sort_options)
        return render_children(item, "", {"context": context, "sort_options": sort_options})
    return render


def compile_choose(element: Any) -> Callable[..., Any] | None:
    if type(element) is not model.Choose:
        return None
    branches = []
    for child, types, wanted, how, test in condition_reevaluation._branches(element):
        # A branch condition_reevaluation calls (not its own If/Else) is called as it calls it.
        children = None if how == condition_reevaluation._CALL else _renderer(_children(child))
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
            if how == compiled:
                if reference is None:
                    reference = item.reference
                if not test(item, reference):
                    continue
            elif how == if_ and not holds(child, item, context):
                continue
            try:
                if how == call:
                    return child.render(item, context=context, delimiter=delimiter, **kwargs)
                return children(item, delimiter, {"context": context, **kwargs})
            except model.ConditionFailed:
                continue
        return None
    return render


def compile_group(element: Any) -> Callable[..., Any] | None:
    if type(element) is not model.Group or group_choose_branch._plan(element) is not group_choose_branch._NOT_MIXED:
        return None
    plan = children_lists._group_children(element)
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

