"""notes/memo.py: a memo answers again within a note and is forgotten when the next note begins,
so that an identical note later (or a benchmark's replicated notes) is parsed, not looked up."""
from __future__ import annotations

import pytest

from converter.model import Origin
from converter.notes import split
from converter.notes.memo import for_one_note, forget_note
from converter.readers import notes_txt
from converter.report import Report


def test_a_memo_answers_again_until_the_note_is_forgotten() -> None:
    calls: list[str] = []

    @for_one_note
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert (length("abc"), length("abc")) == (3, 3)
    assert calls == ["abc"]
    forget_note()
    assert length("abc") == 3
    assert calls == ["abc", "abc"]


def test_reading_notes_forgets_before_each_note(monkeypatch: pytest.MonkeyPatch) -> None:
    forgotten: list[int] = []
    monkeypatch.setattr(split, "forget_note", lambda: forgotten.append(1))
    notes_txt.read("1. Ibid., 4.\n2. Ibid., 4.\n3. Ibid., 4.\n", origin=Origin("t.txt"), report=Report())
    assert len(forgotten) == 3
