"""Run the CSL processor test suite through citeproc-py, with or without our fixes.

This harness drives citeproc-py directly (as the suite's own harnesses drive their processor),
so it is, with the fixes, the one place besides render/engine.py that imports citeproc.
Whether the fixes are applied is the caller's choice: `python -m converter.render.suite
--stock` never imports them, so the same code measures stock citeproc-py in a subprocess.

Output follows the suite's conventions: one line per citation (CITATIONS mode: `..[i] `
for a citation left as it was by the last cluster, `>>[i] ` for one it rendered or changed),
the bibliography wrapped in `csl-bib-body`/`csl-entry` divs, `&` written as `&#38;`.
"""
from __future__ import annotations

import argparse
import importlib
import io
import json
import signal
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from converter.render.suite_format import SuiteTest, load_all, test_names

BIB_OPEN = '<div class="csl-bib-body">'
BIB_CLOSE = "</div>"
ENTRY = '  <div class="csl-entry">{}</div>'
# A test that takes longer than this is stopped and counted as failed.
TIMEOUT_S = 10


class SuiteTimeoutError(Exception):
    pass


class UnsupportedError(Exception):
    """The fixture asks for something this harness does not emulate (e.g. BIBSECTION)."""


@dataclass
class Outcome:
    name: str
    passed: bool
    output: str | None
    error: str | None = None
    seconds: float = 0.0


def _fixed_input(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A copy of the items with the id and type citeproc-py requires (as the suite's harness does)."""
    fixed = []
    for index, item in enumerate(items):
        item = dict(item)
        item.setdefault("id", index)
        item.setdefault("type", "book")
        fixed.append(item)
    return fixed


def _citation_item(data: dict[str, Any]) -> Any:
    from citeproc.source import CitationItem, Locator

    options: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("id", "label"):
            continue
        if key == "locator":
            options["locator"] = Locator(data.get("label", "page"), value)
        else:
            options[key.replace("-", "_")] = value
    return CitationItem(str(data["id"]), **options)


def _citation(items: Iterable[dict[str, Any]], key: str | None = None, note_index: int = 0) -> Any:
    from citeproc.source import Citation

    citation = Citation([_citation_item(i) for i in items])
    citation.key = key
    citation.note_index = note_index
    return citation


class _Renderer:
    """One parsed style and item set, rendering any sequence of citations afresh."""

    def __init__(self, test: SuiteTest) -> None:
        from citeproc import CitationStylesStyle
        from citeproc.source.json import CiteProcJSON

        self.style = CitationStylesStyle(io.BytesIO(test.csl.encode("utf-8")), validate=False)
        self.items = _fixed_input(test.input)
        self.source = CiteProcJSON(self.items)

    def bibliography_object(self, citations: list[Any]) -> Any:
        from citeproc import CitationStylesBibliography

        bibliography = CitationStylesBibliography(self.style, self.source)
        for citation in citations:
            bibliography.register(citation)
        if self.style.has_bibliography():
            bibliography.sort()
        return bibliography

    def cite_all(self, citations: list[Any]) -> list[str]:
        bibliography = self.bibliography_object(citations)
        return [str(bibliography.cite(c, lambda item: None)) for c in citations]

    def bibliography(self, citations: list[Any]) -> list[str]:
        bibliography = self.bibliography_object(citations)
        return [BIB_OPEN, *(ENTRY.format(str(e)) for e in bibliography.bibliography()), BIB_CLOSE]


def _clusters(test: SuiteTest, renderer: _Renderer) -> list[str]:
    """CITATIONS mode: each cluster placed between its pre and post citations, as citeproc-js does."""
    order: list[str] = []
    clusters: dict[str, tuple[list[dict[str, Any]], int]] = {}
    shown: dict[str, str] = {}
    changed: set[str] = set()
    for entry in test.citations or []:
        cluster, pre, post = entry[0], entry[1], entry[2]
        key = cluster["citationID"]
        clusters[key] = (cluster["citationItems"], cluster.get("properties", {}).get("noteIndex", 0))
        order = [p[0] for p in pre if p[0] != key] + [key] + [p[0] for p in post if p[0] != key]
        citations = [_citation(clusters[k][0], k, clusters[k][1]) for k in order]
        texts = renderer.cite_all(citations)
        changed = {key} | {k for k, text in zip(order, texts, strict=True) if shown.get(k) != text}
        shown = dict(zip(order, texts, strict=True))
    return [f"{'>>' if k in changed else '..'}[{i}] {shown[k]}" for i, k in enumerate(order)]


def render(test: SuiteTest) -> str:
    """The harness output for one fixture, to compare with `test.result`."""
    if test.bibsection is not None:
        raise UnsupportedError("BIBSECTION")
    renderer = _Renderer(test)
    ids = [item["id"] for item in renderer.items]
    if test.mode == "citation" and test.citations:
        lines = _clusters(test, renderer)
    else:
        if test.citation_items:
            citations = [_citation(group) for group in test.citation_items]
        elif test.citations:
            citations = [_citation(e[0]["citationItems"], e[0]["citationID"]) for e in test.citations]
        elif test.bibentries:
            citations = [_citation({"id": i} for i in test.bibentries[-1])]
        else:
            # The suite synthesises this citation from the items after sorting them as the
            # bibliography would (test-suite issue 66): cite them in bibliography order.
            citations = [_citation({"id": i} for i in ids)]
            if renderer.style.has_bibliography():
                order = renderer.bibliography_object(citations).keys
                by_key = {str(i).lower(): i for i in ids}
                citations = [_citation({"id": by_key[k]} for k in order)]
        if test.mode == "citation":
            lines = renderer.cite_all(citations)
        elif test.mode.startswith("bibliography"):
            lines = renderer.bibliography(citations)
        else:
            raise UnsupportedError(f"mode {test.mode}")
    return "\n".join(lines).replace("&amp;", "&#38;")


def _on_alarm(signum: int, frame: Any) -> None:
    raise SuiteTimeoutError(f"took more than {TIMEOUT_S} s")


def run(test: SuiteTest, timeout: int = TIMEOUT_S) -> Outcome:
    """Render one fixture; any exception, or a run past `timeout` seconds, is a failure."""
    start = time.process_time()
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(timeout)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            output = render(test)
        outcome = Outcome(test.name, output == test.result, output)
    except Exception as error:  # a crash inside citeproc-py is a failed test, not a failed run
        outcome = Outcome(test.name, False, None, f"{type(error).__name__}: {error}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    outcome.seconds = time.process_time() - start
    return outcome


def run_all(names: list[str] | None = None) -> Iterator[Outcome]:
    for test in load_all(names):
        yield run(test)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stock", action="store_true", help="leave citeproc-py as shipped (no fixes)")
    parser.add_argument("--only", help="apply only these fix modules (comma-separated), not all of FIXES")
    parser.add_argument("--json", action="store_true", help="print one JSON outcome per line")
    parser.add_argument("names", nargs="*", help="fixture names (default: the whole suite)")
    args = parser.parse_args(argv)
    if args.only:
        for name in args.only.split(","):
            importlib.import_module(f"converter.render.fixes.{name}").apply()
    elif not args.stock:
        from converter.render.fixes import apply_all

        apply_all()
    names = args.names or test_names()
    passed = 0
    for outcome in run_all(names):
        passed += outcome.passed
        if args.json:
            print(json.dumps(asdict(outcome), ensure_ascii=False), flush=True)
        elif not outcome.passed:
            print(f"FAIL {outcome.name}: {outcome.error or outcome.output!r}")
    if not args.json:
        print(f"{passed}/{len(names)} passed ({'stock' if args.stock else 'with fixes'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
