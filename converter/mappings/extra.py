"""Zotero's `Extra` field: CSL variables as `Key: value` lines, read as citeproc-js and Zotero read them.

Zotero has no field for many CSL variables (archive-place, a letter's editor, ...). Its users, Zotero
itself (Zotero.Utilities.Internal.extractExtraFields) and citeproc-js agree on a convention: one line
`Key: value` per variable in Extra, the key a CSL variable name or a Zotero field name in any case or
hyphenation (`original-date`, `Original Date`, `originalDate`, `archive_location`), names as
`Family || Given` (one line per name), dates as ISO 8601/EDTF. Lines that are not of that form, or
whose key names nothing known, are free text (the CSL `note`).

The keys are derived from the tables, not listed here: every CSL variable (data/csl-variables.json),
every Zotero field and creator type through the `csl` section of Zotero's schema.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from converter import dates
from converter.data import json_table
from converter.schema import variables

# Keys written differently from the CSL variable name, by the convention users already rely on
# (Better BibTeX and Zotero 7 write `Citation Key:`).
WRITTEN_KEYS: dict[str, str] = {"citation-key": "Citation Key"}

# Keys never lifted out of Extra: `note` and `extra` are the free text itself.
FREE_TEXT_KEYS = frozenset({"note", "extra"})

# Zotero accepts `Key: value`; citeproc-js also reads its older `{:key: value}` form.
_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z _-]*?)\s*:\s*(.*?)\s*$")
_OLD_FORM = re.compile(r"^\s*\{:(.*)\}\s*$")


def normalize_key(key: str) -> str:
    """A key as Zotero compares them: spaces and underscores as hyphens, camelCase split, lower case."""
    key = re.sub(r"[\s_]+", "-", key.strip())
    key = re.sub(r"([a-z])([A-Z])", r"\1-\2", key)
    return key.lower()


@cache
def zotero_schema() -> dict[str, Any]:
    return json_table("zotero-schema.json")


@cache
def _base_fields() -> dict[str, str]:
    """Zotero's type-specific fields to their base field (bookTitle -> publicationTitle)."""
    out: dict[str, str] = {}
    for item_type in zotero_schema()["itemTypes"]:
        for spec in item_type["fields"]:
            if "baseField" in spec:
                out[spec["field"]] = spec["baseField"]
    return out


# Where several CSL variables share one Zotero field, the CSL 1.0.2 name wins over the legacy alias.
PREFERRED_VARIABLES: dict[str, str] = {"shortTitle": "title-short"}


@cache
def zotero_field_variables() -> dict[str, str]:
    """Every Zotero field (base or type-specific) to the CSL variable it holds."""
    csl = zotero_schema()["csl"]["fields"]
    out: dict[str, str] = {}
    for variable, fields in csl["text"].items():
        for field in fields:
            out.setdefault(field, variable)
    for field, variable in PREFERRED_VARIABLES.items():
        if field in out:
            out[field] = variable
    for variable, field in csl["date"].items():
        out[field] = variable
    for field, base in _base_fields().items():
        if base in out:
            out.setdefault(field, out[base])
    return out


@cache
def creator_variables() -> dict[str, str]:
    """Zotero creator types to CSL name variables (the schema's table)."""
    return dict(zotero_schema()["csl"]["names"])


@cache
def key_variables() -> dict[str, str]:
    """Every key Extra may use, normalized, to the CSL variable it sets."""
    table = variables()
    out: dict[str, str] = {}
    for field, variable in zotero_field_variables().items():
        out[normalize_key(field)] = variable
    for creator_type, variable in creator_variables().items():
        out[normalize_key(creator_type)] = variable
    # CSL names come last: a CSL variable spelled out is always that variable.
    for kind in ("names", "dates", "numbers", "strings"):
        for variable in table[kind]:
            out[normalize_key(variable)] = PREFERRED_VARIABLES.get(variable, variable)
    out["type"] = "type"
    for key in FREE_TEXT_KEYS:
        out.pop(key, None)
    return out


def kind(variable: str) -> str:
    """names, dates or text: how a variable's value is written in Extra."""
    table = variables()
    if variable in table["names"]:
        return "names"
    if variable in table["dates"]:
        return "dates"
    return "text"


# ---- names: `Family || Given`, shared with the Zotero creator mapping ------------------------

def split_name(name: dict[str, Any]) -> tuple[str, str] | str:
    """A CSL name as Zotero holds it: (last, first), or one string for a single-field name.

    Particles and suffix go where citeproc-js finds them again: the non-dropping particle before
    the family name, the dropping particle after the given names, the suffix after a comma.
    """
    if "family" not in name and "literal" in name:
        return str(name["literal"])
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    if name.get("suffix"):
        given = f"{given}, {name['suffix']}" if given else f", {name['suffix']}"
    return family, given


def _particle_words(words: list[str]) -> int:
    """How many leading words are lower-case particles (von, de, van der, d')."""
    count = 0
    while count < len(words) and words[count][:1].islower():
        count += 1
    return count


def join_name(family: str, given: str) -> dict[str, Any]:
    """The inverse of split_name for a two-field name."""
    name: dict[str, Any] = {}
    given = given.strip()
    if "," in given:
        given, suffix = (part.strip() for part in given.rsplit(",", 1))
        if suffix:
            name["suffix"] = suffix
    family_words = family.split()
    particles = _particle_words(family_words)
    if 0 < particles < len(family_words):
        name["non-dropping-particle"] = " ".join(family_words[:particles])
        family = " ".join(family_words[particles:])
    given_words = given.split()
    trailing = _particle_words(given_words[::-1])
    if 0 < trailing < len(given_words):
        name["dropping-particle"] = " ".join(given_words[-trailing:])
        given = " ".join(given_words[:-trailing])
    ordered: dict[str, Any] = {"family": family.strip()} if family.strip() else {}
    if given:
        ordered["given"] = given
    ordered.update(name)
    return ordered


# Parts of a CSL name that no exchange format has a place for.
DROPPED_NAME_PARTS = frozenset({"static-ordering", "comma-suffix", "parse-names"})


def dropped_parts(name: dict[str, Any]) -> list[str]:
    return sorted(set(name) & DROPPED_NAME_PARTS)


def _kept(name: Any) -> Any:
    return {k: v for k, v in name.items() if k not in DROPPED_NAME_PARTS} if isinstance(name, dict) else name


def name_unholdable(name: dict[str, Any]) -> str | None:
    """Why a name (its dropped parts aside) would not come back unchanged from a (last, first) pair."""
    name = _kept(name)
    parts = split_name(name)
    if isinstance(parts, str):
        return None if parts and parts.strip() == parts else "a literal name that is empty or has outer spaces"
    back = join_name(*parts)
    if back != name:
        return f"reads back as {back} (particles are found as citeproc-js finds them)"
    return None


def format_name(name: dict[str, Any]) -> str:
    parts = split_name(name)
    if isinstance(parts, str):
        return parts
    family, given = parts
    return f"{family} || {given}".rstrip()


def parse_name(text: str) -> dict[str, Any]:
    if "||" not in text:
        return {"literal": text.strip()}
    family, given = text.split("||", 1)
    return join_name(family.strip(), given.strip())


# ---- the two directions ---------------------------------------------------------------------

def parse_value(variable: str, value: str) -> Any:
    """One Extra value as the CSL value of its variable (names are parsed one at a time)."""
    value_kind = kind(variable)
    if value_kind == "names":
        return parse_name(value)
    if value_kind == "dates":
        return dates.parse_edtf(value) or {"literal": value}
    return value


def format_value(variable: str, value: Any) -> str:
    """One CSL value as Extra writes it (a name, an EDTF date, or the text)."""
    value_kind = kind(variable)
    if value_kind == "names":
        return format_name(value) if isinstance(value, dict) else str(value)
    if value_kind == "dates" and isinstance(value, dict):
        try:
            written = dates.format_edtf(value)
        except (TypeError, ValueError, IndexError):  # date-parts that are not numbers: keep them as text
            written = None
        if written is None:
            written = str(value.get("literal") or value.get("raw") or value.get("date-parts", ""))
        return written
    return str(value)


def _line_variable(line: str) -> tuple[str, str] | None:
    """(CSL variable, value) when a line of Extra sets one, else None."""
    old_form = _OLD_FORM.match(line)
    match = _LINE.match(old_form[1] if old_form else line)
    if not match or not match[2]:
        return None
    variable = key_variables().get(normalize_key(match[1]))
    if variable is None:
        return None
    if variable == "type" and match[2] not in variables()["types"]:
        variable = "genre"  # Zotero's `Type` field is the genre; only a CSL type name retypes
    return variable, match[2]


def parse_extra(text: str) -> tuple[dict[str, Any], str]:
    """The CSL variables set by `Key: value` lines of an Extra field, and the free text left.

    A later line for a variable already set stays in the free text (nothing is lost); names
    accumulate, one per line.
    """
    found: dict[str, Any] = {}
    rest: list[str] = []
    for line in (text or "").splitlines():
        pair = _line_variable(line)
        if pair is None or (pair[0] in found and kind(pair[0]) != "names"):
            rest.append(line)
            continue
        variable, value = pair
        if kind(variable) == "names":
            found.setdefault(variable, []).append(parse_name(value))
        else:
            found[variable] = parse_value(variable, value)
    return found, "\n".join(rest).strip("\n")


def format_extra(variables: dict[str, Any], free_text: str = "") -> str:
    """Extra text holding these CSL variables as `Key: value` lines, then the free text.

    The inverse of parse_extra. Line breaks inside a value cannot be held by a line; they become
    spaces (callers that must report this check `unholdable` first).
    """
    lines = []
    for variable, value in variables.items():
        key = WRITTEN_KEYS.get(variable, variable)
        values = value if kind(variable) == "names" and isinstance(value, list) else [value]
        for one in values:
            written = re.sub(r"\s*[\r\n]+\s*", " ", format_value(variable, one)).strip()
            lines.append(f"{key}: {written}")
    if free_text:
        lines.append(free_text)
    return "\n".join(lines)


def holdable_lines(variable: str, value: Any) -> tuple[list[str], str | None]:
    """The Extra lines of one variable that read back as it, and why the value does not come back
    unchanged (None when it does). Lines that would read back as something else are left out."""
    lines = format_extra({variable: value}).splitlines()
    target = PREFERRED_VARIABLES.get(variable, variable)
    kept = [line for line in lines if (pair := _line_variable(line)) is not None and pair[0] == target]
    found, _rest = parse_extra("\n".join(kept))
    if kind(variable) == "names":
        expected: Any = [_kept(name) for name in value] if isinstance(value, list) else value
    else:
        expected = str(value) if kind(variable) == "text" else value
    back = found.get(target)
    if back == expected:
        return kept, None
    values = value if isinstance(value, list) else [value]
    if any(char in format_value(variable, one) for one in values for char in "\r\n"):
        return kept, "line breaks cannot be held by one Extra line; written as spaces"
    if len(kept) < len(lines):
        return kept, f"{len(lines) - len(kept)} of its lines would not read back as {variable}; not written"
    if kind(variable) == "names":
        return kept, f"reads back as {back!r} (a lower-case first word of a family name is read as a particle)"
    return kept, f"reads back as {back!r}"


def unholdable(variable: str, value: Any) -> str | None:
    """Why a value would not come back unchanged from its Extra line(s), or None when it would."""
    return holdable_lines(variable, value)[1]


def captured_lines(free_text: str) -> list[str]:
    """Lines of free text that would be read as variables if written into Extra as they are."""
    return [line for line in free_text.splitlines() if _line_variable(line) is not None]
