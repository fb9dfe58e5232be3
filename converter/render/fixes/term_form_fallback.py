"""citeproc-py looks a term up in the one form asked for, and finds nothing when the locale lacks
that form: APA's `<label form="verb-short" variable="container-author"/>` prints no "By" before
the author of the container, since en-US defines container-author only in its verb form ("by") and
as an empty long form. CSL 1.0.2 (Terms) and citeproc-js fall back from a missing form: verb-short
to verb to long, symbol to short to long, short to long. So do we: each locale of the style, in
citeproc-py's order, is searched for the form asked for, then for the forms it falls back to.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "term_form_fallback"
DESCRIPTION = "a term missing in the form asked for falls back (verb-short > verb > long, symbol > short > long)"

# form -> the form CSL falls back to; None is citeproc-py's long form (a cs:term without @form).
FALLBACK: dict[str, str | None] = {"verb-short": "verb", "verb": None, "symbol": "short", "short": None,
                                   "long": None}


def _falling_back(get_term: Any) -> Any:
    def term_lookup(self: Any, name: str, form: str | None = None, *args: Any, **kwargs: Any) -> Any:
        term = get_term(self, name, form, *args, **kwargs)
        while term is None and form in FALLBACK:
            form = FALLBACK[form]
            term = get_term(self, name, form, *args, **kwargs)
        return term
    term_lookup.__name__ = "get_term_falling_back"
    return term_lookup


def apply() -> None:
    if model.CitationStylesElement.get_term.__name__ != "get_term_falling_back":
        model.CitationStylesElement.get_term = _falling_back(model.CitationStylesElement.get_term)
