"""The secondary-literature parser: one book, chapter, article, thesis or short form at a position.

`parse_secondary(text, pos, limit)` reads authors (names.py), a title (quoted, italic or plain,
which may hold commas, colons and its own dates), then what follows it: an imprint, "in" and a
container, journal details, a role phrase, a locator. It returns a Reference whose `end` is where
the reference stops, so that the splitter can look at what follows (another reference, a comment).
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from typing import Any

from converter.data import fold, month
from converter.notes.imprint import (
    genre_at,
    is_bare_year,
    is_place,
    looks_like_imprint,
    parse_imprint,
    parse_journal_details,
)
from converter.notes.locators import is_locator, parse_locator
from converter.notes.names import Names, names_before_role, parse_names
from converter.notes.reference import Reference
from converter.notes.vocabulary import ibid_words, name_skeleton, proceedings_phrases

# A plain title with no author may really be a lead-in followed by a named reference: the
# splitter prefers a named reference that begins inside it.
ANONYMOUS_CONFIDENCE = 0.6
_OPEN_QUOTES = {"‘": "’", "“": "”", '"': '"', "«": "»", "„": "“", "'": "'", "‚": "‘"}
_IN = re.compile(r"(?:(?:,\s*|\.\s+)(?:in|In|dans|en)(?::\s*|\s+)|\s+[Ii]n:\s+)"
                 r"(?=[A-ZÀ-ÞČŠŽ\d*‘“\"«„])")
_IN_AFTER_QUOTE = re.compile(r"\s+(?:in|In)(?::\s*|\s+)(?=[A-ZÀ-ÞČŠŽ\d*‘“\"«„])")
_VOLUMES = re.compile(r"\d+\s+(?:vols?|Bde|voll|tomes)\.?(?=\s*[,(]|$)")
_EDITION = re.compile(r"(?:\d+(?:st|nd|rd|th|\.)?|[Rr]ev\.|[Nn]ew|[Ss]econd|[Tt]hird|[Rr]evised)\s*"
                      r"(?:ed\.|edn\.?|edition|Aufl\.|Auflage|éd\.|ed\.)"
                      r"(?=\s*(?:[,;.(]|$))")
_DATE = re.compile(r"(?:(?P<day>\d{1,2})\.?\s+(?P<m1>[A-Za-zÀ-ÿ]{3,}\.?)"
                   r"|(?P<m2>[A-Za-zÀ-ÿ]{3,}\.?)\s+(?P<day2>\d{1,2}),?)\s+(?P<year>(?:1[4-9]|20)\d\d)\b")
_SERIES = re.compile(r"(?P<title>[^()]+?),?\s+(?:Bd|vol|Vol|no|No|n|Nr|t|Heft)\.?\s*(?P<number>\d+|[IVXLC]+)")
# "Victorian Poetry 13/1 (1975)", "Studia Philosophica 29 (1969)": a journal after an unquoted title
_JOURNAL_PART = re.compile(r"[A-ZÀ-Þ][^,()]*?\s\d{1,4}(?:[/.]\d{1,3})?\s*\((?:[^()\d:,]{0,16}\s)?(?:1[5-9]|20)\d\d\)")
_DIGIT = re.compile(r"\d")
_YEARS_PIECE = re.compile(r"(?:1[4-9]|20)\d\d(?:\s*[–-]\s*\d{2,4})?")
_YEAR_ONLY_PIECE = re.compile(r"(?:1[4-9]|20)\d\d")
_NUMBERED_PIECE = re.compile(r"(?:vol|n|no|nr|t|bd)\.\s*\d", re.IGNORECASE)
_TAIL_SEPARATOR = re.compile(r"\s*[,:.]?\s*")
_AFTER_LOCATOR = re.compile(r"\s*[,.;:)(<]|\s+(?:and|e|und|et|hier|here|at)\b")
_VOLUME_MARK = re.compile(r"[ivxlc]{1,6}|(?:pt|part|Teil|Tl)\.?\s*\d+|(?:vol|Bd|t)\.\s*[IVXLC\d]+")
_NO_DATE = re.compile(r"(?:n\.\s?d\.|s\.\s?d\.|o\.\s?J\.|no date)", re.IGNORECASE)
_YEAR_PART = re.compile(r"((?:1[4-9]|20)\d\d)[a-z]?")
_URL = re.compile(r"(?:in\s+|URL:\s*)?<?\s?(?P<url>(?:https?://|www\.)[^\s,;<>]+[^\s,;.)<>])\s?>?")
_PLACE_YEAR = re.compile(r"(?P<place>[A-ZÀ-Þ][\w.’'/ -]*?)(?:\s*:\s*(?P<publisher>[^,()]+?))?,?\s+"
                         r"(?P<year>(?:1[4-9]|20)\d\d)\b")
_OPCIT = re.compile(r"(?:op\.\s?cit\.|cit\.|art\.\s?cit\.|a\.\s?a\.\s?O\.|loc\.\s?cit\.)", re.IGNORECASE)
_CROSS_REF = re.compile(r"\s*\((?:wie|see|cf\.|as in|above,?)\s+(?:Anm|n|note|fn)\.?\s*\d+\)", re.IGNORECASE)


def parse_secondary(text: str, pos: int, limit: int, italics: list[tuple[int, int]] | None = None,
                    known_families: AbstractSet[str] = frozenset(),
                    authors: list[dict[str, str]] | None = None) -> Reference | None:
    """The reference to a secondary work that begins at `pos` (not beyond `limit`), or None.

    `authors` are the names "Id." stands for: the work that follows is theirs."""
    names = parse_names(text, pos, limit) if authors is None else Names(authors, "author", pos, pos)
    if names is not None and authors is None and fold(text[pos:names.end].strip(" ,")) in ibid_words():
        names = None
    start = names.end if names else pos
    if names is not None:
        alone = _author_only(text, start, limit, names, known_families)
        if alone is not None:
            return alone
    if start >= limit:
        return None
    if names is None and text[start:start + 1] not in _OPEN_QUOTES and not italics and not _DIGIT.search(
            text, start, limit):
        return None  # an unquoted title with no author needs an imprint, a date or pages: all have digits
    csl: dict[str, Any] = {}
    if names:
        csl["editor" if names.role == "editor" else "author"] = names.names
    opcit = _OPCIT.match(text, start, limit) if names else None
    if opcit:  # "Pons, op. cit., 46": the author's work cited earlier
        reference = Reference(csl=csl, start=pos, end=opcit.end(), short_form=True, confidence=0.8,
                              spans=[("author", names.start, names.end)])
        _tail(text, opcit.end(), limit, reference, False)
        return reference
    title = _title(text, start, limit, italics or [])
    if title is None:
        return None
    t_start, t_end, after, quoted = title
    csl["title"] = text[t_start:t_end].strip(" ,.")
    reference = Reference(csl=csl, start=pos, end=after, spans=[("title", t_start, t_end)])
    if names:
        reference.spans.insert(0, ("author", names.start, names.end))
    evidence = _tail(text, after, limit, reference, quoted)
    return _judge(reference, names, evidence, quoted, known_families)


def _author_only(text: str, start: int, limit: int, names: Names, known: AbstractSet[str]) -> Reference | None:
    """"Licis." or "Cotton et al., 429.": an earlier-cited author alone, with a locator or none."""
    if name_skeleton(names.names[0].get("family", "")) not in known:
        return None
    rest = text[start:limit]
    locator = parse_locator(text, start) if rest.strip(" .") else None
    if rest.strip(" .") and not (locator and not text[locator.end:limit].strip(" .")):
        return None
    variable = "editor" if names.role == "editor" else "author"
    reference = Reference(csl={variable: names.names}, start=names.start, end=locator.end if locator else start,
                          short_form=True, confidence=0.85, spans=[("author", names.start, start)])
    reference.end = _trim_end(text, reference.start, locator.end if locator else min(limit, len(text)))
    if locator:
        reference.locator, reference.label = locator.value, locator.label
    return reference


def _judge(reference: Reference, names: Names | None, evidence: str, quoted: bool,
           known_families: AbstractSet[str]) -> Reference | None:
    """Decide whether what was read is a reference, and of which type, with what confidence."""
    csl = reference.csl
    if evidence == "full":
        if names is None and not quoted:
            reference.confidence = ANONYMOUS_CONFIDENCE
        csl.setdefault("type", "book")
        return reference
    if names is None:
        if quoted and evidence in ("", "locator"):  # “Nota Polnomočnogo ...,” p. 103: a title alone
            reference.short_form = True
            reference.confidence = ANONYMOUS_CONFIDENCE
            return reference
        return None
    family = name_skeleton(names.names[0].get("family", ""))
    if evidence in ("locator", "opcit") or family in known_families:
        reference.short_form = True
        reference.confidence = 0.9 if family in known_families else 0.7
        if evidence == "opcit" and fold(csl.get("title", "")) in ("", "cit."):
            csl.pop("title", None)
        return reference
    return None


def _title(text: str, start: int, limit: int, italics: list[tuple[int, int]]) -> tuple[int, int, int, bool] | None:
    """(title start, title end, where the rest begins, quoted?) or None."""
    char = text[start:start + 1]
    if char in _OPEN_QUOTES:
        close = _closing_quote(text, start, limit, _OPEN_QUOTES[char])
        if close is None:
            return None
        return start + 1, close, close + 1, True
    span = next((span for span in italics if span[0] == start and span[1] <= limit), None)
    if span:
        return span[0], span[1], span[1], False
    if not (char.isupper() or char.isdigit()):
        return None
    end = _plain_title_end(text, start, limit)
    if end <= start:
        return None
    return start, end, end, False


def _closing_quote(text: str, start: int, limit: int, close: str) -> int | None:
    """The closing quote: one followed by punctuation or " in", not an apostrophe inside a word."""
    at = start + 1
    while True:
        at = text.find(close, at, limit)
        if at < 0:
            return None
        nxt = text[at + 1:at + 2]
        if not nxt or nxt in ",.;:)" or nxt.isspace():
            prev = text[at - 1:at]
            if close in "’'" and prev.isalpha() and nxt.isalpha():
                at += 1
                continue
            return at
        at += 1


@lru_cache(maxsize=1 << 12)  # pure; the title, tail and imprint readers split the same stretch
def _parts(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """Comma-separated parts of text[start:limit] at parenthesis depth 0, as (start, end)."""
    parts, depth, begin, at = [], 0, start, start
    while at < limit:
        char = text[at]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append((begin, at))
            begin = at + 1
        at += 1
    parts.append((begin, limit))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in parts if text[s:e].strip()]


@lru_cache(maxsize=1 << 12)
def _paren_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    groups, depth, begin = [], 0, -1
    for at in range(start, end):
        if text[at] == "(":
            if depth == 0:
                begin = at
            depth += 1
        elif text[at] == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((begin, at + 1))
    return groups


def _plain_title_end(text: str, start: int, limit: int) -> int:
    """Where an unquoted title stops: before an imprint, "in", a role phrase, a locator..."""
    parts = _parts(text, start, limit)
    for index, (p_start, p_end) in enumerate(parts):
        piece = text[p_start:p_end]
        if index > 0 and _terminates(text, p_start, p_end, parts[index + 1:]):
            return _trim_end(text, start, p_start)
        phrase = _proceedings(piece)
        if phrase >= 0 and (index > 0 or phrase > 0):
            return _trim_end(text, start, p_start + phrase)
        for g_start, g_end in _paren_groups(text, p_start, p_end):
            inner = text[g_start + 1:g_end - 1]
            if _CROSS_REF.match(" " + text[g_start:g_end]):  # "Titel (wie Anm. 3)": a short title ends
                return _trim_end(text, start, g_start)
            if looks_like_imprint(inner) or (is_bare_year(inner) and _only_locator_after(text, g_end, parts, index)):
                return _trim_end(text, start, g_start)
        inside = _IN.search(text, p_start, p_end)
        if inside and inside.start() > start and (index > 0 or inside.start() > p_start):
            return _trim_end(text, start, inside.start())
    return _trim_end(text, start, parts[-1][1] if parts else limit)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return end


def _only_locator_after(text: str, at: int, parts: list[tuple[int, int]], index: int) -> bool:
    rest = text[at:parts[index][1]].strip(" ,.")
    following = parts[index + 1:index + 2]
    if rest:
        return False
    if not following:
        return True
    locator = parse_locator(text, following[0][0])
    return locator is not None and _locator_ends(text, locator.end, following[0][1] + 1)


@cache
def _proceedings_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(phrase) for phrase in proceedings_phrases()), re.IGNORECASE)


def _proceedings(piece: str) -> int:
    found = _proceedings_pattern().search(piece)
    return found.start() if found else -1


def _terminates(text: str, p_start: int, p_end: int, later: list[tuple[int, int]]) -> bool:
    """A comma-separated part that cannot continue a title."""
    piece = text[p_start:p_end].strip()
    if piece.startswith("(") or _IN.match(", " + piece):
        return True
    if names_before_role(text, p_start, p_end) or _OPCIT.fullmatch(piece) or _URL.match(piece):
        return True
    if _CROSS_REF.match(" " + piece):
        return True
    if _JOURNAL_PART.match(piece) or genre_at(text, p_start, p_end) or _VOLUME_MARK.fullmatch(piece.rstrip(".")):
        return True
    if is_locator(piece):
        year_like = _YEARS_PIECE.fullmatch(piece) is not None
        return not (year_like and any(_imprint_in(text, s, e) or _place_year_part(text, s, e)
                                      or _imprint_parts(text, s, later[-1][1]) for s, e in later))
    if _NUMBERED_PIECE.match(piece) or _EDITION.match(piece) or _VOLUMES.match(piece):
        return True
    place_year = _PLACE_YEAR.fullmatch(piece.rstrip(" ."))
    if place_year and is_place(place_year.group("place")):
        return True
    if is_place(piece) and later and (_YEAR_ONLY_PIECE.fullmatch(text[later[-1][0]:later[-1][1]].strip(" ."))
                                      or any(_year_part(text, s, e) for s, e in later[:2])):
        return True
    return False


def _place_year_part(text: str, start: int, end: int) -> bool:
    found = _PLACE_YEAR.fullmatch(text[start:end].strip(" ."))
    return found is not None and is_place(found.group("place"))


def _imprint_in(text: str, start: int, end: int) -> bool:
    return any(looks_like_imprint(text[s + 1:e - 1]) for s, e in _paren_groups(text, start, end))


def _year_part(text: str, start: int, end: int) -> bool:
    return _YEAR_ONLY_PIECE.fullmatch(text[start:end].strip(" .")) is not None


def _tail(text: str, at: int, limit: int, reference: Reference, quoted: bool) -> str:
    """Read what follows the title into the reference; return the evidence that it is a full
    reference ("full"), a short form with a locator ("locator") or op. cit. ("opcit"), or ""."""
    csl, evidence, pages_taken = reference.csl, "", False
    while at < limit:
        sep = _TAIL_SEPARATOR.match(text, at, limit)
        start = sep.end() if sep else at
        if start >= limit:
            break
        rest = text[start:limit]
        cross = _CROSS_REF.match(text, at, limit)
        if cross:
            at, evidence = cross.end(), evidence or "opcit"
            continue
        if rest.startswith("("):
            group = _paren_groups(text, start, limit)
            if group and group[0][0] == start:
                inner = text[start + 1:group[0][1] - 1]
                if looks_like_imprint(inner) or is_bare_year(inner):
                    imprint = parse_imprint(inner)
                    for key, value in imprint.fields.items():
                        csl.setdefault(key, value)
                    if imprint.type:
                        csl["type"] = imprint.type
                    at, evidence = group[0][1], "full"
                    continue
                locator = parse_locator(inner, 0, need_label=True)
                if locator and locator.end >= len(inner.strip()):
                    reference.locator, reference.label = locator.value, locator.label
                    at = group[0][1]
                    continue
                series = _SERIES.fullmatch(inner.strip())
                if series:  # "(Handbuch der europäischen Geschichte, Bd. 2)": the series
                    csl.setdefault("collection-title", series.group("title").strip())
                    csl.setdefault("collection-number", series.group("number"))
                    at = group[0][1]
                    continue
            break
        if quoted and "container-title" not in csl:
            journal = _journal(text, start, limit, reference)
            if journal is not None:
                at, evidence = journal, "full"
                continue
        if not quoted and "container-title" not in csl and _JOURNAL_PART.match(text, start, limit):
            journal = _journal(text, start, limit, reference)
            if journal is not None:
                at, evidence = journal, "full"
                continue
        inside = _IN.match(text, at, limit) if text[at:at + 1] in ", ." else None
        if inside is None and text[at - 1:at] in "”’\"»":
            inside = _IN_AFTER_QUOTE.match(text, at, limit)
        if inside and not _URL.match(text, inside.end(), limit):
            container = _container(text, inside.end(), limit, reference)
            if container is None:
                break
            at, evidence = container, "full"
            continue
        role = names_before_role(text, start, limit)
        if role:
            name_role, names, end = role
            csl.setdefault("translator" if name_role == "translator" else "editor", names)
            at = end
            continue
        if _proceedings(rest) == 0:  # "Actes du colloque ..." up to the imprint: the item's note
            imprint_at = next((s for s, e in _paren_groups(text, start, limit)
                               if looks_like_imprint(text[s + 1:e - 1])), None)
            if imprint_at is not None:
                csl["note"] = text[start:imprint_at].strip(" ,.")
                at = imprint_at
                continue
        url = _URL.match(text, start, limit)
        if url:
            csl["URL"] = url.group("url")
            if "container-title" not in csl and "publisher" not in csl:
                csl.setdefault("type", "webpage")
            at, evidence = url.end(), evidence or "full"
            continue
        genre = genre_at(text, start, limit)
        if genre:  # "Diss., Stanford University, 1988" / "PhD thesis, Uppsala Universitet 1985"
            kind, name, at = genre
            csl["type"] = kind
            if name:
                csl.setdefault("genre", name)
            institution = re.match(r"\s*,\s*([^,;()]+?)(?:,\s*|\s+)((?:1[4-9]|20)\d\d)\b", text[at:limit])
            if institution:
                csl.setdefault("publisher", institution.group(1).strip())
                csl.setdefault("issued", {"date-parts": [[int(institution.group(2))]]})
                at += institution.end()
            evidence = "full"
            continue
        mark = _VOLUME_MARK.match(text, start, limit)
        if mark and (mark.end() >= limit or text[mark.end():mark.end() + 1] in ",.;"):
            # "vii, pt. 2," / "vi, p. 106": the volume of a multi-volume work, then the page
            csl.setdefault("volume", re.sub(r"^(?:vol|Bd|t)\.\s*", "", mark.group(0)))
            at = mark.end()
            continue
        volumes = _VOLUMES.match(text, start, limit)
        if volumes:  # "6 vols."
            csl.setdefault("number-of-volumes", re.match(r"\d+", volumes.group(0)).group(0))
            at = volumes.end()
            continue
        edition = _EDITION.match(text, start, limit)
        if edition:
            csl.setdefault("edition", edition.group(0))
            at = edition.end()
            continue
        year = re.match(r"((?:1[4-9]|20)\d\d)(?:[a-z])?(?=\s*(?:[,;.]|$))", rest)
        if (year and "issued" not in csl and parse_locator(text, start + year.end() + 1) is not None) or (
                year and "issued" not in csl and not rest[year.end():].strip(" .")):
            csl["issued"] = {"date-parts": [[int(year.group(1))]]}
            at, evidence = start + year.end(), evidence or "full"
            continue
        date = _DATE.match(text, start, limit)
        if date and month(date.group("m1") or date.group("m2") or ""):
            day = int(date.group("day") or date.group("day2"))
            csl.setdefault("issued", {"date-parts": [[int(date.group("year")),
                                                       month(date.group("m1") or date.group("m2") or ""), day]]})
            at = date.end()
            continue
        volume = re.match(r"(?:vol|Bd|t)\.\s*(\d+|[IVXLC]+)\b", rest)
        if volume and "container-title" not in csl and "volume" not in csl:
            csl["volume"] = volume.group(1)
            at = start + volume.end()
            following = _paren_groups(text, at, limit)
            imprint = next((s for s, e in following if looks_like_imprint(text[s + 1:e - 1])), None)
            if imprint is None:  # "Bd. 1: Arbeitswelt und Bürgergeist, München 1990"
                imprint = next((s for s, e in _parts(text, at, limit)[1:]
                                if _place_year_part(text, s, e) or _imprint_parts(text, s, limit)), None)
            if imprint is not None and not _IN.search(text, at, imprint):  # "vol. 2, Volume Title (imprint)"
                title = text[at:imprint].strip(" ,.:")
                if title:
                    csl.setdefault("volume-title", title)
                at = imprint
            continue
        if _OPCIT.match(rest) and not evidence:
            at, evidence = start + _OPCIT.match(rest).end(), "opcit"
            continue
        no_date = _NO_DATE.match(rest)
        if no_date:  # "n.d.": no date of publication
            at = start + no_date.end()
            continue
        locator = parse_locator(text, start)
        if locator and _locator_ends(text, locator.end, limit):
            _take_pages(reference, locator, csl, pages_taken)
            pages_taken = True
            at, evidence = locator.end, evidence or "locator"
            continue
        unbracketed = _imprint_parts(text, start, limit)
        if unbracketed is not None:  # "Torino, Einaudi, 2012": the imprint without parentheses
            fields, at = unbracketed
            for key, value in fields.items():
                csl.setdefault(key, value)
            evidence = "full"
            continue
        place_year = _PLACE_YEAR.match(text, start, limit)
        if place_year and is_place(place_year.group("place")):
            csl.setdefault("publisher-place", place_year.group("place").strip())
            if place_year.group("publisher"):
                csl.setdefault("publisher", place_year.group("publisher").strip())
            csl.setdefault("issued", {"date-parts": [[int(place_year.group("year"))]]})
            at, evidence = place_year.end(), "full"
            continue
        break
    reference.end = _trim_end(text, reference.start, at)
    return evidence


def _imprint_parts(text: str, start: int, limit: int) -> tuple[dict[str, Any], int] | None:
    """"Place, Publisher, Year" or "Place, Year" as comma-separated parts, the place known."""
    parts = _parts(text, start, limit)[:3]
    if not parts or not is_place(text[parts[0][0]:parts[0][1]]):
        return None
    fields: dict[str, Any] = {"publisher-place": text[parts[0][0]:parts[0][1]].strip()}
    for index, (p_start, p_end) in enumerate(parts[1:], start=1):
        piece = text[p_start:p_end].strip(" .")
        year = _YEAR_PART.fullmatch(piece)
        if year:
            fields["issued"] = {"date-parts": [[int(year.group(1))]]}
            return fields, p_start + len(text[p_start:p_end].rstrip(" ."))
        if index == 2 or is_locator(piece) or not piece[:1].isupper():
            return None
        fields["publisher"] = piece
    return None


def _locator_ends(text: str, end: int, limit: int) -> bool:
    """A locator is complete where punctuation, the segment's end or a comment follows."""
    rest = text[end:limit]
    return not rest.strip() or bool(_AFTER_LOCATOR.match(rest))


def _take_pages(reference: Reference, locator: Any, csl: dict[str, Any], pages_taken: bool) -> None:
    """Pages of an article or chapter: a long range is its extent (page); a single page or a
    short range is the page cited (the locator), as "(2002): 152–153" in a Chicago note.
    "hier S. 50" / "at p. 520" is always the page cited, what came before it the extent."""
    if locator.pinpoint:
        if reference.locator is not None and "page" not in csl:
            csl["page"] = reference.locator
        reference.locator, reference.label = locator.value, locator.label
        return
    part_of = "container-title" in csl and csl.get("type") != "book"
    if part_of and not pages_taken and locator.label == "page" and _extent_like(locator.value):
        csl["page"] = locator.value
        return
    if reference.locator is None:
        reference.locator, reference.label = locator.value, locator.label


EXTENT_PAGES = 10  # a range this long is an article's or chapter's extent, not the page cited


def _extent_like(value: str) -> bool:
    bounds = re.fullmatch(r"(\d+)\s*[–—-]\s*(\d+)", value)
    if not bounds:
        return False
    first, last = bounds.group(1), bounds.group(2)
    if len(last) < len(first):  # "205–25": the end printed with its last digits only
        last = first[: len(first) - len(last)] + last
    return int(last) - int(first) >= EXTENT_PAGES


def _container(text: str, at: int, limit: int, reference: Reference) -> int | None:
    """"in X (ed.), Title (imprint)" or "in Title, ed. X" or "in: Journal 12 (2005)"."""
    csl = reference.csl
    editors = parse_names(text, at, limit)
    if editors and editors.role == "editor":
        csl["editor"] = editors.names
        at = editors.end
    elif editors and fold(text[editors.end - 12:editors.end]).strip(" ,:").endswith(("(hg.)", "(hrsg.)")):
        at = editors.end
    quoted = text[at:at + 1] in _OPEN_QUOTES
    end = _plain_title_end(text, at, limit) if not quoted else None
    if end is None:
        close = _closing_quote(text, at, limit, _OPEN_QUOTES[text[at]])
        if close is None:
            return None
        csl["container-title"] = text[at + 1:close]
        end = close + 1
    else:
        csl["container-title"] = text[at:end].strip(" ,.")
        # "in: Zeitschrift 12 (2005)": the volume was read into the title; a journal, then
        journal = re.match(r"(?P<name>.+?)\s+(?P<volume>\d{1,4})$", csl["container-title"])
        if journal and not editors:
            details = parse_journal_details(text, at + journal.start("volume"), limit)
            if details:
                csl["container-title"] = journal.group("name")
                csl.update(details.fields)
                csl["type"] = "article-journal"
                return details.end
    csl.setdefault("type", "chapter")
    details = parse_journal_details(text, end, limit) if not editors else None
    if details and "issued" in details.fields and ("volume" in details.fields or "issue" in details.fields):
        csl.update(details.fields)
        csl["type"] = "article-journal"
        return details.end
    reference.spans.append(("container-title", at, end))
    return end


def _journal(text: str, at: int, limit: int, reference: Reference) -> int | None:
    """"Journal, vol. 48, n. 3, 2014" / "Journal 12, no. 3 (2005)" after a quoted title."""
    match = re.match(r"(?P<name>[^,();]+?)(?=,?\s*(?:vol\.?|Vol\.?|volume|n\.|no\.|No\.|nr\.|Nr\.|Heft|Bd\.|Jg\.)\s*\d"
                     r"|,?\s+(?:\d+|[ivxlc]{1,8}(?=/\d|,))(?:[./]\d+)?\s*[,(:]|,?\s+\d+\s*$|,?\s+\(|,\s*(?:\d{1,2}\s+)?[A-Za-zÀ-ÿ]{3,}\.?\s+\d{4}|,\s*\d{4}\b)",
                     text[at:limit])
    name = match.group("name") if match else ""
    if not match or month(name.split()[0].strip(".,")) or name[:1].isdigit() or re.match(r"in\b|dans\b", name):
        return None
    name_end = at + match.end("name")
    details = parse_journal_details(text, name_end, limit)
    if details is None:
        return None
    csl = reference.csl
    csl["container-title"] = match.group("name").strip()
    csl.update(details.fields)
    csl["type"] = "article-newspaper" if details.newspaper and "volume" not in details.fields else "article-journal"
    reference.spans.append(("container-title", at, name_end))
    return details.end
