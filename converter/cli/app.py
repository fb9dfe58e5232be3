"""The typer application, its global options, and what every command shares: inputs, outputs,
the report at the end of a run and the exit status."""
from __future__ import annotations

import functools
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress

from converter import formats
from converter.config import Config, load_config, redact
from converter.model import Document, Origin
from converter.pipeline import MAX_INPUT_BYTES, merge, read_text
from converter.report import ExitCode, Report, Severity
from converter.textio import decode

T = TypeVar("T")
# Exceptions from these packages mean the Zotero server or the network failed: exit 3, not 2.
NETWORK_MODULES = ("httpx", "httpcore", "pyzotero", "converter.zotero", "requests", "urllib3", "socket")
# A progress bar appears only for work that has already taken this long, and only on a terminal.
PROGRESS_AFTER_SECONDS = 1.0
READ_CHUNK = 1 << 20


class GuardedTyper(typer.Typer):
    """Every command registered on this app runs inside `guarded`: an internal error prints one
    line (a redacted traceback with --debug) and exits with a code from the table."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        register = super().command(*args, **kwargs)

        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            register(guarded(func))
            return func

        return decorator


app = GuardedTyper(
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
    # Inputs that could not be read at all: the run goes on with the others and exits 2.
    unreadable: list[str] = field(default_factory=list)
    config: Config | None = None
    # The command's report, once it has read config or input: `fail` shows what it collected.
    report: Report | None = None


settings = Settings()


def say(message: str) -> None:
    """One line to stderr, with every known secret redacted."""
    stderr.print(redact(message), markup=False, highlight=False, soft_wrap=True)


def config(report: Report) -> Config:
    """The user's config file, read once per run; its problems go to the run's report."""
    settings.report = report
    if settings.config is None:
        settings.config = load_config(report)
    return settings.config


def guarded(func: Callable[..., T]) -> Callable[..., T]:
    """Run a command body; an exception that is not an exit becomes one line and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise
        except MemoryError:
            say("bibconv: out of memory; the input is too large for this machine, split it into smaller files")
            raise typer.Exit(int(ExitCode.BAD_INPUT)) from None
        except Exception as error:
            if settings.debug:
                say(traceback.format_exc().rstrip())
            network = any(type(e).__module__.startswith(NETWORK_MODULES) for e in _chain(error))
            what = "network or Zotero error" if network else "internal error"
            hint = "" if settings.debug else " (run with --debug for the traceback)"
            say(f"bibconv: {what}: {type(error).__name__}: {_one_line(str(error))}{hint}")
            raise typer.Exit(int(ExitCode.ZOTERO if network else ExitCode.BAD_INPUT)) from None

    return wrapper


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


def progress(items: Sequence[T], *, description: str = "working",
             weight: Callable[[T], float] | None = None) -> Iterator[T]:
    """Yield the items; once the loop has run PROGRESS_AFTER_SECONDS, a rich progress bar shows
    how far along it is, on stderr, only when stderr is a terminal and --quiet is off. `weight`
    gives each item's share of the work (a file's bytes, say); by default each item counts 1."""
    total = sum(weight(item) for item in items) if weight else float(len(items))
    show = stderr.is_terminal and not settings.quiet
    start = time.monotonic()
    bar: Progress | None = None
    task = None
    done = 0.0
    try:
        for item in items:
            yield item
            done += weight(item) if weight else 1
            if bar is None and show and time.monotonic() - start > PROGRESS_AFTER_SECONDS:
                bar = Progress(console=stderr, transient=True)
                bar.start()
                task = bar.add_task(description, total=total)
            if bar is not None and task is not None:
                bar.update(task, completed=done)
    finally:
        if bar is not None:
            bar.stop()


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
    settings.unreadable, settings.config, settings.report = [], None, None


def fail(message: str, code: ExitCode = ExitCode.BAD_INPUT) -> typer.Exit:
    """Stop the run: the diagnostics collected so far, then the reason, as the last line."""
    if settings.report is not None:
        _show(settings.report)
    say(f"bibconv: {message}")
    return typer.Exit(int(code))


def load(paths: list[str], from_format: str | None, report: Report) -> Document:
    """Read every input (a path, or - for stdin) and merge them into one Document."""
    settings.report = report
    document = Document()
    for path in progress(paths, description="reading", weight=_size):
        origin = Origin(path)
        try:
            data = _read_bytes(path)
        except _TooLargeError:
            report.add("input-too-large", f"input is larger than {MAX_INPUT_BYTES // 2**20} MiB and was "
                       "not read; split it into smaller files", origin)
            settings.unreadable.append(path)
            continue
        except OSError as error:
            report.add("unreadable-input", f"cannot read: {error.strerror or error}", origin)
            settings.unreadable.append(path)
            continue
        fmt = _input_format(path, from_format, data)
        text: str | bytes = data if formats.get(fmt).binary else decode(data, origin, report)
        merge(document, read_text(text, fmt, origin=origin, report=report), report)
    if paths and len(settings.unreadable) == len(paths):
        finish(report)  # nothing could be read: say why and exit 2 before writing anything
    return document


class _TooLargeError(Exception):
    pass


def _size(path: str) -> float:
    try:
        return float(os.stat(path).st_size) if path != "-" else 1.0
    except OSError:
        return 1.0


def _read_bytes(path: str) -> bytes:
    """The input's bytes; one larger than MAX_INPUT_BYTES is refused before it is read (a file,
    by its size) or as soon as the limit is passed (a stream), so it is never held in memory."""
    if path == "-":
        return _read_limited(sys.stdin.buffer)
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > MAX_INPUT_BYTES:
            raise _TooLargeError
        return _read_limited(handle)


def _read_limited(stream: Any) -> bytes:
    chunks = []
    size = 0
    while chunk := stream.read(READ_CHUNK):
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise _TooLargeError
        chunks.append(chunk)
    return b"".join(chunks)


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


def output_format(name: str) -> str:
    """The canonical name of a writable format, or a usage error (exit 2) naming the choices."""
    try:
        target = formats.canonical(name)
        formats.writer(target)
    except formats.UnknownFormatError:
        raise fail(f"cannot write format {name!r}; expected one of "
                   f"{', '.join(formats.names(writable=True))}") from None
    return target


def emit(text: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def finish(report: Report, extra_failure: ExitCode | None = None) -> None:
    """Print the collected diagnostics with counts, write --report, exit with the table's code."""
    _show(report)
    code = extra_failure or (ExitCode.BAD_INPUT if settings.unreadable else report.exit_code(settings.strict))
    raise typer.Exit(int(code))


def _show(report: Report) -> None:
    """Write --report, then print the diagnostics --quiet/--verbose select, with counts."""
    if settings.report_path:
        settings.report_path.write_text(redact(report.to_json()) + "\n", encoding="utf-8")
    shown = [d for d in report.diagnostics
             if d.severity >= (Severity.INFO if settings.verbose else Severity.WARNING)]
    if settings.quiet:
        shown = [d for d in shown if d.severity == Severity.ERROR]
    for diagnostic in shown:
        say(str(diagnostic))
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    if (errors or warnings) and not settings.quiet:
        say(f"bibconv: {errors} error(s), {warnings} warning(s)")
