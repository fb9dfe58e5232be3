"""citeproc-py title-cases (and capitalize-all's) a string by splitting it into words and
joining them back with single spaces, segment by segment: where a title holds a protected part
(BibTeX braces, `<span class="nocase">`) the seam gets a space ("Algebra V : 2-Groups",
"S -matrix", "( MVS )"), and the title's own spacing is lost. It also leaves the parts of a
hyphenated word alone ("Methodology-independent"). As in citeproc-js, only the words change:
spacing and protected segments are kept as they are, and each lower-case part of a hyphenated
word is cased like a word ("Methodology-Independent"). capitalize-first, as in citeproc-js,
leaves a first word that has capitals of its own ("iPad ed.").
"""
from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc import string as cstring

from converter.data import tsv_rows

NAME = "title_case_words"
DESCRIPTION = "title case word by word keeping spacing and protected segments; hyphenated parts cased"

_SPACES = re.compile(r"(\s+)")
STOP_WORDS = frozenset(row[0] for row in tsv_rows("title-case-stop-words.tsv"))
_OPENING = re.compile(r"[(\[‘“'\"¿¡]*")
_ELIDED = re.compile(r"^([^\W\d_]+)['’]")
_original_case = model.TextCased.case
# A segment's own characters: str() of a rich-text segment (rich_text_fields) adds its marks, and
# a marked segment made from marked text would then print them twice (<i><i>De</i></i>).
_raw = str.__str__


def _is_stop_word(part: str) -> bool:
    elided = _ELIDED.match(part)
    return part in STOP_WORDS or bool(elided and f"{elided.group(1)}'" in STOP_WORDS)


def _cased_word(word: Any, state: dict[str, str], title: bool) -> str:
    parts = _raw(word).split("-")
    out = []
    for index, whole in enumerate(parts):
        # citeproc-js cases the word after opening punctuation: "(Speech)", "‘Real’".
        lead = _OPENING.match(whole).group(0)
        part = whole[len(lead):]
        piece = type(word)(part) if isinstance(word, cstring.String) else cstring.String(part)
        # After a full stop, not after an opening: "Album. (for High Voice)" keeps its stop word.
        starts = (state["prev"] in (":", ".", "?", "!") and not lead) or (index == 0 and state["first"] == "yes")
        if part and piece.islower():
            # citeproc-js: a one-letter word ("i", "o") stays as typed unless it starts the title.
            if not title or (len(part) > 1 and not _is_stop_word(part)) or starts:
                piece = piece.capitalize_first()
            else:
                piece = piece.soft_lower()
        out.append(lead + _raw(piece))
        if part:
            state["first"] = "no"
    if _raw(word):
        state["prev"] = _raw(word)[-1]
    return "-".join(out)


def _recased(element: Any, text: Any, title: bool) -> Any:
    segments = list(text) if isinstance(text, cstring.MixedString) else [text]
    state = {"prev": "", "first": "yes"}
    out = []
    for segment in segments:
        kind = type(segment) if isinstance(segment, cstring.String) else cstring.String
        if isinstance(segment, cstring.NoCase):
            out.append(segment)
            if _raw(segment).strip():
                state["prev"], state["first"] = _raw(segment).rstrip()[-1], "no"
            continue
        pieces = [piece if not piece or piece.isspace()
                  else _cased_word(kind(piece), state, title)
                  for piece in _SPACES.split(_raw(segment))]
        out.append(kind("".join(pieces)))
    return cstring.MixedString(out) if isinstance(text, cstring.MixedString) else out[0]


def _case(self: Any, text: Any, language: str | None = None) -> Any:
    text_case = self.get("text-case")
    if text_case == "title" and language == "en":
        return _recased(self, text, title=True)
    if text_case == "capitalize-all":
        return _recased(self, text, title=False)
    if text_case == "capitalize-first" and _first_word(text) != _first_word(text).lower():
        return text  # citeproc-js: a first word with capitals of its own ("iPad") is left as it is
    return _original_case(self, text, language)


def _first_word(text: Any) -> str:
    segments = list(text) if isinstance(text, cstring.MixedString) else [text]
    raw = "".join(_raw(segment) if isinstance(segment, str) else str(segment) for segment in segments)
    words = raw.split(None, 1)
    return words[0] if words else ""


def apply() -> None:
    model.TextCased.case = _case
