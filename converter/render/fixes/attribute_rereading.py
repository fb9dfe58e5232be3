"""citeproc-py re-reads an element's attributes every time it renders: five lxml look-ups to
learn that a text has no font-style, font-variant, font-weight, text-decoration or
vertical-align, one for text-case, one for strip-periods, one for quotes (and the locale's
punctuation-in-quote, which it then ignores); and `cs:text` asks for each of
`variable`, `macro`, `term` and `value`, then for the item's language through a raised and
caught VariableError. A parsed style's attributes do not change, so each element keeps what
they say (a cs:text its macro element, and the style's default language); work that depends on
the item or the formatter is still done on each call.

`cs:date-part` is left alone: citeproc-py copies a style's date-part attributes into the
locale's date-part while rendering (Date_Part.process), so its attributes do change.
"""
from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.string import String

NAME = "attribute_rereading"
DESCRIPTION = "read each element's formatting, case and text-kind attributes once"
OUTPUT_PRESERVING = True

FORMATTING = (("font-style", "normal"), ("font-variant", "normal"), ("font-weight", "normal"),
              ("text-decoration", "none"), ("vertical-align", "baseline"))
TEXT_KINDS = ("variable", "macro", "term", "value")

_original_format = model.Formatted.format
_original_case = model.TextCased.case
_original_strip_periods = model.StrippedPeriods.strip_periods
_original_text_process = model.Text.process
_original_quote = model.Quoted.quote


def _is_mutable(element: Any) -> bool:
    return isinstance(element, model.Date_Part)


def is_plain(element: Any) -> bool:
    """No formatting attribute differs from its default: format() hands the text on as it is."""
    return all(element.get(name, default) == default for name, default in FORMATTING)


def _format(self: Any, string: Any) -> Any:
    plain = self.__dict__.get("_plain_formatting")
    if plain is None:
        if _is_mutable(self):
            return _original_format(self, string)
        plain = self.__dict__["_plain_formatting"] = is_plain(self)
    if not plain:
        return _original_format(self, string)
    if isinstance(string, (int, float)):
        return str(string)
    return string


def _case(self: Any, text: Any, language: str | None = None) -> Any:
    if _is_mutable(self):
        return _original_case(self, text, language)
    uncased = self.__dict__.get("_no_text_case")
    if uncased is None:
        uncased = self.__dict__["_no_text_case"] = self.get("text-case") is None
    return text if uncased else _original_case(self, text, language)


def _strip_periods(self: Any, string: Any) -> Any:
    if _is_mutable(self):
        return _original_strip_periods(self, string)
    keep = self.__dict__.get("_keep_periods")
    if keep is None:
        keep = self.__dict__["_keep_periods"] = self.get("strip-periods", "false").lower() != "true"
    return string if keep else _original_strip_periods(self, string)


def _quote(self: Any, string: Any) -> Any:
    # citeproc-py also reads punctuation-in-quote here, and never uses it.
    quoted = self.__dict__.get("_quoted")
    if quoted is None:
        quoted = self.__dict__["_quoted"] = self.get("quotes", "false").lower() == "true"
    if quoted:
        return self.get_single_term(name="open-quote") + string + self.get_single_term(name="close-quote")
    return string


def _text_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    kept = self.__dict__
    plan = kept.get("_text_plan")
    if plan is None:  # which of the four this cs:text is, and the style's default language
        attrib = self.attrib
        plan = kept["_text_plan"] = (next((k for k in TEXT_KINDS if k in attrib), ""),
                                     self.get_root().get("default-locale", "en")[:2])
    kind, language = plan
    if context is None:
        context = self
    reference = item.reference
    if "language" in reference:
        language = reference["language"][:2]
    if kind == "variable":
        text = self._variable(item, context)
    elif kind == "macro":
        macro = kept.get("_macro")
        if macro is None:  # a macro the style lacks raises here, on every call, as before
            macro = kept["_macro"] = self.get_macro(self.get("macro"))
        text = macro.render(item, context)
    elif kind == "term":
        text = self._term(item)
    elif kind == "value":
        text = String(self.preformat(self.get("value")))
    else:  # as citeproc-py: a cs:text with none of the four fails here
        return _original_text_process(self, item, context, **kwargs)
    return text, language


def apply() -> None:
    for cls, name, faster, original in (
        (model.Formatted, "format", _format, _original_format),
        (model.TextCased, "case", _case, _original_case),
        (model.StrippedPeriods, "strip_periods", _strip_periods, _original_strip_periods),
        (model.Text, "process", _text_process, _original_text_process),
        (model.Quoted, "quote", _quote, _original_quote),
    ):
        if cls.__dict__[name] is original:
            setattr(cls, name, faster)
