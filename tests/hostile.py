"""Running bibconv on hostile input the way a user would: a separate process, under a stated
memory limit and a time limit, so a bomb that got through would fail the test, not the machine."""
from __future__ import annotations

import importlib
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from converter import formats

# The memory a bibconv run may use on any hostile input: address space, set with RLIMIT_AS.
# A 100 MB line needs about 1.7 GiB in the notes reader (the text, its decoded copy, the note).
MEMORY_LIMIT = 2 * 2**30
TIME_LIMIT = 120  # seconds for one run; generous for a 2-core machine shared with others


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def bibconv(*args: str, cwd: Path, stdin: int | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a child process under MEMORY_LIMIT and TIME_LIMIT."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-c", "from converter.cli import main; main()", *args],
                          cwd=cwd, stdin=stdin, capture_output=True, text=True, timeout=TIME_LIMIT,
                          preexec_fn=_limit_memory, env=environment)


def reader_or_skip(fmt: str) -> object:
    module = formats.get(fmt).reader
    try:
        return importlib.import_module(f"converter.readers.{module}")
    except ModuleNotFoundError as error:
        if error.name != f"converter.readers.{module}":
            raise
        pytest.skip(f"the {fmt} reader (converter/readers/{module}.py) does not exist yet")


def report_codes(path: Path) -> list[str]:
    return [d["code"] for d in json.loads(path.read_text("utf-8"))]


def assert_no_crash(run: subprocess.CompletedProcess[str]) -> None:
    """A hostile input may be refused (exit 1 or 2), never crash or be killed."""
    assert run.returncode in (0, 1, 2), f"exit {run.returncode}: {run.stderr[-2000:]}"
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr[-2000:]
    assert "MemoryError" not in run.stderr and "out of memory" not in run.stderr, run.stderr[-2000:]
