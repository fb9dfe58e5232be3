"""segments.strong_lead_in is written as a phrase search (it skips to the characters the lead-in
words begin with); its matches must be those of the plain case-blind alternation at a word's
start that it replaces, on real notes and on text full of the characters re equates with ASCII
letters (the long s, the Kelvin sign, dotted and dotless i)."""
from __future__ import annotations

import random
import re
from pathlib import Path

from converter.notes.segments import strong_lead_in
from converter.notes.vocabulary import lead_in_words

ROOT = Path(__file__).resolve().parent.parent


def _plain() -> re.Pattern[str]:
    words = sorted(lead_in_words("strong"), key=len, reverse=True)
    verbs = sorted(lead_in_words("strong") & lead_in_words("start"), key=len, reverse=True)
    return re.compile(r"\b(?:(?:" + "|".join(map(re.escape, verbs)) + r")(?:\s+[a-zà-ÿß][\w’'-]*){1,5}?\s+in:?"
                      r"|(?:" + "|".join(map(re.escape, words)) + r"))\s+(?=(?-i:[A-ZÀ-ÞČŠŽ‘“\"«„*]))", re.IGNORECASE)


def _texts() -> list[str]:
    texts = [line for path in sorted((ROOT / "fixtures" / "notes" / "realistic").glob("*.notes.txt"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    words = sorted(lead_in_words("strong"))
    vocabulary = [*words, *(w.upper() for w in words), *(w.title() for w in words), "the essays", "die Beiträge",
                  "in", "in:", "Smith", "ſee also", "ſiehe", "İs in", "are ın", "Kf.", "\u212aonsult"]
    characters = [*"aeiscvgzkdtrpf ,.;:()-’'\"“‘«„*ABCSVZ", "ſ", "\u212a", "İ", "ı", "ß", "à", "É", "Č"]
    rng = random.Random(7)
    for _ in range(3000):
        parts = [rng.choice(vocabulary) if rng.random() < 0.5 else "".join(rng.choices(characters, k=rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 8))]
        texts.append(rng.choice(["", " ", "x", ", "]).join(parts))
    return texts


def test_strong_lead_in_finds_what_the_plain_alternation_finds() -> None:
    plain, fast, rng = _plain(), strong_lead_in(), random.Random(11)
    found = 0
    for text in _texts():
        expected = [match.span() for match in plain.finditer(text)]
        assert [match.span() for match in fast.finditer(text)] == expected, text
        found += len(expected)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))  # reference_start.inside_title searches a window of the note
        window = [match.span() for match in plain.finditer(text, start, end)]
        assert [match.span() for match in fast.finditer(text, start, end)] == window, (text, start, end)
    assert found > 300  # the texts do hold lead-ins, so the comparison says something
