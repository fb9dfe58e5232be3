from __future__ import annotations

from pathlib import Path

import pytest

from converter.model import Document, Origin
from converter.readers import bibtex
from converter.report import Report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


CORPORA = ("biblatex-examples.bib", "xampl.bib", "notes-test.bib")


def read_corpus(name: str) -> Document:
    """One of the real .bib corpora, as the BibTeX reader reads it."""
    return bibtex.read((FIXTURES / "corpora" / name).read_text("utf-8"), origin=Origin(name), report=Report())
