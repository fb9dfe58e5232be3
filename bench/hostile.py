"""Hostile inputs at full size, each through `bibconv convert` in its own process under the memory
limit tests/hostile.py states: prints the exit status, wall time and peak memory of each run, and
whether it was refused (input-too-large) or processed.

    .venv/bin/python bench/hostile.py [--only NAME,...]

The tests run the same inputs (the slow 100 MB lines for BibTeX, RIS and Markdown at 10 MB);
this script runs all of them at 100 MB, to state the figures.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import MEMORY_LIMIT, TIME_LIMIT  # noqa: E402
from tests.test_hostile import GOOD_BIBTEX, HUNDRED_MB, LONG_LINES, docx  # noqa: E402


def string_bomb() -> bytes:
    macros = ['@string{m0 = "boom "}'] + [f"@string{{m{i} = m{i - 1} # m{i - 1}}}" for i in range(1, 64)]
    return ("\n".join(macros) + "\n@book{bomb1, title = m63}\n" + GOOD_BIBTEX).encode()


def nested_braces() -> bytes:
    depth = 1_000_000
    return f"@article{{deep1, title = {{{'{' * depth}x{'}' * depth}}}}}\n{GOOD_BIBTEX}".encode()


def nested_json() -> bytes:
    return ("[" * 1_000_000 + "]" * 1_000_000).encode()


# name -> (input format, how to make the input); the 1 GiB file is sparse.
CASES: dict[str, tuple[str, Callable[[], bytes] | None]] = {
    "string-bomb (2**63 x 5 chars)": ("bibtex", string_bomb),
    "nested-braces (10**6 deep)": ("bibtex", nested_braces),
    "nested-json (10**6 deep)": ("csljson", nested_json),
    "docx-zip-bomb (1 GiB unpacked)": ("notes-docx", lambda: docx(padding=1024 * 2**20)),
    "sparse-1GiB-file": ("csljson", None),
    **{f"100MB-line-{fmt}": (fmt, lambda fmt=fmt: LONG_LINES[fmt](HUNDRED_MB).encode()) for fmt in sorted(LONG_LINES)},
}


TIME = "/usr/bin/time"


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def measure(name: str, fmt: str, make: Callable[[], bytes] | None, work: Path) -> str:
    source = work / "input"
    if make is None:
        with open(source, "wb") as handle:
            handle.truncate(2**30)
    else:
        source.write_bytes(make())
    size = source.stat().st_size
    report = work / "report.json"
    start = time.monotonic()
    # GNU time prints the run's own peak resident set (KiB) as the last line of stderr.
    run = subprocess.run([TIME, "-f", "%M", sys.executable, "-c", "from converter.cli import main; main()",
                          "--report", str(report), "convert", str(source), "-f", fmt, "-t", "csljson",
                          "-o", str(work / "out.json")],
                         capture_output=True, text=True, timeout=TIME_LIMIT * 5, preexec_fn=_limit)
    seconds = time.monotonic() - start
    lines = run.stderr.strip().splitlines()
    peak = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    codes = [d["code"] for d in json.loads(report.read_text("utf-8"))] if report.exists() else []
    outcome = "refused" if "input-too-large" in codes else "processed"
    crashed = "Traceback" in run.stderr or "internal error" in run.stderr or "out of memory" in run.stderr
    for path in (source, report, work / "out.json"):
        path.unlink(missing_ok=True)
    return (f"{name:34} {size / 2**20:6.0f} MiB in  exit {run.returncode}  {seconds:6.1f} s  "
            f"peak {peak / 1024:5.0f} MiB  {'CRASHED' if crashed else outcome}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    args = parser.parse_args()
    if not Path(TIME).exists():
        print(f"{TIME} not found: apt-get install time")
        return 2
    print(f"memory limit (RLIMIT_AS) {MEMORY_LIMIT // 2**20} MiB per run; peak = the run's max resident set")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (fmt, make) in CASES.items():
            if args.only and not any(part in name for part in args.only.split(",")):
                continue
            line = measure(name, fmt, make, Path(tmp))
            failed += "CRASHED" in line
            print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
