"""CSL-JSON items to Zotero item JSON and back, through the `csl` section of Zotero's schema.

Every rule comes from data/zotero-schema.json (schema version 41) through mappings/zotero_schema.py:
the type table (`csl.types`), the field table (`csl.fields`, with each item type's type-specific
fields found through their `baseField`), the creator table (`csl.names`, the primary creator type
of each item type standing for `author`). Only type choices the schema leaves open are in
data/zotero-types.tsv.

What the item type has no field or creator type for goes into `extra` as `CSL-variable: value`
lines (mappings/extra.py), so it comes back; the CSL id is kept there as `Citation Key: id`. What
neither a field nor an Extra line can hold is listed in CANNOT_HOLD and reported as `lossy-field`.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from converter import dates
from converter.data import month
from converter.mappings import extra
from converter.mappings.zotero_schema import (
    ACCESS_DATE,
    ITEM_KEYS,
    creator_type_for,
    csl_type_of,
    errors,
    field_for,
    item_types,
    variable_for_creator,
    zotero_type,
)
from converter.model import Origin
from converter.report import Report
from converter.schema import all_variables, variables

# What Zotero item JSON cannot hold, even in Extra: reported as `lossy-field` when met.
CANNOT_HOLD: dict[str, str] = {
    "name-part": "static-ordering, comma-suffix and parse-names have no place in a Zotero creator",
    "name-split": "a creator is two strings: a lower-case first word of a family name comes back as a particle",
    "date-detail": "a date's `raw`/`edtf` beside its date-parts, or a literal beside them, is not kept",
    "date-text": "a literal date that is empty or has outer spaces is read back trimmed",
    "categories": "CSL categories have no Zotero field (tags hold `keyword`)",
    "custom": "CSL `custom` data has no Zotero field",
    "unknown-variable": "a key that is not a CSL variable cannot be written as an Extra line",
    "extra-line": "the value does not come back unchanged from its Extra line(s)",
    "not-names": "a name variable must be a list of CSL name objects",
    "note-line": "a line of `note` that reads as `Key: value` would come back as that variable",
    "note-edges": "blank lines at the start or end of `note` are not kept",
    "citation-key": "a `citation-key` different from the id while the type has no citationKey field",
}

# Zotero fields the schema's `csl` table maps to no CSL variable: read into `note` as `field: value`.
FIELDS_WITHOUT_VARIABLE: dict[str, str] = {
    "assignee": "a patent's assignee is a name with no CSL variable",
    "country": "a patent's country has no CSL variable (jurisdiction is another thing)",
    "seriesText": "a journal series' descriptive text has no CSL variable",
}

CITATION_KEY_LINE = "citation-key"
__all__ = ["CANNOT_HOLD", "CITATION_KEY_LINE", "FIELDS_WITHOUT_VARIABLE", "errors", "from_zotero", "item_types",
           "read_date", "to_zotero"]


# ---- CSL -> Zotero ----------------------------------------------------------------------------

def to_zotero(csl: dict[str, Any], *, report: Report, origin: Origin | None = None,
              item_type: str | None = None) -> dict[str, Any]:
    """A Zotero item (the `data` object of the Web API) holding one CSL item.

    `item_type` forces the Zotero type (sync passes the type an existing item has, since several
    Zotero types read as one CSL type: email and letter, film and videoRecording...).
    """
    key = str(csl.get("id", "")) or None

    def lossy(what: str, detail: str) -> None:
        report.add("lossy-field", f"Zotero JSON: {detail}: {CANNOT_HOLD[what]}", origin, key)

    item_type = item_type if item_type in item_types() else zotero_type(csl)
    data: dict[str, Any] = {"itemType": item_type}
    creators: list[dict[str, str]] = []
    in_extra: dict[str, Any] = {}
    if key:
        in_extra[CITATION_KEY_LINE] = key
    if csl_type_of().get(item_type) != csl.get("type") and csl.get("type"):
        in_extra["type"] = csl["type"]
    known = all_variables()
    name_variables = set(variables()["names"])
    for variable, value in csl.items():
        if variable in ("id", "type", "note"):
            continue
        if variable in ("categories", "custom"):
            lossy(variable, variable)
            continue
        if variable not in known:
            lossy("unknown-variable", str(variable))
            continue
        if variable in name_variables:
            creator_type = creator_type_for(item_type, variable)
            names = _holdable_names(value, lossy, variable, as_creators=creator_type is not None)
            if creator_type:
                creators.extend(_creator(creator_type, name) for name in names)
            else:
                in_extra[variable] = names
            continue
        if extra.kind(variable) == "dates":
            value = _holdable_date(value, lossy, variable)
        if variable == "keyword" and _tags(value) is not None and "tags" not in data:
            data["tags"] = [{"tag": tag} for tag in _tags(value) or []]
            continue
        field = field_for(item_type, variable)
        if field and field not in data and extra.kind(variable) == "dates":
            data[field], exact = _zotero_date(field, value)
            if exact is not None:
                in_extra[variable] = exact
            elif data[field] != data[field].strip() or (data[field] == "" and value):
                lossy("date-text", variable)
            if not data[field]:
                del data[field]
        elif field and field not in data:
            data[field] = extra.format_value(variable, value)
        elif variable == "citation-key":
            if str(value) != key:
                lossy("citation-key", f"citation-key: {value!r}")
        else:
            in_extra[variable] = value
    data["creators"] = creators
    data.setdefault("tags", [])
    note = str(csl.get("note", "") or "")
    for line in extra.captured_lines(note):
        lossy("note-line", f"note: {line!r}")
    if note != note.strip("\n"):
        lossy("note-edges", "note")
    lines = []
    for variable, value in in_extra.items():
        kept, why = extra.holdable_lines(variable, value)
        if why:
            lossy("extra-line", f"{variable}: {why}")
        lines.extend(kept)
    written = "\n".join([*lines, note] if note else lines)
    if written:
        data["extra"] = written
    data["collections"] = []
    data["relations"] = {}
    return data


def _creator(creator_type: str, name: dict[str, Any]) -> dict[str, str]:
    parts = extra.split_name(name)
    if isinstance(parts, str):
        return {"creatorType": creator_type, "name": parts}
    return {"creatorType": creator_type, "firstName": parts[1], "lastName": parts[0]}


def _holdable_names(value: Any, lossy: Any, variable: str, *, as_creators: bool) -> list[dict[str, Any]]:
    names = [name for name in value if isinstance(name, dict)] if isinstance(value, list) else []
    if not isinstance(value, list) or len(names) != len(value):
        lossy("not-names", variable)
    for name in names:
        if extra.dropped_parts(name):
            lossy("name-part", f"{variable}: {', '.join(extra.dropped_parts(name))}")
        why = extra.name_unholdable(name) if as_creators else None  # Extra lines are checked later
        if why:
            lossy("name-split", f"{variable}: {why}")
    return names


def _holdable_date(value: Any, lossy: Any, variable: str) -> Any:
    if isinstance(value, dict) and value.get("date-parts") and (set(value) & {"raw", "edtf", "literal"}):
        lossy("date-detail", variable)
    return value


def _zotero_date(field: str, date: Any) -> tuple[str, Any]:
    """A date field's value, and the date for Extra when the field cannot hold it exactly.

    Zotero parses one plain date in its date fields; a range, circa or season goes into Extra
    (`issued: 1925-01-02/1925-11-23`, read back first) and the field keeps the start, which Zotero
    understands. accessDate takes only a whole `YYYY-MM-DD` (the Web API refuses the rest).
    """
    written = extra.format_value("issued", date)
    plain = isinstance(date, dict) and set(date) == {"date-parts"} and len(date["date-parts"]) == 1
    if field == "accessDate":
        return (written, None) if plain and ACCESS_DATE.match(written) else ("", date)
    if plain or not (isinstance(date, dict) and date.get("date-parts")):
        return written, None  # one plain date, or a literal, which Zotero keeps as typed
    start = extra.format_value("issued", {"date-parts": date["date-parts"][:1]})
    return start, date


def _tags(keyword: Any) -> list[str] | None:
    """Keywords as tags, when joining the tags gives the keyword back ("a, b"); else None."""
    tags = [tag.strip() for tag in str(keyword).split(",")]
    return tags if all(tags) and ", ".join(tags) == str(keyword) else None


# ---- Zotero -> CSL ----------------------------------------------------------------------------

def from_zotero(data: dict[str, Any], *, report: Report, origin: Origin | None = None) -> dict[str, Any]:
    """The CSL item a Zotero item holds, with its Extra lines lifted back into CSL variables."""
    if "itemType" not in data and isinstance(data.get("data"), dict):
        data = {"key": data.get("key"), **data["data"]}
    item_type = str(data.get("itemType", ""))
    spec = item_types().get(item_type)
    found, free_text = extra.parse_extra(data["extra"] if isinstance(data.get("extra"), str) else "")
    key = (found.pop(CITATION_KEY_LINE, None) or _text(data.get("citationKey")) or _text(data.get("key"))
           or _fallback_id(data))
    csl: dict[str, Any] = {"id": str(key), "type": found.pop("type", None) or csl_type_of().get(item_type, "document")}
    left: list[str] = []
    if spec is None:
        report.add("unknown-type", f"Zotero item type {item_type!r} is unknown; read as document", origin,
                   csl["id"])
        spec = {"own": set(), "primary": None}
    field_variables = extra.zotero_field_variables()
    for field, value in data.items():
        if field in ITEM_KEYS or value in ("", None, [], {}):
            continue
        variable = field_variables.get(field)
        if _text(value) is None:
            report.add("unmapped-field", f"Zotero field {field!r} holds {type(value).__name__}, not text; "
                                         "kept in note", origin, csl["id"])
            left.append(f"{field}: {json.dumps(value, ensure_ascii=False)}")
            continue
        if variable is None or variable == "note" or field not in spec["own"]:
            report.add("unmapped-field", f"Zotero field {field!r} of {item_type} has no CSL variable; "
                                         "kept in note", origin, csl["id"])
            left.append(f"{field}: {value}")
            continue
        if extra.kind(variable) == "dates":
            csl[variable] = read_date(str(value), report=report, origin=origin, key=csl["id"])
        else:
            csl[variable] = str(value)
    for creator in _dicts(data.get("creators")):
        variable = variable_for_creator(item_type, str(creator.get("creatorType", "")))
        name = _name(creator)
        if variable is None:
            report.add("unmapped-field", f"creator type {creator.get('creatorType')!r} has no CSL variable; "
                                         "kept in note", origin, csl["id"])
            left.append(f"{creator.get('creatorType')}: {extra.format_name(name)}")
            continue
        csl.setdefault(variable, []).append(name)
    tags = [str(tag["tag"]) for tag in _dicts(data.get("tags")) if _text(tag.get("tag"))]
    if tags:
        csl["keyword"] = ", ".join(tags)
    for variable, value in found.items():
        if extra.kind(variable) == "names" and variable in csl:
            csl[variable].extend(value)
        elif extra.kind(variable) == "dates":
            csl[variable] = value  # the exact form of a date the field holds only the start of
        elif variable in csl:
            left.append(extra.format_extra({variable: value}))  # a field already holds one: keep the line
        else:
            csl[variable] = value
    note = "\n".join(part for part in (*left, free_text) if part)
    if note:
        csl["note"] = note
    return csl


def _text(value: Any) -> str | None:
    """A field value as text: strings, and numbers written as text; None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [one for one in value if isinstance(one, dict)] if isinstance(value, list) else []


def _name(creator: dict[str, Any]) -> dict[str, Any]:
    if _text(creator.get("name")) and not _text(creator.get("lastName")):
        return {"literal": _text(creator["name"]) or ""}
    return extra.join_name(_text(creator.get("lastName")) or "", _text(creator.get("firstName")) or "")


_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$")
_WORDS = re.compile(r"^(?:(\d{1,2})\.?\s+)?([^\W\d]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{3,4})$")


def read_date(text: str, *, report: Report, origin: Origin | None = None, key: str | None = None) -> dict[str, Any]:
    """A Zotero date as typed (ISO, a timestamp, `26 February 1924`, `February 26, 1924`) as a CSL date."""
    text = text.strip()
    timestamp = _TIME.match(text)
    parsed = dates.parse_edtf(timestamp[1] if timestamp else text)
    if parsed:
        return parsed
    words = _WORDS.match(text)
    number = month(words[2]) if words else None
    if words and number:
        day = words[1] or words[3]
        return {"date-parts": [[int(words[4]), number, *([int(day)] if day else [])]]}
    report.add("invalid-date", f"date {text!r} is not ISO 8601/EDTF nor `day month year`; kept as a literal",
               origin, key)
    return {"literal": text}


def _fallback_id(data: dict[str, Any]) -> str:
    """A stable id for an item that has neither citation key nor Zotero key."""
    digest = hashlib.sha1(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"zotero-{digest[:8]}"
