"""Fuzz cases for every reader, shared by tests/test_fuzz.py (a short profile) and bench/fuzz.py
(100,000+ cases): hypothesis strategies that build structured input with a marker in each entry
or note, raw bytes, and byte-level mutations of real files; and the check that no exception
escapes a reader and that every marker is in the output or named in the report."""
from __future__ import annotations

import io
import json
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from converter.model import Document, Origin
from converter.pipeline import read_text
from converter.report import Report
from converter.textio import decode

ROOT = Path(__file__).resolve().parent.parent
# Markers are upper case; generated values are lower case, so no value can fake a marker.
MARKER = "QXZ{}"
VALUE_ALPHABET = "abcdefghijklmnoprstuvwy éüçñø0123456789 ,.;:!?-–—'\"()[]{}\\#@%$~&=_/*^+<>\t\n"


@dataclass
class Case:
    fmt: str
    data: bytes
    markers: list[str]  # each must be in the output or the report; empty for raw bytes


@dataclass
class Outcome:
    error: str | None  # the traceback of an exception that escaped the reader
    missing: list[str]  # markers neither in the output nor in the report


def run(case: Case) -> Outcome:
    """Read one case as `bibconv convert` would (decode, then the reader); check what came out."""
    report = Report()
    origin = Origin(f"fuzz.{case.fmt}")
    try:
        payload: str | bytes = case.data if case.fmt == "notes-docx" else decode(case.data, origin, report)
        document = read_text(payload, case.fmt, origin=origin, report=report)
    except Exception:  # the property under test: nothing may escape
        return Outcome(traceback.format_exc(), [])
    if not case.markers:
        return Outcome(None, [])
    seen = _everything(document, report)
    return Outcome(None, [marker for marker in case.markers if marker not in seen])


def _everything(document: Document, report: Report) -> str:
    parts = [json.dumps(item.csl, ensure_ascii=False, default=str) for item in document.items]
    parts += [f"{note.number}\n{note.text}" for note in document.notes]
    parts += [unparsed.raw for unparsed in document.unparsed]
    parts += [f"{d.key}\n{d.message}" for d in report.diagnostics]
    return "\n".join(parts)


values = st.text(alphabet=VALUE_ALPHABET, max_size=60)
plain = st.text(alphabet="abcdefghijklmnoprstuvwy éü,.-", min_size=1, max_size=40)
junk = st.text(alphabet=VALUE_ALPHABET + "\n\n", max_size=30)


# --- BibTeX / BibLaTeX -------------------------------------------------------------------------

BIB_TYPES = ("article", "book", "incollection", "inproceedings", "misc", "thesis", "online", "mvbook",
             "phdthesis", "report", "unknowntype", "ARTICLE", "string", "comment", "preamble")
BIB_FIELDS = ("author", "editor", "title", "journal", "journaltitle", "year", "date", "month", "pages",
              "publisher", "address", "location", "volume", "number", "note", "crossref", "doi", "url",
              "keywords", "langid", "booktitle", "series", "edition", "isbn", "urldate", "origdate", "xdata")


@st.composite
def bib_value(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    text = draw(values)
    if kind == 0:
        return "{" + text + "}"
    if kind == 1:
        return '"' + text.replace('"', "") + '"'
    if kind == 2:
        return str(draw(st.integers(-5, 3000)))
    if kind == 3:
        return draw(st.sampled_from(["jan", "feb", "dec", "undefinedmacro", "m0"]))
    if kind == 4:
        return "{" + text + "} # " + draw(st.sampled_from(["jan", "m0", '"x"', "{y}"]))
    return text  # whatever it is: unquoted, maybe unbalanced


@st.composite
def bibtex_case(draw: st.DrawFn, fmt: str = "bibtex") -> Case:
    count = draw(st.integers(1, 6))
    blocks, markers = [], []
    if draw(st.booleans()):
        blocks.append('@string{m0 = "macro value"}')
    for index in range(count):
        key = MARKER.format(index)
        markers.append(key)
        fields = draw(st.lists(st.tuples(st.sampled_from(BIB_FIELDS), bib_value()), max_size=6))
        body = ",\n".join(f"  {name} = {value}" for name, value in fields)
        entry_type = draw(st.sampled_from(BIB_TYPES[:11]))
        close = draw(st.sampled_from(["}", "}", "}", "", ")"]))
        opener = "(" if close == ")" else "{"
        blocks.append(f"@{entry_type}{opener}{key},\n{body}\n{close}")
        if draw(st.integers(0, 4)) == 0:
            blocks.append(draw(junk))
    return Case(fmt, "\n\n".join(blocks).encode("utf-8"), markers)


# --- RIS -----------------------------------------------------------------------------------------

RIS_TAGS = ("TI", "T1", "AU", "A1", "PY", "Y1", "DA", "JO", "JF", "T2", "SP", "EP", "VL", "IS", "PB", "CY",
            "N1", "KW", "UR", "DO", "SN", "AB", "XX", "ID", "M3", "ET")
RIS_TYPES = ("BOOK", "JOUR", "CHAP", "THES", "RPRT", "GEN", "MANSCPT", "ELEC", "NOPE", "")


@st.composite
def ris_case(draw: st.DrawFn) -> Case:
    count = draw(st.integers(1, 5))
    records, markers = [], []
    for index in range(count):
        marker = MARKER.format(index)
        markers.append(marker)
        lines = [f"TY  - {draw(st.sampled_from(RIS_TYPES))}", f"TI  - {marker}"]
        for tag, value in draw(st.lists(st.tuples(st.sampled_from(RIS_TAGS), values), max_size=6)):
            separator = draw(st.sampled_from(["  - ", "  - ", " - ", "  -", "-"]))
            lines.append(f"{tag}{separator}{value.splitlines()[0] if value.splitlines() else ''}")
        if draw(st.integers(0, 5)):
            lines.append("ER  - ")
        records.append("\n".join(lines))
    return Case("ris", "\n\n".join(records).encode("utf-8"), markers)


# --- CSL-JSON ------------------------------------------------------------------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | values,
                           lambda children: st.lists(children, max_size=3) | st.dictionaries(values, children,
                                                                                             max_size=3),
                           max_leaves=8)
CSL_FIELDS = ("type", "title", "author", "issued", "container-title", "page", "volume", "note", "editor",
              "publisher", "archive", "archive_location", "DOI", "language", "bogus-field")


@st.composite
def csljson_case(draw: st.DrawFn) -> Case:
    count = draw(st.integers(1, 5))
    items, markers = [], []
    for index in range(count):
        marker = MARKER.format(index)
        markers.append(marker)
        item = {"id": marker, "type": draw(st.sampled_from(["book", "chapter", "article-journal", "nonsense"]))}
        for name in draw(st.lists(st.sampled_from(CSL_FIELDS), max_size=4, unique=True)):
            item[name] = draw(json_values)
        items.append(item)
    return Case("csljson", json.dumps(items, ensure_ascii=draw(st.booleans())).encode("utf-8"), markers)


# --- notes: plain text, Markdown, .docx --------------------------------------------------------------

NOTE_PIECES = ("Ibid.", "ibid., 4.", "Ivi, p. 12.", "op. cit.", "cit.", "See", "Cf.", "(Rome: Laterza, 1982)",
               "(London: Routledge, 2012), 5–57.", "AVPRF, F 4, op. 20, pap. 155, d. 46,", "Moskva,",
               "5 nojabrja 1924,", "DVP, T. 7, Dok. 12, 34.", "(hereafter AVPRF)", "Smith,", "John Smith,",
               "A Title.", "vol. 3,", "pp. 12–14;", "123.", "The", "Archivio Centrale dello Stato,",
               "b. 12, fasc. 3.", "“Quoted”", "ed.", "trans.", "1924", "–", ";", ":", ",")


@st.composite
def note_text(draw: st.DrawFn, index: int) -> str:
    words = draw(st.lists(st.one_of(st.sampled_from(NOTE_PIECES), plain), min_size=0, max_size=12))
    return " ".join([MARKER.format(index), *words]).replace("\n", " ")


@st.composite
def notes_txt_case(draw: st.DrawFn) -> Case:
    count = draw(st.integers(1, 6))
    texts = [draw(note_text(index)) for index in range(count)]
    style = draw(st.sampled_from(["{n}. {t}", "{n}) {t}", "[{n}] {t}", "  {n}. {n}.\n\n    {t}"]))
    body = "\n\n".join(style.format(n=index + 1, t=text) for index, text in enumerate(texts))
    header = draw(st.sampled_from(["", "Notes\n\n", "Skip to main content\n\nNotes\n\n"]))
    return Case("notes", (header + body + "\n").encode("utf-8"), [MARKER.format(i) for i in range(count)])


@st.composite
def notes_md_case(draw: st.DrawFn) -> Case:
    count = draw(st.integers(1, 6))
    texts = [draw(note_text(index)) for index in range(count)]
    labels = draw(st.lists(st.sampled_from(["1", "2", "3", "a", "note", "x-1", "12"]), min_size=count,
                           max_size=count, unique=True))
    emphasis = draw(st.sampled_from(["", "*", "_", "**"]))
    body = "Body text " + " ".join(f"[^{label}]" for label in labels) + ".\n\n"
    notes = "\n\n".join(f"[^{label}]: {emphasis}{text}{emphasis}" for label, text in zip(labels, texts, strict=True))
    return Case("notes-md", (body + notes + "\n").encode("utf-8"), [MARKER.format(i) for i in range(count)])


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def notes_docx_case(draw: st.DrawFn) -> Case:
    count = draw(st.integers(1, 5))
    texts = [draw(note_text(index)) for index in range(count)]
    footnotes = "".join(
        f'<w:footnote w:id="{i + 1}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r>{"<w:rPr><w:i/></w:rPr>" if draw(st.booleans()) else ""}<w:t xml:space="preserve">'
        f"{_xml_text(text)}</w:t></w:r></w:p></w:footnote>" for i, text in enumerate(texts))
    refs = "".join(f'<w:r><w:footnoteReference w:id="{i + 1}"/></w:r>' for i in range(count))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body><w:p>{refs}</w:p>'
                                              "</w:body></w:document>")
        archive.writestr("word/footnotes.xml", f'<w:footnotes xmlns:w="{W_NS}">'
                                               '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
                                               f"{footnotes}</w:footnotes>")
    return Case("notes-docx", buffer.getvalue(), [MARKER.format(i) for i in range(count)])


# --- raw bytes and mutations of real files ---------------------------------------------------------

SEEDS = {
    "bibtex": ROOT / "fixtures" / "corpora" / "xampl.bib",
    "biblatex": ROOT / "fixtures" / "corpora" / "biblatex-examples.bib",
    "ris": ROOT / "fixtures" / "ris" / "zotero-export.ris",
    "csljson": ROOT / "fixtures" / "ris" / "zotero-export.csl.json",
    "notes": ROOT / "fixtures" / "seed" / "dundovich-2020-notes.txt",
    "notes-md": ROOT / "fixtures" / "notes" / "footnotes.md",
    "notes-json": ROOT / "fixtures" / "seed" / "dundovich-2020.gold.json",
}
SEED_WINDOW = 3000  # bytes of a seed file a mutation starts from


def _seed(fmt: str) -> bytes:
    path = SEEDS.get(fmt)
    return path.read_bytes() if path is not None and path.exists() else b""


@st.composite
def mutated_case(draw: st.DrawFn, fmt: str) -> Case:
    """A window of a real file of the format with bytes flipped, inserted, deleted or repeated."""
    base = draw(notes_docx_case()).data if fmt == "notes-docx" else _seed(fmt)
    start = draw(st.integers(0, max(0, len(base) - SEED_WINDOW))) if fmt != "notes-docx" else 0
    data = bytearray(base[start:start + SEED_WINDOW] if fmt != "notes-docx" else base)
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.integers(0, 3))
        if action == 0:
            data[at] = draw(st.integers(0, 255))
        elif action == 1:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == 2:
            del data[at:at + draw(st.integers(1, 16))]
        else:
            data[at:at] = data[at:at + 8] * draw(st.integers(1, 50))
    return Case(fmt, bytes(data), [])


def raw_case(fmt: str) -> st.SearchStrategy[Case]:
    return st.binary(max_size=1500).map(lambda data: Case(fmt, data, []))


READERS = ("bibtex", "biblatex", "ris", "csljson", "notes", "notes-md", "notes-docx", "notes-json", "zotero-json")
STRUCTURED = {
    "bibtex": lambda: bibtex_case("bibtex"),
    "biblatex": lambda: bibtex_case("biblatex"),
    "ris": ris_case,
    "csljson": csljson_case,
    "notes": notes_txt_case,
    "notes-md": notes_md_case,
    "notes-docx": notes_docx_case,
}


def cases(fmt: str) -> st.SearchStrategy[Case]:
    """Every kind of case for one reader: structured (when there is a strategy), raw, mutated."""
    kinds = [raw_case(fmt), mutated_case(fmt)]
    if fmt in STRUCTURED:
        kinds.insert(0, STRUCTURED[fmt]())
    return st.one_of(*kinds)
