"""The CSL processor test suite: stock citeproc-py 0.11.1 against citeproc-py with our fixes.

Both run in subprocesses of the same harness (`converter.render.suite`), stock with `--stock`
so that no fix is imported. Prints passes of each, per category and in total, the tests that
stock passes and ours fails (there must be none), and CPU time of each run.

    .venv/bin/python bench/csl_suite.py [--failures FILE] [--prune-known-failures]

`--failures FILE` writes our failing tests with their output; `--prune-known-failures` removes
from tests/csl_suite_known_failures.txt the tests that now pass (the list only shrinks).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWN_FAILURES = ROOT / "tests" / "csl_suite_known_failures.txt"
TARGET = 0.80


def run_harness(stock: bool) -> tuple[dict[str, dict], float]:
    """Outcomes by test name, and the child's CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "converter.render.suite", "--json", *(["--stock"] if stock else [])]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    outcomes = {}
    for line in done.stdout.splitlines():
        outcome = json.loads(line)
        outcomes[outcome["name"]] = outcome
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return outcomes, cpu


def category(name: str) -> str:
    return name.split("_", 1)[0]


def known_failures() -> list[str]:
    lines = KNOWN_FAILURES.read_text(encoding="utf-8").splitlines() if KNOWN_FAILURES.exists() else []
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def prune_known_failures(ours: dict[str, dict]) -> list[str]:
    """Drop the lines of tests that now pass; returns their names."""
    kept, fixed = [], []
    for line in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines(keepends=True):
        name = line.split("#", 1)[0].strip()
        if name and ours.get(name, {}).get("passed"):
            fixed.append(name)
        else:
            kept.append(line)
    KNOWN_FAILURES.write_text("".join(kept), encoding="utf-8")
    return fixed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=Path, help="write our failing tests and their output here")
    parser.add_argument("--prune-known-failures", action="store_true")
    args = parser.parse_args()

    stock, stock_cpu = run_harness(stock=True)
    ours, ours_cpu = run_harness(stock=False)
    total = len(ours)
    by_category: dict[str, Counter] = {}
    for name in ours:
        counts = by_category.setdefault(category(name), Counter())
        counts["total"] += 1
        counts["stock"] += bool(stock.get(name, {}).get("passed"))
        counts["ours"] += ours[name]["passed"]
    print(f"{'category':<16}{'stock':>8}{'ours':>8}{'total':>8}")
    for name, counts in sorted(by_category.items()):
        print(f"{name:<16}{counts['stock']:>8}{counts['ours']:>8}{counts['total']:>8}")
    stock_passed = sum(o["passed"] for o in stock.values())
    ours_passed = sum(o["passed"] for o in ours.values())
    print(f"\nstock citeproc-py 0.11.1: {stock_passed}/{total} ({stock_passed / total:.1%}), {stock_cpu:.1f} s CPU")
    print(f"ours (with fixes):        {ours_passed}/{total} ({ours_passed / total:.1%}), {ours_cpu:.1f} s CPU")
    print(f"target {TARGET:.0%}: {'met' if ours_passed >= TARGET * total else 'NOT met'}")
    regressions = sorted(n for n, o in stock.items() if o["passed"] and not ours[n]["passed"])
    print(f"passed by stock, failed by ours: {len(regressions)}")
    for name in regressions:
        print(f"  {name}")
    unlisted = sorted(set(ours) - {n for n, o in ours.items() if o["passed"]} - set(known_failures()))
    if unlisted:
        print(f"failing and not in {KNOWN_FAILURES.name}: {len(unlisted)}")
    if args.failures:
        with args.failures.open("w", encoding="utf-8") as out:
            for name, outcome in sorted(ours.items()):
                if not outcome["passed"]:
                    out.write(f"=== {name}\n{outcome['error'] or outcome['output']}\n\n")
    if args.prune_known_failures:
        fixed = prune_known_failures(ours)
        print(f"removed {len(fixed)} fixed tests from {KNOWN_FAILURES.name}")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
