"""cs:macro and cs:choose compiled (cs:group in group.py, its chain here): the elements that only
route rendering to children. Compiled children are called through their inner functions, with
the reference read once (calls.py).

- cs:macro: fixes/date_sort_keys's `macro_render` around Macro.render, which calls
  render_children (fixes/children_lists): the children are rendered here from the list
  children_lists makes, with the same arguments, the same VariableError handling and the same
  join. While sort keys are made, a macro without a cs:date of its own does the same one level
  deeper (macro_render's depth); one with a cs:date is rendered by the chain.
- cs:choose: fixes/condition_reevaluation's `_choose_render` with its branch list, made before
  any branch could be compiled (so it takes each branch as that fix does); a taken cs:if or
  cs:else renders its children here, as render_children would, without the two calls between.
- cs:group: CitationStylesElement.render -> fixes/group_choose_branch -> fixes/children_lists's
  `_group_process`, then Group.markup (see group.py).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model, source

from converter.render.compiled.calls import ONE_IS_ITSELF, Inner, Plan, bind, rendered
from converter.render.fixes import (
    affixless_wrap,
    children_lists,
    condition_reevaluation,
    date_sort_keys,
    group_choose_branch,
    number_ranges,
)

MACRO, CHOOSE, GROUP = "macro", "choose", "group"


def _children_render() -> list[Any]:
    return [model.Parent.render_children, model.Macro.render_children, model.If.render_children,
            model.Else.render_children, model.Choose.render, model.If.render, model.Else.render,
            model.If._type, model.If._variable, children_lists._children, model.join]


def _restated_tests() -> list[Any]:
    """The test methods condition_reevaluation's compiled branch tests restate, and its code for them."""
    return [condition_reevaluation._answers, condition_reevaluation._compiled_answers, model.If._is_numeric,
            number_ranges.is_numeric, number_ranges.numeric_parts, model.If._is_uncertain_date, model.If._locator]


def chain(kind: str) -> list[Any]:
    """Every method and helper the compiled element of this kind merges."""
    if kind == MACRO:
        return [model.Macro.render, model.Macro.process, date_sort_keys._holds_date, *_children_render()]
    if kind == CHOOSE:
        return [*_children_render(), source.CustomDict.__getattr__, condition_reevaluation._type_of,
                condition_reevaluation._branches,
                condition_reevaluation._compiled_test, condition_reevaluation._holds,
                condition_reevaluation._plan, condition_reevaluation._render, *_restated_tests()]
    return [model.Group.render, model.Group.process, model.Group.markup, model.Group.join,
            group_choose_branch._plan, group_choose_branch._branch_calls, group_choose_branch._render_choose,
            children_lists._group_children, model.Formatted.format, model.Affixed.wrap, affixless_wrap._affixless,
            *_children_render(), condition_reevaluation._compiled_test, condition_reevaluation._type_of,
            source.CustomDict.__getattr__, condition_reevaluation._holds,
            condition_reevaluation._plan, condition_reevaluation._original_else_render, *_restated_tests()]


def _children(element: Any) -> list[tuple[Any, bool]]:
    kept = element.__dict__.get("_children_kinds")
    return kept if kept is not None else children_lists._children(element)


_UNSORTED = {"sort_options": None}  # a macro's children's kwargs without sort options; never changed


def compile_macro(element: Any) -> tuple[Callable[..., Any], Inner] | None:
    if type(element) is not model.Macro:
        return None
    children = _children(element)
    chain_render = type(element).render
    sorting, depth, holds_date = date_sort_keys.SORTING, date_sort_keys._depth, date_sort_keys._holds_date
    self = element
    plan: Plan | None = None

    def children_render(item: Any, reference: Any, context: Any, sort_options: Any) -> Any:
        nonlocal plan
        if plan is None:
            plan = bind(children)
        # children_lists's render_children (delimiter ""), the children given these kwargs
        output = rendered(plan, item, reference, context, "",
                          _UNSORTED if sort_options is None else {"sort_options": sort_options})
        if output:
            join = model.join  # looked up on each call, as children_lists does
            return output[0] if len(output) == 1 and join in ONE_IS_ITSELF else join(output, "")
        return None

    def sort_render(item: Any, reference: Any, context: Any, sort_options: Any) -> Any:
        """date_sort_keys's macro_render while sort keys are made: a macro without a cs:date of
        its own renders its children one level deeper; one with a cs:date is its code."""
        if not holds_date(self):
            token = depth.set(depth.get() + 1)
            try:
                return children_render(item, reference, context, sort_options)
            finally:
                depth.reset(token)
        return chain_render(self, item, context=context, sort_options=sort_options)

    def inner(item: Any, reference: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        if sorting.get():
            return sort_render(item, reference, context, kwargs.get("sort_options"))
        return children_render(item, reference, context, kwargs.get("sort_options"))

    def render(item: Any, context: Any = None, sort_options: Any = None) -> Any:
        if sorting.get():
            return sort_render(item, item.reference, context, sort_options)
        return children_render(item, item.reference, context, sort_options)
    return render, inner


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


# How a compiled cs:choose tests a branch: its shape (_test_shape) or condition_reevaluation's way
# of taking it, as a number; a branch called (_CALL) or an else has no test (_NO_TEST).
_TESTED_BY = {_TYPE_IN: 0, _FIELD_IN: 1, _FIELD_OUT: 2,
              condition_reevaluation._COMPILED: 3, condition_reevaluation._IF: 4}
_NO_TEST = 5


def compile_choose(element: Any) -> tuple[Callable[..., Any], Inner] | None:
    if type(element) is not model.Choose:
        return None
    branches = []
    for index, (child, types, wanted, how, test) in enumerate(condition_reevaluation._branches(element)):
        # A branch condition_reevaluation calls (not its own If/Else) is called as it calls it.
        children = None if how == condition_reevaluation._CALL else _children(child)
        if how == condition_reevaluation._COMPILED:
            how, test = _test_shape(child, test)
        # Its test as a small number (compared as ints, not a string with ints): see _TESTED_BY.
        tested_by = _TESTED_BY.get(how, _NO_TEST)
        branches.append((index, child, types, wanted, tested_by, test, children, how == condition_reevaluation._CALL))
    plans: list[Plan | None] = [None] * len(branches)  # each branch's children, bound at first use
    holds = condition_reevaluation._holds
    get = dict.__getitem__

    def inner(item: Any, reference: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        item_type = None
        for index, child, types, wanted, tested_by, test, children, called in branches:
            if types is not None:
                if item_type is None:
                    item_type = _type_of(reference, get)
                if (item_type in types) is not wanted:
                    continue
            if tested_by == 1:  # _FIELD_IN, the most common
                if test not in reference:
                    continue
            elif tested_by == 0:  # _TYPE_IN
                if item_type is None:
                    item_type = _type_of(reference, get)
                if item_type not in test:
                    continue
            elif tested_by == 2:  # _FIELD_OUT
                if test in reference:
                    continue
            elif tested_by == 3:  # condition_reevaluation._COMPILED
                if not test(item, reference):
                    continue
            elif tested_by == 4 and not holds(child, item, context):  # condition_reevaluation._IF
                continue
            try:
                if called:
                    return child.render(item, context=context, delimiter=delimiter, **kwargs)
                plan = plans[index]
                if plan is None:
                    plan = plans[index] = bind(children)
                output = rendered(plan, item, reference, context, delimiter, kwargs)  # the branch's children
                if not output:
                    return None
                join = model.join
                return output[0] if len(output) == 1 and join in ONE_IS_ITSELF else join(output, delimiter)
            except model.ConditionFailed:
                continue
        return None

    def render(item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        return inner(item, item.reference, context, delimiter, kwargs)
    return render, inner


def _type_of(reference: Any, get: Callable[[Any, str], Any]) -> Any:
    """reference.type: the dict's own entry (a Reference keeps it there), without the failed
    attribute look-up that reaches CustomDict's __getattr__ first."""
    try:
        return get(reference, "type")
    except (KeyError, TypeError):
        return reference.type
