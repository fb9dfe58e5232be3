"""citeproc-py knows "always", "never" and "contextual" for a cs:name's delimiter-precedes-et-al
and delimiter-precedes-last, but not "after-inverted-name", which it treats as "never". MHRA's
bibliography (name-as-sort-order="first", delimiter-precedes-et-al="after-inverted-name") so
prints "Aksın, Özge and others" for "Aksın, Özge, and others", and APA-like styles lose the
comma of "Leong, G. B., & Silva, J. A.".

CSL 1.0.2 (and citeproc-js): with "after-inverted-name" the name delimiter is used only if the
name before "et al." (or before the last name) is inverted by name-as-sort-order. Here a
cs:name whose option says so has it resolved, for the names of the variable it renders, to
"always" or "never" before citeproc-py renders them. A name is inverted when it is a personal
name with a given name, rendered in the long form and in sort order (a literal or
family-only name reads the same either way).
"""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc import model

NAME = "delimiter_after_inverted_name"
DESCRIPTION = "delimiter-precedes-et-al/-last=\"after-inverted-name\": the delimiter only after an inverted name"

OPTIONS = ("delimiter-precedes-et-al", "delimiter-precedes-last")
# While a cs:name renders with a resolved option: (that cs:name, {option: "always"|"never"}).
_resolved: ContextVar[tuple[Any, dict[str, str]] | None] = ContextVar("after_inverted_name", default=None)


def _inverted(name: Any, index: int, name_as_sort_order: str | None) -> bool:
    if name_as_sort_order not in ("all", "first") or (name_as_sort_order == "first" and index):
        return False
    given, family, *_ = name.parts()
    return bool(given) and bool(family)


def _resolve(self: model.Name, names: list[Any], get: Any) -> dict[str, str]:
    """The options of this cs:name that say "after-inverted-name", as "always" or "never" for
    these names: the name that the delimiter would follow is the last one shown before "et al.",
    or the second to last when an "and" joins the last."""
    wanted = [option for option in OPTIONS if get(option) == "after-inverted-name"]
    if not wanted:
        return {}
    long_form = get("form") == "long"
    order = get("name-as-sort-order") if long_form else None
    et_al_min, use_first = get("et-al-min"), get("et-al-use-first")
    truncated = len(names) > 1 and et_al_min and len(names) >= et_al_min
    before_et_al = (use_first - 1) if truncated and use_first else None
    before_last = len(names) - 2 if not truncated and len(names) > 1 else None
    resolved = {}
    for option in wanted:
        index = before_et_al if option == "delimiter-precedes-et-al" else before_last
        inverted = index is not None and 0 <= index < len(names) and _inverted(names[index], index, order)
        resolved[option] = "always" if inverted else "never"
    return resolved


def _processing(process: Any) -> Any:
    def name_process(self: model.Name, item: Any, variable: Any, context: Any = None, sort_options: Any = None,
                     **kwargs: Any) -> Any:
        def get(option: str) -> Any:
            return self.get_option(option, context, sort_options)
        resolved = _resolve(self, list(item.reference.get(variable, [])), get)
        if not resolved:
            return process(self, item, variable, context, sort_options, **kwargs)
        token = _resolved.set((self, resolved))
        try:
            return process(self, item, variable, context, sort_options, **kwargs)
        finally:
            _resolved.reset(token)
    name_process.__name__ = "name_process_after_inverted"
    return name_process


def _getting(get_option: Any) -> Any:
    def name_get_option(self: model.Name, name: str, context: Any = None, sort_options: Any = None) -> Any:
        resolved = _resolved.get()
        if resolved is not None and resolved[0] is self and name in resolved[1]:
            return resolved[1][name]
        return get_option(self, name, context, sort_options)
    name_get_option.__name__ = "name_get_option_after_inverted"
    return name_get_option


def apply() -> None:
    if model.Name.__dict__.get("_after_inverted_name_applied"):
        return
    model.Name._after_inverted_name_applied = True
    model.Name.process = _processing(model.Name.process)
    model.Name.get_option = _getting(model.Name.get_option)
