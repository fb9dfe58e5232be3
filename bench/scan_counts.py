"""How much work the notes splitter asks for, in deterministic counts (no timings).

split._scan asks `_reference_at` at each place a reference may begin; `_named_inside` asks again
inside an anonymous reading, `_after_lead_in` at a strong lead-in's end. This script counts, per
note: the asks by caller, how many answer nothing, how many answers are taken (end up among the
note's references) or discarded, the re-asks with the same position and state, the secondary
parser's calls (and those repeated with the same position and limit), and the archival
recogniser's readings (computed once per position, then answered from split._Archival's table).

    .venv/bin/python bench/scan_counts.py [--set bench|realistic|both]

"bench" is the 422 distinct notes bench/parse_notes.py replicates; "realistic" the hand-written
notes of fixtures/notes/realistic/ (each file its own book). The counts are the same on every run.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from converter.model import Origin  # noqa: E402
from converter.notes import split  # noqa: E402
from converter.readers import notes_txt  # noqa: E402
from converter.report import Report  # noqa: E402


class Counts:
    """Wraps the splitter's inner calls for one run and counts them."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.asks: list[tuple[int, str, tuple[Any, ...], list[Any]]] = []  # (note, caller, key, answer)
        self.secondary: Counter[str] = Counter()
        self.secondary_keys: Counter[tuple[Any, ...]] = Counter()
        self.archival: Counter[str] = Counter()
        self.taken: set[int] = set()
        self.note = 0

    def install(self) -> None:
        forget, reference_at, secondary = split.forget_note, split._reference_at, split.parse_secondary
        parse, find = split._Archival.parse, split._find_references

        def counted_forget() -> None:
            self.note += 1
            forget()

        def counted_reference_at(text: str, pos: int, italics: Any, context: Any, known: Any, previous: Any) -> Any:
            answer = reference_at(text, pos, italics, context, known, previous)
            key = (pos, getattr(known, "last_archival", None), id(previous))
            self.asks.append((self.note, sys._getframe(1).f_code.co_name, key, answer))
            return answer

        def counted_secondary(text: str, pos: int, limit: int, *args: Any, **kwargs: Any) -> Any:
            answer = secondary(text, pos, limit, *args, **kwargs)
            self.secondary["calls"] += 1
            self.secondary["none"] += answer is None
            key = (self.note, pos, limit, "authors" in kwargs)
            self.secondary["repeated"] += self.secondary_keys[key] > 0
            self.secondary_keys[key] += 1
            return answer

        def counted_parse(archival: Any, pos: int) -> Any:
            fresh = pos not in archival.answers
            answer = parse(archival, pos)
            self.archival["asked"] += 1
            self.archival["computed"] += fresh
            self.archival["found"] += fresh and answer is not None and bool(answer.references)
            return answer

        def counted_find(document: Any, report: Any) -> Any:
            document = find(document, report)
            self.taken.update(id(reference) for note in document.notes for reference in note.references)
            return document

        split.forget_note, split._reference_at, split.parse_secondary = (counted_forget, counted_reference_at,
                                                                          counted_secondary)
        split._Archival.parse, split._find_references = counted_parse, counted_find  # type: ignore[method-assign]

    def report(self, name: str) -> None:
        notes = max(self.note, 1)
        print(f"{name}: {self.note} notes; _reference_at {len(self.asks)} asks ({len(self.asks) / notes:.2f} a note)")
        seen: Counter[tuple[Any, ...]] = Counter()
        for caller in ("_scan", "_named_inside", "_after_lead_in"):
            rows = [(note, key, answer) for note, who, key, answer in self.asks if who == caller]
            empty = sum(1 for _, _, answer in rows if not answer)
            taken = sum(1 for _, _, answer in rows if any(id(r) in self.taken for r in answer))
            again = 0
            for note, key, _ in rows:
                again += seen[(note, *key)] > 0
                seen[(note, *key)] += 1
            print(f"  from {caller:15s} {len(rows):6d} ({len(rows) / notes:.2f} a note): nothing {empty}, "
                  f"taken {taken}, discarded {len(rows) - empty - taken}; re-asked (same place and state) {again}")
        s, a = self.secondary, self.archival
        print(f"  parse_secondary {s['calls']} calls ({s['calls'] / notes:.2f} a note), None {s['none']}, "
              f"repeated (same place and limit) {s['repeated']}")
        print(f"  archival recogniser: asked {a['asked']}, computed {a['computed']} ({a['computed'] / notes:.2f} a "
              f"note), found references {a['found']}")


def _bench_text() -> str:
    import parse_notes  # bench/parse_notes.py: the notes the throughput bench replicates

    notes = parse_notes.sample_notes()
    return parse_notes.corpus(notes, len(notes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("bench", "realistic", "both"), default="both")
    args = parser.parse_args()
    counts = Counts()
    counts.install()
    if args.set in ("bench", "both"):
        notes_txt.read(_bench_text(), origin=Origin("bench.txt"), report=Report())
        counts.report("bench (distinct notes)")
    if args.set in ("realistic", "both"):
        counts.reset()
        for path in sorted((ROOT / "fixtures" / "notes" / "realistic").glob("*.notes.txt")):
            notes_txt.read(path.read_text("utf-8"), origin=Origin(path.name), report=Report())
        counts.report("realistic (fixtures/notes/realistic)")


if __name__ == "__main__":
    main()
