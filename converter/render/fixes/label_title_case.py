"""citeproc-py never title-cases a cs:label: its `case()` title-cases only text it is told is
English, and cs:label does not say, so APA's `<label form="short" text-case="title"/>` prints
"(eds.)" where citeproc-js prints "(Eds.)". A label is a term of the locale in use, whatever the
item's language, so it is cased by the locale's language.
"""
from __future__ import annotations

from typing import Any

from citeproc import model

NAME = "label_title_case"
DESCRIPTION = "apply text-case=\"title\" to cs:label terms when the output locale is English"

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _locale_language(element: Any) -> str:
    for locale in getattr(element.get_root(), "locales", []) or []:
        lang = locale.get(_XML_LANG)
        if lang:
            return lang[:2]
    return (element.get_root().get("default-locale") or "en")[:2]


def _label_markup(self: model.Label, text: Any) -> Any:
    if not text:
        return None
    return self.wrap(self.format(self.case(self.strip_periods(text), _locale_language(self))))


def apply() -> None:
    model.Label.markup = _label_markup
