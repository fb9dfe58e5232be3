"""citeproc-py stores an item's variables under Python names (`container_author`), and cs:names
looks its roles up under the CSL names the style gives (`role in item.reference`, then
`item.reference.get(role)`), so a name variable with a hyphen in it — container-author,
collection-editor, editorial-director, original-author, reviewed-author, ... — never renders:
`<names variable="container-author">` prints nothing, and Chicago loses ", by Immanuel Kant"
after a volume by its own author. Each item's name variables are also stored under their CSL
names (the same list, not a copy), so cs:names finds them; the labels keep their CSL terms.
"""
from __future__ import annotations

from typing import Any

import citeproc
from citeproc import source

NAME = "hyphenated_name_variables"
DESCRIPTION = "render name variables whose CSL name has a hyphen (container-author, collection-editor)"

_original_init = source.Reference.__init__
_dict_setitem = dict.__setitem__


def _reference_init(self: Any, key: Any, type: Any, **args: Any) -> None:
    _original_init(self, key, type, **args)
    for python_name in citeproc.NAMES:
        if "_" in python_name and python_name in args:
            _dict_setitem(self, python_name.replace("_", "-"), args[python_name])


_reference_init.__name__ = "__init__"


def apply() -> None:
    if source.Reference.__init__ is _original_init:
        source.Reference.__init__ = _reference_init
