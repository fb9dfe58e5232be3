"""BibTeX (and, through `write_bib`, BibLaTeX): CSL items → entries, by the rules of
mappings/bibtex.py read backwards.

What the target cannot hold natively is still written, in a form bibconv's reader takes back:
`tex.FIELD: value` lines of CSL `note` become the fields they came from (Better BibTeX's
convention); a CSL variable with no field in the dialect is written as a field named after the
variable (`archive_location = {...}`) and reported as `lossy-field`; a CSL type with no entry
type becomes `@misc` with `csltype = {...}`. Unparsed BibTeX input is written back under a comment.
"""
from __future__ import annotations

import re
from typing import Any

from converter import dates, latex, names
from converter.keys import assign_keys
from converter.mappings import bibtex as rules
from converter.model import Document
from converter.report import Report

NAME = "bibtex"
TEX_PREFIX = "tex."
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_KEY_UNSAFE = re.compile(r"[\s,{}()\"#%'=\\]")
_EDITOR_ROLES = ("editor", "compiler", "director", "organizer")
_HANDLED = frozenset({"id", "type", "note", "volume-title", "volume-title-short", "issue", "number",
                      "collection-number", "citation-key"})


def write(document: Document, *, report: Report, **options: object) -> str:
    return write_bib(document, report=report, dialect=rules.BIBTEX, ascii_only=bool(options.get("ascii")))


def write_bib(document: Document, *, report: Report, dialect: str, ascii_only: bool = False) -> str:
    items = [dict(item.csl) for item in document.items]
    assign_keys(items)
    chunks = []
    for unparsed in document.unparsed:
        if unparsed.format in (rules.BIBTEX, rules.BIBLATEX):
            chunks.append(f"% bibconv: {unparsed.origin}: {unparsed.reason}; written back as read\n"
                          f"{unparsed.raw.rstrip()}\n")
        else:
            report.add("unwritten-entry", f"unparsed {unparsed.format} input ({unparsed.reason}) cannot be "
                       f"written as {dialect}", unparsed.origin)
    for csl, item in zip(items, document.items, strict=True):
        entry_type, fields = entry(csl, dialect, ascii_only, report, item.origin)
        chunks.append(_format(entry_type, _KEY_UNSAFE.sub("_", str(csl["id"])), fields))
    return "\n".join(chunks)


def _format(entry_type: str, key: str, fields: list[tuple[str, str, bool]]) -> str:
    width = max((len(name) for name, _, _ in fields), default=0)
    lines = [f"@{entry_type}{{{key},"]
    for name, value, bare in fields:
        lines.append(f"  {name.ljust(width)} = {value if bare else '{' + value + '}'},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def entry(csl: dict[str, Any], dialect: str, ascii_only: bool, report: Report,
          origin: Any = None) -> tuple[str, list[tuple[str, str, bool]]]:
    """One CSL item as (entry type, [(field, LaTeX value, written bare)])."""
    key = str(csl.get("id", ""))
    csl_type = str(csl.get("type") or "document")
    fields: list[tuple[str, str, bool]] = []
    present: set[str] = set()

    def put(field: str, value: str, bare: bool = False, empty: bool = False) -> None:
        if (value or empty) and field not in present:
            present.add(field)
            fields.append((field, value, bare))

    def lossy(variable: str, value: Any) -> None:
        reason = rules.CANNOT_HOLD[dialect].get(variable, "no field")
        report.add("lossy-field", f"{dialect} has no field for CSL {variable!r} ({reason}); written as "
                   f"'{variable}', which only bibconv reads back", origin, key)
        rule = rules.reading_rule(variable, csl_type)
        plain = variable not in present and (rule is None or rule.variable == variable)
        put(variable if plain else "csl-" + variable, _plain(variable, value, ascii_only, dropping_as_von))

    choice = rules.WRITE_TYPES[dialect].get(csl_type)
    entry_type, subtype = choice or ("misc", "")
    tex_fields, note = _split_note(str(csl.get("note", "")))
    entry_type = tex_fields.pop("entrytype", entry_type)
    if choice is None and "entrytype" not in tex_fields:
        report.add("lossy-field", f"{dialect} has no entry type for CSL type {csl_type!r}; written as "
                   f"@misc with csltype", origin, key)
        put("csltype", csl_type)
    if subtype:
        put("entrysubtype", subtype)
    names_present = [name for variable in ("author", "editor", "translator", "container-author", "compiler",
                                           "director", "organizer", "recipient")
                     for name in csl.get(variable) or [] if isinstance(name, dict)]
    use_prefix = dialect == rules.BIBLATEX and any("non-dropping-particle" in name for name in names_present)
    dropping_as_von = dialect == rules.BIBLATEX and not use_prefix
    _titles(csl, csl_type, dialect, ascii_only, put, lossy)
    _numbers(csl, csl_type, dialect, put, lossy, ascii_only)
    taken = frozenset(tex_fields)
    _editors(csl, ascii_only, put, taken=set(taken), dropping_as_von=dropping_as_von)
    for variable, value in csl.items():
        if variable in _HANDLED or variable in _EDITOR_ROLES or (
                "volume-title" in csl and csl_type not in rules.ARTICLES
                and (variable == "title" or (variable == "container-title" and csl_type in rules.IN_BOOK))):
            continue
        rule = rules.field_for(dialect, csl_type, variable, taken)
        if rule is None or (csl_type == "book" and rule.field == "booktitle"):  # a book's booktitle is not read
            lossy(variable, value)
            continue
        written = _value(rule, value, dialect, ascii_only, put, dropping_as_von)
        if written is not None:
            put(rule.field, written)
    if use_prefix:
        options = tex_fields.get("options", "")
        tex_fields["options"] = f"{options}, useprefix=true" if options else "useprefix=true"
    if dialect == rules.BIBTEX:
        entry_type = _bibtex_thesis(entry_type, csl, fields)
    if note:
        put("note", latex.to_latex(note, ascii=ascii_only))
    for field, value in tex_fields.items():
        put(field, value, empty=True)
    return entry_type, fields


def _split_note(note: str) -> tuple[dict[str, str], str]:
    tex: dict[str, str] = {}
    kept = []
    for line in note.split("\n"):
        if line.startswith(TEX_PREFIX) and ":" in line:
            # the reader writes `tex.FIELD: value`; a field name may hold colons (title+an:french)
            body = line[len(TEX_PREFIX):]
            field, _, value = body.partition(": ") if ": " in body else body.partition(":")
            tex.setdefault(field.strip(), value.strip())
        else:
            kept.append(line)
    return tex, "\n".join(kept).strip()


def _plain(variable: str, value: Any, ascii_only: bool, dropping_as_von: bool) -> str:
    if isinstance(value, list):
        return names.format_names(value, ascii_only=ascii_only, dropping_as_von=dropping_as_von)
    if isinstance(value, dict):
        return dates.format_edtf(value) or latex.to_latex(str(value.get("literal", "")), ascii=ascii_only)
    return latex.to_latex(str(value), ascii=ascii_only)


def _titles(csl: dict[str, Any], csl_type: str, dialect: str, ascii_only: bool, put: Any, lossy: Any) -> None:
    """volume-title: the entry's own (book)title under a maintitle, as biblatex has it."""
    if "volume-title" not in csl:
        return
    if csl_type in rules.ARTICLES:
        put("issuetitle", latex.to_latex(str(csl["volume-title"]), ascii=ascii_only))
        return
    volume = latex.to_latex(str(csl["volume-title"]), ascii=ascii_only)
    if dialect != rules.BIBLATEX:
        lossy("volume-title", csl["volume-title"])
        if "volume-title-short" in csl:
            lossy("volume-title-short", csl["volume-title-short"])
        if "title" in csl:
            put("title", latex.to_latex(str(csl["title"]), ascii=ascii_only))
        if "container-title" in csl:
            put("booktitle", latex.to_latex(str(csl["container-title"]), ascii=ascii_only))
        return
    if csl_type in rules.IN_BOOK:
        if "title" in csl:
            put("title", latex.to_latex(str(csl["title"]), ascii=ascii_only))
        put("booktitle", volume)
        if "container-title" in csl:
            put("maintitle", latex.to_latex(str(csl["container-title"]), ascii=ascii_only))
    else:
        put("title", volume)
        if "title" in csl:
            put("maintitle", latex.to_latex(str(csl["title"]), ascii=ascii_only))
    if "volume-title-short" in csl:
        put("shorttitle", latex.to_latex(str(csl["volume-title-short"]), ascii=ascii_only))


def _numbers(csl: dict[str, Any], csl_type: str, dialect: str, put: Any, lossy: Any, ascii_only: bool) -> None:
    """`number` is the issue of an article, the number in a series, or the item's own number."""
    if csl_type in rules.ARTICLES:
        primary = "issue"
    elif "collection-title" in csl and "collection-number" in csl:
        primary = "collection-number"
    else:
        primary = "number"
    if primary in csl:
        put("number", latex.to_latex(str(csl[primary]), ascii=ascii_only))
    for variable in ("issue", "number", "collection-number"):
        if variable == primary or variable not in csl:
            continue
        if variable == "issue" and dialect == rules.BIBLATEX:
            put("issue", latex.to_latex(str(csl[variable]), ascii=ascii_only))
        elif variable == "number" and primary == "issue" and dialect == rules.BIBLATEX:
            put("eid", latex.to_latex(str(csl[variable]), ascii=ascii_only))  # an article's own number
        else:
            lossy(variable, csl[variable])


def _editors(csl: dict[str, Any], ascii_only: bool, put: Any, taken: set[str], dropping_as_von: bool) -> None:
    """editor, compiler, director, organizer: biblatex's editor/editora... with editortype, in the
    slots that tex lines (roles CSL has no variable for) leave free."""
    slots = iter(slot for slot in ("editor", "editora", "editorb", "editorc") if slot not in taken)
    for variable in _EDITOR_ROLES:
        value = csl.get(variable)
        if not isinstance(value, list) or not value:
            continue
        slot = next(slots, None)
        if slot is None:
            return
        put(slot, names.format_names(value, ascii_only=ascii_only, dropping_as_von=dropping_as_von))
        if variable != "editor" or slot != "editor":
            put(slot + "type", variable)


def _value(rule: rules.Rule, value: Any, dialect: str, ascii_only: bool, put: Any,
           dropping_as_von: bool = False) -> str | None:
    kind = rule.kind
    if kind in ("name",):
        return (names.format_names(value, ascii_only=ascii_only, dropping_as_von=dropping_as_von)
                if isinstance(value, list) else None)
    if kind == "date" or kind == "_year":
        return _date(rule, value, dialect, put)
    if kind == "page":
        return latex.to_latex(str(value).replace("–", "-"), ascii=ascii_only).replace("-", "--")
    if kind == "list" and dialect == rules.BIBLATEX:
        parts = [latex.to_latex(part.strip(), ascii=ascii_only) for part in str(value).split("; ")]
        return " and ".join("{" + part + "}" if " and " in part.lower() else part for part in parts)
    if kind in ("key", "_series"):
        _, backward = rules.localisation()
        return backward.get(str(value)) or latex.to_latex(str(value), ascii=ascii_only)
    if kind == "language":
        _, backward = rules.languages()
        return backward.get(str(value)) or latex.to_latex(str(value), ascii=ascii_only)
    if kind == "verbatim":
        return str(value)
    return latex.to_latex(str(value), ascii=ascii_only)


def _date(rule: rules.Rule, value: Any, dialect: str, put: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    edtf = dates.format_edtf(value)
    if rule.variable != "issued":
        return edtf or latex.to_latex(str(value.get("literal", "")))
    if edtf is None:
        put("year", latex.to_latex(str(value.get("literal", ""))))
        return None
    parts = value.get("date-parts") or [[]]
    start = parts[0]
    simple = len(parts) == 1 and len(start) <= 2 and not value.get("circa") and not value.get("season")
    if dialect == rules.BIBLATEX or not simple:
        put("date", edtf)
    if dialect == rules.BIBTEX:  # year and month for BibTeX styles; `date` above when they say less
        put("year", str(start[0]) if len(parts) == 1 else f"{start[0]}--{parts[1][0]}")
        if len(start) > 1 and 1 <= int(start[1]) <= 12 and len(parts) == 1:
            put("month", _MONTHS[int(start[1]) - 1], bare=True)
    return None


def _bibtex_thesis(entry_type: str, csl: dict[str, Any], fields: list[tuple[str, str, bool]]) -> str:
    """BibTeX has @mastersthesis and @phdthesis; the genre is written as `type` as well."""
    if entry_type == "phdthesis" and csl.get("genre") == "Master’s thesis":
        return "mastersthesis"
    return entry_type
