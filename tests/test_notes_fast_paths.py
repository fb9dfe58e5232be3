"""Shortcuts the notes parser takes for speed must answer as the plain forms they replace:
reference_start.may_start reads a window before the candidate instead of the note's whole start,
data.fold lowers an ASCII word without normalising it. Each is compared with the plain form on the
realistic notes and on random text built to reach the edges (long words and runs of spaces at the
window's start, notes shorter than the window, non-ASCII letters and apostrophes)."""
from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

from converter.data import fold
from converter.notes import reference_start
from converter.notes.reference_start import may_start
from converter.notes.vocabulary import lead_in_words

ROOT = Path(__file__).resolve().parent.parent
_CLAUSE_BREAK = re.compile(r"[.;:,(]\s")


def _plain_may_start(text: str, pos: int) -> bool:
    """may_start as it read the note's whole start before the window."""
    before = text[:pos].rstrip()
    if not before or before[-1] in ".,;:([—–-‘“\"«„*":
        return True
    folded = fold(before.rsplit(None, 1)[-1].lstrip("([{‘“\"'«"))
    if folded in reference_start._CONJUNCTIONS or lead_in_words("end") & {folded, fold(" ".join(before.split()[-2:]))}:
        return True
    clause = _CLAUSE_BREAK.split(before[-60:])[-1]
    return any(fold(word) in lead_in_words("start") for word in clause.split()[-6:])


def _texts() -> list[str]:
    texts = [line for path in sorted((ROOT / "fixtures" / "notes" / "realistic").glob("*.notes.txt"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    vocabulary = ["see", "and", "zit. nach", "cf.", "Vgl.", "Smith", "in", "the", "x" * 70, "y" * 130,
                  " " * 40, " " * 120, ",", ".", "(", "“", "von", "See on this issue", "—"]
    # a lead-in whose first word lies before the window, its last one inside it
    texts += ["Zit." + " " * gap + "nach HHStA, PA XL" for gap in range(40, 130, 3)]
    rng = random.Random(5)
    for _ in range(400):
        texts.append(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 30))))
    return texts


def test_may_start_answers_as_when_it_read_the_whole_start() -> None:
    for text in _texts():
        for pos in range(len(text) + 1):
            assert may_start(text, pos) == _plain_may_start(text, pos), (text, pos)


def test_fold_of_ascii_is_the_normalised_case_fold() -> None:
    rng = random.Random(3)
    ascii_words = ["".join(map(chr, range(128)))] + ["".join(rng.choices([chr(c) for c in range(128)], k=12))
                                                      for _ in range(2000)]
    for word in [*ascii_words, "Müller", "O’Brien", "ǅemal", "İstanbul", "Straße", "ʹ", "e\u0301"]:
        plain = unicodedata.normalize("NFC", word).casefold().replace("’", "'").replace("ʹ", "'").replace("ʼ", "'")
        assert fold(word) == plain, word
