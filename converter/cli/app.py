"""The typer application, its global options, and what every command shares: inputs, outputs,
the report at the end of a run and the exit status."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from converter import formats
from converter.model import Document, Origin
from converter.pipeline import MAX_INPUT_BYTES, read_text
from converter.report import ExitCode, Report, Severity
from converter.textio import decode

app = typer.Typer(
    name="bibconv",
    help="Convert footnotes and bibliographies between formats, render them, sync them to Zotero."
         "\n\nExample: bibconv convert notes.txt -t csljson -o notes.json",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)


@dataclass
class Settings:
    quiet: bool = False
    verbose: bool = False
    debug: bool = False
    strict: bool = False
    report_path: Path | None = None


settings = Settings()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bibconv {version('bibconv')}")
        raise typer.Exit()


@app.callback()
def main_options(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print every diagnostic.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as failures.")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="Write all diagnostics as JSON.")] = None,
    _version_flag: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False,
) -> None:
    settings.quiet, settings.verbose, settings.debug = quiet, verbose, debug
    settings.strict, settings.report_path = strict, report


def fail(message: str, code: ExitCode = ExitCode.BAD_INPUT) -> typer.Exit:
    stderr.print(f"bibconv: {message}", markup=False, highlight=False)
    return typer.Exit(int(code))


def load(paths: list[str], from_format: str | None, report: Report) -> Document:
    """Read every input (a path, or - for stdin) and merge them into one Document."""
    document = Document()
    for path in paths:
        origin = Origin(path)
        try:
            data = _read_bytes(path)
        except OSError as error:
            raise fail(f"{path}: cannot read: {error.strerror or error}") from None
        fmt = _input_format(path, from_format, data)
        text: str | bytes = data if formats.get(fmt).binary else decode(data, origin, report)
        document.extend(read_text(text, fmt, origin=origin, report=report))
    return document


def _read_bytes(path: str) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        with open(path, "rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise fail(f"{path}: input is larger than {MAX_INPUT_BYTES // 2**20} MiB; "
                   "split it into smaller files")
    return data


def _input_format(path: str, given: str | None, data: bytes) -> str:
    try:
        if given:
            return formats.canonical(given)
    except formats.UnknownFormatError as error:
        raise fail(str(error)) from None
    head = data[:4096].decode("utf-8", errors="ignore")
    fmt = formats.detect(None if path == "-" else path, head)
    if fmt is None:
        raise fail(f"{path}: cannot tell the input format; give it with -f "
                   f"({', '.join(formats.names(readable=True))})")
    return fmt


def emit(text: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def finish(report: Report, extra_failure: ExitCode | None = None) -> None:
    """Print the collected diagnostics with counts, write --report, exit with the table's code."""
    if settings.report_path:
        settings.report_path.write_text(report.to_json() + "\n", encoding="utf-8")
    shown = [d for d in report.diagnostics
             if d.severity >= (Severity.INFO if settings.verbose else Severity.WARNING)]
    if settings.quiet:
        shown = [d for d in shown if d.severity == Severity.ERROR]
    for diagnostic in shown:
        stderr.print(str(diagnostic), markup=False, highlight=False)
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    if (errors or warnings) and not settings.quiet:
        stderr.print(f"bibconv: {errors} error(s), {warnings} warning(s)", markup=False,
                     highlight=False)
    code = extra_failure or report.exit_code(settings.strict)
    raise typer.Exit(int(code))
