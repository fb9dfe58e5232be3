from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from converter.model import Document, Origin
from converter.readers import bibtex, notes_txt
from converter.report import Report

# On CI the property tests draw the same examples every run, so that a red CI is a change's doing and
# can be run again; locally they draw new ones (and bench/fuzz.py runs them long).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("BIBCONV_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


CORPORA = ("biblatex-examples.bib", "xampl.bib", "notes-test.bib")


def read_corpus(name: str) -> Document:
    """One of the real .bib corpora, as the BibTeX reader reads it."""
    return bibtex.read((FIXTURES / "corpora" / name).read_text("utf-8"), origin=Origin(name), report=Report())


def cited_in_notes(*texts: str) -> list[list[tuple[dict[str, Any], str | None]]]:
    """(item, locator) for each citation, note by note, of a document of these notes (numbered 1..N)
    read by the notes reader."""
    source = "".join(f"{number}. {text}\n" for number, text in enumerate(texts, 1))
    document = notes_txt.read(source, origin=Origin("t.txt"), report=Report())
    by_id = {item.id: item.csl for item in document.items}
    return [[(by_id[c.id], c.locator) for c in note.citations] for note in document.notes]


def cited_in_note(text: str) -> list[tuple[dict[str, Any], str | None]]:
    """(item, locator) for each citation of a one-note document read by the notes reader."""
    return cited_in_notes(text)[0]


def only_item_in_note(text: str) -> dict[str, Any]:
    """The item of a one-note document that must cite exactly one work."""
    cited = cited_in_note(text)
    assert len(cited) == 1, [item for item, _ in cited]
    return cited[0][0]


@functools.cache
def shared_scorer() -> Any:
    """shared/eval/score_notes.py, imported from the shared location (never copied)."""
    spec = importlib.util.spec_from_file_location("score_notes", SHARED / "eval" / "score_notes.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def lone_cite_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the compared (lone) cites disambiguation renders from now on, in order."""
    from converter.render.fixes import disambiguation

    rendered: list[str] = []
    original = disambiguation._lone_cite

    def counting(bibliography: object, key: str) -> str:
        rendered.append(key)
        return original(bibliography, key)
    monkeypatch.setattr(disambiguation, "_lone_cite", counting)
    return rendered
