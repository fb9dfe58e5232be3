"""notes/phrase_search.py: a phrase search that looks only where a phrase can begin finds what the
plain case-blind alternation finds, for the tables that use it."""
from __future__ import annotations

import random
import re

import pytest

from converter.data import fold, tsv_rows
from converter.notes import archival_parts, imprint, title
from converter.notes.container import container_pattern, container_search
from converter.notes.phrase_search import CASE_DOMAIN_END, literal_alternatives, phrase_pattern, starting_characters
from converter.notes.vocabulary import genres, proceedings_phrases
from tests.conftest import FIXTURES


def _plain_patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str], list[str]]]:
    """name -> (the plain alternation as it was written before, the fast one, its phrases)."""
    fonds = [row[0] for row in tsv_rows("archive-fonds.tsv")]
    genre_phrases = [phrase for phrase, _, _ in genres()]
    genre_alternatives = "|".join(re.escape(phrase).replace("'", "['’]") for phrase in genre_phrases)
    fonds_alternatives = "|".join(sorted({re.escape(word) for word in fonds}, key=len, reverse=True))
    return {
        "proceedings": (re.compile("|".join(map(re.escape, proceedings_phrases())), re.IGNORECASE),
                        title._proceedings_search(), list(proceedings_phrases())),
        "genres": (re.compile(rf"(?<![^\W\d_])(?:{genre_alternatives})(?![^\W\d_])", re.IGNORECASE),
                   imprint._genre_pattern(), genre_phrases),
        "fonds": (re.compile(rf"(?<!\w)(?:{fonds_alternatives})(?!\w)", re.IGNORECASE), archival_parts._fonds(), fonds),
        "conference": (container_pattern("conference"), container_search("conference"),
                       [fold(row[0]) for row in tsv_rows("notes-containers.tsv") if row[1] == "conference"]),
    }


def test_every_character_equated_with_a_first_character_lies_in_the_searched_domain() -> None:
    everything = "".join(map(chr, range(0x110000)))
    firsts = sorted({re.escape(phrase[:1]) for _, _, phrases in _plain_patterns().values() for phrase in phrases}
                    | {"['’]"})
    beyond = [char for char in re.findall(f"(?i:{'|'.join(firsts)})", everything) if ord(char) >= CASE_DOMAIN_END]
    assert beyond == []
    assert set("kK\u212a") <= set(starting_characters(["k"]))  # the Kelvin sign is a case-blind k


@pytest.mark.parametrize("name", ["proceedings", "genres", "fonds", "conference"])
def test_the_fast_search_finds_what_the_plain_alternation_finds(name: str) -> None:
    plain, fast, phrases = _plain_patterns()[name]
    rng = random.Random(3)
    neighbours = ["", " ", "x", "É", "1", "_", ".", "ſ", "\u212a", "İ", "ı", "’", "'", "-", "\n", "(", "ü"]
    texts = []
    for _ in range(3000):
        phrase = "".join(char.upper() if rng.random() < 0.3 else char for char in rng.choice(phrases))
        texts.append("".join(rng.choice(neighbours) for _ in range(2)) + phrase
                     + "".join(rng.choice(neighbours) for _ in range(2)))
    notes = (FIXTURES / "notes" / "realistic").glob("*.notes.txt")
    for path in sorted(notes):
        text = path.read_text("utf-8")
        for _ in range(300):
            start = rng.randrange(len(text))
            texts.append(text[start:start + rng.randrange(1, 120)])
    found = [(match.span() if (match := fast.search(text)) else None) for text in texts]
    expected = [(match.span() if (match := plain.search(text)) else None) for text in texts]
    assert found == expected
    assert any(found)
    starts = [(text, rng.randrange(len(text) + 1)) for text in texts if text]  # anchored too (genre_at)
    matched = [(match.span() if (match := fast.match(text, at)) else None) for text, at in starts]
    anchored = [(match.span() if (match := plain.match(text, at)) else None) for text, at in starts]
    assert matched == anchored


def test_an_empty_phrase_or_one_beginning_beyond_latin_extended_a_is_refused() -> None:
    with pytest.raises(ValueError):
        phrase_pattern(literal_alternatives(["papers", ""]))
    with pytest.raises(ValueError):  # "ɫ" (U+026B) has its capital at U+2C62, beyond the domain searched
        phrase_pattern(literal_alternatives(["ɫa"]))


def test_phrases_whose_first_characters_match_alike_keep_their_order() -> None:
    phrases = ["Ab", "abc", "a", "'x", "’xy"]
    alternatives = [(re.escape(p[:1]).replace("'", "['’]"), re.escape(p[1:])) for p in phrases]
    fast = phrase_pattern(alternatives)
    plain = re.compile("|".join(re.escape(p).replace("'", "['’]") for p in phrases), re.IGNORECASE)
    texts = ["abc", "xAbc", "ABC", "’xyz", "'xy", "ba", "zz"]
    assert [m.span() if (m := fast.search(t)) else None for t in texts] == [
        m.span() if (m := plain.search(t)) else None for t in texts]
