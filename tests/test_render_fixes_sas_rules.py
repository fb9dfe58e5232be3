"""subsequent-author-substitute-rule (converter/render/fixes/subsequent_author_substitute.py): each
rule of CSL 1.0.2 on a bibliography whose consecutive entries share all, a leading part, only the
first or none of their names, as editors too, with et al.; expected entries made by citeproc-js
(bench/sas_rule_fixtures.py -> fixtures/render/subsequent-author-substitute-rules.json)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.render.notes import render_bibliography

FIXTURE = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "render"
                      / "subsequent-author-substitute-rules.json").read_text("utf-8"))


@pytest.mark.parametrize("rule", sorted(FIXTURE["bibliographies"]))
def test_rule_substitutes_as_citeproc_js(tmp_path: Path, rule: str) -> None:
    style = tmp_path / f"sas-{rule}.csl"  # styles are cached by path
    style.write_text(FIXTURE["style"].format(rule=rule), encoding="utf-8")
    entries = render_bibliography(FIXTURE["items"], style=str(style), locale=FIXTURE["locale"])
    assert entries == FIXTURE["bibliographies"][rule]


def test_the_rules_differ_on_the_fixture() -> None:
    """The fixture tells the rules apart: no two give the same bibliography."""
    rendered = [tuple(entries) for entries in FIXTURE["bibliographies"].values()]
    assert len(set(rendered)) == len(rendered) == 4
