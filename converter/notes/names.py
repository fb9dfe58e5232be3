"""Personal names as notes print them: "Andrea Graziosi", "A. Banani", "Matteo L. Napolitano",
"Enrico De Leone", "Kevin McDermott, Jeremy Agnew (eds.)", "Guido Samarani and Laura De Giorgi".

`parse_names` reads a list of names at a position and the role word that follows it; `split_name`
turns one printed name into CSL {family, given}, particles kept inside family as printed.
"""
from __future__ import annotations

import re
from functools import cache

from converter.data import words
from converter.notes.compound_names import inverted_compound, listed_family
from converter.notes.corporate import corporate_name
from converter.notes.memo import for_one_note
from converter.notes.name_words import (
    TITLE_WORDS,
    UPPER,
    WORD,
    Names,
    role_after,
    role_initials,
    role_phrase,
    roles_by_head,
)
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import given_names, lead_in_words, particles, places

_INITIALS = (rf"[{UPPER}]\.?[‐-][{UPPER}]\.(?:\s?[{UPPER}]\.)*"  # "H.-A.", "H-A.", "H.-U. M."
             rf"|[{UPPER}][a-z]?\.(?:\s?[{UPPER}]\.)*(?:\s?[{UPPER}](?![\w.’']))?")
_TOKEN = re.compile(rf"(?P<initials>{_INITIALS})|(?P<word>{WORD})|(?P<lower>[a-zà-ÿ]+[’']?)(?=[\s\w])")
_JOINER = re.compile(r"\s*(?:,\s*(?:and|&)\s+|\s(?:and|&|e|und|u\.|et|y)\s+|,\s*|\s*/\s*)")  # "u.": und
# "Müller, Hans:" / "Augustine, Robert L.:" / "Angle, Paul M. (ed.):": the German editorial form,
# family first, given names after a comma, a colon before the title.
_GIVEN = rf"(?:[{UPPER}][\w’'‐-]*\.?|[{UPPER}]\.)(?:[\s‐-]+(?:[{UPPER}][\w’'‐-]*\.?|[{UPPER}]\.))*"
_ROLE_IN_PARENS = r"\((?i:eds?|hgg?|hrsg|dir|a cura di)\.?\)"  # "(eds.)", "(Hg.)", "(a cura di)"
_INVERTED_ROLE = re.compile(rf"\s*{_ROLE_IN_PARENS}\s*[,:]\s+")
_INVERTED = re.compile(rf"(?P<given>{_GIVEN})(?=\s*(?:{_ROLE_IN_PARENS})?\s*:\s"
                       r"|\s+(?:and|und|&|et)\s|,\s|\s*/\s*[A-ZÀ-Þ]|\s+et al\."
                       rf"|\s*{_ROLE_IN_PARENS}\s*,)")
_GENITIVE_ARTICLES = frozenset(("des", "der", "dem", "den", "du", "della", "delle", "degli", "dei", "del"))
_AUTHOR_COLON = re.compile(r"\s*:\s+")
_INITIAL = re.compile(r"[^\W\d_]\.")
_ONLY_INITIALS = re.compile(r"(?:[^\W\d_]\.[\s‐-]*)+")
_SUFFIX = re.compile(r",?\s(?P<suffix>[JS][a-z]{1,2}|I{2,3}|IV)(?:\.|(?![\w’'.]))")
_CONJUNCTION = re.compile(r"\b(?:and|&|e|und|u\.|et|y)(?:\b|(?<=\.))")
_SEPARATOR = re.compile(r"\s*[,:]\s*")
_OPTIONAL_SEPARATOR = re.compile(r"\s*[,:]?\s*")
_ENDING = re.compile(r"\s*\.?\s*")
_LIST_GOES_ON = re.compile(r"\s*(?:,|:|/|\(|and\b|&|e\b|und\b|et\b|ed\.|eds\.|\.\s*$|;)")
_ET_AL = re.compile(r"\s*,?\s*(?:et al\.?|et alii|u\.\s?a\.|e altri|and others|& others|et autres)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")  # compiled once here, not looked up in re's cache on every call
_WORD_INITIAL = re.compile(r"\b[^\W\d_]\.")

def split_name(printed: str) -> dict[str, str]:
    """One printed name, given names first, into {family, given}: particles join the family."""
    words = printed.split()
    if len(words) == 1:
        return {"family": words[0]}
    family_size = listed_family(words) or 1  # "Theobald von Bethmann Hollweg": a family of two words
    family_start = len(words) - family_size
    while family_start > 0 and fold(words[family_start - 1]) in particles():
        family_start -= 1
    given = " ".join(words[:family_start])
    # "Ahasver von Brandt": a particle in lower case stands apart (CSL's non-dropping-particle);
    # a capitalised one stays in the family as printed ("Enrico De Leone").
    lower = [word for word in words[family_start:-family_size] if word[:1].islower()]
    if lower and len(lower) == len(words) - family_size - family_start:
        name = {"family": " ".join(words[-family_size:]), "non-dropping-particle": " ".join(lower)}
        if given:
            name["given"] = _SPACES.sub(" ", given)
        return name
    if not given:
        return {"family": printed}
    return {"family": " ".join(words[family_start:]), "given": _SPACES.sub(" ", given)}


@for_one_note  # pure, and asked about the same places of a note again and again
def _name_at(text: str, pos: int) -> tuple[str, int] | None:
    """One name (2-5 tokens, or a single capitalised word) starting at pos: (printed, end)."""
    tokens: list[tuple[str, str, int]] = []  # (kind, value, where it ends)
    match = _TOKEN.match(text, pos)
    while match is not None:
        kind = match.lastgroup or ""
        value = match.group(kind)
        if kind == "lower" and fold(value) not in particles():
            break
        at = match.end()
        tokens.append((kind, value, at))
        if len(tokens) == 5 or text[at:at + 1] not in (" ", "\t"):
            break
        match = _TOKEN.match(text, at + 1)  # the next token after one space, read once
    while tokens and tokens[-1][0] == "lower":
        tokens.pop()
    suffixed = len(tokens) > 2 and fold(tokens[-1][1]).rstrip(".") in suffixes()  # "J. Calvitt Clarke III"
    if suffixed:
        tokens.pop()
    if not tokens or tokens[-1][0] != "word":
        return None
    first = fold(tokens[0][1])
    # "S. Pons", "V. Zaslavsky": one capital and a dot is an initial, not "s." (siehe) or "v." (vedi)
    initial = tokens[0][0] == "initials" and len(tokens[0][1]) == 2 and len(tokens) > 1
    lead_in = not initial and (first in lead_in_words("start") or first in lead_in_words("end"))
    if first in TITLE_WORDS or lead_in or any(kind == "word" and value.isupper() for kind, value, _ in tokens):
        return None
    if len(tokens) > 2 and tokens[1][0] == "lower" and fold(tokens[1][1]) in _GENITIVE_ARTICLES and (
            tokens[0][0] == "word" and first not in given_names() and first not in particles()):
        return None  # "Verhandlungen des Reichstags", "Annali della Fondazione": a title, not a name
    printed = " ".join([value for _, value, _ in tokens])
    end = tokens[-1][2]  # the tokens are read one after another from pos
    suffix = _SUFFIX.match(text, end)  # "King Jr.", "Smith, Jr.,": the suffix ends the name
    if suffix and (suffixed or len(tokens) > 1) and fold(suffix.group("suffix")) in suffixes():
        end = suffix.end()
    return printed, end


@cache
def suffixes() -> frozenset[str]:
    return words("name-suffixes.tsv")


def plausible_person(printed: str) -> bool:
    """A co-author must look like a person: initials or a known given name first."""
    first = printed.split()[0]
    return bool(_INITIAL.match(first)) or fold(first) in given_names()


def _unknown_given(printed: str) -> bool:
    """A given name not in our list may still be one ("Abdus", "Jean-François R."): one word
    besides initials, not an article, particle or place ("Des Averroës Abhandlung: ...")."""
    words = [word for word in printed.split() if not _INITIAL.fullmatch(word)]
    return len(words) == 1 and fold(words[0]) not in TITLE_WORDS and fold(words[0]) not in particles() and (
        fold(words[0]) not in places())


def _inverted_names(text: str, pos: int, limit: int) -> Names | None:
    """"Family, Given[, Given2 Family2 and Given3 Family3] [(ed.)]: Title" (family first)."""
    first = _name_at(text, pos)
    # the family is one word ("Müller", "Kocho-Williams", "de Geer"), not "Given Family"
    if not first or text[first[1]:first[1] + 2] != ", ":
        return None
    given = _INVERTED.match(text, first[1] + 2, limit)  # the cheap test first: most commas follow no family
    family = split_name(first[0]) if given else None
    if family is not None and "given" in family:  # "Pogge von Strandmann, Hartmut": all of it the family
        family = inverted_compound(first[0])
    if not given or family is None:
        return None
    # A given name we do not know is still one when the list ends with the colon of the German
    # editorial form ("Salam, Abdus: Title"), unless it is an article or a place ("Europe: A History").
    person = plausible_person(given.group("given")) or _WORD_INITIAL.search(given.group("given"))
    if not person and not _unknown_given(given.group("given")):
        return None
    names = [family | {"given": given.group("given")}]
    at = given.end()
    while True:
        others = _ET_AL.match(text, at)
        if others:
            at = others.end()
        role = _INVERTED_ROLE.match(text, at, limit)  # "(eds.)," / "(Hg.)," closes the list too
        if role:
            return Names(names, "editor", pos, role.end())
        colon = _AUTHOR_COLON.match(text, at, limit)  # a role before the colon was read just above
        if colon:
            return Names(names, "author", pos, colon.end())
        joiner = _JOINER.match(text, at)
        following = _name_at(text, joiner.end()) if joiner else None
        if not following and joiner and joiner.group(0).strip() == "," and len(names) == 1 and _ONLY_INITIALS.fullmatch(
                names[0]["given"]) and text[joiner.end():joiner.end() + 1].isupper():
            return Names(names, "author", pos, joiner.end())  # "Meier, H., Das Ende der Republik": the title next
        if not following or following[1] > limit:
            return None
        names.append(split_name(following[0]))
        at = following[1]


def parse_names(text: str, pos: int, limit: int | None = None) -> Names | None:
    """A list of names at pos followed by a role word and/or a separator, or None."""
    limit = len(text) if limit is None else limit
    body = corporate_name(text, pos, limit)
    if body is not None:
        return body
    inverted = _inverted_names(text, pos, limit)
    if inverted is not None:
        return inverted
    names: list[str] = []
    at = pos
    explicit, joiner = False, None
    listed: int | None = None  # how many names a list that only names can form holds (asked when needed)
    while True:
        found = _name_at(text, at)
        if not found or found[1] > limit:
            break
        printed, end = found
        if names and len(names) >= (listed or 0) and not (
                plausible_person(printed) or explicit or _followed_by_person(text, end)):
            break
        names.append(printed)
        at = end
        others = _ET_AL.match(text, at)
        if others:
            at = others.end()
            break
        comma_before, joiner = joiner if names[1:] else None, _JOINER.match(text, at)
        if not joiner:
            break
        nxt = _name_at(text, joiner.end())
        explicit = "," not in joiner.group(0) or _CONJUNCTION.search(joiner.group(0))
        if not nxt and explicit and comma_before is not None and comma_before.group(0).strip() == ",":
            names.pop()  # "Wolfgang J. Mommsen, Max Weber und die deutsche Politik": the title's person
            at = comma_before.start()
            break
        if nxt and not explicit and _COLON.match(text, nxt[1]):
            break  # "Naomi W. Cohen, Jacob H. Schiff: A Study": a title that names its subject
        if nxt and explicit and comma_before is not None and comma_before.group(0).strip() == "," and (
                "," not in joiner.group(0)) and len(nxt[0].split()) > 1 and _TITLE_GOES_ON.match(text, nxt[1]) and (
                not _person_like(nxt[0])) and all(map(_person_like, names)):
            names.pop()  # "Robert Dallek, Franklin D. Roosevelt and American Foreign Policy, 1932–1945 (…)":
            at = comma_before.start()  # the title's person, "and" words that name no one, then no title
            break
        if not nxt or not (plausible_person(nxt[0]) or explicit or _followed_by_person(text, nxt[1])) or (
                not _ends_names(text, nxt[1])):
            if listed is None:
                listed = _listed_names(text, pos, limit) if nxt else 0
            if len(names) < listed:
                at = joiner.end()
                continue
            break
        at = joiner.end()
    if not names:
        return None
    role, after = role_after(text, at)
    if role != "author" and not plausible_person(names[0]):
        phrase_at = at + len(text[at:after]) - len(text[at:after].lstrip(" ,"))
        if names_before_role(text, phrase_at, limit) is not None:
            return None  # "Chaucer Life-Records, ed. by Martin M. Crow": a title, then its editors
    separator = (_SEPARATOR if role == "author" else _OPTIONAL_SEPARATOR).match(text[after:])
    if not separator:
        ending = _ENDING.match(text[after:limit])  # "Licis." alone: an author-only short form
        if ending and after + ending.end() >= limit:
            return Names(_split_names(names), role, pos, limit)
        return None
    if role == "author" and not plausible_person(names[0]) and _YEAR_RANGE.match(text, after + separator.end()):
        return None  # "Chicago Architecture, 1872–1922: Birth of a Metropolis": a title's own dates
    if role == "author":  # "Mikhail Narinskij, Sous la direction de Title"
        phrase_role, phrase_end = role_phrase(text, after + separator.end())
        if phrase_role and not _person_like(names[0]) and names_before_role(text, after + separator.end(), limit):
            return None  # "Vermächtnis, hrsg. von Henry Bernhard": a title, then its editors
        if phrase_role:
            return Names(_split_names(names), phrase_role, pos, phrase_end)
    return Names(_split_names(names), role, pos, after + separator.end())


_COLON = re.compile(r"\s*:\s")
# After the last of a list of names a title follows; a parenthesis, a year or a colon shows that the
# words read as the last name were the title's own ("… and German Politics (Chicago: …)")
_TITLE_GOES_ON = re.compile(r"\s*\(|,\s*(?:1[5-9]|20)\d\d\b|:\s")
_QUOTE_OR_COLON = re.compile(r"\s*(?:,\s*)?[“‘\"«„]|\s*:\s")
_YEAR_RANGE = re.compile(r"(?:1[5-9]|20)\d\d\s*[–—-]\s*\d+[:.,]?\s+[^\W\d]")


def _person_like(printed: str) -> bool:
    """A known given name or an initial anywhere ("Myeong S. Yoon", "J. David Londono")."""
    return plausible_person(printed) or any(_INITIAL.fullmatch(word) for word in printed.split())


def _listed_names(text: str, pos: int, limit: int, most: int = 30) -> int:
    """How many names at pos form a list that only names can form, or 0: a chain joined by
    commas that ends "..., and X" / "... und X", or one joined by slashes ("Padhye/Firoiu/Towsley").
    Its names have one shape (all "Given Family", or all a bare family in a short form), and
    the list is closed by a quoted title, a colon, a role word or the note's end, has a serial
    comma, or names a person among its co-authors: "Foreign Policy and Public Opinion" does not."""
    printed: list[str] = []
    joiners: list[str] = []
    at = pos
    while len(printed) < most:
        found = _name_at(text, at)
        if not found or found[1] > limit:
            return 0
        printed.append(found[0])
        at = found[1]
        if joiners and (_CONJUNCTION.search(joiners[-1]) or "/" in joiners[-1]) and not (
                "/" in joiners[-1] and (joiner := _JOINER.match(text, at)) and "/" in joiner.group(0)):
            break
        joiner = _JOINER.match(text, at)
        if not joiner or joiner.end() > limit:
            if joiners and all("/" in j for j in joiners):
                break
            return 0
        joiners.append(joiner.group(0))
        at = joiner.end()
    else:
        return 0
    if len(printed) < 3 and not any("/" in joiner for joiner in joiners):
        return 0  # two names: the ordinary checks decide
    if len({len(name.split()) > 1 for name in printed}) > 1:
        return 0
    others = _ET_AL.match(text, at)
    after = others.end() if others else at
    role, _ = role_after(text, after)
    closed = role != "author" or bool(_QUOTE_OR_COLON.match(text, after, limit))
    serial = any(joiner.strip().startswith(",") and _CONJUNCTION.search(joiner) for joiner in joiners)
    if "/" in "".join(joiners) or closed or serial or any(_person_like(name) for name in printed[1:]):
        return len(printed)
    return 0


def _followed_by_person(text: str, at: int) -> bool:
    """"Eberhardt Herdtweck and Stephan D. Hoffmann": a name is a co-author's when a person's
    name follows it in the list."""
    joiner = _JOINER.match(text, at)
    following = _name_at(text, joiner.end()) if joiner else None
    return following is not None and plausible_person(following[0]) and _ends_names(text, following[1])


def _split_names(printed: list[str]) -> list[dict[str, str]]:
    """The names of a list; "Norman and Jeanne MacKenzie": a known given name alone, then one more
    person, is that person's family's (two names only: "Smith and Jones" are two families)."""
    names = [split_name(name) for name in printed]
    if len(names) == 2 and set(names[0]) == {"family"} and " " not in names[0]["family"] and (
            fold(names[0]["family"]) in given_names() and names[1].get("given") and names[1].get("family")):
        names[0] = {"family": names[1]["family"], "given": names[0]["family"]}
    return names


def _ends_names(text: str, at: int) -> bool:
    """What follows a candidate co-author lets the list go on or end there."""
    rest = text[at:at + 24]
    return bool(_LIST_GOES_ON.match(rest)) or not rest.strip()


def names_before_role(text: str, pos: int, limit: int) -> tuple[str, list[dict[str, str]], int] | None:
    """"ed. John Doe", "a cura di X", "hg. v. Y" at pos: (role, names, end)."""
    if text[pos:pos + 1].casefold() not in role_initials("before"):
        return None
    window = fold(text[pos:pos + 40])
    for phrase, role in roles_by_head("before", 2).get(window[:2], ()):
        if window.startswith(phrase + " "):
            at = pos + len(phrase) + 1
            names: list[str] = []
            while True:
                found = _name_at(text, at)
                if not found or found[1] > limit:
                    break
                names.append(found[0])
                joiner = _JOINER.match(text, found[1])
                at = found[1]
                following = _name_at(text, joiner.end()) if joiner else None
                # "ed. Ferdinand Seibt, Handbuch der ...": after a bare comma only a person goes on the list
                if not following or (joiner.group(0).strip() == "," and not (
                        plausible_person(following[0]) or _followed_by_person(text, following[1]))):
                    break
                at = joiner.end()
            if names:
                others = _ET_AL.match(text, at)  # "hrsg. v. Karl Dietrich Bracher u. a., Bonn 1987"
                return role, _split_names(names), others.end() if others else at
    return None
