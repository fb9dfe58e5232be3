"""BibTeX name lists ↔ CSL names.

Reading follows BibTeX's own rules (Tame the BeaST, §11): a list is split at ` and ` outside braces;
each name is `First von Last`, `von Last, First` or `von Last, Jr, First`; `von` is the run of words
that start in lower case. Splitting happens on the raw LaTeX, and each part is decoded afterwards,
so `{Barnes and Noble}` stays one corporate name and `{\\'E}mile` is still one word.

CSL mapping: `von` → `non-dropping-particle` (BibTeX prints it before the family name in every
form); lower-case words closing the given part (`Beethoven, Ludwig van`) → `dropping-particle`;
`Jr` → `suffix`; a name that is one braced group → `literal`; `others` → `{"literal": "others"}`,
as pandoc reads it. Writing is the inverse, bracing what BibTeX would otherwise misread.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from converter import latex

Name = dict[str, Any]
OTHERS = "others"
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_AND_OR_BRACE = re.compile(r"(?<!\\)[{}]|\s+and\s+", re.IGNORECASE)
_TOKEN = re.compile(r"\{|\}|\\.|,|[\s~]+")


def split_list(value: str) -> list[str]:
    """The names of a BibTeX name list, split at ` and ` outside braces."""
    value = value.strip()
    if not value:
        return []
    if "{" not in value:
        return [part for part in _AND.split(value) if part.strip()]
    names, depth, start = [], 0, 0
    for match in _AND_OR_BRACE.finditer(value):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(value[start:match.start()])
            start = match.end()
    names.append(value[start:])
    return [name.strip() for name in names if name.strip()]


def _words(name: str) -> tuple[list[str], list[int]]:
    """Words at brace depth 0 (separated by spaces or ~), and after which word each comma falls."""
    words: list[str] = []
    commas: list[int] = []
    depth, current = 0, []
    position = 0
    for match in _TOKEN.finditer(name):
        token = match.group(0)
        current.append(name[position:match.start()])
        position = match.end()
        if token == "{":
            depth += 1
            current.append(token)
        elif token == "}":
            depth -= 1
            current.append(token)
        elif depth > 0 or token.startswith("\\"):
            current.append(token)
        elif token == ",":
            if "".join(current).strip():
                words.append("".join(current).strip())
            current = []
            commas.append(len(words))
        else:
            if "".join(current).strip():
                words.append("".join(current).strip())
            current = []
    current.append(name[position:])
    if "".join(current).strip():
        words.append("".join(current).strip())
    return words, commas


def _is_lower(word: str) -> bool | None:
    """The case of a word as BibTeX sees it: its first letter at depth 0, or in a {\\'e} special
    character; None for a word without one (a braced group, digits)."""
    depth = 0
    index = 0
    while index < len(word):
        char = word[index]
        if char == "{":
            if depth == 0 and word.startswith("{\\", index):
                # special character: the case of the first letter after the command
                match = re.match(r"\{\\([A-Za-z]+|.)\s*\{?\s*([A-Za-z])?", word[index:])
                if match and match.group(1) in ("oe", "ae", "aa", "o", "l", "ss", "i", "j", "OE", "AE", "AA",
                                                "O", "L"):
                    return match.group(1)[0].islower()
                if match and match.group(2):
                    return match.group(2).islower()
                return None
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char.isalpha():
            return char.islower()
        index += 1
    return None


def _decode(words: list[str]) -> str:
    return latex.to_unicode(" ".join(words)).strip() if words else ""


def _von_last(words: list[str]) -> tuple[list[str], list[str]]:
    """Split `von Last`: von runs to the last lower-case word that is not the final word."""
    lower = [index for index, word in enumerate(words[:-1]) if _is_lower(word)]
    if not lower:
        return [], words
    start = lower[0]
    end = lower[-1] + 1
    return words[start:end], words[end:]


@lru_cache(maxsize=1 << 15)
def _parse_cached(raw: str) -> tuple[tuple[str, str], ...]:
    raw = raw.strip()
    if raw.lower() == OTHERS:
        return (("literal", OTHERS),)
    if raw.startswith("{") and raw.endswith("}") and latex.is_balanced(raw[1:-1]) and _single_group(raw):
        return (("literal", latex.to_unicode(raw[1:-1]).strip()),)
    words, commas = _words(raw)
    if not words:
        return ()
    first: list[str]
    jr: list[str] = []
    if not commas:
        lower = [index for index, word in enumerate(words[:-1]) if _is_lower(word)]
        if lower:
            first = words[:lower[0]]
            von, last = _von_last(words[lower[0]:])
        else:
            first, von, last = words[:-1], [], words[-1:]
    else:
        von, last = _von_last(words[:commas[0]])
        if len(commas) == 1:
            first = words[commas[0]:]
        else:
            jr = words[commas[0]:commas[1]]
            first = words[commas[1]:]
    dropping: list[str] = []
    while commas and len(first) > 1 and _is_lower(first[-1]):
        dropping.insert(0, first.pop())
    parts = (("given", _decode(first)), ("dropping-particle", _decode(dropping)),
             ("non-dropping-particle", _decode(von)), ("family", _decode(last)), ("suffix", _decode(jr)))
    return tuple((key, value) for key, value in parts if value)


def _single_group(raw: str) -> bool:
    depth = 0
    for index, char in enumerate(raw):
        if char == "{" and (index == 0 or raw[index - 1] != "\\"):
            depth += 1
        elif char == "}" and raw[index - 1] != "\\":
            depth -= 1
            if depth == 0 and index != len(raw) - 1:
                return False
    return True


def parse_name(raw: str) -> Name:
    """One BibTeX name as a CSL name object."""
    return dict(_parse_cached(raw))


def parse_names(value: str) -> list[Name]:
    """A BibTeX name list (raw LaTeX, macros already expanded) as CSL names."""
    return [name for name in (parse_name(raw) for raw in split_list(value)) if name]


# --- writing -------------------------------------------------------------------------------------

def _protect_words(text: str, *, brace_lower: bool, ascii_only: bool) -> str:
    """LaTeX for a name part; words BibTeX would misread (lower case, `and`, commas) get braces."""
    out = []
    for word in text.split(" "):
        encoded = latex.to_latex(word, ascii=ascii_only)
        first_letter = next((char for char in word if char.isalpha()), "")
        if (brace_lower and first_letter.islower()) or word.lower() == "and" or "," in word:
            encoded = "{" + encoded + "}"
        out.append(encoded)
    return " ".join(out)


def format_name(name: Name, *, ascii_only: bool = False, dropping_as_von: bool = False) -> str:
    """One CSL name as BibTeX: `von Last, Jr, First`, or `{Literal}`."""
    if "literal" in name and not name.get("family"):
        literal = str(name["literal"])
        return OTHERS if literal == OTHERS else "{" + latex.to_latex(literal, ascii=ascii_only) + "}"
    family = str(name.get("family", ""))
    given = str(name.get("given", ""))
    particle = str(name.get("non-dropping-particle", ""))
    dropping = str(name.get("dropping-particle", ""))
    suffix = str(name.get("suffix", ""))
    last = _protect_words(family, brace_lower=True, ascii_only=ascii_only) if family else "{}"
    if particle:
        # BibTeX takes lower-case words as `von`; an upper-case particle ("Van") reads back as family
        last = latex.to_latex(particle, ascii=ascii_only) + " " + last
    first = _protect_words(given, brace_lower=True, ascii_only=ascii_only) if given else ""
    words = dropping.split(" ")
    if dropping and dropping_as_von and not particle and _is_lower(words[0]) and _is_lower(words[-1]):
        # biblatex without useprefix reads `von` as a dropping particle: the usual place for it
        last = latex.to_latex(dropping, ascii=ascii_only) + " " + last
    elif dropping:
        first = (first + " " if first else "") + " ".join(
            latex.to_latex(word, ascii=ascii_only) for word in dropping.split(" "))
    if suffix:
        return f"{last}, {_protect_words(suffix, brace_lower=False, ascii_only=ascii_only)}, {first}"
    # a comma keeps a family-only name from reading as `First Last` or, braced, as a literal
    return f"{last}, {first}" if first else (f"{last}," if " " in last or last[:1] == "{" else last)


def format_names(names: list[Name], *, ascii_only: bool = False, dropping_as_von: bool = False) -> str:
    return " and ".join(format_name(name, ascii_only=ascii_only, dropping_as_von=dropping_as_von)
                        for name in names if isinstance(name, dict))
