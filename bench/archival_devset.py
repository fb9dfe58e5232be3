"""A labelled development set for archival citations: invented archival items
(fixtures/archival/devset-items.json: British, US, Italian, German, Russian and French papers)
rendered with citeproc-py through the note styles of bench/devset.py, parsed back by the notes
pipeline and scored with shared/eval/score_notes.py on the key fields the hidden test set uses
(archive, archive_location, ...). The items are made up for this purpose; no one's text is copied.

    .venv/bin/python bench/archival_devset.py [--notes-per-style N]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _devset():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("devset", ROOT / "bench" / "devset.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes-per-style", type=int, default=40)
    args = parser.parse_args()
    devset = _devset()
    items = json.loads((ROOT / "fixtures" / "archival" / "devset-items.json").read_text("utf-8"))
    styles = devset.DEV_STYLES + devset.HELD_OUT_STYLES
    texts, gold = devset.render_part(items, styles, args.notes_per_style, seed=41)
    result = devset.evaluate("archival", texts, gold, ROOT / "out" / "devset")
    print(f"archival devset: {result['notes']} notes from {len(items)} items in {len(styles)} styles")
    for kind in ("keys", "full"):
        fields = result[kind]["fields"]
        for field in ("archival", "type", "author_family", "title", "archive", "archive_location", "locator",
                      "archive-place", "recipient", "issued"):
            if field in fields:
                r = fields[field]
                print(f"  {kind:5} {field:18} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")


if __name__ == "__main__":
    main()
