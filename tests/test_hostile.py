"""Hostile input: each is refused or processed within tests/hostile.py's MEMORY_LIMIT, with a
clear message, and never costs the well-formed entries beside it."""
from __future__ import annotations

import importlib
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from converter.model import Origin
from converter.readers import csljson, notesjson
from converter.report import Report
from tests.hostile import assert_no_crash, bibconv, reader_or_skip, report_codes

ROOT = Path(__file__).resolve().parent.parent
app_module = importlib.import_module("converter.cli.app")
GOOD_BIBTEX = "@book{good2000,\n  author = {Good, Gabriele},\n  title = {A Good Book},\n  year = {2000}\n}\n"


# --- nesting ------------------------------------------------------------------------------------

@pytest.mark.parametrize("reader", [csljson, notesjson], ids=["csljson", "notes-json"])
def test_json_nested_too_deep_is_refused(reader: object) -> None:
    for text in ("[" * 100_000 + "]" * 100_000,
                 '[{"id": "a", "type": "book", "title": ' + "[" * 50_000 + "]" * 50_000 + "}]",
                 '{"notes": ' + "[" * 50_000 + "]" * 50_000 + "}"):
        report = Report()
        reader.read(text, origin=Origin("deep.json"), report=report)  # type: ignore[attr-defined]
        assert "input-too-large" in report.codes()
        assert "nested too deeply" in str(report.diagnostics[-1])


def test_json_nesting_keeps_the_elements_before_it() -> None:
    text = '[{"id": "a", "type": "book"},\n' + "[" * 100_000 + "]" * 100_000 + "]"
    report = Report()
    document = csljson.read(text, origin=Origin("deep.json"), report=report)
    assert [item.id for item in document.items] == ["a"]
    [refusal] = [d for d in report.diagnostics if d.code == "input-too-large"]
    assert refusal.origin is not None and refusal.origin.line == 2


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_deeply_nested_braces(fmt: str, tmp_path: Path) -> None:
    reader_or_skip(fmt)
    depth = 200_000
    (tmp_path / "deep.bib").write_text(
        f"@article{{deep1,\n  title = {{{'{' * depth}x{'}' * depth}}},\n  year = 1999\n}}\n\n{GOOD_BIBTEX}", "utf-8")
    run = bibconv("--report", "r.json", "convert", "deep.bib", "-f", fmt, "-t", "csljson", "-o", "out.json",
                  cwd=tmp_path)
    assert_no_crash(run)
    ids = [item["id"] for item in json.loads((tmp_path / "out.json").read_text("utf-8"))]
    assert "good2000" in ids
    assert "deep1" in ids or "deep1" in (tmp_path / "r.json").read_text("utf-8")


# --- expansion -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_string_expansion_bomb(fmt: str, tmp_path: Path) -> None:
    reader_or_skip(fmt)
    macros = ['@string{m0 = "boom "}'] + [f"@string{{m{i} = m{i - 1} # m{i - 1}}}" for i in range(1, 64)]
    # m63 would be 5 * 2**63 characters; m20 alone (5 MiB) is fine and must still work
    text = "\n".join(macros) + f"\n\n@book{{bomb1,\n  title = m63,\n  year = 1999\n}}\n\n{GOOD_BIBTEX}"
    (tmp_path / "bomb.bib").write_text(text, "utf-8")
    run = bibconv("--report", "r.json", "convert", "bomb.bib", "-f", fmt, "-t", "csljson", "-o", "out.json",
                  cwd=tmp_path)
    assert_no_crash(run)
    assert run.returncode == 1, "the bomb must be refused, as a failed entry"
    assert "input-too-large" in report_codes(tmp_path / "r.json")
    assert "bomb1" in run.stderr
    ids = [item["id"] for item in json.loads((tmp_path / "out.json").read_text("utf-8"))]
    assert "good2000" in ids


# --- size ----------------------------------------------------------------------------------------

def test_one_gigabyte_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(2**30)  # sparse: a 1 GiB file that takes no disk and must take no memory
    run = bibconv("convert", "big.json", "-f", "csljson", "-t", "csljson", "-o", "out.json", cwd=tmp_path)
    assert_no_crash(run)
    assert run.returncode == 2
    assert run.stderr.startswith("big.json: error: input is larger than 512 MiB and was not read")
    assert not (tmp_path / "out.json").exists()


class EndlessZeros(io.RawIOBase):
    """1 GiB of zeros as a stream, counting what is read of it; nothing is allocated up front."""

    def __init__(self, size: int = 2**30) -> None:
        self.left, self.read_bytes = size, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = min(self.left, 1 << 20 if size is None or size < 0 else size)
        self.left -= size
        self.read_bytes += size
        return b"0" * size


def test_one_gigabyte_stream_is_refused_once_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    limit = 8 * 2**20
    monkeypatch.setattr(app_module, "MAX_INPUT_BYTES", limit)
    stream = EndlessZeros()
    monkeypatch.setattr(app_module.sys, "stdin", type("Stdin", (), {"buffer": stream})())
    with pytest.raises(app_module._TooLargeError):
        app_module._read_bytes("-")
    assert limit < stream.read_bytes <= limit + app_module.READ_CHUNK


def test_one_gigabyte_pipe_is_refused(tmp_path: Path) -> None:
    producer = subprocess.Popen(["head", "-c", str(2**30), "/dev/zero"], stdout=subprocess.PIPE)
    try:
        run = bibconv("convert", "-", "-f", "csljson", "-t", "csljson", cwd=tmp_path, stdin=producer.stdout.fileno())
    finally:
        producer.kill()
        producer.wait()
    assert_no_crash(run)
    assert run.returncode == 2 and "-: error: input is larger than 512 MiB" in run.stderr


HUNDRED_MB = 100 * 2**20
LONG_LINES = {
    "csljson": lambda n: '[{"id": "long1", "type": "book", "title": "' + "x" * n + '"}]',
    "bibtex": lambda n: "@book{long1, title = {" + "x " * (n // 2) + "}, year = 1999}\n\n" + GOOD_BIBTEX,
    "ris": lambda n: "TY  - BOOK\nTI  - " + "x " * (n // 2) + "\nPY  - 1999\nER  - \n",
    "notes": lambda n: "1. " + "Smith, A Title (Rome: X, 1999), " * (n // 32) + "\n\n2. Ibid., 4.\n",
    "notes-md": lambda n: "Text.[^1][^2]\n\n[^1]: " + "Smith, A Title (Rome: X, 1999), " * (n // 32) + "\n\n"
                          "[^2]: Ibid., 4.\n",
}


# 100 MB for the formats whose readers see such lines in life (minified JSON, a pasted text with
# no line breaks); 10 MB for the others, whose 100 MB runs take minutes on a shared machine and are
# measured by bench/hostile.py instead.
LONG_LINE_SIZES = {"csljson": HUNDRED_MB, "notes": HUNDRED_MB, "bibtex": HUNDRED_MB // 10,
                   "ris": HUNDRED_MB // 10, "notes-md": HUNDRED_MB // 10}
NOTES_FORMATS = ("notes", "notes-md")


@pytest.mark.parametrize("fmt", sorted(LONG_LINES))
def test_long_line(fmt: str, tmp_path: Path) -> None:
    reader_or_skip(fmt)
    (tmp_path / "long.in").write_text(LONG_LINES[fmt](LONG_LINE_SIZES[fmt]), "utf-8")
    target = "notes-json" if fmt in NOTES_FORMATS else "csljson"
    run = bibconv("--report", "r.json", "convert", "long.in", "-f", fmt, "-t", target, "-o", "out.json", cwd=tmp_path)
    assert_no_crash(run)
    codes = report_codes(tmp_path / "r.json") if (tmp_path / "r.json").exists() else []
    if run.returncode != 0:
        assert "input-too-large" in codes, run.stderr[-1000:]
    with open(tmp_path / "out.json", "rb") as handle:
        handle.seek(max(0, handle.seek(0, 2) - 65536))
        tail = handle.read().decode("utf-8", errors="replace")
    if fmt in NOTES_FORMATS:
        assert '"Ibid., 4."' in tail  # the note after the long one is still read
    elif fmt == "bibtex":
        assert '"good2000"' in tail


# --- .docx ---------------------------------------------------------------------------------------

def docx(body_xml: bytes | None = None, *, padding: int = 0, doctype: bytes = b"") -> bytes:
    """A minimal .docx; `padding` spaces inside the body compress to almost nothing (a zip bomb)."""
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                         'openxmlformats.org/package/2006/content-types"/>')
        with archive.open("word/document.xml", "w") as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8"?>' + doctype + b"<w:document " + ns + b"><w:body>")
            chunk = b" " * (1 << 20)
            for _ in range(padding // len(chunk)):
                part.write(chunk)
            part.write(body_xml or b"<w:p><w:r><w:t>Hello.</w:t></w:r></w:p>")
            part.write(b"</w:body></w:document>")
    return buffer.getvalue()


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    reader_or_skip("notes-docx")
    bomb = docx(padding=272 * 2**20)  # 272 MiB of XML (over the .docx and the part limits) in ~1 MiB
    assert len(bomb) < 2 * 2**20
    (tmp_path / "bomb.docx").write_bytes(bomb)
    run = bibconv("--report", "r.json", "convert", "bomb.docx", "-f", "notes-docx", "-t", "notes-json",
                  "-o", "out.json", cwd=tmp_path)
    assert_no_crash(run)
    assert run.returncode in (1, 2)
    assert "input-too-large" in report_codes(tmp_path / "r.json"), run.stderr


def test_docx_external_entity_reads_nothing(tmp_path: Path) -> None:
    reader_or_skip("notes-docx")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", "utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'.encode()
    (tmp_path / "xxe.docx").write_bytes(docx(b"<w:p><w:r><w:t>1. &x;</w:t></w:r></w:p>", doctype=doctype))
    run = bibconv("convert", "xxe.docx", "-f", "notes-docx", "-t", "notes-json", "-o", "out.json", cwd=tmp_path)
    assert_no_crash(run)
    written = (tmp_path / "out.json").read_text("utf-8") if (tmp_path / "out.json").exists() else ""
    assert "TOP-SECRET-MARKER" not in written + run.stderr + run.stdout


# --- CSL styles ----------------------------------------------------------------------------------

def evil_style(tmp_path: Path) -> tuple[Path, str]:
    secret = tmp_path / "secret.txt"
    marker = "TOP-SECRET-MARKER-CSL"
    secret.write_text(marker, "utf-8")
    apa = (ROOT / "styles" / "apa.csl").read_text("utf-8")
    head, _, rest = apa.partition("?>")
    style = (f'{head}?>\n<!DOCTYPE style [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
             + rest.replace("<title>", "<title>&leak;", 1))
    path = tmp_path / "evil.csl"
    path.write_text(style, "utf-8")
    return path, marker


def test_style_with_external_entity_cannot_read_local_files(tmp_path: Path) -> None:
    from converter.render import styles
    path, marker = evil_style(tmp_path)
    with pytest.raises(styles.StyleNotFoundError) as refused:
        styles.load(str(path), "en-US")
    assert marker not in str(refused.value)
    # and through the command a user runs
    gold = ROOT / "fixtures" / "seed" / "dundovich-2020.gold.json"
    run = bibconv("review", str(gold), "--style", str(path), "-o", "page.html", cwd=tmp_path)
    assert_no_crash(run)
    page = (tmp_path / "page.html").read_text("utf-8")
    assert marker not in page + run.stderr + run.stdout
    assert "entit" in run.stderr  # the refusal says why


@pytest.mark.parametrize("name", ["../secret", "..", "../../secret", "sub/../../secret", "/tmp/../secret",
                                  "secret\x00", "..%2fsecret", "~/secret", "apa/../../secret"])
def test_style_names_cannot_escape_the_styles_directory(name: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from converter.render import styles
    inside = tmp_path / "repo" / "styles"
    inside.mkdir(parents=True)
    (tmp_path / "repo" / "secret.csl").write_text("<style/>", "utf-8")  # what an escape would reach
    (inside / "aliases.tsv").write_text("", "utf-8")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # relative names do not resolve to a real file from here
    monkeypatch.setattr(styles, "STYLES_DIR", inside)
    with pytest.raises((styles.StyleNotFoundError, ValueError)):
        found = styles.find_style(name)
        assert inside.resolve() in found.resolve().parents, found


# --- regressions found by the tests above -----------------------------------------------------------

def test_latex_groups_nested_past_the_stack_are_read_as_text() -> None:
    from converter import latex
    assert latex.to_unicode("a " + "{" * 5000 + "x" + "}" * 5000 + " b") == "a x b"


def test_string_bomb_is_refused_in_process_and_names_the_entry() -> None:
    from converter.readers import bibtex
    macros = ['@string{m0 = "boom "}'] + [f"@string{{m{i} = m{i - 1} # m{i - 1}}}" for i in range(1, 64)]
    report = Report()
    document = bibtex.read("\n".join(macros) + "\n@book{bomb1, title = m63}\n" + GOOD_BIBTEX,
                           origin=Origin("bomb.bib"), report=report)
    assert [item.id for item in document.items] == ["bomb1", "good2000"]
    refusals = [d for d in report.diagnostics if d.code == "input-too-large"]
    assert len(refusals) == 2 and refusals[-1].key == "bomb1"
    assert len(document.items[0].csl["title"]) < 100


def test_docx_with_a_damaged_member_is_reported_not_raised() -> None:
    notes_docx = reader_or_skip("notes-docx")
    data = docx()
    second = data.index(b"PK\x03\x04", 1)  # the local header of word/document.xml (found by fuzzing)
    damaged = data[:second] + b"XK" + data[second + 2:]
    report = Report()
    notes_docx.read(damaged, origin=Origin("damaged.docx"), report=report)  # type: ignore[attr-defined]
    assert "unreadable-input" in report.codes()
    assert any("cannot be unpacked" in d.message for d in report.diagnostics)
