"""Fuzz every reader: at least 100,000 cases in all (structured, raw bytes, mutated real files).

    .venv/bin/python bench/fuzz.py [--cases 100000] [--only bibtex,ris] [--seed 0]

Hypothesis draws each case (structured, raw bytes or a mutated real file); each draw is then
also run with MUTANTS byte-level mutations made with `random` (cheap: drawing dominates the
cost), which count as raw cases: only "no exception escapes" is checked on them. Prints, per
reader, the cases run, how many were structured (with markers to account for), the failures (an
exception escaped, or a marked entry or note was silently dropped) and the time; then the
totals. Each failing input is saved under out/fuzz-failures/ to replay; the exit status is 1 if
any case failed. The same strategies, a few dozen cases per reader, run in tests/test_fuzz.py.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from tests.fuzzcases import READERS, Case, cases, run  # noqa: E402

FAILURES = ROOT / "out" / "fuzz-failures"
MUTANTS = 9  # random mutations run per drawn case


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(out) + 1)
        action = rng.randrange(5)
        if action == 0 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif action == 1:
            out[at:at] = rng.choice([b"{", b"}", b"@", b'"', b"\\", b"\n", b"#", b",", b"TY  - ", b"ER  - ",
                                     b"[^1]: ", b"1. ", b"\xff", b"\xc3", b"<", b"&", b"%", b"=", b"\x00"])
        elif action == 2:
            del out[at:at + rng.randint(1, 32)]
        elif action == 3:
            out[at:at] = out[at:at + rng.randint(1, 16)] * rng.randint(2, 40)
        else:
            cut = rng.randrange(len(out) + 1)
            out = out[:cut]
    return bytes(out)


def fuzz(fmt: str, count: int, random_seed: int) -> tuple[int, int, int, float]:
    """Run `count` cases on one reader; (cases run, structured, failures, seconds)."""
    tally = {"run": 0, "structured": 0, "failed": 0}
    start = time.monotonic()

    @seed(random_seed)
    @settings(max_examples=-(-count // (MUTANTS + 1)), deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(cases(fmt))
    def one(case: Case) -> None:
        rng = random.Random(case.data)
        for variant in [case, *(Case(fmt, mutate(case.data, rng), []) for _ in range(MUTANTS))]:
            check(variant)

    def check(case: Case) -> None:
        tally["run"] += 1
        tally["structured"] += bool(case.markers)
        outcome = run(case)
        if outcome.error is None and not outcome.missing:
            return
        tally["failed"] += 1
        FAILURES.mkdir(parents=True, exist_ok=True)
        name = f"{fmt}-{hashlib.sha1(case.data).hexdigest()[:12]}"
        (FAILURES / f"{name}.input").write_bytes(case.data)
        why = outcome.error or f"silently dropped: {', '.join(outcome.missing)}\n"
        (FAILURES / f"{name}.txt").write_text(why, "utf-8")
        if tally["failed"] <= 3:
            print(f"  {fmt}: failure saved as out/fuzz-failures/{name}.*: {why.strip().splitlines()[-1][:150]}",
                  flush=True)

    one()
    return tally["run"], tally["structured"], tally["failed"], time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases in all, shared among the readers")
    parser.add_argument("--only", default="", help="comma-separated reader names (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    readers = [r for r in READERS if not args.only or r in args.only.split(",")]
    per_reader = -(-args.cases // len(readers))
    totals = [0, 0, 0, 0.0]
    print(f"fuzzing {len(readers)} readers, {per_reader:,} cases each", flush=True)
    for fmt in readers:
        ran, structured, failed, seconds = fuzz(fmt, per_reader, args.seed)
        print(f"{fmt:12} cases {ran:7,}  structured {structured:6,}  failures {failed:4}  "
              f"{seconds:7.1f} s  ({1000 * seconds / max(ran, 1):.2f} ms/case)", flush=True)
        for index, value in enumerate((ran, structured, failed, seconds)):
            totals[index] += value
    print(f"total        cases {totals[0]:7,}  structured {totals[1]:6,}  failures {totals[2]:4}  "
          f"{totals[3]:7.1f} s")
    return 1 if totals[2] else 0


if __name__ == "__main__":
    sys.exit(main())
