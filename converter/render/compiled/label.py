"""The cs:label of a cs:names, compiled for the call Names.process makes: the term of one role.

Names.process renders its label as `label.render(item, role, plural, **kwargs)`, through
fixes/sort_collation's `label_render` (nothing while sort keys are made, the label being a
cs:names's), CitationStylesElement.render, Label.process (fixes/label_count_terms over
fixes/label_needs_variable over citeproc-py's; the first two hand a role that is not a count on
as it is) and fixes/label_title_case's markup: strip_periods, case (by the locale's language),
format and wrap, each a call that, without its attribute, gives its argument back (decided once,
as for cs:text). Here the same is done in one function; a role label_count_terms treats (a count)
or `locator` goes through the chain.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model

from converter.render.fixes import (
    affixless_wrap,
    attribute_rereading,
    label_count_terms,
    label_title_case,
    sort_collation,
)


def chain() -> list[Any]:
    return [model.Label.render, model.Label.process, model.Label.markup, model.CitationStylesElement.render,
            label_title_case._locale_language, model.StrippedPeriods.strip_periods, model.TextCased.case,
            model.Formatted.format, model.Affixed.wrap, affixless_wrap._affixless]


RoleLabel = Callable[[Any, str, bool, dict[str, Any]], Any]


def role_label(label: Any) -> RoleLabel:
    """label.render(item, role, plural, **kwargs) of a cs:label inside a cs:names."""
    chain_render = type(label).render
    if type(label) is not model.Label or "render" in label.__dict__ or not isinstance(label.getparent(), model.Names):
        return lambda item, role, plural, kwargs: label.render(item, role, plural, **kwargs)
    sorting = sort_collation.SORTING
    form = label.get("form", "long")
    term_form = form if form != "long" else None
    plural_option = label.get("plural", "contextual")
    strips = label.get("strip-periods", "false").lower() == "true"
    cased = label.get("text-case") is not None
    plain = attribute_rereading.is_plain(label)
    affixless = affixless_wrap._affixless(label)
    unchanged = affixless_wrap.UNCHANGED_BY_EMPTY
    counts = label_count_terms.COUNT_TERMS

    def render(item: Any, role: str, plural: bool, kwargs: dict[str, Any]) -> Any:
        if sorting.get():
            return None
        if role in counts or role == "locator":
            return chain_render(label, item, role, plural, **kwargs)
        if (plural_option == "contextual" and plural) or plural_option == "always":
            text = label.get_plural_term(name=role, form=term_form)
        else:
            text = label.get_single_term(name=role, form=term_form)
        if not text:  # label_title_case's markup
            return None
        if strips:
            text = label.strip_periods(text)
        if cased:
            text = label.case(text, label_title_case._locale_language(label))
        if not plain:
            text = label.format(text)
        elif isinstance(text, (int, float)):
            text = str(text)
        if affixless and type(text) in unchanged:
            return text
        return label.wrap(text)
    return render
