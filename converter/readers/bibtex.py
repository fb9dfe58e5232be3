"""BibTeX: bibtexparser v2's splitter, with the gaps it leaves closed, then the shared rule table.

bibtexparser's `Splitter` (with bibconv's fast path for plain entries, readers/bibsplit.py) gives
blocks with raw values; its middlewares are not used (they decode every value through pylatexenc
and cost ten times the parse). What this module adds:

- every block type is checked, and every line that starts an entry (`@type{`) is matched against
  the blocks returned: an entry the splitter skipped (`@my-type{`, `@article` + newline + `{`) is
  re-read from its own text, or kept as Unparsed, and reported either way;
- a DuplicateFieldKeyBlock keeps its entry (first value wins, reported), where bibtexparser's
  parse drops the whole entry; duplicate keys are reported and renamed (keys.assign_keys);
- `@commentary{...}` (any type that merely starts with `comment`, `string` or `preamble`) is read
  as the entry it is, not as a comment;
- values are evaluated here: `#` concatenation, `@string` macros (case-insensitive, in file
  order; an undefined one keeps its name and warns), BibTeX's month macros.

The entries then go to readers/bibentry.py (crossref/xdata, the field rules). BibLaTeX uses the
same reader with its own dialect (readers/biblatex.py).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from bibtexparser import model as bp

from converter.collector import paused_gc
from converter.model import Document, Origin, Unparsed
from converter.readers.bibsplit import Splitter
from converter.report import Report

# bibtexparser logs each failed block; the Report carries them (with file:line) instead.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

NAME = "bibtex"
EXTENSIONS = (".bib", ".bibtex")
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*([\w-]+)[ \t]*\n?[ \t]*[{(]", re.MULTILINE)
_BIBLATEX_MARKERS = re.compile(
    r"^\s*(date|journaltitle|location|urldate|langid|eventdate|origdate|pubstate|maintitle|subtitle|"
    r"editortype|related|xdata)\s*=|^\s*@(online|mvbook|bookinbook|collection|mvcollection|reference|"
    r"inreference|report|thesis|dataset|software|xdata|set)\s*[{(]", re.IGNORECASE | re.MULTILINE)
_KEYWORD_BLOCKS = ("comment", "string", "preamble")
MONTH_MACROS = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
                "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
                "nov": "November", "dec": "December"}


def looks_like_bib(head: str) -> bool:
    return _ENTRY_START.search(head) is not None


def sniff(head: str) -> bool:
    return looks_like_bib(head) and _BIBLATEX_MARKERS.search(head) is None


def sniff_biblatex(head: str) -> bool:
    return looks_like_bib(head) and _BIBLATEX_MARKERS.search(head) is not None


@dataclass
class RawEntry:
    """One entry as written: type, key, fields in order (values already evaluated), position."""

    entry_type: str
    key: str
    fields: dict[str, str]
    origin: Origin
    raw: str


@dataclass
class _Context:
    origin: Origin
    report: Report
    fmt: str
    strings: dict[str, str] = field(default_factory=dict)
    entries: list[RawEntry] = field(default_factory=list)
    unparsed: list[Unparsed] = field(default_factory=list)

    def at(self, line: int | None) -> Origin:
        return self.origin.at(None if line is None else line + 1)


def read(text: str, *, origin: Origin, report: Report) -> Document:
    from converter.readers.bibentry import to_document

    with paused_gc():
        return to_document(split(text, origin=origin, report=report, fmt=NAME), NAME, origin, report)


def split(text: str, *, origin: Origin, report: Report, fmt: str) -> _Context:
    """Blocks of a .bib text, as RawEntries (and Unparsed records) in file order."""
    context = _Context(origin, report, fmt)
    library = Splitter(text).split()
    seen_lines: set[int] = set()
    seen_positions: set[int] = set()
    cursor, line = 0, 0
    for block in library.blocks:
        # bibtexparser counts no line after a backslash-newline, so its start_line drifts: locate
        # each block's raw text instead (blocks come in file order, so the search only moves on).
        raw = block.raw or ""
        found = text.find(raw, cursor) if raw else -1
        offset = 0
        if found >= 0 and block.start_line is not None:
            line += text.count("\n", cursor, found)
            cursor = found
            offset = line - block.start_line
            if not isinstance(block, bp.ImplicitComment):
                seen_positions.add(found)
        if block.start_line is not None and not isinstance(block, bp.ImplicitComment):
            seen_lines.add(block.start_line + offset)
        _block(block, context, line_offset=offset)
    _recover_missed(text, seen_positions, seen_lines, context)
    return context


def _block(block: bp.Block, context: _Context, line_offset: int) -> None:
    line = None if block.start_line is None else block.start_line + line_offset
    if type(block) is bp.Entry:  # the common case first
        _entry(block, context, line)
    elif isinstance(block, bp.DuplicateFieldKeyBlock):
        entry = block.ignore_error_block
        assert isinstance(entry, bp.Entry)
        _entry(entry, context, line)
    elif isinstance(block, bp.DuplicateBlockKeyBlock):
        duplicate = block.ignore_error_block
        if isinstance(duplicate, bp.String):
            context.report.add("duplicate-key", f"@string {{{duplicate.key}}} is defined again; the later "
                               "definition is used from here on", context.at(line))
        if duplicate is not None:
            _block(duplicate, context, line_offset)
    elif isinstance(block, bp.ParsingFailedBlock):
        reason = getattr(block.error, "abort_reason", None) or str(block.error)
        where = context.at(line)
        first = (block.raw or "").strip().splitlines()[0][:60] if (block.raw or "").strip() else ""
        context.report.add("parse-error", f"{first!r}: {reason.strip()}", where)
        context.unparsed.append(Unparsed(block.raw or "", where, context.fmt, reason.strip()))
    elif isinstance(block, bp.Entry):
        _entry(block, context, line)
    elif isinstance(block, bp.String):
        context.strings[block.key.strip().lower()] = evaluate(block.value, context, context.at(line), None)
    elif isinstance(block, bp.Preamble):
        # Not an entry: keeping it as Unparsed would fail every conversion to another format.
        context.report.add("lossy-field", "@preamble (LaTeX for the document, not an entry) has no CSL "
                           "counterpart and is not carried over", context.at(line))
    elif isinstance(block, bp.ExplicitComment):
        word = re.match(r"\s*@\s*(\w+)", block.raw or "")
        if word and word.group(1).lower() != "comment":
            _reparse(block.raw or "", line or 0, context)  # @commentary{...} is an entry
    # ImplicitComment: text between entries; entries hidden in it are found by _recover_missed


def _entry(entry: bp.Entry, context: _Context, line: int | None) -> None:
    where = context.at(line)
    fields: dict[str, str] = {}
    key = entry.key.strip()
    for item in entry.fields:
        name = item.key.strip().lower()
        if name in fields:
            field_line = None if item.start_line is None else item.start_line - (entry.start_line or 0)
            context.report.add("duplicate-field", f"field {name!r} given twice; the first value is kept",
                               where if field_line is None else context.at((line or 0) + field_line), key)
        elif name:
            fields[name] = evaluate(item.value, context, where, key)
    context.entries.append(RawEntry(entry.entry_type.strip().lower(), key, fields, where, entry.raw or ""))


def _reparse(raw: str, line: int, context: _Context) -> None:
    """Read one entry's text again with a header bibtexparser understands; keep the real type."""
    match = re.match(r"\s*@\s*([\w-]+)\s*([{(])", raw)
    if not match:
        return
    entry_type = match.group(1)
    library = Splitter("@bibconvreparsed" + match.group(2) + raw[match.end():]).split()
    found = False
    for block in library.blocks:
        if isinstance(block, bp.Entry | bp.DuplicateFieldKeyBlock):
            entry = block if isinstance(block, bp.Entry) else block.ignore_error_block
            assert isinstance(entry, bp.Entry)
            entry.entry_type = entry_type
            _block(block, context, line)
            found = True
        elif isinstance(block, bp.ParsingFailedBlock):
            _block(block, context, line)
            found = True
    if not found:
        context.unparsed.append(Unparsed(raw, context.at(line), context.fmt, "no entry could be read"))


def _recover_missed(text: str, seen_positions: set[int], seen_lines: set[int], context: _Context) -> None:
    """Entries bibtexparser returned no block for: find them by their `@type{` lines."""
    starts = list(_ENTRY_START.finditer(text))
    for index, match in enumerate(starts):
        at = text.index("@", match.start())
        if at in seen_positions or match.group(1).lower() in _KEYWORD_BLOCKS:
            continue
        line = text.count("\n", 0, at)
        if line in seen_lines:
            continue
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        raw = text[at:end].strip()
        context.report.add("recovered-entry", f"the BibTeX parser skipped the entry starting "
                           f"{raw.splitlines()[0][:60]!r}; it was read again on its own", context.at(line))
        _reparse(raw, line, context)


# --- values ----------------------------------------------------------------------------------------

def evaluate(value: str, context: _Context, where: Origin, key: str | None) -> str:
    """A field value as written (`{...}`, `"..."`, a number, a macro, or pieces joined by `#`)."""
    value = value.strip()
    if not value:
        return ""
    first = value[0]
    if "#" not in value and ((first == "{" and value[-1] == "}") or (first == '"' and value[-1] == '"')):
        inner = value[1:-1]
        if "\n" in inner or "  " in inner or "\t" in inner or inner[:1].isspace() or inner[-1:].isspace():
            return " ".join(inner.split())
        return inner
    pieces = _pieces(value) if "#" in value else [value]  # a macro or number alone: one piece
    out = []
    for piece in pieces:
        if piece[:1] in ('{', '"'):
            out.append(piece[1:-1])
        elif piece.isdigit():
            out.append(piece)
        else:
            name = piece.lower()
            if name in context.strings:
                if context.strings[name] is _REFUSED:  # reported where it was refused, and at each entry
                    return _REFUSED if key is None else _refuse(
                        f"it uses @string {piece!r}, which was refused", value, context, where, key)
                out.append(context.strings[name])
            elif name in MONTH_MACROS:
                out.append(MONTH_MACROS[name])
            else:
                context.report.add("undefined-string", f"@string {piece!r} is not defined; its name is kept",
                                   where, key)
                out.append(piece)
    if sum(len(part) for part in out) > MAX_EXPANDED_CHARS:
        return _refuse(f"@string macros expand it past {MAX_EXPANDED_CHARS // 2**20} MiB", value, context, where, key)
    return " ".join("".join(out).split())


# A value @string macros expand past this is refused: macros each doubling the last (an expansion
# bomb) would otherwise need 2**n characters. A macro refused once refuses every value using it.
MAX_EXPANDED_CHARS = 2**20
_REFUSED = "".join(["<refused ", "@string>"])  # compared by identity: no input value is this object


def _refuse(why: str, value: str, context: _Context, where: Origin, key: str | None) -> str:
    context.report.add("input-too-large", f"value refused: {why}; kept as written", where, key)
    return _REFUSED if key is None else value  # key None: an @string definition


def _pieces(value: str) -> list[str]:
    """The operands of a `#` concatenation, split outside braces and quotes."""
    pieces, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(value):
        if char == "\\":
            continue
        if char == "{" and (index == 0 or value[index - 1] != "\\"):
            depth += 1
        elif char == "}" and (index == 0 or value[index - 1] != "\\"):
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            pieces.append(value[start:index].strip())
            start = index + 1
    pieces.append(value[start:].strip())
    return [piece for piece in pieces if piece]
