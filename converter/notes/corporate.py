"""A body as an author: "Associated Press, “Title”", "Library of Congress, ...", kept whole as a
literal name (not "Oxford University Press, 2009", a publisher before its year)."""
from __future__ import annotations

import re
from functools import cache
from itertools import repeat

from converter.notes.name_words import TITLE_WORDS, WORD, Names, role_after
from converter.notes.vocabulary import corporate_words
from converter.notes.vocabulary import folded as fold

# "Library of Congress, ", "Associated Press, ", "University of Chicago Press, ": capitalised words,
# small joining words between them, then the comma (or a German style's colon) before the title.
_BODY = re.compile(rf"(?P<name>{WORD}\.?(?:\s+(?:(?:of|for|and|&|the|on|de|du|des|für|der|des|di|del|della)\s+)*"
                   rf"{WORD}\.?){{0,7}})[,:]\s+")


@cache
def _body_heads() -> frozenset[str]:
    """The body words without their final period: a word w (its periods stripped) is a body word
    ("press", "inst.") exactly when w or w + "." is in corporate_words()."""
    bodies = corporate_words()
    return frozenset({body for body in bodies if not body.endswith(".")}
                     | {body[:-1] for body in bodies if body.endswith(".") and not body[:-1].endswith(".")})


def corporate_name(text: str, pos: int, limit: int) -> Names | None:
    """"Associated Press, “Title”": a body as author, kept whole as a literal name."""
    # The name holds no comma and a comma follows it: its words are those before the first
    # comma, and without a body word among them there is nothing to match.
    comma, colon = text.find(",", pos, limit), text.find(": ", pos, limit)
    if colon >= 0 and (comma < 0 or colon < comma):  # the earlier of the two that are there
        comma = colon
    if comma < 0 or _body_heads().isdisjoint(map(str.rstrip, map(fold, text[pos:comma].split()), repeat("."))):
        return None  # word by word (folds are cached), looked up in one C-level pass
    bodies = corporate_words()
    match = _BODY.match(text, pos, limit)
    if not match:
        return None
    words = [fold(word.rstrip(".")) for word in match.group("name").split()]
    following = text[match.end():match.end() + 1]
    # "Oxford University Press, 2009": a publisher before its year, not an author before a title
    if not (following.isupper() or following in "“‘\"«„") or words[0] in TITLE_WORDS or not any(
            word in bodies or word + "." in bodies for word in words):
        return None
    if role_after(text, match.end("name"))[0] != "author":
        return None
    return Names([{"literal": match.group("name")}], "author", pos, match.end())
