"""fixes/seam_last_char: normalize_seam reading only the last character of the text so far gives
citeproc-py's own answer (the same pieces, of the same classes) for every seam, including
MixedStrings nested, with empty segments and with segments of classes that have their own text."""
from __future__ import annotations

import random

from citeproc import string as cstring

from converter.render.fixes import seam_last_char

# Characters that decide a seam (space, the doubled marks) and some that do not.
CHARS = " .,;:!?ab”<"


class Marked(cstring.String):
    """A piece whose text is not its str value (as fixes/rich_text_fields makes them)."""

    def __str__(self) -> str:
        return "<i>" + str.__str__(self) + "</i>"


class MarkedMixed(cstring.MixedString):
    def __str__(self) -> str:
        return "[" + super().__str__() + "]"


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randrange(0, 4)))


def _piece(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(6 if depth < 2 else 3)
    if kind == 0:
        return _text(rng)
    if kind == 1:
        return cstring.String(_text(rng))
    if kind == 2:
        return Marked(_text(rng))
    segments = [_piece(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return (MarkedMixed if kind == 5 else cstring.MixedString)(segments)


def _shape(value: object) -> object:
    if isinstance(value, list):
        return type(value), [_shape(part) for part in value]
    return type(value), str(value)


def test_last_char_is_the_last_character_of_the_text():
    rng = random.Random(5)
    for _ in range(20000):
        piece = _piece(rng)
        assert seam_last_char.last_char(piece) == str(piece)[-1:], piece


def test_seams_are_citeproc_pys():
    rng = random.Random(11)
    for _ in range(20000):
        left, other = _piece(rng), _piece(rng)
        ours = seam_last_char.normalize_seam(left, other)
        theirs = seam_last_char._original_normalize_seam(left, other)
        assert _shape(ours) == _shape(theirs), (left, other)


def test_applied_under_the_collision_fix_whenever_it_was_imported():
    from converter.render import fixes
    from converter.render.fixes import punctuation_collisions

    fixes.apply_all()
    seam_last_char.apply()  # again: idempotent, and finds the collision fix however imported
    assert punctuation_collisions._original_normalize_seam is seam_last_char.normalize_seam
    assert cstring.normalize_seam is punctuation_collisions._normalize_seam
    assert str(cstring.MixedString([cstring.String("ends.")]) + ".") == "ends."


def _move_as_before(left, right, close):
    """punctuation_in_quote._move as it was before it read the last character first."""
    from converter.render.fixes import punctuation_in_quote as piq

    left_text, right_text = str(left), str(right)
    if not right_text or right_text[0] not in piq.MOVED or not left_text.endswith(close):
        return left, right
    punctuation = right_text[0]
    rest = cstring._strip_first_char(right)
    close = piq._closing_marks(left_text, close)
    if left_text[:-len(close)][-1:] in piq.ENDING:
        return left, rest
    return piq._with_last_char_inserted(left, punctuation, close), rest


def test_quote_moves_are_those_before():
    from converter.render.fixes import punctuation_in_quote as piq

    rng = random.Random(17)
    for close in ("”", "»"):
        token = piq._close_quote.set(close)
        inner = piq._inner_quotes.set(("‘", "’"))
        try:
            for _ in range(20000):
                left, right = _piece(rng), _piece(rng)
                if rng.random() < 0.5:  # often a piece ending in the quote, as a title in quotes
                    left = cstring.MixedString([left, cstring.String(_text(rng) + close)])
                ours = piq._move(left, right)
                assert [_shape(part) for part in ours] == [_shape(part) for part in _move_as_before(left, right, close)]
        finally:
            piq._inner_quotes.reset(inner)
            piq._close_quote.reset(token)


def test_first_char_is_the_first_character_of_the_text():
    rng = random.Random(7)
    for _ in range(20000):
        piece = _piece(rng)
        assert seam_last_char.first_char(piece) == str(piece)[:1], piece


def _tagged(rng: random.Random) -> object:
    """A piece that may end in closing tags (or in one and a newline), as HTML output has them."""
    piece = _piece(rng)
    ending = rng.choice(("", "", "</i>", "</i></b>", "</i>\n", ">", "x</i>"))
    return cstring.MixedString([piece, cstring.String(_text(rng) + ending)]) if ending else piece


def _collision_seam_as_before(left, other):
    """punctuation_collisions._normalize_seam as it was before it read single characters."""
    from converter.render.fixes import punctuation_collisions as pc

    other = pc._original_normalize_seam(left, other)
    other_text = str(other)
    if not other_text or other_text[0] not in pc.REDUNDANT_AFTER:
        return other
    left_text = str(left)
    if not left_text:
        return other
    last = pc.CLOSING_TAGS.sub("", left_text)[-1:]
    if last and last in pc.REDUNDANT_AFTER[other_text[0]]:
        return cstring._strip_first_char(other)
    return other


def test_collision_seams_are_those_before():
    from converter.render.fixes import punctuation_collisions as pc

    rng = random.Random(23)
    for _ in range(20000):
        left, other = _tagged(rng), _piece(rng)
        assert _shape(pc._normalize_seam(left, other)) == _shape(_collision_seam_as_before(left, other)), (left, other)


def test_additions_are_citeproc_pys():
    from converter.render import fixes
    from converter.render.fixes import punctuation_collisions as pc

    fixes.apply_all()  # both additions normalize their seam with the fixes' normalize_seam
    assert pc._ADDITION is pc._concatenated
    rng = random.Random(29)
    for _ in range(20000):
        left = rng.choice((cstring.MixedString, MarkedMixed))([_piece(rng) for _ in range(rng.randrange(0, 3))])
        other = rng.choice((_piece(rng), "", []))
        assert _shape(pc._concatenated(left, other)) == _shape(pc._original_add(left, other)), (left, other)


def _rich_string_by_the_loop(text):
    """parse_rich_string's general path (its tag loop), also for text without tags."""
    from converter.render.fixes import rich_text_fields as rtf

    output, position = cstring.MixedString(), 0
    for match in rtf._TAG.finditer(text):  # none here: the texts below hold no "<"
        position = match.end()
    if text[position:]:
        output += cstring.String(text[position:])
    return output


def test_rich_strings_without_tags_are_those_of_the_loop():
    from converter.render import fixes
    from converter.render.fixes import rich_text_fields as rtf

    fixes.apply_all()  # the loop adds through the fixes' MixedString addition
    rng = random.Random(31)
    for _ in range(5000):
        text = "".join(rng.choice(CHARS.replace("<", "") + "\u00a0'\"") for _ in range(rng.randrange(0, 6)))
        assert _shape(rtf.parse_rich_string(text)) == _shape(_rich_string_by_the_loop(text)), text
    assert _shape(rtf.parse_rich_string("a <i>b</i>")) != _shape(_rich_string_by_the_loop("a b"))
