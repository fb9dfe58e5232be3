"""RIS tags <-> CSL variables: one table (data/ris-fields.tsv) and one type table (data/ris-types.tsv),
both read from Zotero's RIS translator, used by the reader and the writer alike.

A value is written into a tag only when it reads back unchanged (the writer tries `decode(encode(v))`);
otherwise, and for every variable RIS has no tag for, it becomes an `N1  - variable: value` line,
Zotero's Extra convention (mappings/extra.py), which the reader lifts back. What not even that can
carry is listed in CANNOT_HOLD and reported as `lossy-field`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from converter import dates
from converter.data import tsv_rows
from converter.mappings import extra

# What RIS cannot hold, even as an N1 line: reported as `lossy-field` when met.
CANNOT_HOLD: dict[str, str] = {
    "name-part": "static-ordering, comma-suffix and parse-names have no place in an RIS name",
    "line-spaces": "spaces at the end of a line of a multi-line value are not kept",
    "date-detail": "a date's `raw`/`edtf` beside its date-parts, or a literal beside them, is not kept",
    "categories": "CSL categories have no RIS tag (KW holds `keyword`)",
    "custom": "CSL `custom` data has no RIS tag",
    "unknown-variable": "a key that is not a CSL variable cannot be written as an N1 line",
    "extra-line": "the value does not come back unchanged from its N1 line(s)",
    "not-names": "a name variable must be a list of CSL name objects",
    "note-line": "a `note` whose every line is `Key: value` would come back as those variables",
    "tag-line": "a line of a value that looks like an RIS tag would be read as one",
}

LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$")
# Tags whose values may span lines, kept as line breaks (Zotero keeps them in these).
MULTILINE_TAGS = frozenset({"AB", "N1", "N2", "RN"})
# Tags where a continuation line is a new value (Zotero: one keyword a line).
LIST_TAGS = frozenset({"KW"})
# Tags read by the reader itself, not through the field table.
OWN_TAGS = frozenset({"TY", "ER", "M2"})


@dataclass(frozen=True)
class Rule:
    tag: str
    variable: str
    types: frozenset[str] | None  # None: every CSL type
    direction: str  # both, read, also

    def applies(self, csl_type: str) -> bool:
        return self.types is None or csl_type in self.types


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(Rule(tag, variable, None if types == "*" else frozenset(types.split(",")), direction)
                 for tag, variable, types, direction in tsv_rows("ris-fields.tsv"))


@cache
def read_rule(tag: str, csl_type: str) -> Rule | None:
    """The rule that reads a tag for this CSL type (the first one whose types hold)."""
    return next((r for r in rules() if r.tag == tag and r.applies(csl_type)), None)


@cache
def write_rules(variable: str, csl_type: str) -> tuple[Rule, ...]:
    """The tags a variable is written to: the first `both` rule that reads back as the same
    variable for this type, and its `also` companions (PY beside DA); () when RIS has none."""
    def reads_back(rule: Rule) -> bool:
        found = read_rule(rule.tag, csl_type)
        return found is not None and found.variable == variable

    main = next((r for r in rules() if r.variable == variable and r.direction == "both"
                 and r.applies(csl_type) and reads_back(r)), None)
    if main is None:
        return ()
    also = tuple(r for r in rules() if r.variable == variable and r.direction == "also" and r.applies(csl_type))
    return (main, *also)


@cache
def _type_rows() -> tuple[tuple[str, str, str], ...]:
    return tuple((ty, csl, direction) for ty, csl, direction in tsv_rows("ris-types.tsv"))


def ris_type(csl_type: str) -> tuple[str, bool]:
    """The TY for a CSL type, and whether reading that TY gives the type back."""
    ty = next((t for t, csl, d in _type_rows() if csl == csl_type and d in ("both", "write")), "GEN")
    return ty, csl_type_of(ty) == csl_type


def csl_type_of(ty: str) -> str | None:
    both = next((csl for t, csl, d in _type_rows() if t == ty and d == "both"), None)
    return both or next((csl for t, csl, d in _type_rows() if t == ty and d == "read"), None)


# ---- values: encode into tag values, decode back ------------------------------------------------

def encode_name(name: dict[str, Any]) -> str:
    """`Family, Given[, Suffix]` as Zotero writes RIS names; a single-field name has no comma."""
    parts = extra.split_name(name)
    if isinstance(parts, str):
        return parts
    family, given = parts
    return f"{family}, {given}" if given else f"{family},"


def decode_name(text: str) -> dict[str, Any]:
    if "," not in text:
        return {"literal": text.strip()}
    family, given = text.split(",", 1)
    return extra.join_name(family.strip(), given.strip())


def encode_date(date: Any) -> str | None:
    """A CSL date as RIS `YYYY/MM/DD/`, or None when it is not one plain date (a range, circa...)."""
    if not isinstance(date, dict) or set(date) != {"date-parts"} or len(date["date-parts"]) != 1:
        return None
    try:
        parts = [int(p) for p in date["date-parts"][0]]
    except (TypeError, ValueError):
        return None
    if not 1 <= len(parts) <= 3:
        return None
    written = [f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]]
    return "/".join(written + [""] * (3 - len(written))) + "/"


_RIS_DATE = re.compile(r"^(\d{1,4})(?:/(\d{0,2})(?:/(\d{0,2})(?:/(.*))?)?)?$")
# An access date may carry its time (`2020/05/01/10:00:00`, `2020-05-01 10:00:00`); CSL dates have
# no time of day, so the time is not kept.
_TIME = re.compile(r"(?:[ T/])\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$")


def decode_date(text: str) -> dict[str, Any] | None:
    """`YYYY/MM/DD/other`, `YYYY` or ISO 8601/EDTF as a CSL date; None when it is none of these."""
    text = _TIME.sub("", text.strip())
    match = _RIS_DATE.match(text)
    if match and not (match[4] or "").strip():
        parts = [int(match[1])]
        for value in (match[2], match[3]):
            if not value:
                break
            parts.append(int(value))
        if len(parts) < 2 or 1 <= parts[1] <= 12:
            return {"date-parts": [parts]}
    return dates.parse_edtf(text)


def encode_pages(page: str) -> list[tuple[str, str]]:
    """SP and EP for a plain `start-end` range; the whole value in SP otherwise (en dashes, lists)."""
    match = re.fullmatch(r"([^\s,–-]+)-([^\s,–-]+)", page)
    return [("SP", match[1]), ("EP", match[2])] if match else [("SP", page)]


_KEYWORD_SPLIT = re.compile(r"\s*[\n;]\s*")


def decode_keywords(values: list[str]) -> str:
    """KW values as one CSL `keyword`: one keyword a line or between semicolons, as Zotero splits them."""
    return ", ".join(word for value in values for word in _KEYWORD_SPLIT.split(value) if word)


def encode_keywords(keyword: str) -> list[str]:
    tags = [tag.strip() for tag in keyword.split(",")]
    return tags if all(tags) and ", ".join(tags) == keyword else [keyword]


def encode(rule: Rule, value: Any) -> list[tuple[str, str]]:
    """The (tag, value) lines of one variable under one rule."""
    kind = extra.kind(rule.variable)
    if kind == "names":
        return [(rule.tag, encode_name(name)) for name in value]
    if kind == "dates":
        written = encode_date(value)
        if rule.tag == "PY":
            year = dates.year(value) if isinstance(value, dict) else None
            return [] if year is None else [("PY", f"{year:04d}")]
        return [] if written is None else [(rule.tag, written)]
    if rule.variable == "page" and rule.tag == "SP":
        return encode_pages(str(value))
    if rule.variable == "keyword":
        return [(rule.tag, tag) for tag in encode_keywords(str(value))]
    return [(rule.tag, str(value))]


def holds(rule: Rule, value: Any) -> bool:
    """Whether a value written under this rule reads back unchanged."""
    lines = encode(rule, value)
    if not lines or any(not text.strip() or text != text.strip() for _tag, text in lines):
        return False
    if any("\n" in text or "\r" in text for tag, text in lines if tag not in MULTILINE_TAGS):
        return False
    kind = extra.kind(rule.variable)
    if kind == "names":
        return isinstance(value, list) and [decode_name(text) for _tag, text in lines] == value
    if kind == "dates":
        return rule.tag == "PY" or decode_date(lines[0][1]) == value
    if rule.variable == "page":
        return "-".join(text for _tag, text in lines) == str(value) or len(lines) == 1
    if rule.variable == "keyword":
        return decode_keywords([text for _tag, text in lines]) == str(value)
    return True


def tag_lines(text: str) -> list[str]:
    """Continuation lines of a value that a reader would take for tags."""
    return [line for line in text.splitlines()[1:] if LINE.match(line)]

