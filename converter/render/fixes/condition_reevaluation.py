"""citeproc-py re-reads a `cs:if`'s attributes on every evaluation: it splits `type="book
chapter"` anew and fetches the item's reference once per listed type, and asks lxml for each
of six possible condition attributes. The attributes of a parsed style do not change, so each
`cs:if`/`cs:else-if` keeps which tests it has and their split values. The tests are still
called as methods (`_type`, `_variable`, ...), so a later fix of one test still applies.
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


_ORIGINALS = {"render": model.If.render, "_type": model.If._type, "_variable": model.If._variable}


def apply() -> None:
    # Replace only methods that are still citeproc-py's own (a later fix may have replaced one).
    for name, faster in (("render", _render), ("_type", _type), ("_variable", _variable)):
        if model.If.__dict__[name] is _ORIGINALS[name]:
            setattr(model.If, name, faster)
