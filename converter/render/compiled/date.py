"""cs:date compiled, for the localized forms (`form="text"` or `form="numeric"`, no cs:date-part
of its own), which are all the dates of the Chicago styles.

Such a cs:date renders through two chains, its own and that of the locale's cs:date of its form:
fixes/leading_term_capital's `printed` around CitationStylesElement.render, Date.process
(fixes/literal_date_year over fixes/date_sort_keys over fixes/substitute_suppresses over
citeproc-py's), which asks get_date for the locale's cs:date and renders it with the style's
cs:date as context: `printed`, the same three process wrappers again, citeproc-py's process,
render_single_date, parts (fixes/date_range_affixes), then Date.join and Date.wrap of the style's
cs:date. About twenty calls per date, and where the item lacks the variable (more than half of
a Chicago entry's dates) a VariableError raised through all of them.

The compiled date does what is left, in the same order:
- the item lacks the variable: None where either substitute_suppresses test finds it suppressed
  (the style's cs:date's in its context, the locale's in the style cs:date's), else FAIL (the
  chain's VariableError); while sort keys are made, None (date_sort_keys finds no date);
- the variable holds a single date (citeproc's Date) and no date range is rendering: the two
  suppression tests, the locale cs:date's date-parts that the cs:date shows rendered by their own
  chain (`part.render(date, context)`, which keeps disambiguation's year-suffix and the locale's
  attributes as citeproc-py may change them), joined and wrapped by the style's cs:date, the
  variable recorded twice (once by each substitute_suppresses wrapper) and the entry marked as
  having printed something (leading_term_capital), when it rendered text;
- anything else (a date range, a literal date, sort keys of a present date): the chain.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model, source
from citeproc.source import VariableError

from converter.render.compiled.calls import FAIL, Inner
from converter.render.fixes import date_range_affixes, date_sort_keys, literal_date_year, substitute_suppresses
from converter.render.fixes import leading_term_capital as leading_term

NAME = "date"


def chain() -> list[Any]:
    """Every method and helper the compiled cs:date merges (fingerprint.digest of these)."""
    return [model.Date.render, model.Date.process, model.Date.markup, model.Date.render_single_date,
            model.Date.parts, model.Date.is_locale_date, model.Date.join, model.Date.wrap,
            model.CitationStylesElement.render, model.CitationStylesElement.get_date,
            leading_term._printing, literal_date_year._shows_year, date_sort_keys._date_keyed,
            substitute_suppresses._original["date_process"], substitute_suppresses._suppressed,
            substitute_suppresses._record, source.CustomDict.__getitem__]


def compile_element(element: Any) -> tuple[Callable[..., Any], Inner] | None:
    form, variable = element.get("form"), element.get("variable")
    if (type(element) is not model.Date or form is None or not variable or len(element)
            or element.is_locale_date()):
        return None
    # The locale's cs:date of this form, as Date.process asks for it on every call (the first
    # locale that has one; the style's locales are set before it is compiled). Kept here, its
    # proxy stays the element's: lxml makes a new proxy only for an element no longer referred to.
    localized = element.get_date(form)
    if localized is None:
        return None
    key = variable.replace("-", "_")
    date_parts = element.get("date-parts")
    shown = date_parts.split("-") if date_parts is not None else ["year", "month", "day"]
    # Date.parts: the locale cs:date's children that the cs:date shows, in order
    parts = [part for part in localized.iterchildren() if part.get("name") in shown]
    chain_render = type(element).render
    sorting, range_begin = date_sort_keys.SORTING, date_range_affixes._range_begin
    suppressed, record = substitute_suppresses._suppressed, substitute_suppresses._record
    entry_var = leading_term._entry
    single_date = source.Date
    dict_get = dict.get
    self = element

    def inner(item: Any, reference: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        try:
            value = dict_get(reference, key, FAIL)
        except TypeError:  # not a dict: the chain reads it
            return chain_render(self, item, context=context, **kwargs)
        if value is FAIL:
            if sorting.get():
                return None
            if variable in suppressed(self, context) or variable in suppressed(localized, self):
                return None
            return FAIL
        if type(value) is not single_date or sorting.get() or range_begin.get() is not None:
            return chain_render(self, item, context=context, **kwargs)
        entry = entry_var.get()
        if variable in suppressed(self, context) or variable in suppressed(localized, self) or not value:
            return None
        output = []
        for part in parts:  # Date.parts, with the style's cs:date as context
            try:
                part_text = part.render(value, self)
            except VariableError:
                continue
            if part_text is not None:
                output.append(part_text)
        if not output:
            return None
        text = self.wrap(self.join(output))
        if text:
            record(variable)
            record(variable)
            if entry is not None and entry[0]:
                entry[0] = False
        return text

    def render(item: Any, context: Any = None, **kwargs: Any) -> Any:
        text = inner(item, item.reference, context, "", kwargs)
        if text is FAIL:
            raise VariableError
        return text
    return render, inner
