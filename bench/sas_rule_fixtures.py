"""Make fixtures/render/subsequent-author-substitute-rules.json once with citeproc-js: the
bibliographies a small style gives under each subsequent-author-substitute-rule of CSL 1.0.2
(complete-all, complete-each, partial-each, partial-first), the reference for
tests/test_render_fixes_sas_rules.py.

    .venv/bin/python bench/sas_rule_fixtures.py            # (re)write the fixture
    .venv/bin/python bench/sas_rule_fixtures.py --check    # only say whether it would change

citeproc-js comes as for bench/render_fixtures.py (npm `citeproc` at CITEPROC_JS_VERSION in a
temporary directory, or the one in $CITEPROC_JS_DIR) and renders through bench/render_fixtures.js.
The entries run in the order given (the styles have no cs:sort). Case "names": each entry tests
one way the first names can match the entry before (all, a leading part, only the first, none;
editors with their label; et al.; one name). Case "edges": a first cs:names that shows nothing
(the editors of a later cs:names are never replaced; what the next entry compares with), and a
cs:name-part's formatting, which a substitute does not take. Case "substitute": MLA's kind of
cs:substitute, whose `<names variable="guest">` has a cs:name of its own and comes before the
editors and the title: citeproc-js decides the entry when that cs:names finishes, so where it shows
nothing the editors or title the substitute renders after it are neither replaced nor remembered.
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

from bench.render_fixtures import CITEPROC_JS_VERSION, citeproc_js_dir  # noqa: E402
from converter.render import styles  # noqa: E402

OUT = ROOT / "fixtures" / "render" / "subsequent-author-substitute-rules.json"
RULES = ("complete-all", "complete-each", "partial-each", "partial-first")
STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
<info><id>sas-{rule}</id><title>sas {rule}</title><updated>2026-12-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography subsequent-author-substitute="&#8212;&#8212;" subsequent-author-substitute-rule="{rule}"
 et-al-min="5" et-al-use-first="2">
<layout suffix="."><group delimiter=". ">
<names variable="author">
<name and="text" delimiter=", " delimiter-precedes-last="always" name-as-sort-order="first"/>
<label form="short" prefix=", "/>
<substitute><names variable="editor"/></substitute>
</names>
<text variable="title" font-style="italic"/>
<date variable="issued"><date-part name="year"/></date>
</group></layout></bibliography></style>"""
EDGE_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
<info><id>sas-edges-{rule}</id><title>sas edges {rule}</title><updated>2026-12-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography subsequent-author-substitute="&#8212;&#8212;" subsequent-author-substitute-rule="{rule}">
<layout suffix="."><group delimiter=". ">
<names variable="author">
<name and="text" delimiter=", " name-as-sort-order="first"><name-part name="family" prefix="[" suffix="]"/></name>
</names>
<text variable="title"/>
<names variable="editor"><name and="text" delimiter=", "/><label form="short" prefix=", "/></names>
</group></layout></bibliography></style>"""

SUBSTITUTE_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
<info><id>sas-substitute-{rule}</id><title>sas substitute {rule}</title><updated>2026-12-02T00:00:00Z</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography subsequent-author-substitute="&#8212;&#8212;" subsequent-author-substitute-rule="{rule}">
<layout suffix="."><group delimiter=". ">
<names variable="composer">
<name and="text" delimiter=", " name-as-sort-order="first"/>
<label form="short" prefix=", "/>
<substitute>
<names variable="author"/>
<names variable="guest"><name and="text" delimiter=", " name-as-sort-order="first"/></names>
<names variable="editor"/>
<text variable="title" quotes="true"/>
</substitute>
</names>
<text variable="title" font-style="italic"/>
</group></layout></bibliography></style>"""


def _person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


AHO, ULLMAN, YANNAKAKIS = _person("Aho", "Alfred V."), _person("Ullman", "Jeffrey D."), _person("Yannakakis", "Mihalis")
HOPCROFT, KNUTH, SETHI = _person("Hopcroft", "John E."), _person("Knuth", "Donald E."), _person("Sethi", "Ravi")
# (authors, editors, title): consecutive entries share all, a leading part, only the first or no names.
ENTRIES = (
    ([AHO, ULLMAN, YANNAKAKIS], [], "Theory of Joins"),
    ([AHO, HOPCROFT, ULLMAN], [], "Design and Analysis of Computer Algorithms"),
    ([AHO, HOPCROFT, ULLMAN], [], "Data Structures and Algorithms"),
    ([AHO, HOPCROFT], [], "Sorting"),
    ([AHO], [], "Compilers"),
    ([AHO], [], "Parsing"),
    ([KNUTH], [], "Sorting and Searching"),
    ([], [KNUTH], "Selected Papers"),
    ([], [KNUTH, SETHI], "Festschrift"),
    ([], [KNUTH, SETHI], "Second Festschrift"),
    ([AHO, SETHI, ULLMAN, HOPCROFT, YANNAKAKIS], [], "Five Authors"),
    ([AHO, SETHI, ULLMAN, KNUTH, YANNAKAKIS], [], "Five Other Authors"),
    ([SETHI, AHO], [], "Two Authors"),
    ([SETHI, KNUTH], [], "Two More"),
)
EDGE_ENTRIES = (
    ([AHO], [], "One"),
    ([], [AHO], "Edited"),
    ([AHO], [AHO], "Written and Edited"),
    ([AHO, SETHI], [], "Two"),
    ([], [], "Anonymous"),
    ([AHO, SETHI], [], "Two Again"),
    ([AHO], [], "Alone Again"),
)

# (authors, editors, title, guests)
SUBSTITUTE_ENTRIES = (
    ([AHO, ULLMAN], [], "Written", []),
    ([], [AHO, ULLMAN], "Edited", []),
    ([AHO, ULLMAN], [], "Written Again", []),
    ([AHO, SETHI], [], "Written with Another", []),
    ([AHO, SETHI], [], "Written with Another Again", []),
    ([], [], "Interview", [AHO]),
    ([AHO], [], "After the Interview", []),
    ([], [], "Anonymous", []),
    ([], [], "Anonymous", []),
)


def items(entries: tuple = ENTRIES) -> list[dict]:
    out = []
    for number, (authors, editors, title, *guests) in enumerate(entries, 1):
        item: dict = {"id": f"e{number:02}", "type": "book", "title": title,
                      "issued": {"date-parts": [[1970 + number]]}}
        for variable, names in (("author", authors), ("editor", editors), ("guest", guests[0] if guests else [])):
            if names:
                item[variable] = names
        out.append(item)
    return out


CASES = {"names": (STYLE, items()), "edges": (EDGE_STYLE, items(EDGE_ENTRIES)),
         "substitute": (SUBSTITUTE_STYLE, items(SUBSTITUTE_ENTRIES))}


def build() -> dict:
    request: dict = {"styles": {}, "locales": {"en-US": styles.find_locale("en-US").read_text("utf-8")}, "cases": []}
    for case, (style, case_items) in CASES.items():
        for rule in RULES:
            request["styles"][f"{case}.{rule}"] = style.format(rule=rule)
            request["cases"].append({"name": f"{case}.{rule}", "style": f"{case}.{rule}", "locale": "en-US",
                                     "format": "text", "items": case_items, "clusters": [], "bibliography": True})
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(request, handle, ensure_ascii=False)
    env = dict(os.environ, NODE_PATH=str(citeproc_js_dir() / "node_modules"))
    try:
        done = subprocess.run(["node", str(ROOT / "bench" / "render_fixtures.js"), handle.name],
                              check=True, capture_output=True, env=env)
    finally:
        os.unlink(handle.name)
    response = json.loads(done.stdout)
    rendered = {case["name"]: case["bibliography"] for case in response["cases"]}
    return {
        "generator": f"bench/sas_rule_fixtures.py through bench/render_fixtures.js, npm citeproc {CITEPROC_JS_VERSION} "
                     f"(citeproc-js {response['processor']})",
        "locale": "en-US", "format": "text",
        "cases": {case: {"style": style, "items": case_items,
                         "bibliographies": {rule: rendered[f"{case}.{rule}"] for rule in RULES}}
                  for case, (style, case_items) in CASES.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only say whether the fixture would change")
    args = parser.parse_args()
    text = json.dumps(build(), ensure_ascii=False, indent=1) + "\n"
    same = OUT.exists() and OUT.read_text("utf-8") == text
    if not args.check and not same:
        OUT.write_text(text, "utf-8")
    print(f"{OUT.relative_to(ROOT)}: {'unchanged' if same else ('would change' if args.check else 'written')}")


if __name__ == "__main__":
    main()
