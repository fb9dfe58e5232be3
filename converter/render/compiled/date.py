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
  suppression tests, the locale cs:date's date-parts that the cs:date shows rendered (see below),
  joined and wrapped by the style's cs:date, the variable recorded twice (once by each
  substitute_suppresses wrapper) and the entry marked as having printed something
  (leading_term_capital), when it rendered text;
- anything else (a date range, a literal date, sort keys of a present date): the chain.

A date-part renders through its chain (`part.render(date, context)`: Date_Part.process under
disambiguation's year-suffix wrapper, then markup's strip_periods, case, format and wrap) unless
its text is made here (`_part_render`): where no cs:date of the style with a form has cs:date-part
children (Date_Part.process copies their attributes into the locale's date-parts, which then
change while rendering; otherwise they never do), for a day, month or year of a form that
process makes from the date and terms alone (not an ordinal day), with no strip-periods,
text-case or formatting (those three markup steps then hand the text on, an int as its str).
Its text is made as process makes it, terms asked of the style's cs:date as process asks its
context, and wrapped by the date-part's own wrap; a year while disambiguation may add a suffix
to it (its entry still waiting for one) is left to the chain.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model, source
from citeproc.source import VariableError
from citeproc.string import String

from converter.render.compiled.calls import FAIL, Inner
from converter.render.fixes import (
    attribute_rereading,
    date_range_affixes,
    date_sort_keys,
    disambiguation,
    literal_date_year,
    substitute_suppresses,
)
from converter.render.fixes import leading_term_capital as leading_term

NAME = "date"


def chain() -> list[Any]:
    """Every method and helper the compiled cs:date merges (fingerprint.digest of these)."""
    return [model.Date.render, model.Date.process, model.Date.markup, model.Date.render_single_date,
            model.Date.parts, model.Date.is_locale_date, model.Date.join, model.Date.wrap,
            model.CitationStylesElement.render, model.CitationStylesElement.get_date,
            leading_term._printing, literal_date_year._shows_year, date_sort_keys._date_keyed,
            substitute_suppresses._original["date_process"], substitute_suppresses._suppressed,
            substitute_suppresses._record, source.CustomDict.__getitem__,
            model.Date_Part.render, model.Date_Part.process, model.Date_Part.markup, model.Date_Part.strip_periods,
            model.Date_Part.case, model.Date_Part.format, model.Date_Part.wrap, attribute_rereading._is_mutable]


# The forms of each date-part whose text Date_Part.process makes from the date and terms alone.
PART_FORMS = {"day": ("numeric", "numeric-leading-zeros"), "year": ("long", "short"),
              "month": ("long", "short", "numeric", "numeric-leading-zeros")}
DEFAULT_FORMS = {"day": "numeric", "month": "long", "year": "long"}


def _locale_parts_change(root: Any) -> bool:
    """Whether a cs:date of the style (not of a locale) with a form has cs:date-part children,
    whose attributes Date_Part.process copies into the locale's date-parts; kept on the root."""
    known = root.__dict__.get("_dates_change_locale_parts")
    if known is None:
        known = root.__dict__["_dates_change_locale_parts"] = any(
            isinstance(element, model.Date) and element.get("form") is not None and len(element)
            and not element.is_locale_date() for element in root.iter())
    return known


def _part_render(part: Any, context: Any) -> Callable[[Any], Any] | None:
    """`part.render(date, context)` for a date-part of unchanging attributes (see the module
    docstring), or None to leave it to the chain."""
    name = part.get("name")
    form = part.get("form", DEFAULT_FORMS.get(name))
    plain = attribute_rereading.is_plain(part)
    if (form not in PART_FORMS.get(name, ()) or part.get("strip-periods", "false").lower() == "true"
            or part.get("text-case") is not None or not plain):
        return None
    chain_render, wrap, term = part.render, part.wrap, context.get_single_term
    entry_var = disambiguation._entry
    short = "short" if form == "short" else None

    def render(date: Any) -> Any:
        if name == "day":
            text: Any = date.day if form == "numeric" else f"{date.day:02}"
        elif name == "month":
            try:
                index, kind = date.month, "month"
            except VariableError:
                index, kind = date.season, "season"
            if form in ("long", "short"):
                text = term(name=f"{kind}-{index:02}", form=short)
            elif kind != "month":
                return chain_render(date, context)  # process asserts a month here
            else:
                text = f"{index}" if form == "numeric" else f"{index:02}"
        else:
            entry = entry_var.get()
            if entry is not None and entry[1]:
                return chain_render(date, context)  # disambiguation may give this year its suffix
            if form == "long":
                text = str(abs(date.year))
                if date.year < 0:
                    text += term(name="bc")
                elif date.year < 1000:
                    text += term(name="ad")
            else:
                text = str(date.year)[-2:]
        if not text:  # Date_Part.markup
            return None
        if isinstance(text, (int, float)):  # format, plain
            text = str(text)
        return wrap(text)
    return render


def _chained(part: Any, context: Any) -> Callable[[Any], Any]:
    render = part.render
    return lambda date: render(date, context)


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
    # Date.parts: the locale cs:date's children that the cs:date shows, in order, each with its
    # render (the chain's, or made here)
    parts = [part for part in localized.iterchildren() if part.get("name") in shown]
    changing = _locale_parts_change(element.get_root())
    part_renders = [(None if changing else _part_render(part, element)) or _chained(part, element) for part in parts]
    joined_by = element.get("delimiter", "")
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
        for part_render in part_renders:  # Date.parts, with the style's cs:date as context
            try:
                part_text = part_render(value)
            except VariableError:
                continue
            if part_text is not None:
                output.append(part_text)
        if not output:
            return None
        try:  # Date.join (Delimited.join) with the cs:date's delimiter, as in group.py
            text = model.join(output, joined_by)
        except BaseException:
            text = String("")
        text = self.wrap(text)
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
