"""Where an archival reference may be, and where it ends: the quick test tried at every position
a reference may begin (it must answer "no" cheaply), and the end of the reference (a ";" or a
sentence end outside brackets, abbreviations and German day numbers not counted as ends).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import islice
from operator import itemgetter
from typing import Any

from converter.data import fold, month, tsv_rows
from converter.notes.archive_location import (
    archive_by_name,
    case_sensitive,
    distinctive_shelfmark_in,
    is_repository,
    known_archive,
    read_shelfmark,
)
from converter.notes.collections import collection_by_name, known_collection
from converter.notes.docdates import find_dates
from converter.notes.vocabulary import ibid_words, lead_in_words

_WORD = re.compile(r"[^\W\d_][\w’'.&-]*")
_LEVEL_NUMBER = re.compile(r"\.?\s?\d")
_BARE_SHELFMARK = re.compile(r"(?<![\w/])[A-Z]{1,5}\s?\d{1,4}(?:\s?[IVX]+)?/[A-Z]?\d+"
                             r"|(?<!\w)RG\s?\d|(?<![\w.])\d{3}\.\d+/\d"
                             r"|(?<!\w)[A-Z][a-z]{1,4}\.\s?\d{1,4}[A-Z]?/\d"  # "Cab. 23/93" (the reading decides)
                             r"|(?<![\w.])(?:[A-Z]\.){1,4}\s?\d{1,4}[A-Z]?/\d")  # "F.O. 371/16601"


@cache
def _signal() -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    """What makes a span worth reading: the first two words of a repository's or a collection's
    printed forms (abbreviations in their case, names folded), level words, archive words."""
    exact: set[str] = set()
    names: set[str] = set()
    for table in ("archives.tsv", "document-collections.tsv"):
        for row in tsv_rows(table):
            for form in [row[0], row[2], *row[1].split("|")]:
                if form:
                    head = " ".join(_WORD.findall(form)[:2]).rstrip(".")  # "Bodl.": words are read without it
                    (exact if case_sensitive(form) else names).add(head if case_sensitive(form) else fold(head))
    levels = frozenset(fold(row[0]).rstrip(".") for row in tsv_rows("archive-levels.tsv") if row[2] != "page")
    archive_words = tuple(fold(row[0]) for row in tsv_rows("archive-words.tsv"))
    return frozenset(exact), frozenset(names), levels, archive_words


@cache
def _fonds_words() -> frozenset[str]:
    return frozenset(row[0].casefold() for row in tsv_rows("archive-fonds.tsv") if " " not in row[0])


@cache
def _pair_heads() -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the two-word signal heads (exact, folded): a pair is looked up only
    after one of them."""
    exact, names, _levels, _words = _signal()
    return (frozenset(head.split(" ")[0] for head in exact if " " in head),
            frozenset(head.split(" ")[0] for head in names if " " in head))


@lru_cache(maxsize=1 << 14)
def _word_signal(printed: str) -> tuple[bool, bool, bool, bool, int]:
    """What one printed word says on its own: (signals alone, may begin a signalling pair,
    a fonds word, a level word, its length without trailing punctuation). The same words recur
    at every position the quick test is asked about."""
    exact, names, levels, archive_words = _signal()
    word = printed.rstrip(".,’'")
    folded = word.casefold()
    upper = word[:1].isupper()
    alone = upper and (word in exact or folded in names or (len(folded) > 5 and folded.endswith(archive_words)))
    exact_first, names_first = _pair_heads()
    pair = upper and (word in exact_first or folded in names_first)
    level = len(folded) <= 12 and folded in levels
    return alone, pair, folded in _fonds_words(), level, len(word)


_ALONE, _PAIR_HEAD, _FONDS, _LEVEL = 1, 2, 4, 8
_CODE = itemgetter(1)


@lru_cache(maxsize=1 << 14)
def _word_code(printed: str) -> int:
    """_word_signal's four answers as one number, 0 for a word that says nothing (most words)."""
    alone, pair_head, fonds, level, _length = _word_signal(printed)
    return alone * _ALONE | pair_head * _PAIR_HEAD | fonds * _FONDS | level * _LEVEL


def signalled(text: str, start: int, end: int, abbreviations: dict[str, str]) -> bool:
    """Something archival is printed in text[start:end]: a quick test before the real reading."""
    if (text.find("/", start, end) >= 0 or text.find("RG", start, end) >= 0) and _BARE_SHELFMARK.search(
            text, start, end):  # every form of it holds a "/" or "RG": most stretches hold neither
        return True
    exact, names, _levels, _archive_words = _signal()
    words = _WORD.findall(text, start, end)
    tokens, read = None, 0  # the words' matches, read only as far as a level word needs its place
    level_words = 0
    # only the words that say something reach the loop (most say nothing), in order
    for index, code in filter(_CODE, enumerate(map(_word_code, words))):
        if code & _ALONE:
            return True
        length = _word_signal(words[index])[4]
        if code & _PAIR_HEAD and index + 1 < len(words):
            pair = f"{words[index][:length]} {words[index + 1].rstrip('.,’')}"
            if pair in exact or pair.casefold() in names:
                return True
        if code & _FONDS and ((index and words[index - 1][:1].isupper()) or (
                index + 1 < len(words) and words[index + 1][:1].isupper())):
            return True  # "Hickleton Papers", "Nachlass Stresemann": named papers
        if code & _LEVEL:
            tokens = tokens or _WORD.finditer(text, start, end)
            token, read = next(islice(tokens, index - read, None)), index + 1
            if _LEVEL_NUMBER.match(text, token.start() + length):
                level_words += 1  # one "vol. 3" is a book's; two levels ("op. 1, d. 12") are a file's
                if level_words >= 2:
                    return True
    if distinctive_shelfmark_in(text, start, end):  # "(R 28 035, Bl. 12)": the PA AA's volumes printed bare
        return True  # asked after the words (its search of the whole stretch costs more than they do)
    stretch = text[start:end]  # cut once, not once per abbreviation
    return any(len(a) > 1 and a in stretch and archival_name(x) for a, x in abbreviations.items())


@lru_cache(maxsize=4096)
def archival_name(expansion: str) -> bool:
    return bool(archive_by_name(expansion) or collection_by_name(expansion) or is_repository(expansion))


def _abbreviated(text: str, period: int) -> bool:
    """The period at `period` closes an abbreviation or initials ("tov.", "K-K.", "T.", "VII."),
    not a sentence."""
    token = re.split(r"\s", text[max(0, period - 12):period])[-1]
    letters = re.sub(r"[.\-’']", "", token)
    if 0 < len(letters) <= 3 and not letters.isdigit():
        return True
    return (len(letters) <= 5 and token[:1].isupper() and fold(token + ".") in _titles()) or (
        len(letters) <= 10 and fold(token + ".") in _level_abbreviations())  # "Präs. Zl. 1234", "Fasz. Nr. 5"


@cache
def _level_abbreviations() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in tsv_rows("archive-levels.tsv") if row[0].endswith("."))


@cache
def _titles() -> frozenset[str]:
    """Titles and ranks printed before a name ("Capt. J. Smith", "Prof."): their period ends no sentence."""
    return frozenset(fold(row[0]) for row in tsv_rows("document-parties.tsv") if row[1] == "honorific")


def _ordinal_day(text: str, period: int) -> bool:
    """"12. Mai 1925": a German day number, not a sentence end."""
    if not re.search(r"(?<!\d)\d{1,2}$", text[max(0, period - 3):period]):
        return False
    following = re.match(r"\s+([^\W\d_]+)", text[period + 1:period + 20])
    return bool(following and month(following.group(1)))


_IN_BEFORE = re.compile(r"\bin:?\s+", re.IGNORECASE)


def _after_collection(text: str, start: int, period: int) -> bool:
    """"…, in: Akten der Reichskanzlei. Die Kabinette Marx III und IV, Bd. 1": the period after a
    published collection's name begins its volume's title, not a sentence."""
    at = text.rfind("in", start, period)
    found = _IN_BEFORE.match(text, at) if at >= 0 else None
    known = known_collection(text[found.end():period + 80]) if found else None
    return known is not None and found.end() + known[1] == period  # type: ignore[union-attr]


_END_SCAN = re.compile(r"[;()\[\]]|\.(?=\s+[A-Z“\"‘À-ÝČŠŽ])")


def segment_end(text: str, start: int) -> int:
    """Where the reference that starts at `start` ends: a ";" or a sentence end outside brackets."""
    known = known_collection(text[start:start + 80]) or known_archive(text[start:start + 80])
    index = start + (known[1] if known else 0)
    depth = 0
    end = len(text)
    for match in _END_SCAN.finditer(text, index):
        char = match.group(0)
        if char in "([":
            depth += 1
        elif char in ")]":
            if depth == 0:
                return start  # we are inside a parenthesis ("…Internazionali, 1967), 278"): no reference here
            depth -= 1
        elif depth == 0 and (char == ";" or not (_abbreviated(text, match.start()) or _ordinal_day(
                text, match.start()) or _after_collection(text, start, match.start()))):
            end = match.start()
            break
    while end > start and text[end - 1] in " \t.,":
        end -= 1
    if end > start and text[end - 1] == "b" and text[end - 3:end] == " ob":  # keep "5 ob."
        end += 1
    return end


@cache
def _leading_ibid() -> re.Pattern[str]:
    """An ibid. word of data/notes-ibid.tsv (Ibid., Ivi, Ebd.) and the comma after it (or the end)."""
    forms = sorted({word.rstrip(".,") for word, kind in ibid_words().items() if kind == "ibid"}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, forms)) + r")\b\.?(?:\s*,\s*|\s*$)", re.IGNORECASE)


@cache
def _ibid_initials() -> frozenset[str]:
    words = [word for word, kind in ibid_words().items() if kind == "ibid"]
    return frozenset(word[0] for word in words) | frozenset(word[0].upper() for word in words)


def leading_ibid(text: str, start: int) -> re.Match[str] | None:
    """"Ibid., b. 1541": an ibid. word that begins the reference, then more than a page."""
    return _leading_ibid().match(text, start) if text[start:start + 1] in _ibid_initials() else None


# "Vgl. die Aufzeichnung vom 3. März 1926, BArch, …", "See the memorandum by Sargent, …": a lead-in
# verb and an article before the document, which the splitter keeps as the reference's prefix
_LEAD_VERB = re.compile(r"(\w+\.?)\s+(?:dazu\s+|hierzu\s+|auch\s+|also\s+)?(?:die|den|das|der|the|la|le|il|l’)\s+"
                        r"(?=[^\W\d_])")


def after_lead_in(text: str, start: int) -> int:
    """Where the document begins after a lead-in verb and an article at `start` (or `start`)."""
    verb = _LEAD_VERB.match(text, start) if text[start:start + 1] in "VvSsCc" else None
    return verb.end() if verb and verb.group(1).casefold() in lead_in_words("start") else start


# The comma-separated parts of a reference (notes/archival_parts.py classifies them).
_OPEN, _CLOSE = "(“‘«[", ")”’»]"
IMPRINT = re.compile(r"\([^()]*(?::[^()]*)?\b1[5-9]\d\d\)|\((?:19|20)\d\d\)")  # "(London: Macmillan, 1953)"


def imprint_outside_dates(text: str, start: int, end: int, parts: list[Any]) -> re.Match[str] | None:
    """The first imprint-like parenthesis of text[start:end] that is not inside a date part
    ("3 Jumada al-ula 1345 (9 November 1926)": the Gregorian form of a date, no imprint)."""
    imprint = IMPRINT.search(text, start, end)
    if imprint and any(p.kind == "date" and p.start <= imprint.start() < p.end for p in parts):
        return None
    return imprint


_JOIN = re.compile(r"\s+(?:e|and|und|et|i)\s+(?=(?:n|no|nr|dok|doc|docs)\.?\s?\d|[A-Z]{2,})")
_SPLIT_SCAN = re.compile(r"[,(“‘«\[)”’»\]]")


def split_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated spans of text[start:end]; dates, quotations and brackets stay whole."""
    protected = [(d.start, d.end) for d in find_dates(text, start, end)]
    spans: list[tuple[int, int]] = []
    depth = 0
    begin = start
    for found in _SPLIT_SCAN.finditer(text, start, end):
        index = found.start()
        char = found.group(0)
        if char in _OPEN and not (char == "‘" and depth == 0 and index > 0 and text[index - 1].isalpha()):
            depth += 1
        elif char in _CLOSE and depth and not (char == "’" and index + 1 < end and text[index + 1].isalpha()):
            depth -= 1
            closing_comma = text[index - 1] == "," and text[index + 1:index + 3].strip()[:1].isupper()
            if not depth and char in "”’»" and closing_comma:  # Chicago's “Title,” TNA: the comma inside
                spans.append((begin, index + 1))  # the quotes ends the part
                begin = index + 1
        elif char == "," and depth == 0 and not any(a <= index < b for a, b in protected) and not (
                text[index - 1] == "-" and text[index - 2:index - 1].isalpha()):  # "Haus-, Hof- und …": one name
            spans.append((begin, index))
            begin = index + 1
    spans.append((begin, end))
    out: list[tuple[int, int]] = []
    for a, b in _open_brackets(text, spans, protected):
        for piece in _split_joined(text, a, b):
            trimmed = trim(text, *piece)
            if trimmed[1] > trimmed[0]:
                out.append(trimmed)
    return out


def _open_brackets(text: str, spans: list[tuple[int, int]], dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"12 June 1940 (TNA KV 2/1)": a closing parenthetical is a part of its own, read inside
    (not the Gregorian date of one in another calendar, "5 Shawwal 1349 (24 February 1931)")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        stripped = text[start:end].rstrip()
        match = re.search(r"\s\(([^()]*)\)$", stripped) if stripped.endswith(")") else None  # the cheap test first
        if match is not None and any(a <= start + match.start() and start + match.end() <= b for a, b in dates):
            match = None
        if match is None:
            out.append((start, end))
            continue
        out.append((start, start + match.start()))
        inner_start = start + match.start(1)
        inner = split_parts(text, inner_start, start + match.end(1))
        out.extend(inner)
    return out


def _split_joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"p. 390 e n.193" and "75–76 e DVP SSSR": a conjunction before a document number, an
    archive or a collection begins another document."""
    match = _JOIN.search(text, start, end)
    if match is None:
        return [(start, end)]
    return [(start, match.start()), *_split_joined(text, match.end(), end)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0":
        end -= 1
    return start, end


_ENDS_DATED = re.compile(r"(?:,\s*[^,;()\d]{1,25})?\s*")


def join_described(masked: str, start: int, end: int, abbreviations: dict[str, str],
                    continuing: bool) -> tuple[str, int]:
    """German editorial notes describe a document, then give its file after a semicolon
    ("Aufzeichnung … vom 4. Mai 1926; PA AA, R 28 034, Bl. 112–115"): the two are one reference,
    read as if a comma joined them. Otherwise the text and end as they were."""
    if masked[end:end + 1] != ";":
        return masked, end
    dates = find_dates(masked, start, end)
    if not dates or len((dates[-1].csl.get("date-parts") or [[]])[0]) < 2 or not _ENDS_DATED.fullmatch(
            masked, dates[-1].end, end):  # "…, 5.5.1931, Durchdruck;", "…, gez. Bülow;": a word on the copy
        return masked, end
    following = len(masked) - len(masked[end + 1:].lstrip())
    head = masked[following:following + 80]
    named = any(head.startswith(a) and archival_name(x) for a, x in abbreviations.items())
    if not (known_archive(head) or read_shelfmark(head, "") or distinctive_shelfmark_in(head, 0, 12) or named
            or (continuing and leading_ibid(head, 0))):  # "…, 4. Mai 1926; ebd., Bl. 30": the last file
        return masked, end
    joined = masked[:end] + "," + masked[end + 1:]
    return joined, segment_end(joined, start)
