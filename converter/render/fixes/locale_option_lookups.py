"""citeproc-py looks up a locale option (e.g. punctuation-in-quote, for every quoted or
unquoted text) by searching the locale for `cs:style-options` on each call, a term by trying
each locale in turn (an XPath search and an IndexError for each locale that lacks it), and the
output formatter by climbing to the root and testing its class on each call, for every
string it formats. A parsed locale's options do not change, so each locale keeps its
`cs:style-options` element and each style the term element it found for a (name, form)
(the term's text is still formatted on each use); the formatter is still read from the style each time (it is set
per bibliography), only from the remembered root.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "locale_option_lookups"
DESCRIPTION = "find a locale's style-options once; find the formatter without re-testing the root's class"
OUTPUT_PRESERVING = True

_MISSING = object()
_original_get_option = model.Locale.get_option
_original_get_formatter = model.CitationStylesElement.get_formatter
_original_get_term = model.CitationStylesElement.get_term


def _locale_get_option(self: Any, name: str) -> Any:
    options = self.__dict__.get("_style_options", _MISSING)
    if options is _MISSING:
        options = self.__dict__["_style_options"] = self.find("cs:style-options", self.nsmap)
    if options is None:
        raise IndexError(name)
    return options.get(name, self._default_options[name])


def _get_formatter(self: Any) -> Any:
    root = self.get_root()
    if type(root) is model.Style:
        return root.formatter
    if isinstance(root, model.Locale):
        return root.style.formatter
    return root.formatter


def _get_term(self: Any, name: str, form: str | None = None, fallback_locale: bool = True,
              zero_padded: bool = False) -> Any:
    root = self.get_root()
    if isinstance(root, model.Locale):
        return _original_get_term(self, name, form, fallback_locale, zero_padded)
    terms = root.__dict__.get("_terms")
    if terms is None:
        terms = root.__dict__["_terms"] = {}
    key = (name, form, fallback_locale, zero_padded)
    term = terms.get(key, _MISSING)
    if term is _MISSING:
        term = terms[key] = _original_get_term(self, name, form, fallback_locale, zero_padded)
    return term


def apply() -> None:
    if model.Locale.__dict__["get_option"] is _original_get_option:
        model.Locale.get_option = _locale_get_option
    if model.CitationStylesElement.__dict__["get_formatter"] is _original_get_formatter:
        model.CitationStylesElement.get_formatter = _get_formatter
    if model.CitationStylesElement.__dict__["get_term"] is _original_get_term:
        model.CitationStylesElement.get_term = _get_term
