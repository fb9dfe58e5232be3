"""citeproc-py re-reads a `cs:if`'s attributes on every evaluation: it splits `type="book chapter"`
anew and fetches the item's reference once per listed type, and asks lxml for each of six
possible condition attributes; a `cs:choose` tries every branch in turn, each raising
ConditionFailed, even where the item's type alone rules a branch out. The attributes of a parsed
style do not change, so each `cs:if`/`cs:else-if` keeps which tests it has and their split
values, and each `cs:choose` skips the branches that the item's type rules out (see
`_branches`). The tests are still called as methods (`_type`, `_variable`, ...), so a later fix
of one test still applies.
"""
from __future__ import annotations

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


def _render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
    tests, match = _plan(self)
    results: list[Any] = []
    for method, with_context in tests:
        if with_context:
            results += getattr(self, method)(item, context)
        else:
            results += getattr(self, method)(item)
    if match == "any":
        result = any(results)
    elif match == "none":
        result = not any(results)
    else:
        result = all(results)
    if not result:
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


def _branches(self: Any) -> list[tuple[Any, frozenset[str] | None, bool]]:
    """A cs:choose's children, each with the item types it can only match (or only fail) for.

    Only a cs:if/cs:else-if that our `_render` evaluates and that tests nothing but type and
    variable is filtered: with match="all" a type outside its list fails it, with
    match="none" a type inside it does, and these two tests neither raise nor change state.
    """
    branches = self.__dict__.get("_choose_branches")
    if branches is None:
        branches = []
        for child in self.getchildren():
            types = None
            wanted = True
            if isinstance(child, model.If) and type(child).render is _render and type(child)._type is _type:
                tests, match = _plan(child)
                methods = {method for method, _ in tests}
                if "_type" in methods and methods <= {"_type", "_variable"} and match in (None, "all", "none"):
                    types = frozenset(t.lower() for t in child.get("type").split())
                    wanted = match != "none"
            branches.append((child, types, wanted))
        self.__dict__["_choose_branches"] = branches
    return branches


def _choose_render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
    item_type = None
    for child, types, wanted in _branches(self):
        if types is not None:
            if item_type is None:
                item_type = item.reference.type
            if (item_type in types) is not wanted:
                continue
        try:
            return child.render(item, context=context, delimiter=delimiter, **kwargs)
        except model.ConditionFailed:
            continue
    return None


_ORIGINALS = {"render": model.If.render, "_type": model.If._type, "_variable": model.If._variable}
_original_choose_render = model.Choose.render


def apply() -> None:
    # Replace only methods that are still citeproc-py's own (a later fix may have replaced one).
    for name, faster in (("render", _render), ("_type", _type), ("_variable", _variable)):
        if model.If.__dict__[name] is _ORIGINALS[name]:
            setattr(model.If, name, faster)
    if model.Choose.__dict__["render"] is _original_choose_render:
        model.Choose.render = _choose_render
