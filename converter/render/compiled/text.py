"""cs:text compiled: one function doing what the chain of patched methods does for one element.

The chain (see `chain`) for a cs:text is: fixes/leading_term_capital's `printed` around
citeproc-py's Text.render, which calls Text.process (fixes/attribute_rereading) and
Text.markup; markup calls strip_periods, case (fixes/title_case_words over attribute_rereading),
format (fixes/rich_text_fields over attribute_rereading), quote (fixes/field_quotes over
attribute_rereading) and wrap (fixes/affixless_wrap over fixes/punctuation_in_quote): about a
dozen calls per rendered text. What these decide from the
element's attributes alone is decided here once:
- strip-periods not "true": strip_periods returns its argument;
- no text-case: title_case_words finds no case to apply and attribute_rereading's case returns
  the text as it is (the item's language, read only for text-case, is then not needed);
- no font-style/variant/weight, text-decoration, vertical-align (so no italics): format gives
  str() of an int or float and anything else back;
- quotes not "true": field_quotes and attribute_rereading return the piece itself;
- no prefix or suffix: affixless_wrap returns a String, MixedString or str as it is.
A step whose attribute is set is called as before (`self.case(...)`, ...), so the fixes' own code
does it. What depends on the item or the rendering (the variable, the macro's text, the term,
the formatter, whether the entry has printed anything yet) is done on each call, in the same
order. `item.reference` is still read first, as Text.process reads it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model, source
from citeproc.string import String

from converter.render.compiled.calls import FAIL, NO_KWARGS, Inner, inner_of, raising
from converter.render.fixes import (
    affixless_wrap,
    attribute_rereading,
    number_ranges,
    subsequent_author_substitute,
    substitute_suppresses,
    title_case_words,
)
from converter.render.fixes import leading_term_capital as leading_term

NAME = "text"


def chain() -> list[Any]:
    """Every method and helper the compiled cs:text merges (fingerprint.digest of these)."""
    return [model.Text.render, model.Text.process, model.Text.markup, model.StrippedPeriods.strip_periods,
            model.TextCased.case, title_case_words._original_case, model.Formatted.format,
            model.Quoted.quote, model.Affixed.wrap, affixless_wrap._affixless,
            model.CitationStylesElement.render, leading_term._printing,
            model.Text._variable, substitute_suppresses._original["text_variable"], substitute_suppresses._suppressed,
            substitute_suppresses._record, substitute_suppresses._base, model.CitationStylesElement.get_layout,
            source.CustomDict.__getitem__]


# Variables whose value Text._variable (or a fix around it) treats apart: these keep the chain.
SPECIAL_VARIABLES = frozenset({"citation-number", "locator", "citation-label"}) | number_ranges.NUMBER_VARIABLES


def _variable_reader(element: Any) -> Callable[[Any, Any, Any], Any] | None:
    """Text._variable of this cs:text as its chain answers it (number_ranges over citation_label
    over subsequent_author_substitute over substitute_suppresses over citeproc-py's), for a plain
    variable: the first two hand such a value on as it is; the other two are done here, in order."""
    variable = element.get("variable")
    if variable in SPECIAL_VARIABLES or variable.startswith("page"):
        return None
    base = substitute_suppresses._base(variable)
    key = variable.replace("-", "_")
    short_key = (variable + "-short").replace("-", "_") if element.get("form") == "short" else None
    tag = element.tag
    substituted_key = substitute_suppresses._KEY
    record = substitute_suppresses._record
    entry_var = subsequent_author_substitute._entry
    substitute_string = model.String
    dict_get = dict.get

    def read(item: Any, reference: Any, context: Any) -> Any:
        try:  # substitute_suppresses: a variable a substitute rendered earlier is empty
            layout = context.get_layout()
        except IndexError:
            layout = None
        if layout is not None and base in layout.repressed.get(substituted_key, ()):
            text = None
        else:
            if layout is None:
                context.get_layout()  # citeproc-py's _variable meets the IndexError here
            repressed = layout.repressed
            if tag in repressed and variable in repressed[tag]:
                text = None
            else:
                # reference[...] is CustomDict's __getitem__ (in the chain): dict's look-up, and
                # VariableError for a missing key, here FAIL without raising two exceptions.
                read_key = short_key if short_key is not None and short_key in reference else key
                try:
                    text = dict_get(reference, read_key, FAIL)
                except TypeError:  # not a dict: its own look-up
                    text = reference[read_key]
                if text is FAIL:
                    return FAIL
            if text is not None:
                record(base)
        # subsequent_author_substitute: the first variable a substitute's text renders
        entry = entry_var.get()
        if (entry is None or not entry["depth"] or entry["names"] is not None or entry["parts"]
                or entry["text"] is not None or text is None or not str(text)):
            return text
        entry["text"] = str(text)
        if not entry["whole_text"] and entry["previous"] == ("text", entry["text"]):
            return substitute_string(entry["substitute"])
        return text
    return read


def _kind(element: Any) -> str:
    return next((kind for kind in attribute_rereading.TEXT_KINDS if kind in element.attrib), "")


def compile_element(element: Any) -> tuple[Callable[..., Any], Inner] | None:
    """The compiled render and inner function (calls.py) of this cs:text, or None to leave it
    to the chain."""
    kind = _kind(element)
    if not kind or type(element) is not model.Text:
        return None
    macro = None
    if kind == "macro":
        try:
            macro = element.get_macro(element.get("macro"))
        except IndexError:  # a macro the style lacks: the chain raises it on every call, as before
            return None
    default_language = element.get_root().get("default-locale", "en")[:2]
    strips = element.get("strip-periods", "false").lower() == "true"
    cased = element.get("text-case") is not None
    plain = attribute_rereading.is_plain(element)
    quoted = element.get("quotes", "false").lower() == "true"
    affixless = affixless_wrap._affixless(element)
    is_term = "term" in element.attrib  # leading_term_capital's test, not the kind
    value = element.get("value")
    entry_var = leading_term._entry
    read_variable = _variable_reader(element) if kind == "variable" else None
    unchanged = affixless_wrap.UNCHANGED_BY_EMPTY
    self = element
    macro_inner: list[Any] = []  # the macro's inner function, found at the first render

    def inner(item: Any, reference: Any, context: Any, delimiter: str, kwargs: dict[str, Any]) -> Any:
        # leading_term_capital's `printed` takes the entry before rendering and looks at it after;
        # its flag only ever goes from True to False, so one look after is the same test.
        entry = entry_var.get()
        if context is None:
            context = self
        if read_variable is not None:
            text = read_variable(item, reference, context)
            if text is FAIL:
                return FAIL
        elif kind == "variable":
            text = self._variable(item, context)
        elif kind == "macro":
            if not macro_inner:
                macro_inner.append(inner_of(macro))
            run = macro_inner[0]
            # Text.process calls macro.render(item, context): no sort options
            text = run(item, reference, context, "", NO_KWARGS) if run is not None else macro.render(item, context)
        elif kind == "term":
            text = self._term(item)
        else:
            text = String(self.preformat(value))
        if not text:  # Text.markup
            return None
        if strips:
            text = self.strip_periods(text)
        if cased:
            language = reference["language"][:2] if "language" in reference else default_language
            text = self.case(text, language)
        if not plain:
            text = self.format(text)
        elif isinstance(text, (int, float)):
            text = str(text)
        if quoted:
            text = self.quote(text)
        if not (affixless and type(text) in unchanged):
            text = self.wrap(text)
        if entry is not None and text and entry[0]:
            if is_term and hasattr(text, "capitalize_first"):
                text = text.capitalize_first()
            entry[0] = False
        return text

    return raising(inner), inner
