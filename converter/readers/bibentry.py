"""BibTeX/BibLaTeX entries → CSL items: crossref/xdata inheritance, then the rules of
mappings/bibtex.py, one converter per kind. Shared by readers/bibtex.py and readers/biblatex.py.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from converter import dates, latex, names
from converter.data import json_table, month
from converter.keys import assign_keys
from converter.mappings import bibtex as rules
from converter.model import Document, Item, Origin
from converter.readers.bibinherit import inherited
from converter.report import Report

TEX_PREFIX = "tex."
_NOTE_LINE = re.compile(r"^([A-Za-z][\w-]*):\s*(.*)$")
_TIME = re.compile(r"T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?")
_DAY = re.compile(r"\b\d{1,2}\b")
_MONTH_WORD = re.compile(r"[^\W\d_]+\.?")
_VARIANT = re.compile(r"variant\s*=\s*(\w+)")
_URL = re.compile(r"^\\url\{(.*)\}$")
_USEPREFIX = re.compile(r"useprefix(\s*=\s*true)?\s*(,|$)")
_BOOK_TITLE_FIELDS = frozenset({"booktitle", "booksubtitle", "booktitleaddon"})
_YEAR_RANGE = re.compile(r"^(-?\d{1,4})\s*(?:--?|–|/)\s*(-?\d{1,4})$")


@cache
def csl_variables() -> dict[str, str]:
    """CSL variable -> kind (names, dates, numbers, strings), and `type`."""
    table = json_table("csl-variables.json")
    kinds = {variable: kind for kind in ("names", "dates", "numbers", "strings") for variable in table[kind]}
    kinds["type"] = "type"
    return kinds


def to_document(context: Any, dialect: str, origin: Origin, report: Report) -> Document:
    entries = context.entries
    by_key: dict[str, Any] = {}
    for entry in entries:
        by_key.setdefault(entry.key, entry)
        by_key.setdefault(entry.key.lower(), entry)
    resolved: dict[int, dict[str, str]] = {}
    document = Document(unparsed=context.unparsed)
    seen: set[str] = set()
    for entry in entries:
        if entry.entry_type == "xdata":
            continue  # a data container: its fields live on in the entries that name it
        fields = inherited(entry, by_key, resolved, report, ())
        csl = to_csl(entry, fields, dialect, report)
        if entry.key in seen:
            report.add("duplicate-key", f"key {entry.key!r} is used by an earlier entry; this one gets a "
                       "suffix", entry.origin, entry.key)
            csl["id"] = entry.key
        seen.add(entry.key)
        document.items.append(Item(csl, entry.origin))
    assign_keys(document.csl_items())
    return document


# --- fields -----------------------------------------------------------------------------------------

def _main_title(fields: dict[str, str], csl_type: str) -> dict[str, str]:
    """With a maintitle, the entry's own (book)title is the volume's title: CSL volume-title."""
    if "maintitle" not in fields or csl_type in rules.ARTICLES:
        return fields  # an article's maintitle (a blog's newspaper) stays a field of its own
    fields = dict(fields)
    own = "booktitle" if csl_type in rules.IN_BOOK else "title"
    for part in ("", "sub", "addon"):
        source = {"": own, "sub": own.replace("title", "subtitle"), "addon": own + "addon"}[part]
        main = {"": "maintitle", "sub": "mainsubtitle", "addon": "maintitleaddon"}[part]
        volume = {"": "_volumetitle", "sub": "_volumesubtitle", "addon": "_volumetitleaddon"}[part]
        if source in fields:
            fields[volume] = fields.pop(source)
        if main in fields:
            fields[source] = fields.pop(main)
    return fields


def _title(fields: dict[str, str], name: str, consumed: set[str]) -> str:
    text = latex.to_unicode(fields[name], title=True)
    for part, joiner in ((name.replace("title", "subtitle"), ": "), (name + "addon", ". ")):
        if part != name and fields.get(part):
            text += joiner + latex.to_unicode(fields[part], title=True)
            consumed.add(part)
    return text


def _list(value: str, dialect: str) -> str:
    if dialect != rules.BIBLATEX:
        return latex.to_unicode(value)
    keys, _ = rules.localisation()
    return "; ".join(keys.get(part.strip().lower()) or latex.to_unicode(part) for part in names.split_list(value))


def parse_date(value: str, report: Report, origin: Origin, key: str) -> dict[str, Any]:
    text = _TIME.sub("", value.strip()) if "T" in value else value.strip()
    parsed = dates.parse_edtf(text)
    if parsed is None:
        report.add("invalid-date", f"date {value!r} is not of the form YYYY-MM-DD (EDTF); kept as a literal",
                   origin, key)
        return {"literal": latex.to_unicode(value)}
    return parsed


def _year(fields: dict[str, str], name: str, csl: dict[str, Any], consumed: set[str]) -> dict[str, Any] | None:
    """`year` (+ `month`, `day`) as a CSL date; `forthcoming` and kin become CSL status."""
    prefix = name[:-4]  # "" or "orig"
    if f"{prefix}date" in fields:
        return None  # biblatex: date wins over year/month
    value = latex.to_unicode(fields[name]).strip()
    keys, _ = rules.localisation()
    if value.lower() in keys and prefix == "":
        csl.setdefault("status", keys[value.lower()])
        return None
    if value.isdigit() or (value.startswith("-") and value[1:].isdigit()):
        parts = [int(value)]
        month_value = fields.get("month", "") if prefix == "" else ""
        number = _month_number(month_value)
        if number:
            parts.append(number)
            day = fields.get("day", "") or "".join(_DAY.findall(latex.to_unicode(month_value)))[:2]
            if day.isdigit() and 1 <= int(day) <= 31:
                parts.append(int(day))
        elif month_value:
            consumed.discard("month")  # not a month: kept as a tex line
        return {"date-parts": [parts]}
    match = _YEAR_RANGE.match(value)
    if match:
        return {"date-parts": [[int(match.group(1))], [int(match.group(2))]]}
    return {"literal": value}


def _month_number(value: str) -> int | None:
    text = latex.to_unicode(value).strip()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    for word in _MONTH_WORD.findall(text):
        number = month(word)
        if number:
            return number
    return None


def _language(value: str, fields: dict[str, str]) -> str:
    table, _ = rules.languages()
    variant = _VARIANT.search(fields["langidopts"]) if "langidopts" in fields else None
    if variant and variant.group(1).lower() in table:
        return table[variant.group(1).lower()]
    first = names.split_list(value)[0] if value.strip() else value
    name = first.strip().lower()
    name = name[4:] if name.startswith("lang") and name[4:] in table else name
    return table.get(name, latex.to_unicode(value))


def _names(value: str, dropping_von: bool) -> list[dict[str, Any]]:
    parsed = names.parse_names(value)
    if dropping_von:
        for name in parsed:
            if "non-dropping-particle" in name:
                name["dropping-particle"] = name.pop("non-dropping-particle")
    return parsed


def to_csl(entry: Any, fields: dict[str, str], dialect: str, report: Report) -> dict[str, Any]:
    """One entry (fields already inherited) as a CSL item."""
    csl_type = rules.csl_type(entry.entry_type, fields.get("entrysubtype", ""))
    if fields.get("csltype", "").strip() in json_table("csl-variables.json")["types"]:
        csl_type = fields["csltype"].strip()  # bibconv's own note of a type the dialect lacks
    tex_lines: list[str] = []
    if csl_type is None:
        report.add("unknown-type", f"entry type @{entry.entry_type} is unknown; read as a CSL document",
                   entry.origin, entry.key)
        csl_type = "document"
        tex_lines.append(f"{TEX_PREFIX}entrytype: {entry.entry_type}")
    csl: dict[str, Any] = {"id": entry.key, "type": csl_type}
    fields = _main_title(fields, csl_type)
    options = fields.get("options", "")
    use_prefix = "useprefix" in options and _USEPREFIX.search(options) is not None
    if "useprefix" in options:
        fields = dict(fields)  # the particles now say it: options keep the rest
        fields["options"] = ", ".join(part.strip() for part in options.split(",")
                                      if part.strip() and not part.strip().startswith("useprefix"))
    dropping_von = dialect == rules.BIBLATEX and not use_prefix
    consumed: set[str] = {"entrysubtype"} if fields.get("entrysubtype", "").lower() in ("magazine", "newspaper") \
        else set()
    keys, _ = rules.localisation()
    consumed.update(_consumed_by_others(fields))
    consumed.update({"crossref", "xdata"})  # resolved above: the item already holds what they gave
    order = _rule_order()
    for name in sorted(fields, key=order.__getitem__):
        value = fields[name]
        if name in consumed:
            continue
        rule = table_rule = rules.reading_rule(name, csl_type)
        if (csl_type == "book" and name in _BOOK_TITLE_FIELDS) or (name == "language" and "langid" in fields):
            rule = None  # a book's booktitle is BibTeX's copy of its title; langid wins over language
        if table_rule is None and _csl_field(name) and _csl_field(name) not in csl:
            name = _csl_field(name)
            csl[name] = _csl_named(name, value, report, entry, dropping_von)  # bibconv's field for a variable
            continue
        if name == "csltype" and csl["type"] == value.strip():
            continue
        if rule is None or rule.kind in ("subtitle", "titleaddon"):
            if not value.strip() and name == "options":
                continue
            tex_lines.append(f"{TEX_PREFIX}{name}: {value}")
            if table_rule is None and name not in rules.KEPT:
                report.add("unmapped-field", f"field {name!r} has no CSL variable; kept in note as "
                           f"'{TEX_PREFIX}{name}: ...'", entry.origin, entry.key)
            continue
        variable, kind = rule.variable, rule.kind
        converted: Any
        if kind == "title":
            converted = _title(fields, name, consumed)
        elif kind == "name":
            converted = _names(value, dropping_von)
        elif kind == "_editor":
            role = fields.get(name + "type", "editor").strip().lower()
            variable = rules.EDITOR_TYPES.get(role, "")
            if not variable:
                tex_lines.append(f"{TEX_PREFIX}{name}: {value}")
                continue
            converted = _names(value, dropping_von)
        elif kind == "date":
            converted = parse_date(value, report, entry.origin, entry.key)
        elif kind == "_year":
            converted = _year(fields, name, csl, consumed)
            if converted is None:
                continue
        elif kind == "_number":
            variable = "issue" if csl_type in rules.ARTICLES else (
                "collection-number" if "series" in fields else "number")
            converted = latex.to_unicode(value)
        elif kind == "_series":
            converted = keys.get(value.strip().lower()) or _title(fields, name, consumed)
        elif kind == "key":
            converted = keys.get(value.strip().lower()) or latex.to_unicode(value)
        elif kind == "language":
            converted = _language(value, fields)
        elif kind == "page":
            converted = latex.to_unicode(value).replace("–", "-")
        elif kind == "list":
            converted = _list(value, dialect)
        elif kind == "verbatim":
            converted = _URL.sub(r"\1", value.strip()) if "\\url" in value else value.strip()
        else:  # number, literal
            converted = latex.to_unicode(value)
        if converted in ("", [], None):
            continue
        if variable in csl:
            tex_lines.append(f"{TEX_PREFIX}{name}: {value}")
            continue
        csl[variable] = converted
    if "volume-title" in csl and "title-short" in csl and csl_type not in rules.IN_BOOK | rules.ARTICLES:
        csl["volume-title-short"] = csl.pop("title-short")  # the short title is the volume's
    if "title-short" not in csl and "volume-title" not in csl and fields.get("title"):
        # as pandoc: the main title, before a subtitle or a colon
        full = str(csl.get("title", ""))
        main = (latex.to_unicode(fields["title"], title=True) if fields.get("subtitle") else (
            full.partition(": ")[0] if ": " in full else "")).strip()
        if main and main != full and latex.markup_balanced(main):
            csl["title-short"] = main
    _implied(entry, fields, csl)
    _note_lines(csl, tex_lines)
    return csl


_TITLE_PARTS = {name: (name.replace("title", "subtitle"), name + "addon") for name in (
    "title", "journaltitle", "booktitle", "maintitle", "_volumetitle", "issuetitle", "origtitle", "eventtitle")}
_EDITORS = ("editor", "editora", "editorb", "editorc")


def _consumed_by_others(fields: dict[str, str]) -> set[str]:
    """Fields another field's converter reads (subtitle by title, month by year, editortype by
    editor), whatever their order in the entry."""
    consumed = set()
    for name, parts in _TITLE_PARTS.items():
        if name in fields:
            consumed.update(parts)
    for name in _EDITORS:
        if name in fields and rules.EDITOR_TYPES.get(fields.get(name + "type", "editor").strip().lower()):
            consumed.add(name + "type")
    if "year" in fields:
        consumed.update(("month", "day"))
    if "langid" in fields:
        consumed.add("langidopts")
    return consumed


class _RuleOrder(dict[str, int]):
    """rules.field_order(), with fields that have no rule last, in entry order (sorted() is stable)."""

    def __missing__(self, field: str) -> int:
        return len(rules.FIELDS)


@cache
def _rule_order() -> _RuleOrder:
    return _RuleOrder(rules.field_order())


def _csl_field(name: str) -> str:
    """The CSL variable a field is named after (bibconv writes `archive_location`, `csl-number`)."""
    name = name[4:] if name.startswith("csl-") else name
    return name if name in csl_variables() else ""


def _csl_named(variable: str, value: str, report: Report, entry: Any, dropping_von: bool) -> Any:
    kind = csl_variables()[variable]
    if kind == "names":
        return _names(value, dropping_von)
    if kind == "dates":
        return parse_date(value, report, entry.origin, entry.key)
    return latex.to_unicode(value, title="title" in variable)


def _implied(entry: Any, fields: dict[str, str], csl: dict[str, Any]) -> None:
    """What an entry says without a field for it: genre of @phdthesis, URLs of eprints."""
    genre = rules.IMPLIED_GENRE.get(entry.entry_type)
    if genre and "genre" not in csl:
        csl["genre"] = genre
    eprint_type = fields.get("eprinttype", fields.get("archiveprefix", "")).strip().lower()
    if fields.get("eprint") and eprint_type in rules.EPRINTS:
        variable, pattern = rules.EPRINTS[eprint_type]
        if variable not in csl:
            csl[variable] = pattern.format(fields["eprint"].strip()) if pattern else fields["eprint"].strip()


def _note_lines(csl: dict[str, Any], tex_lines: list[str]) -> None:
    """Note lines `variable: value` (Zotero's convention) become CSL variables; tex lines are added."""
    note = csl.get("note", "")
    if note:
        kept = []
        for line in note.split("\n"):
            match = _NOTE_LINE.match(line.strip())
            variable = match.group(1) if match else ""
            if match and variable in csl_variables() and variable not in csl:
                value = _from_note_value(variable, match.group(2))
                if value is not None:
                    csl[variable] = value
                    continue
            kept.append(line)
        note = "\n".join(kept)
    if tex_lines:
        note = "\n".join([note, *tex_lines]) if note else "\n".join(tex_lines)
    if note:
        csl["note"] = note
    else:
        csl.pop("note", None)


def _from_note_value(variable: str, text: str) -> Any:
    kind = csl_variables()[variable]
    if kind == "names":
        family, _, given = text.partition(" || ")
        return [{"family": family.strip(), "given": given.strip()} if given else {"literal": family.strip()}]
    if kind == "dates":
        return dates.parse_edtf(text) or {"literal": text}
    if kind == "type":
        return text if text in json_table("csl-variables.json")["types"] else None
    return text
