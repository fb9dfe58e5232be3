"""Push N items (default 5,000), each with a child note, to the local Zotero test server.

Prints the requests made against the target (⌈objects/50⌉ writes, plus the reads before them)
and the wall time, for a first push into an empty group, a second push of the same input (target:
one read, no write) and a push after editing one item (target: one write).

    .venv/bin/python bench/zotero_push.py [N]
"""
from __future__ import annotations

import copy
import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from converter.model import Citation, Document, Item, Note, Origin
from converter.report import Report
from converter.zotero.client import GroupClient
from converter.zotero.objects import desired
from converter.zotero.sync import push
from tests.zotero_server import ApiKey, ZoteroTestServer

GROUP = 4711
KEY = "BenchKey0123456789abcdef"


def document(n: int) -> Document:
    items, notes = [], []
    for i in range(n):
        csl = {"id": f"author{i}-{1900 + i % 100}", "type": "book", "title": f"A history of subject {i}",
               "author": [{"family": f"Author{i}", "given": "Anna"}], "publisher": "Press",
               "publisher-place": "Roma", "issued": {"date-parts": [[1900 + i % 100]]}}
        items.append(Item(csl, Origin("bench", i + 1)))
        notes.append(Note(str(i + 1), f"Anna Author{i}, A history of subject {i} (Roma: Press), {i % 300 + 1}.",
                          "citation", [Citation(csl["id"], str(i % 300 + 1), "page")]))
    return Document(items=items, notes=notes)


def run(server: ZoteroTestServer, doc: Document, state: Path, label: str, objects: int) -> None:
    report = Report()
    before = len(server.requests)
    client = GroupClient(GROUP, KEY, server.url)
    start = time.perf_counter()
    summary = push([desired(doc, "Bench", report=report)], client, state, report=report)
    wall = time.perf_counter() - start
    client.close()
    seen = server.requests[before:]
    writes = sum(1 for r in seen if r["method"] == "POST")
    reads = len(seen) - writes
    counts = summary.count()
    print(f"{label}: {wall:6.2f} s wall; {writes} write(s) (target {math.ceil(objects / 50) if objects else 0}"
          f" for {objects} objects), {reads} read(s); created {counts['created']}, updated {counts['updated']},"
          f" unchanged {counts['unchanged']}, failed {counts['failed']}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    doc = document(n)
    with tempfile.TemporaryDirectory() as tmp, ZoteroTestServer(
            group_id=GROUP, keys=[ApiKey(KEY, groups={GROUP: True})]) as server:
        state = Path(tmp) / "state.json"
        print(f"zotero push bench: {n} items + {n} child notes + 1 collection, test server on 127.0.0.1")
        run(server, doc, state, "first push ", 1 + 2 * n)  # 1 collection write + items and notes by 50
        run(server, doc, state, "second push", 0)
        edited = copy.deepcopy(doc)
        edited.items[n // 2].csl["title"] += " (revised)"
        run(server, edited, state, "one edit   ", 1)
        print(f"state file: {state.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
