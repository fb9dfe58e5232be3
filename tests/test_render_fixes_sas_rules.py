"""subsequent-author-substitute-rule (converter/render/fixes/subsequent_author_substitute.py): each
rule of CSL 1.0.2 on bibliographies whose consecutive entries share all, a leading part, only the
first or none of their names, as editors too, with et al.; and on the edges (a first cs:names that
shows nothing, a cs:name-part's formatting); and on a cs:substitute whose cs:names with a cs:name
of its own shows nothing before the editors or title it falls back to. Expected entries made by citeproc-js
(bench/sas_rule_fixtures.py -> fixtures/render/subsequent-author-substitute-rules.json)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.render.notes import render_bibliography

FIXTURE = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "render"
                      / "subsequent-author-substitute-rules.json").read_text("utf-8"))
RULES = ("complete-all", "complete-each", "partial-each", "partial-first")


@pytest.mark.parametrize("case", sorted(FIXTURE["cases"]))
@pytest.mark.parametrize("rule", RULES)
def test_rule_substitutes_as_citeproc_js(tmp_path: Path, case: str, rule: str) -> None:
    kase = FIXTURE["cases"][case]
    style = tmp_path / f"sas-{case}-{rule}.csl"  # styles are cached by path
    style.write_text(kase["style"].format(rule=rule), encoding="utf-8")
    entries = render_bibliography(kase["items"], style=str(style), locale=FIXTURE["locale"], fmt=FIXTURE["format"])
    assert entries == kase["bibliographies"][rule]


@pytest.mark.parametrize("case", sorted(FIXTURE["cases"]))
def test_the_fixture_tells_the_rules_apart(case: str) -> None:
    """Each rule gives its own bibliography, with something substituted (else a rule ignored
    could pass)."""
    rendered = [tuple(FIXTURE["cases"][case]["bibliographies"][rule]) for rule in RULES]
    assert len(set(rendered)) == len(RULES) - (case == "edges")  # the two partial rules agree on the edges
    assert all(any(entry.startswith("——") for entry in entries) for entries in rendered)
