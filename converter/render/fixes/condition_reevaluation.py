"""citeproc-py re-reads a `cs:if`'s attributes on every evaluation: it splits `type="book chapter"`
anew and fetches the item's reference once per listed type, and asks lxml for each of six
possible condition attributes; a `cs:choose` tries every branch in turn, each raising
ConditionFailed, even where the item's type alone rules a branch out. The attributes of a parsed
style do not change, so each `cs:if`/`cs:else-if` keeps which tests it has and their split
values, and each `cs:choose` skips the branches that the item's type rules out (see
`_branches`). The tests are still called as methods (`_type`, `_variable`, ...), so a later fix
of one test still applies.

A `cs:choose` also asks each branch directly whether its condition holds (`_holds`) and renders
the children of the first that does, instead of calling the branch to have it raise
ConditionFailed. A branch that tests only type and variable (most of Chicago's) is answered by
a function made once for it (`_compiled_test`), which stops at the first deciding answer: these
two tests never raise, so stopping early changes no result. A branch that also tests is-numeric,
is-uncertain-date or locator is answered by a function made once too (`_compiled_answers`), which
asks every test, as `_holds` does, from the attributes read once.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model

NAME = "condition_reevaluation"
DESCRIPTION = "parse each cs:if's condition attributes once, fetch the item's type once per test"
OUTPUT_PRESERVING = True

# The order of citeproc-py's If.render: (attribute, method name, whether it takes the context).
TESTS = (
    ("type", "_type", False),
    ("variable", "_variable", False),
    ("is-numeric", "_is_numeric", False),
    ("is-uncertain-date", "_is_uncertain_date", False),
    ("locator", "_locator", False),
    ("position", "_position", True),
)


def _plan(self: Any) -> tuple[list[tuple[str, bool]], str | None]:
    plan = self.__dict__.get("_condition_plan")
    if plan is None:
        attrib = self.attrib
        tests = [(method, with_context) for attribute, method, with_context in TESTS if attribute in attrib]
        # citeproc-py has no test for `disambiguate`; a fix may add one (fixes/disambiguation.py).
        if "disambiguate" in attrib and hasattr(model.If, "_disambiguate"):
            tests.append(("_disambiguate", False))
        plan = self.__dict__["_condition_plan"] = (tests, self.get("match"))
    return plan


def _holds(self: Any, item: Any, context: Any) -> bool:
    """Whether the condition of this cs:if/cs:else-if holds, as citeproc-py's If.render decides."""
    tests, match = _plan(self)
    results: list[Any] = []
    for method, with_context in tests:
        if with_context:
            results += getattr(self, method)(item, context)
        else:
            results += getattr(self, method)(item)
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


_UNSET = object()


def _render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
    # A branch called directly (not through our cs:choose, e.g. by fixes/group_choose_branch.py)
    # is answered by its compiled test too, where it has one.
    test = self.__dict__.get("_compiled", _UNSET)
    if test is _UNSET:
        test = self.__dict__["_compiled"] = _compiled_test(self)
    if not (test(item, item.reference) if test is not None else _holds(self, item, context)):
        raise model.ConditionFailed
    return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


def _type(self: Any, item: Any) -> list[bool]:
    types = self.__dict__.get("_condition_types")
    if types is None:
        types = self.__dict__["_condition_types"] = [t.lower() for t in self.get("type").split()]
    item_type = item.reference.type
    return [t == item_type for t in types]


def _variable(self: Any, item: Any) -> list[bool]:
    variables = self.__dict__.get("_condition_variables")
    if variables is None:
        variables = self.__dict__["_condition_variables"] = [v.replace("-", "_") for v in self.get("variable").split()]
    reference = item.reference
    return [("locator" in item) if v == "locator" else (v in reference) for v in variables]


_dict_getitem = dict.__getitem__


def _type_of(reference: Any) -> Any:
    """reference.type, read as the Reference dict's own entry: the attribute look-up fails first
    and reaches CustomDict's __getattr__, which reads the same entry (or raises, as here)."""
    try:
        return _dict_getitem(reference, "type")
    except (KeyError, TypeError):
        return reference.type


def _compiled_test(child: Any) -> Callable[[Any, Any], bool] | None:
    """For a cs:if/cs:else-if testing only type and variable with our `_type` and `_variable`:
    a function of the item and its reference giving `_holds`'s answer. None for any other branch."""
    cls = type(child)
    if cls._type is not _type or cls._variable is not _variable:
        return None
    tests, match = _plan(child)
    methods = [method for method, _ in tests]
    if not set(methods) <= {"_type", "_variable"}:
        return _compiled_answers(child, methods, match)
    has_type = "_type" in methods
    types = [t.lower() for t in child.get("type").split()] if has_type else []
    type_set = frozenset(types)
    variables = [v.replace("-", "_") for v in child.get("variable").split()] if "_variable" in methods else []
    locator = "locator" in variables
    fields = tuple(v for v in variables if v != "locator")

    # Loops, not any()/all() over a generator: these run some 130 times per Chicago entry, and the
    # generator cost more than the tests. A single variable (most branches) is one `in`.
    if not has_type and not locator and len(fields) == 1 and match in (None, "all", "any", "none"):
        field = fields[0]
        if match == "none":
            return lambda item, reference: field not in reference
        return lambda item, reference: field in reference

    def any_holds(item: Any, reference: Any) -> bool:
        if has_type and _type_of(reference) in type_set:
            return True
        if locator and "locator" in item:
            return True
        for field in fields:
            if field in reference:
                return True
        return False

    if match == "any":
        return any_holds
    if match == "none":
        return lambda item, reference: not any_holds(item, reference)

    def all_hold(item: Any, reference: Any) -> bool:
        if has_type:  # every listed type equal to the item's
            item_type = _type_of(reference)
            for listed in types:
                if listed != item_type:
                    return False
        if locator and "locator" not in item:
            return False
        for field in fields:
            if field not in reference:
                return False
        return True
    return all_hold


def _answers(child: Any, method: str) -> Callable[[Any, Any], list[Any]] | None:
    """A function of the item and its reference giving what this test method of the branch
    gives (its list of answers), for the methods restated here while they are the ones installed:
    ours for type and variable, number_ranges's for is-numeric, citeproc-py's for
    is-uncertain-date and locator. None for any other."""
    from converter.render.fixes import number_ranges  # applied by now: branches are planned when rendered

    cls = type(child)
    if method == "_type" and cls._type is _type:
        types = [t.lower() for t in child.get("type").split()]
        return lambda item, reference: [t == _type_of(reference) for t in types]
    if method == "_variable" and cls._variable is _variable:
        names = [v.replace("-", "_") for v in child.get("variable").split()]
        return lambda item, reference: [("locator" in item) if v == "locator" else (v in reference) for v in names]
    if method == "_is_numeric" and cls._is_numeric is number_ranges._is_numeric:
        numeric, keys = number_ranges.is_numeric, [v.replace("-", "_") for v in child.get("is-numeric").split()]
        return lambda item, reference: [key in reference and numeric(reference[key]) for key in keys]
    if method == "_is_uncertain_date" and cls._is_uncertain_date is _ORIGINAL_TESTS["_is_uncertain_date"]:
        dates = [v.replace("-", "_") for v in child.get("is-uncertain-date").split()]

        def uncertain(item: Any, reference: Any) -> list[Any]:
            answers = []
            for key in dates:
                try:
                    circa = reference[key].get("circa", False)
                except (model.VariableError, AttributeError):
                    circa = False
                answers.append(circa)
            return answers
        return uncertain
    if method == "_locator" and cls._locator is _ORIGINAL_TESTS["_locator"]:
        labels = [v.replace("-", " ") for v in child.get("locator").split()]
        return lambda item, reference: [item.has_locator and label == item.locator.label for label in labels]
    return None


def _compiled_answers(child: Any, methods: list[str], match: str | None) -> Callable[[Any, Any], bool] | None:
    """`_holds` for a branch whose every test `_answers` restates: each test's answers, in
    `_plan`'s order and all of them (as `_holds` asks them all), combined as its match says."""
    readers = [_answers(child, method) for method in methods]
    if not readers or any(reader is None for reader in readers):
        return None
    if len(readers) == 1:
        (read,) = readers

        def answers(item: Any, reference: Any) -> list[Any]:
            return read(item, reference)  # type: ignore[misc]
    else:
        def answers(item: Any, reference: Any) -> list[Any]:
            results: list[Any] = []
            for reader in readers:
                results += reader(item, reference)  # type: ignore[misc]
            return results
    if match == "any":
        return lambda item, reference: any(answers(item, reference))
    if match == "none":
        return lambda item, reference: not any(answers(item, reference))
    return lambda item, reference: all(answers(item, reference))


# How a cs:choose takes a branch (see `_choose_render`).
_CALL, _IF, _COMPILED, _ELSE = range(4)


def _branches(self: Any) -> list[tuple[Any, frozenset[str] | None, bool, int, Any]]:
    """A cs:choose's children, each with the item types it can only match (or only fail) for,
    how it is taken, and its compiled test.

    Only a cs:if/cs:else-if that our `_render` evaluates and that tests nothing but type and
    variable is filtered: with match="all" a type outside its list fails it, with
    match="none" a type inside it does, and these two tests neither raise nor change state.
    A branch whose render is not citeproc-py's (or ours) for its class, or one with a render of
    its own (fixes/display_blocks.py), is called as before.
    """
    branches = self.__dict__.get("_choose_branches")
    if branches is None:
        branches = []
        for child in self.getchildren():
            types = None
            wanted = True
            how, test = _CALL, None
            own_render = "render" in getattr(child, "__dict__", {})
            if isinstance(child, model.If) and type(child).render is _render and not own_render:
                test = _compiled_test(child)
                how = _IF if test is None else _COMPILED
                if type(child)._type is _type:
                    tests, match = _plan(child)
                    methods = {method for method, _ in tests}
                    if "_type" in methods and methods <= {"_type", "_variable"} and match in (None, "all", "none"):
                        types = frozenset(t.lower() for t in child.get("type").split())
                        wanted = match != "none"
            elif isinstance(child, model.Else) and type(child).render is _original_else_render and not own_render:
                how = _ELSE
            branches.append((child, types, wanted, how, test))
        self.__dict__["_choose_branches"] = branches
    return branches


def _choose_render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
    reference = item_type = None
    for child, types, wanted, how, test in _branches(self):
        if types is not None:
            if reference is None:
                reference = item.reference
            if item_type is None:
                item_type = reference.type
            if (item_type in types) is not wanted:
                continue
        if how == _COMPILED:
            if reference is None:
                reference = item.reference  # the same object on every call: one look-up per choose
            if not test(item, reference):
                continue
        elif how == _IF and not _holds(child, item, context):
            continue
        try:
            if how == _CALL:
                return child.render(item, context=context, delimiter=delimiter, **kwargs)
            return child.render_children(item, context=context, delimiter=delimiter, **kwargs)
        except model.ConditionFailed:  # as before: a cs:if misplaced among the children fails the branch
            continue
    return None


_ORIGINALS = {"render": model.If.render, "_type": model.If._type, "_variable": model.If._variable}
# citeproc-py's tests that _answers restates.
_ORIGINAL_TESTS = {"_is_uncertain_date": model.If._is_uncertain_date, "_locator": model.If._locator}
_original_choose_render = model.Choose.render
_original_else_render = model.Else.render


def apply() -> None:
    # Replace only methods that are still citeproc-py's own (a later fix may have replaced one).
    for name, faster in (("render", _render), ("_type", _type), ("_variable", _variable)):
        if model.If.__dict__[name] is _ORIGINALS[name]:
            setattr(model.If, name, faster)
    if model.Choose.__dict__["render"] is _original_choose_render:
        model.Choose.render = _choose_render
