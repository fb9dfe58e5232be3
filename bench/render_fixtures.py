"""Make fixtures/render/ once with citeproc-js, the reference our renderer is compared with.

    .venv/bin/python bench/render_fixtures.py            # every case in CASES
    .venv/bin/python bench/render_fixtures.py --check    # only say which fixtures would change

Installs the npm package `citeproc` (citeproc-js) at CITEPROC_JS_VERSION into a temporary
directory (or uses the one in $CITEPROC_JS_DIR), hands bench/render_fixtures.js the same style and
locale files from styles/ and the same clusters our renderer builds (converter.render.notes.prepare),
and writes one JSON file per (input, style, locale, format) under fixtures/render/<input>/.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converter.model import Document, Origin  # noqa: E402
from converter.render import notes as render_notes  # noqa: E402
from converter.render import styles  # noqa: E402
from converter.report import Report  # noqa: E402

CITEPROC_JS_VERSION = "2.4.63"
OUT = ROOT / "fixtures" / "render"

STYLES = (
    "chicago-notes-bibliography",
    "chicago-shortened-notes-bibliography",
    "chicago-notes-bibliography-17th-edition",
    "chicago-shortened-notes-bibliography-17th-edition",
    "chicago-author-date",
    "apa",
    "modern-language-association",
    "mhra-notes",
    "harvard-cite-them-right",
)
OTHER_LOCALES = ("en-GB", "it-IT", "fr-FR", "de-DE", "ru-RU")


def seed_cases() -> list[tuple[str, str, str]]:
    """(style, locale, format) for the seed notes: every style in en-US, Chicago in every locale,
    and Chicago in HTML."""
    cases = [(style, "en-US", "text") for style in STYLES]
    cases += [("chicago-notes-bibliography", locale, "text") for locale in OTHER_LOCALES]
    cases.append(("chicago-notes-bibliography", "en-US", "html"))
    return cases


# input name -> (path under the repo, reader format, whether it holds notes)
INPUTS = {
    "seed": ("fixtures/seed/dundovich-2020.gold.json", "notes-json", True),
    "biblatex-examples": ("fixtures/corpora/biblatex-examples.bib", "biblatex", False),
    "xampl": ("fixtures/corpora/xampl.bib", "bibtex", False),
    "notes-test": ("fixtures/corpora/notes-test.bib", "biblatex", False),
    # Variables kept as `Key: value` lines in note (Zotero's Extra), which citeproc-js reads.
    "extra-fields": ("fixtures/render/extra-fields.csl.json", "csljson", False),
    # Two books whose short notes alone are alike ("Fitzpatrick, Everyday Stalinism"): what note
    # styles disambiguate (fixes/disambiguation.py); rendered in the note styles only.
    "short-form-twins": ("fixtures/render/short-form-twins.notes.json", "notes-json", True),
}
# Styles for each corpus's bibliography (biblatex-chicago's notes-test: the Chicago styles), and for
# a notes input rendered in some styles only (the others: seed_cases).
CORPUS_STYLES = {
    "biblatex-examples": STYLES,
    "xampl": STYLES,
    "notes-test": ("chicago-notes-bibliography", "chicago-notes-bibliography-17th-edition", "chicago-author-date"),
    "extra-fields": ("chicago-notes-bibliography", "chicago-author-date", "apa"),
    "short-form-twins": ("chicago-notes-bibliography", "chicago-notes-bibliography-17th-edition", "mhra-notes"),
}


def read_input(path: str, fmt: str) -> Document:
    from converter.pipeline import read_text
    report = Report()
    text = (ROOT / path).read_text("utf-8")
    return read_text(text, fmt, origin=Origin(path), report=report)


def clean_items(document: Document) -> list[dict]:
    # The same item data our engine hands citeproc-py (engine.Items drops empty values too).
    return [{key: value for key, value in item.csl.items() if value not in (None, "", [])}
            for item in document.items]


def citeproc_js_dir() -> Path:
    given = os.environ.get("CITEPROC_JS_DIR")
    if given:
        return Path(given)
    directory = Path(tempfile.mkdtemp(prefix="citeproc-js-"))
    subprocess.run(["npm", "install", "--prefix", str(directory), "--no-audit", "--no-fund",
                    f"citeproc@{CITEPROC_JS_VERSION}"], check=True, capture_output=True)
    return directory


def build_request(document: Document, cases: list[tuple[str, str, str]]) -> tuple[dict, list]:
    report = Report()
    prepared = render_notes.prepare(document, report)
    clusters = [{"number": note.number, "cites": note.cites} for note in prepared if note.cites]
    request: dict = {"styles": {}, "locales": {}, "cases": []}
    for style, locale, fmt in cases:
        request["styles"][style] = styles.find_style(style).read_text("utf-8")
        for tag in {locale, "en-US"}:
            request["locales"][tag] = styles.find_locale(tag).read_text("utf-8")
        request["cases"].append({"name": f"{style}.{locale}.{fmt}", "style": style, "locale": locale,
                                 "format": fmt, "items": clean_items(document), "clusters": clusters,
                                 "bibliography": True})
    return request, prepared


def run(name: str, cases: list[tuple[str, str, str]], node_path: Path, check: bool) -> int:
    path, fmt_in, has_notes = INPUTS[name]
    document = read_input(path, fmt_in)
    request, prepared = build_request(document, cases)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(request, handle, ensure_ascii=False)
    env = dict(os.environ, NODE_PATH=str(node_path / "node_modules"))
    done = subprocess.run(["node", str(ROOT / "bench" / "render_fixtures.js"), handle.name],
                          check=True, capture_output=True, env=env)
    os.unlink(handle.name)
    response = json.loads(done.stdout)
    changed = 0
    for (style, locale, fmt), result in zip(cases, response["cases"], strict=True):
        rendered = iter(result["clusters"])
        notes = [render_notes.compose(note, next(rendered) if note.cites else "", fmt)
                 for note in prepared] if has_notes else []
        fixture = {
            "generator": f"bench/render_fixtures.js, npm citeproc {CITEPROC_JS_VERSION} "
                         f"(citeproc-js {response['processor']})",
            "input": path, "input_format": fmt_in, "style": style, "locale": locale, "format": fmt,
            "notes": notes, "bibliography": result["bibliography"],
        }
        target = OUT / name / f"{style}.{locale}.{fmt}.json"
        text = json.dumps(fixture, ensure_ascii=False, indent=1) + "\n"
        if not target.exists() or target.read_text("utf-8") != text:
            changed += 1
            print(f"{'would change' if check else 'wrote'} {target.relative_to(ROOT)}")
            if not check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing, list what would change")
    parser.add_argument("inputs", nargs="*", default=list(INPUTS), help="inputs to render (default: all)")
    args = parser.parse_args()
    node_path = citeproc_js_dir()
    changed = 0
    for name in args.inputs:
        changed += run(name, corpus_cases(name) if name in CORPUS_STYLES else seed_cases(), node_path, args.check)
    print(f"{changed} fixture(s) {'would change' if args.check else 'written'}")


def corpus_cases(name: str) -> list[tuple[str, str, str]]:
    """The input's styles of CORPUS_STYLES in en-US: a corpus's bibliographies, a notes input's notes."""
    return [(style, "en-US", "text") for style in CORPUS_STYLES[name]]


if __name__ == "__main__":
    main()
