"""citeproc-py ignores `initialize="false"`: wherever `initialize-with` is set (Chicago sets it on
the style), it reduces every given name to initials, printing "S. Fitzpatrick" for "Sheila
Fitzpatrick". CSL 1.0.2 says that with initialize="false" given names are kept and only parts
that are already initials ("K.K.", "M L") are formatted with initialize-with, as citeproc-js does.
The attribute is inheritable: cs:name, else its cs:citation/cs:bibliography, else cs:style.
"""
from __future__ import annotations

import re
from typing import Any

from citeproc import model

NAME = "initialize_with_given"
DESCRIPTION = "honour initialize=\"false\": keep full given names, only format existing initials"

# A given-name token that is already initials: "K.", "K.K.", "M", "Ž." (upper-case letters,
# each optionally followed by a period).
_INITIALS = re.compile(r"^(?:[^\W\d_]\.?)+$")

_original_initialize = model.Name.initialize


def _initialize_option(name: model.Name, context: Any) -> str:
    value = name.get("initialize")
    if value is not None:
        return value
    scope = context if context is not None else name
    parents = scope.xpath_search("./ancestor-or-self::*[self::cs:citation or self::cs:bibliography][1]")
    for element in (*parents, name.get_root()):
        value = element.get("initialize")
        if value is not None:
            return value
    return "true"


def _is_initials(token: str) -> bool:
    letters = token.replace(".", "")
    return bool(_INITIALS.match(token)) and letters.isupper() and (len(letters) == 1 or "." in token)


def _initialize(self: model.Name, given: str, mark: str, context: Any) -> str:
    if _initialize_option(self, context) != "false":
        return _original_initialize(self, given, mark, context)
    tokens = given.split()
    out = [_original_initialize(self, token, mark, context).strip() if _is_initials(token) else token
           for token in tokens]
    return " ".join(out)


def apply() -> None:
    model.Name.initialize = _initialize
