"""Archives and their hierarchies: which repository a note names, and the levels of its call number.

Everything known is data: `data/archives.tsv` (abbreviation, printed forms, full name, city,
family), `data/archive-words.tsv` (words that make an unknown name a repository),
`data/archive-levels.tsv` (fond/op./d., busta/fasc., box/folder, Bestand/Bl., per family) and
`data/archive-shelfmarks.tsv` (call numbers printed without level words: FO 371/24846, RG 59,
R 43 I/637, 861.00/11432). Normalisation writes each level once per archive: with the
abbreviation a note declared for its word ("delo 44" -> "d. 44" after "delo (hereafter d.)"),
else as the archive was first cited.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from converter.data import fold, month, tsv_rows, words


@dataclass(frozen=True)
class Archive:
    abbreviation: str
    name: str
    city: str = ""
    family: str = ""
    within: str = ""  # the umbrella archive it belongs to ("HHStA" within "ÖStA")


@dataclass(frozen=True)
class LevelMatch:
    level: str  # what the level is: fond, delo, busta, box, folio...
    kind: str  # level | folio | page | verso
    word: str  # the level word as printed ("" for a bare shelf mark)
    value: str  # its number as printed
    end: int  # offset in the text read, after the value


def case_sensitive(form: str) -> bool:
    """Abbreviations match in their printed case only ("AN" is not "an", "BA" not "ba")."""
    return len(form) <= 5 or (any(c.isupper() for c in form[1:]) and " " not in form.strip())


@cache
def _archives() -> dict[str, tuple[tuple[str, bool, Archive], ...]]:
    """Printed forms by their first two characters (folded unless case-sensitive), each list
    longest form first: (form, case-sensitive?, archive)."""
    index: dict[str, list[tuple[str, bool, Archive]]] = {}
    for row in tsv_rows("archives.tsv"):
        abbreviation, aliases, name, city, family, within = (list(row) + [""] * 6)[:6]
        archive = Archive(abbreviation, name, city, family, within)
        for form in [abbreviation, name, *aliases.split("|")]:
            if form:
                exact = case_sensitive(form)
                key = form if exact else fold(form)
                index.setdefault(key[:2], []).append((key, exact, archive))
    return {k: tuple(sorted(v, key=lambda row: len(row[0]), reverse=True)) for k, v in index.items()}


@cache
def _archive_words() -> re.Pattern[str]:
    words = sorted({fold(row[0]) for row in tsv_rows("archive-words.tsv")}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:^|\s|\w)(?:{alternatives})(?:\b|$)", re.IGNORECASE)


def _boundary(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalnum()


_fold_short = lru_cache(maxsize=8192)(fold)  # two-letter heads recur: fold each once


def index_candidates(index: dict, text: str) -> tuple:
    """The forms of a two-character index that may start text, longest first (cheap when none)."""
    head = text[:2]
    exact = index.get(head, ())
    folded_head = _fold_short(head)
    loose = index.get(folded_head, ()) if folded_head != head else ()
    if not loose:
        return exact
    if not exact:
        return loose
    return tuple(sorted({*exact, *loose}, key=lambda row: -len(row[0])))


@lru_cache(maxsize=8192)
def _archive_candidates(head: str) -> tuple:
    """index_candidates of archives.tsv for a text's first two characters (they recur in every part)."""
    return index_candidates(_archives(), head)


def known_archive(text: str) -> tuple[Archive, int] | None:
    """The archive of archives.tsv printed at the start of text, and where its name ends."""
    candidates = _archive_candidates(text[:2])
    if not candidates:
        return None
    folded = ""  # folded once, when a form printed in any case is first compared
    for form, exact, archive in candidates:
        if not (exact or folded):
            head = text[:120]
            folded = fold(head)
            if len(folded) != len(head):
                folded = text
        if (text if exact else folded).startswith(form) and _boundary(text, len(form)):
            following = text[len(form):len(form) + 16].split()
            if following and fold(following[0].strip(",.;:")) in _not_after():
                return None  # "Hoover Institution Press": a publisher
            return archive, len(form)
    return None


@cache
def _not_after() -> frozenset[str]:
    return words("archive-not-after.tsv")


@lru_cache(maxsize=8192)
def archive_by_name(name: str) -> Archive | None:
    """An archive known by any printed form, or a repository named by an archive word."""
    match = known_archive(name.strip())
    if match and match[1] >= len(name.strip().rstrip(".,")):
        return match[0]
    for part in name.split(","):
        match = known_archive(part.strip())
        if match and match[1] >= len(part.strip()):
            return match[0]
    return None


@cache
def _places() -> frozenset[str]:
    return words("document-places.tsv")


def declared_name(archive: Archive, expansion: str) -> str:
    """The name of an archive a note declared an abbreviation for: the table's name where the
    declaration prints it ("Archiv Vnešnej Politiki …, Istoriko-Dokumental’nyj Departament, Moskva"),
    else the declaration as printed, without the city after it ("Archivo Histórico Genaro Estrada, …")."""
    if fold(archive.name) in fold(expansion):
        return archive.name
    pieces = [piece.strip() for piece in expansion.split(",")]
    while len(pieces) > 1 and fold(pieces[-1]) in _places():
        pieces.pop()
    return ", ".join(pieces)


@lru_cache(maxsize=8192)
def is_repository(text: str) -> bool:
    """A name that says it is a repository: "Archivio di Stato di Firenze", "Staatsarchiv Hamburg"."""
    words = text.split()
    return 0 < len(words) <= 10 and bool(_archive_words().search(text)) and text[:1].isupper() and ":" not in text \
        and not any(fold(word.strip(",.;")) in _not_after() for word in words[1:])


@cache
def _department_words() -> re.Pattern[str]:
    found = sorted((re.escape(row[0]) for row in tsv_rows("archive-words.tsv") if row[2:3] == ("department",)),
                   key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(found)})\b", re.IGNORECASE)


def is_department(name: str) -> bool:
    """"Manuscript Division": a repository's department, not a level of its call number."""
    return _department_words().search(name) is not None


@cache
def _word_languages() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each archive word as a pattern (compiled once), with its language, longest word first."""
    rows = sorted(((fold(row[0]), row[1]) for row in tsv_rows("archive-words.tsv")), key=lambda row: len(row[0]),
                  reverse=True)
    return tuple((re.compile(rf"(?:^|\s|\w){re.escape(word)}(?:\b|$)"), language) for word, language in rows)


def repository_family(text: str) -> str:
    """The family of level words an unknown repository's name suggests ("Archivio…" -> it)."""
    folded = fold(text)
    for pattern, language in _word_languages():
        if pattern.search(folded):
            return language
    return ""


@cache
def _levels() -> dict[str, tuple[tuple[str, str, str, frozenset[str]], ...]]:
    """Level words by their first letter (folded), longest first."""
    index: dict[str, list[tuple[str, str, str, frozenset[str]]]] = {}
    for form, level, kind, families in tsv_rows("archive-levels.tsv"):
        folded = fold(form)
        index.setdefault(folded[:1], []).append((folded, level, kind, frozenset(families.split(","))))
    return {k: tuple(sorted(v, key=lambda row: len(row[0]), reverse=True)) for k, v in index.items()}


@cache
def _family_levels(first: str, family: str) -> tuple[tuple[str, str, str], ...]:
    """The level words beginning with `first` that a family reads, longest first (form, level, kind)."""
    return tuple((form, level, kind) for form, level, kind, families in _levels().get(first, ())
                 if family in families or "*" in families)


# a number, maybe lettered ("R-5446" GARF's fonds, "L-E-1234" an expediente, "A1" a category, "E 123456" a
# film frame), or a Roman numeral; then the parts joined by / - . ("3–5ob.", "242/R", "I/637")
_NUMBER_PART = r"(?:(?:[A-ZА-Я]-){0,2}(?:[A-ZА-Я][-\s]?)?\d+(?:\s?ob\.?|[a-zA-Z](?![a-zA-Z]))?|[IVXLC]+\b)"
_QUOTED_VALUE = re.compile(r"\s*(?P<value>«[^»]{1,80}»|“[^”]{1,80}”|\"[^\"]{1,80}\")")
_VALUE = re.compile(rf"\s*(?P<value>{_NUMBER_PART}(?:\s?(?:[–\-/.]|bis)\s?(?:{_NUMBER_PART}|[A-Z]\b))*)")


def read_level(text: str, family: str) -> LevelMatch | None:
    """A level word and its number at the start of text: "op. 20", "F.558", "busta 1234", "Bl. 190–192"."""
    rows = _family_levels(_fold_short(text[:1]), family)
    if not rows:
        return None
    folded = fold(text[:40])
    for form, level, kind in rows:
        if not folded.startswith(form):
            continue
        after = len(form)
        if not form.endswith(".") and after < len(text) and text[after].isalpha():
            continue  # "delo" is not the start of "delovoj"
        if kind == "shelfmark":  # "MS Eng. hist. c. 123": the rest of the part is the value
            rest = text[after:].strip()
            if rest and re.search(r"\d", rest) and text[after:after + 1] in " .":
                return LevelMatch(level, "level", text[:after].strip(), rest, len(text))
            continue
        value = _VALUE.match(text, after) or (_QUOTED_VALUE.match(text, after) if kind == "level" else None)
        if value is None or (not form.endswith(".") and after < len(text) and not text[after].isspace()
                             and not text[after].isdigit()):
            continue
        end, number = value.end(), value["value"]
        following = _FOLLOWING.match(text, end) if kind in ("folio", "page") else None
        if following:  # "Bl. 88 f.", "S. 320 ff.": the page and the next one(s)
            end, number = following.end(), text[value.start("value"):following.end()]
        return LevelMatch(level, kind, text[:after].strip(), number, end)
    return None


_FOLLOWING = re.compile(r"\s?ff?(?:\.(?=[\s,;)]|$)|$)")  # "f." or, where the reference ends, "f"


_WORD_END = re.compile(r"[^\W\d_]*\.?")


@cache
def _shelfmarks() -> tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]:
    return tuple((name, re.compile(pattern), frozenset(families.split(",")))
                 for name, pattern, families, *_ in tsv_rows("archive-shelfmarks.tsv"))


@cache
def _distinctive() -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """The shelf-mark forms marked `alone` in archive-shelfmarks.tsv, as one pattern searched for
    anywhere, and their names."""
    rows = [row for row in tsv_rows("archive-shelfmarks.tsv") if row[3:4] == ("alone",)]
    either = "|".join(f"(?:{row[1]})" for row in rows)
    return (re.compile(rf"(?<![\w/.])(?:{either})(?![\w/])") if rows else None), frozenset(row[0] for row in rows)


def distinctive_shelfmark_in(text: str, start: int = 0, end: int | None = None) -> bool:
    """A call number whose form alone says it is one ("R 28 034", the PA AA's volumes) in text."""
    pattern = _distinctive()[0]
    return pattern is not None and pattern.search(text, start, len(text) if end is None else end) is not None


def is_distinctive(name: str) -> bool:
    """The shelf-mark form `name` is marked `alone`: printed bare, it still names a file."""
    return name in _distinctive()[1]


@cache
def _family_shelfmarks(family: str) -> tuple[re.Pattern[str] | None, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The shelf-mark forms a family reads, and one pattern that matches at the start of a text
    when any of them does: most parts print none, and one test answers for all the forms."""
    forms = tuple((name, pattern) for name, pattern, families in _shelfmarks() if family in families or "*" in families)
    either = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in forms)) if forms else None
    return either, forms


@cache
def shelfmark_family(name: str) -> str:
    """The family a shelf mark's form is first listed for in archive-shelfmarks.tsv ("" for none)."""
    families = next((row[2].split(",") for row in tsv_rows("archive-shelfmarks.tsv") if row[0] == name), [])
    return next((family for family in families if family != "*"), "")


def read_shelfmark(text: str, family: str) -> LevelMatch | None:
    """A call number printed without a level word at the start of text: "FO 371/24846"."""
    either, forms = _family_shelfmarks(family)
    if either is None or either.match(text) is None:
        return None
    if month(text[:_WORD_END.match(text).end()]):  # type: ignore[union-attr]
        return None  # "Sept. 1938", "Dez. 1712": a date, not a library's code
    best: LevelMatch | None = None
    for name, pattern in forms:
        match = pattern.match(text)
        if match and (match.end() >= len(text) or not text[match.end()].isalnum()):
            if best is None or match.end() > best.end:
                best = LevelMatch(name, "level", "", match.group(0), match.end())
    return best


@dataclass
class LevelForms:
    """How each level of each archive is written: declared abbreviations first, then first use."""

    declared: dict[str, str]  # folded level word -> declared abbreviation ("delo" -> "d.")
    seen: dict[tuple[str, str], str]  # (archive, level) -> word first printed

    def word(self, archive: str, match: LevelMatch) -> str:
        if not match.word:
            return ""
        declared = self.declared.get(fold(match.word))
        if declared:
            return declared
        return self.seen.setdefault((archive, match.level), match.word)


def written(word: str, value: str) -> str:
    """One level as written in archive_location: "op. 20", "F 4", "box 11", "FO 371/24846"."""
    return f"{word} {value}" if word else value


def declared_level_words(abbreviations: dict[str, str]) -> dict[str, str]:
    """Declared abbreviations of level words, by the word they abbreviate ("delo" -> "d.")."""
    words: dict[str, str] = {}
    for abbreviation, expansion in abbreviations.items():
        if (word := _one_word(expansion)) is not None:
            words[word] = abbreviation
    return words


@lru_cache(maxsize=4096)
def _one_word(expansion: str) -> str | None:
    """A declared expansion that is one word without digits ("delo"), folded; else None. The same
    expansions are asked about at every reference of a book."""
    return fold(expansion) if len(expansion.split()) == 1 and not any(c.isdigit() for c in expansion) else None
