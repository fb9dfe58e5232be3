"""How many outputs of fixtures/render/ match citeproc-js, per style: stock citeproc-py against ours.

    .venv/bin/python bench/render_fixture_scores.py [--input seed]

Each side runs in its own process (fixes are patches of citeproc-py, applied once per process):
`--stock` renders with no fix applied, the default with every fix in converter.render.fixes.FIXES.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def scores(stock: bool, only: str | None) -> dict[str, list[int]]:
    """(input/style) -> [identical, total] over notes and bibliography entries."""
    if stock:
        from converter.render import fixes
        fixes._applied = True  # engine's apply_all() then patches nothing
    from converter.model import Origin
    from converter.pipeline import read_text
    from converter.render.notes import render_bibliography, render_notes
    from converter.report import Report

    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    documents: dict[str, object] = {}
    for fixture in sorted((ROOT / "fixtures" / "render").glob("*/*.json")):
        if only and fixture.parent.name != only:
            continue
        expected = json.loads(fixture.read_text("utf-8"))
        path, fmt = expected["input"], expected.get("input_format", "notes-json")
        if path not in documents:
            documents[path] = read_text((ROOT / path).read_text("utf-8"), fmt, origin=Origin(path), report=Report())
        options = {"style": expected["style"], "locale": expected["locale"], "fmt": expected["format"]}
        key = f"{fixture.parent.name}/{fixture.name.removesuffix('.json')}"
        # A citation or entry stock citeproc-py crashes on is left out by the engine (and reported).
        ours = render_notes(documents[path], **options) if expected["notes"] else []
        entries = render_bibliography(documents[path], **options)
        table[key][0] += sum(a == b for a, b in zip(ours, expected["notes"], strict=False))
        table[key][0] += sum(a == b for a, b in zip(entries, expected["bibliography"], strict=False))
        table[key][1] += len(expected["notes"]) + len(expected["bibliography"])
    return dict(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stock", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--input", help="only fixtures of this input (seed, biblatex-examples, ...)")
    args = parser.parse_args()
    if args.json:
        print(json.dumps(scores(args.stock, args.input)))
        return
    runs = {}
    for side in ("stock", "ours"):
        command = [sys.executable, __file__, "--json"] + (["--stock"] if side == "stock" else [])
        command += ["--input", args.input] if args.input else []
        runs[side] = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    print(f"{'fixture':72} {'stock':>11} {'ours':>11}")
    totals = {"stock": [0, 0], "ours": [0, 0]}
    for key in sorted(runs["ours"]):
        cells = []
        for side in ("stock", "ours"):
            same, total = runs[side].get(key, [0, 0])
            totals[side][0] += same
            totals[side][1] += total
            cells.append(f"{same}/{total}")
        print(f"{key:72} {cells[0]:>11} {cells[1]:>11}")
    for side in ("stock", "ours"):
        same, total = totals[side]
        print(f"{side}: {same}/{total} identical to citeproc-js ({100 * same / max(total, 1):.1f} %)")


if __name__ == "__main__":
    main()
