"""Our renderer against citeproc-js: fixtures/render/ was made once by bench/render_fixtures.py.

Every note and bibliography entry that differs from citeproc-js must be listed, with its reason,
in fixtures/render/known-differences.tsv; an entry listed there that now matches must be removed
(the list only shrinks), and the list may not grow past KNOWN_DIFFERENCES_CEILING.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from converter.model import Origin
from converter.pipeline import read_text
from converter.render.notes import render_bibliography, render_notes
from converter.report import Report

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "render"
KNOWN = FIXTURES / "known-differences.tsv"
# Lower this when differences are fixed; never raise it.
KNOWN_DIFFERENCES_CEILING = 31


def fixture_paths() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.json"))


@cache
def document(path: str, fmt: str = "notes-json"):
    return read_text((ROOT / path).read_text("utf-8"), fmt, origin=Origin(path), report=Report())


@cache
def differences(fixture: Path) -> frozenset[tuple[str, str, str]]:
    """(fixture name, "note"|"bibliography", 1-based position) of every output unlike citeproc-js."""
    expected = json.loads(fixture.read_text("utf-8"))
    doc = document(expected["input"], expected.get("input_format", "notes-json"))
    options = {"style": expected["style"], "locale": expected["locale"], "fmt": expected["format"]}
    name = f"{fixture.parent.name}/{fixture.name}"
    found = set()
    for part, ours in (("note", render_notes(doc, **options) if expected["notes"] else []),
                       ("bibliography", render_bibliography(doc, **options))):
        theirs = expected["notes" if part == "note" else "bibliography"]
        assert len(ours) == len(theirs), f"{name}: {len(ours)} {part}s, citeproc-js has {len(theirs)}"
        found |= {(name, part, str(index + 1)) for index, (a, b) in enumerate(zip(ours, theirs, strict=True))
                  if a != b}
    return frozenset(found)


def known() -> dict[tuple[str, str, str], str]:
    table = {}
    for line in KNOWN.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fixture, part, position, reason = line.split("\t")
            table[(fixture, part, position)] = reason
    return table


def test_fixtures_exist_for_every_style_and_locale():
    names = {path.name for path in fixture_paths()}
    assert "chicago-notes-bibliography.en-US.text.json" in names
    assert {f"chicago-notes-bibliography.{tag}.text.json" for tag in
            ("en-GB", "it-IT", "fr-FR", "de-DE", "ru-RU")} <= names
    assert len(names) >= 15


def test_every_known_difference_has_a_reason():
    assert all(reason.strip() for reason in known().values())
    assert len(known()) <= KNOWN_DIFFERENCES_CEILING


@pytest.mark.parametrize("fixture", fixture_paths(), ids=lambda path: path.name)
def test_matches_citeproc_js_but_for_known_differences(fixture):
    name = f"{fixture.parent.name}/{fixture.name}"
    listed = {key for key in known() if key[0] == name}
    found = differences(fixture)
    unlisted = sorted(found - listed)
    fixed = sorted(listed - found)
    assert not unlisted, f"new differences from citeproc-js (fix them or list them with a reason): {unlisted}"
    assert not fixed, f"now identical to citeproc-js: remove from known-differences.tsv: {fixed}"


def test_chicago_18th_seed_notes_and_bibliography_identical_to_citeproc_js():
    # The style users expect most, on the seed notes: no difference at all, in any locale or format.
    for fixture in fixture_paths():
        if fixture.parent.name == "seed" and fixture.name.startswith("chicago-notes-bibliography."):
            assert not differences(fixture), fixture.name
