"""citeproc-py reads number variables narrowly. Its `is-numeric` takes only a single number, so a
report number "99-02" or volumes "1, 3" test false and Chicago, APA, MLA and MHRA drop their
label ("Technical Report 99-02" for "Technical Report Nos. 99–02"); cs:text prints a number range
as typed ("99-02"); cs:number looks a hyphenated variable up under its CSL name and so never
finds number-of-volumes or chapter-number (APA's "Vols. 1–3" comes out "Vols."), and it drops
leading zeros ("99–2").

CSL 1.0.2: content is numeric when it consists solely of numbers (with prefixes or suffixes:
"D2", "2b") separated by commas, hyphens or ampersands, with or without spaces ("2, 3", "2-4",
"2 & 4"); numbers are extracted from numeric content only, non-numeric content is rendered as
is; numbers separated by a hyphen lose the spaces around it. As citeproc-js, the hyphen of such
a range becomes the locale's page-range-delimiter (year-range-delimiter for collection-number),
an en dash by default, for cs:text as for cs:number; page and locator keep their own handling.
"""
from __future__ import annotations

import re
from typing import Any

import citeproc
from citeproc import model, source
from citeproc.string import MixedString, String

NAME = "number_ranges"
DESCRIPTION = "is-numeric and number rendering of ranges and lists (99-02 -> Nos. 99–02), CSL 1.0.2"

# The number variables of CSL 1.0.2 that this fix reads (page, page-first and locator keep
# citeproc-py's own range handling, with page-range-format).
NUMBER_VARIABLES = frozenset({"chapter-number", "collection-number", "edition", "issue", "number",
                              "number-of-pages", "number-of-volumes", "part-number", "printing-number",
                              "supplement-number", "volume"})
RANGE_TERMS = {"collection-number": "year-range-delimiter"}  # the rest: page-range-delimiter
SEPARATOR = re.compile(r"\s*([-\u2013,&])\s*")
NUMBER = re.compile(r"[^\W\d_]*\d+[^\W\d_]*")
EN_DASH = "\u2013"


def numeric_parts(value: str) -> list[str] | None:
    """Numbers and separators, alternately (["99", "-", "02"]); None when the value is not numeric."""
    pieces = SEPARATOR.split(value.strip())
    if not all(NUMBER.fullmatch(number) for number in pieces[::2]):
        return None
    return pieces


def is_numeric(value: Any) -> bool:
    return numeric_parts(str(value)) is not None


def _range_delimiter(element: Any, variable: str) -> str:
    try:
        term = element.get_single_term(name=RANGE_TERMS.get(variable, "page-range-delimiter"))
    except (IndexError, KeyError, AttributeError):
        term = None
    return str(term) if term else EN_DASH


def ranged(element: Any, value: str, variable: str) -> str | None:
    """The value with the hyphens of its ranges as the range delimiter, commas and ampersands as
    typed (as citeproc-js's cs:text); None when it is not numeric or has no range."""
    pieces = numeric_parts(value)
    if pieces is None or not any(separator in "-\u2013" for separator in pieces[1::2]):
        return None
    delimiter = _range_delimiter(element, variable)
    out = [pieces[0]]
    separators = SEPARATOR.findall(value.strip())  # as typed, spaces and all
    for typed, separator, number in zip(separators, pieces[1::2], pieces[2::2], strict=True):
        out += [delimiter if separator in "-\u2013" else typed, number]
    return "".join(out)


def _text_variable(method: Any) -> Any:
    def text_variable(self: model.Text, item: Any, context: Any) -> Any:
        text = method(self, item, context)
        variable = self.get("variable")
        if text is None or variable not in NUMBER_VARIABLES:
            return text
        # Only a value of plain text is re-spelled; one with case-protected parts stays as it is.
        if isinstance(text, MixedString) and not all(type(part) is String for part in text):
            return text
        new = ranged(self, str(text), variable)
        return text if new is None else MixedString([String(new)])
    text_variable.__name__ = "text_variable_ranged"
    return text_variable


def _number_process(method: Any) -> Any:
    def process(self: model.Number, value: Any, variable: str) -> Any:
        if variable not in NUMBER_VARIABLES:
            return method(self, value, variable)
        text = str(value).strip()
        pieces = numeric_parts(text)
        if pieces is None:
            return String(text)  # non-numeric content is rendered as is
        out = [str(self.format_number(pieces[0]))]
        for separator, number in zip(pieces[1::2], pieces[2::2], strict=True):
            joint = {",": ", ", "&": " & "}.get(separator) or _range_delimiter(self, variable)
            out += [joint, str(self.format_number(number))]
        return String("".join(out))
    process.__name__ = "number_process_ranged"
    return process


def _format_number(method: Any) -> Any:
    def format_number(self: model.Number, number: Any) -> Any:
        # The numeric form prints the digits as typed: report "99-02" keeps its zero.
        if self.get("form", "numeric") == "numeric" and isinstance(number, str) and number.isdigit():
            return number
        return method(self, number)
    format_number.__name__ = "format_number_as_typed"
    return format_number


def _is_numeric(self: model.If, item: Any) -> list[bool]:
    reference = item.reference
    return [variable.replace("-", "_") in reference and is_numeric(reference[variable.replace("-", "_")])
            for variable in self.get("is-numeric").split()]


def _reference_init(method: Any) -> Any:
    # cs:number looks a variable up under its CSL name (`item.reference["number-of-volumes"]`):
    # the hyphenated number variables are stored under that name as well (the same object).
    def init(self: Any, key: Any, type: Any, **args: Any) -> None:
        method(self, key, type, **args)
        for python_name in citeproc.NUMBERS:
            if "_" in python_name and python_name in args:
                dict.__setitem__(self, python_name.replace("_", "-"), args[python_name])
    init.__name__ = "reference_init_number_names"
    return init


def apply() -> None:
    # A marker, not the methods' names: later fixes wrap some of these methods again.
    if model.Number.__dict__.get("_number_ranges_applied"):
        return
    model.Number._number_ranges_applied = True
    model.Number._process = _number_process(model.Number._process)
    model.Number.format_number = _format_number(model.Number.format_number)
    model.Text._variable = _text_variable(model.Text._variable)
    model.If._is_numeric = _is_numeric
    source.Reference.__init__ = _reference_init(source.Reference.__init__)
