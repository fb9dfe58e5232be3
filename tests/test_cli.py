from __future__ import annotations

import importlib
import io
import json
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import httpx
import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from converter.cli import app
from converter.cli.app import GuardedTyper, guarded, progress, settings
from converter.report import ExitCode

runner = CliRunner()
app_module = importlib.import_module("converter.cli.app")
KEY = "ZKEY" + "5c3cr3t" * 3  # assembled at run time: no literal key in the source


def commands(typer_app: typer.Typer, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [(*prefix, c.name or (c.callback.__name__ if c.callback else "")) for c in typer_app.registered_commands]
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            found += commands(group.typer_instance, (*prefix, group.name or ""))
    return found


def test_every_help_shows_an_example() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "Example: bibconv" in result.output
    names = commands(app)
    assert ("convert",) in names and ("review",) in names
    for name in names:
        result = runner.invoke(app, [*name, "--help"])
        assert result.exit_code == 0, name
        assert re.search(r"Example:[^\n]*\bbibconv " + re.escape(name[-1]), result.output), f"{name}: no example"


def test_version_and_completion() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"bibconv {version('bibconv')}"
    # the script typer generates for bash, through the real entry point
    shown = subprocess.run([sys.executable, "-c", "from converter.cli import main; main()",
                            "--show-completion", "bash"], capture_output=True, text=True, timeout=60,
                           env={"PATH": "/usr/bin:/bin", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert shown.returncode == 0, shown.stderr
    assert "complete" in shown.stdout and "_COMPLETE" in shown.stdout


def test_unreadable_inputs_are_collected_then_counted(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps([{"id": "a", "type": "book", "title": "A"}]), "utf-8")
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["convert", str(tmp_path / "missing.json"), str(good), str(tmp_path / "gone.json"),
                                 "-t", "csljson", "-o", str(out)])
    assert result.exit_code == ExitCode.BAD_INPUT
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"{tmp_path / 'missing.json'}: error: cannot read")
    assert lines[1].startswith(f"{tmp_path / 'gone.json'}: error: cannot read")
    assert lines[-1] == "bibconv: 2 error(s), 0 warning(s)"
    assert json.loads(out.read_text("utf-8"))[0]["id"] == "a"  # the readable input was still written


def test_bad_entry_exits_1_and_points_at_its_line(tmp_path: Path) -> None:
    source = tmp_path / "refs.json"
    source.write_text('[\n {"id": "ok", "type": "book"},\n {"id": "bad", "type": "no-such-type"}\n]\n', "utf-8")
    result = runner.invoke(app, ["convert", str(source), "-t", "csljson", "-o", str(tmp_path / "o.json")])
    assert result.exit_code == ExitCode.ENTRIES_FAILED, result.output
    assert re.search(rf"^{re.escape(str(source))}:3:\d+: error: ", result.output, re.M), result.output
    assert result.output.strip().splitlines()[-1].startswith("bibconv: ")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["convert", "x.bib", "-t", "nonsense"]).exit_code == ExitCode.BAD_INPUT
    assert runner.invoke(app, ["convert"]).exit_code == ExitCode.BAD_INPUT
    assert runner.invoke(app, ["no-such-command"]).exit_code == ExitCode.BAD_INPUT


def test_quiet_and_verbose(tmp_path: Path) -> None:
    source = tmp_path / "refs.json"
    source.write_text('[{"id": "bad", "type": "no-such-type"}]', "utf-8")
    normal = runner.invoke(app, ["convert", str(source), "-t", "csljson", "-o", str(tmp_path / "o.json")])
    quiet = runner.invoke(app, ["-q", "convert", str(source), "-t", "csljson", "-o", str(tmp_path / "o.json")])
    assert "error(s)" in normal.output and "error(s)" not in quiet.output
    assert "error:" in quiet.output  # errors are still shown when quiet
    config = tmp_path / "c.toml"
    config.write_text('colour = "blue"\n', "utf-8")
    verbose = runner.invoke(app, ["-v", "review", str(source), "-o", str(tmp_path / "r.html")],
                            env={"BIBCONV_CONFIG": str(config)})
    assert "unknown setting 'colour'" in verbose.output


def make_failing_app() -> GuardedTyper:
    failing = GuardedTyper(pretty_exceptions_enable=False)

    @failing.callback()
    def options(debug: bool = typer.Option(False, "--debug")) -> None:
        settings.debug = debug

    @failing.command(epilog="Example: bibconv boom")
    def boom() -> None:
        secret = KEY  # a local holding the key, as a failing push would have
        raise ValueError(f"bad header Authorization: Bearer {secret}")

    @failing.command(epilog="Example: bibconv offline")
    def offline() -> None:
        raise httpx.ConnectError("connection refused")

    return failing


@pytest.mark.parametrize("debug", [False, True])
def test_internal_error_is_one_line_and_redacted(debug: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOTERO_API_KEY", KEY)
    result = runner.invoke(make_failing_app(), [*(["--debug"] if debug else []), "boom"])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert KEY not in result.output and "[redacted]" in result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("bibconv: internal error: ValueError: bad header")
    assert ("Traceback" in result.output) == debug
    if not debug:
        assert len(result.output.strip().splitlines()) == 1 and "--debug" in last


def test_network_error_exits_3() -> None:
    result = runner.invoke(make_failing_app(), ["offline"])
    assert result.exit_code == ExitCode.ZOTERO
    assert result.output.strip() == ("bibconv: network or Zotero error: ConnectError: connection refused "
                                     "(run with --debug for the traceback)")


def test_guard_keeps_the_signature_typer_reads() -> None:
    def command(path: str, count: int = 3) -> None:
        """Doc."""

    wrapped = guarded(command)
    assert wrapped.__doc__ == "Doc." and wrapped.__wrapped__ is command  # type: ignore[attr-defined]


def test_progress_bar_only_on_a_terminal_and_only_when_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    for terminal, after, expect_bar in ((True, 0.0, True), (False, 0.0, False), (True, 3600.0, False)):
        buffer = io.StringIO()
        monkeypatch.setattr(app_module, "stderr", Console(file=buffer, force_terminal=terminal, width=80))
        monkeypatch.setattr(app_module, "PROGRESS_AFTER_SECONDS", after)
        assert list(progress(list(range(5)), description="reading notes")) == list(range(5))
        assert ("reading notes" in buffer.getvalue()) == expect_bar, (terminal, after)
    buffer = io.StringIO()
    monkeypatch.setattr(app_module, "stderr", Console(file=buffer, force_terminal=True, width=80))
    monkeypatch.setattr(app_module, "PROGRESS_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(settings, "quiet", True)
    list(progress([1, 2], description="reading notes"))
    assert buffer.getvalue() == ""
