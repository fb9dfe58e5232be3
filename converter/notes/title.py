"""Where a title ends, and the pieces after it: the comma-separated parts of a reference at
parenthesis depth 0, imprints in parentheses or not, locators that close a reference, and the
regular expressions the secondary parser shares (secondary.py reads a reference, tail.py what
follows its title)."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from converter.notes.imprint import genre_at, is_bare_year, is_place, looks_like_imprint
from converter.notes.locators import is_locator, parse_locator
from converter.notes.memo import for_one_note
from converter.notes.names import names_before_role
from converter.notes.phrase_search import literal_alternatives, phrase_pattern
from converter.notes.vocabulary import place_regions, proceedings_phrases

_OPEN_QUOTES = {"‘": "’", "“": "”", '"': '"', "«": "»", "„": "“", "'": "'", "‚": "‘"}
_IN = re.compile(r"(?:(?:,\s*|\.\s+)(?:in|In|dans|en)(?::\s*|\s+)|\s+[Ii]n:\s+)"
                 r"(?=[A-ZÀ-ÞČŠŽ\d*‘“\"«„]|(?:ders|dies|ders\.|id|ead)\.|idem\b|eadem\b|(?:his|her|their)\s+[A-ZÀ-Þ])")
_IN_AFTER_QUOTE = re.compile(r"\s+(?:in|In)(?::\s*|\s+)(?=[A-ZÀ-ÞČŠŽ\d*‘“\"«„]|(?:his|her|their)\s+[A-ZÀ-Þ])")
_VOLUMES = re.compile(r"\d+\s+(?:vols?|Bde|voll|tomes)\.?(?=\s*[,(]|$)")
# "2nd edn", "6. Aufl. 1984" (the edition's year), "2., durchges. Aufl.", "erw. u. überarb. Neuausg.":
# German editions name their changes before the word; a place may follow ("3. Aufl. Bonn 1993").
_EDITION_CHANGES = (r"(?:(?:erw|erweiterte|überarb|überarbeitete|durchges|durchgesehene|verb|verbesserte|akt"
                    r"|aktualisierte|veränd|veränderte|bearb|bearbeitete|völlig|neu|neubearb|rev)\.?,?\s*"
                    r"(?:u\.|und)?\s*)*")
_EDITION = re.compile(r"(?:(?:\d+(?:st|nd|rd|th|\.)?|[Rr]ev\.|[Nn]ew|[Ss]econd|[Tt]hird|[Rr]evised)\s*"
                      r"(?:ed\.|edn\.?|edition|Aufl\.|Auflage|éd\.|ed\.)"
                      rf"|(?:\d+\.,?\s*)?{_EDITION_CHANGES}(?:Aufl\.|Auflage|Neuausg\.|Neuausgabe|Neuaufl\.|Nachdr\."
                      r"|Nachdruck|Sonderausg\.|Taschenbuchausg\.|Studienausg\.))"
                      r"(?:\s+(?:1[4-9]|20)\d\d\b)?"
                      r"(?=\s*(?:[,;.(]|$|[A-ZÀ-Þ]))")
_DATE = re.compile(r"(?:(?P<day>\d{1,2})\.?\s+(?P<m1>[A-Za-zÀ-ÿ]{3,}\.?)"
                   r"|(?P<m2>[A-Za-zÀ-ÿ]{3,}\.?)\s+(?P<day2>\d{1,2}),?)\s+(?P<year>(?:1[4-9]|20)\d\d)\b")
_SERIES = re.compile(r"(?P<title>[^()]+?)(?:,?\s+(?:Bd|vol|Vol|no|No|n|Nr|t|Heft|H)\.?\s*|\s+(?=\d{2,5}$))"
                     r"(?P<number>\d+|[IVXLC]+)")  # "(Studien zur Zeitgeschichte, Bd. 33)", "(dtv 4517)"
# "Victorian Poetry 13/1 (1975)", "Studia Philosophica 29 (1969)": a journal after an unquoted title
_JOURNAL_PART = re.compile(r"[A-ZÀ-Þ][^,()]*?\s\d{1,4}(?:[/.]\d{1,3})?\s*\((?:[^()\d:,]{0,16}\s)?(?:1[5-9]|20)\d\d\)")
_DIGIT = re.compile(r"\d")
_YEARS_PIECE = re.compile(r"(?:1[4-9]|20)\d\d(?:\s*[–-]\s*\d{2,4})?")
_YEAR_ONLY_PIECE = re.compile(r"(?:1[4-9]|20)\d\d")
_NUMBERED_PIECE = re.compile(r"(?:vol|n|no|nr|t|bd)\.\s*\d", re.IGNORECASE)
_TAIL_SEPARATOR = re.compile(r"\s*[,:.]?\s*")
_AFTER_LOCATOR = re.compile(r"\s*[,.;:)(<]|\s+(?:and|e|und|et|hier|here|at)\b")
# "vol. 2", "pt. 2", British "ii. 258", MHRA "IV, 120": the volume of a multi-volume work (then the page)
_VOLUME_MARK = re.compile(r"(?:vol|Bd|t)\.\s*[IVXLC\d]+|(?:pt|part|Teil|Tl)\.?\s*\d+|[ivxlc]{1,6}(?!\w)"
                          r"|[IVXLC]{1,6}(?=,\s*(?:pp?\.\s?|S\.\s?)?\d)")  # "IV, 125", "II, p. 20"
_CAPITAL_VOLUME = re.compile(r"[IVXLC]{1,6}")
_NO_DATE = re.compile(r"(?:n\.\s?d\.|s\.\s?d\.|o\.\s?J\.|no date)", re.IGNORECASE)
# "n.p. 1960", "o. O. 1920", "s.l., 1920": no place of publication printed (a year may follow)
_NO_PLACE = re.compile(r"(?:n\.\s?p\.|s\.\s?l\.|o\.\s?O\.|sine loco)(?:,?\s*(?P<year>(?:1[4-9]|20)\d\d)\b)?")
_YEAR_PART = re.compile(r"((?:1[4-9]|20)\d\d)[a-z]?")
_PUBLISHER_YEAR = re.compile(r"(?P<publisher>[A-ZÀ-Þ][^,():\d]*?[^\W\d_]\.?)\s+(?P<year>(?:1[4-9]|20)\d\d)[a-z]?")
_URL = re.compile(r"(?:in\s+|URL:\s*)?<?\s?(?P<url>(?:https?://|www\.)[^\s,;<>]+[^\s,;.)<>])\s?>?")
_PLACE_YEAR = re.compile(r"(?P<place>[A-ZÀ-Þ][\w.’'/ -]*?(?:\s\([A-ZÀ-Þ][\w.]{1,12}\))?"  # "Berlin (Ost) 1960"
                         r"(?:,\s[A-Z][\w.]*(?:\s(?:and|und|&)\s[A-ZÀ-Þ][\w.’'/ -]*?)?)?)"
                         r"(?:\s*:\s*(?P<publisher>[^,()]+?))?,?\s+"
                         r"(?P<year>(?:1[4-9]|20)\d\d)\b(?:[–-](?:1[4-9]|20)?\d\d\b)?")  # "Chicago 1970–1980"
_OPCIT = re.compile(r"(?:op\.\s?cit\.|cit\.|art\.\s?cit\.|a\.\s?a\.\s?O\.|loc\.\s?cit\.)", re.IGNORECASE)
_CROSS_REF = re.compile(r"\s*\((?:(?:wie|see|cf\.|as in|above,?)\s+(?:Anm|n|note|fn)\.?\s*\d+"
                        r"|(?:Anm|n|note|fn)\.?\s*\d+\s+(?:above|supra|oben|ci-dessus|sopra))\)", re.IGNORECASE)

# After an apostrophe that ends a word, a lower-case word other than those that follow a quoted
# title ("in", "ed.", "and") continues the title: ‘Zapis’ besedy ...’
_SOFT_SIGN_NEXT = re.compile(r" (?!(?:in|dans|en|and|und|et|e|ed|eds|trans|tr|hg|hrsg|a|di|pp?|unpubl\w*|paper|"
                             r"letter)\b)[a-zà-ÿčšž]")


# The German opening „ is closed by “ as it should be, but also by ” or " where the type was mixed
_OTHER_CLOSINGS = {"„": ("”", '"')}


def closing_quote(text: str, start: int, limit: int) -> int | None:
    """Where the quotation opened at `start` closes (see _closing_quote), or None."""
    opening = text[start]
    found = _closing_quote(text, start, limit, _OPEN_QUOTES[opening])
    for other in _OTHER_CLOSINGS.get(opening, ()) if found is None else ():
        found = _closing_quote(text, start, limit, other)
        if found is not None:
            break
    return found


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
            if close == "’" and prev.isalpha() and _SOFT_SIGN_NEXT.match(text, at + 1, limit) and text.find(
                    close, at + 1, limit) > 0:  # ‘Zapis’ besedy ...’: a transliterated soft sign, not the end
                at += 1
                continue
            return at
        at += 1


@for_one_note  # pure; the title, tail and imprint readers split the same stretch
def _parts(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """Comma-separated parts of text[start:limit] at parenthesis depth 0, as (start, end)."""
    parts, depth, begin = [], 0, start
    for mark in _PART_MARKS.finditer(text, start, limit):  # only these characters matter
        char = mark.group(0)
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append((begin, mark.start()))
            begin = mark.start() + 1
    parts.append((begin, limit))
    kept = []
    for s, e in parts:  # each part from its first non-space character; blank parts dropped
        piece = text[s:e]
        rest = piece.lstrip()
        if rest:
            kept.append((s + len(piece) - len(rest), e))
    return kept


@for_one_note
def _paren_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    groups, depth, begin = [], 0, -1
    for mark in _PARENTHESES.finditer(text, start, end):
        at = mark.start()
        if mark.group(0) == "(":
            if depth == 0:
                begin = at
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((begin, at + 1))
    return groups


_PART_MARKS = re.compile(r"[,()\[\]]")
_PARENTHESES = re.compile(r"[()]")


@for_one_note  # pure; the title and container readers ask about one stretch twice
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
            if g_start > p_start and _series_before_imprint(text, g_start, g_end, parts[index + 1:]):
                return _trim_end(text, start, g_start)
        inside = _IN.search(text, p_start, p_end)
        if inside and inside.start() > start and (index > 0 or inside.start() > p_start):
            return _trim_end(text, start, inside.start())
        if ". " in piece:  # "Die Krise des Reiches. Berlin 1990, S. 12": a period before the imprint
            for period in _PERIOD.finditer(text, p_start, p_end):
                if _place_year_part(text, period.end(), p_end):
                    return _trim_end(text, start, period.start())
    return _trim_end(text, start, parts[-1][1] if parts else limit)


def _series_before_imprint(text: str, g_start: int, g_end: int, later: list[tuple[int, int]]) -> bool:
    """"Die Außenpolitik der Weimarer Republik (Enzyklopädie deutscher Geschichte, Bd. 53), München
    1999": a series and its number in parentheses at the end of the title, the imprint after them."""
    if text[g_end:later[0][0] if later else g_end].strip(" ,") or not _SERIES.fullmatch(text[g_start + 1:g_end - 1]):
        return False
    return bool(later) and (_place_year_part(text, *later[0]) or _imprint_parts(text, later[0][0], later[-1][1])
                            is not None)


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


@cache
def _proceedings_search() -> re.Pattern[str]:
    """_proceedings_pattern for a search: it looks only where a phrase can begin."""
    return phrase_pattern(literal_alternatives(proceedings_phrases()))


def _proceedings(piece: str) -> int:
    found = _proceedings_search().search(piece)
    return found.start() if found else -1


def begins_proceedings(text: str, start: int, limit: int) -> bool:
    """A proceedings phrase ("Actes du colloque", "Proceedings of") at `start`: matched there
    rather than searched through the rest (every phrase begins with a, p or b)."""
    return text[start:start + 1] in "aApPbB" and _proceedings_pattern().match(text, start, limit) is not None


def _terminates(text: str, p_start: int, p_end: int, later: list[tuple[int, int]]) -> bool:
    """A comma-separated part that cannot continue a title."""
    piece = text[p_start:p_end].strip()
    if piece.startswith("(") or _IN.match(", " + piece):
        return True
    if names_before_role(text, p_start, p_end) or _OPCIT.fullmatch(piece) or _URL.match(piece):
        return True
    # Most parts of a title print no digit, and the forms marked "digit" below all need one.
    digit = _DIGIT.search(piece) is not None
    if digit and _CROSS_REF.match(" " + piece):
        return True
    if (digit and _JOURNAL_PART.match(piece)) or genre_at(text, p_start, p_end) or _VOLUME_MARK.fullmatch(
            piece.rstrip(".")):
        return True
    if later and _CAPITAL_VOLUME.fullmatch(piece) and is_locator(text[later[0][0]:later[0][1]]):
        return True  # "Webb, Diary, IV, 125": a volume, then the page
    if is_locator(piece):
        year_like = _YEARS_PIECE.fullmatch(piece) is not None
        return not (year_like and (any(_imprint_in(text, s, e) or _place_year_part(text, s, e)
                                       or _imprint_parts(text, s, later[-1][1]) for s, e in later)
                                   or (later and _IN.match(", " + text[later[0][0]:later[0][1]]))))  # "1558–1959, in:"
    if _NO_PLACE.fullmatch(piece.rstrip(" .")) or _NO_PLACE.fullmatch(piece):
        return True
    if (digit and _NUMBERED_PIECE.match(piece)) or _EDITION.match(piece) or (digit and _VOLUMES.match(piece)):
        return True
    if digit and _VOLUME_YEAR_PIECE.fullmatch(piece.rstrip(" .")):  # "in: Journal, 9 (1933), New series"
        return True
    bare = _SERIES_AFTER.sub("", piece.rstrip(" .")).rstrip(" .") if digit else ""  # "Bonn 1990 (Reihe, Bd. 2)."
    place_year = _PLACE_YEAR.fullmatch(bare) if digit else None  # a year
    if place_year and is_place(place_year.group("place")):
        return True  # "Bonn 1990", "Bonn 1990 (Geschichte der Arbeiter, Bd. 2)"
    if digit and _CITY_YEAR.fullmatch(bare) and (not later or parse_locator(
            text, later[0][0], need_label=True) or _VOLUME_MARK.fullmatch(text[later[0][0]:later[0][1]].rstrip(" ."))):
        return True  # "..., Krefeld 1949, S. 12", "Baden-Baden 1995 (Reihe, Bd. 2)": a place not known, its year
    if later and piece[:1].isupper() and len(piece.split()) <= 3 and (_region_year(
            text[later[0][0]:later[0][1]]) or _place_year_part(text, p_start, later[0][1])):
        return True  # "Reading, Mass. 1986", "Westport, Conn. and London 2000": a city, its state, the year
    if later and piece[:1].isupper() and len(piece.split()) <= 3 and text[later[0][0]:later[0][1]].strip(
            ) in place_regions() and _imprint_parts(text, p_start, later[-1][1]) is not None:
        return True  # "Cambridge, Mass., Harvard University Press, 1990"
    if later and piece[:1].isupper() and _SERIES_NUMBER_IMPRINT.fullmatch(text[later[0][0]:later[0][1]]) and (
            looks_like_imprint(text[later[0][0]:later[0][1]].split("(", 1)[1].rstrip(" .)"))):
        return True  # "English History, 1914–1945, Oxford History of England, 15 (Oxford: …)": the series
    if is_place(piece) and later and (_YEAR_ONLY_PIECE.fullmatch(text[later[-1][0]:later[-1][1]].strip(" ."))
                                      or any(_year_part(text, s, e) for s, e in later[:2])
                                      or _publisher_year(text[later[0][0]:later[0][1]].strip(" ."))):
        return True  # "..., Frankfurt a. M., Propyläen 1987"
    return False


_SERIES_NUMBER_IMPRINT = re.compile(r"\d{1,4}\s*\([^()]+\)\s*\.?")
_CITY_YEAR = re.compile(r"[A-ZÀ-Þ][\w’'.-]+(?:[ /-][A-ZÀ-Þ][\w’'.-]+){0,2}\s+(?:1[5-9]|20)\d\d"
                        r"(?:\s*[–-]\s*(?:1[5-9]|20)\d\d)?")
_SERIES_AFTER = re.compile(r"\s*\([^()]*\)\s*$")
_PERIOD = re.compile(r"(?<=\w\w)\.\s+(?=[A-ZÀ-Þ])")
_VOLUME_YEAR_PIECE = re.compile(r"\d{1,4}(?:[/.]\d{1,3})?\s*\((?:1[5-9]|20)\d\d\)")
_REGION_YEAR = re.compile(r"(?P<region>[A-Z][\w.]*)\s+(?:1[4-9]|20)\d\d")


def _region_year(piece: str) -> bool:
    found = _REGION_YEAR.fullmatch(piece.strip().rstrip(" ."))
    return found is not None and found.group("region") in place_regions()


def _place_year_part(text: str, start: int, end: int) -> bool:
    found = _PLACE_YEAR.fullmatch(text[start:end].strip(" ."))
    return found is not None and is_place(found.group("place"))


def _imprint_in(text: str, start: int, end: int) -> bool:
    return any(looks_like_imprint(text[s + 1:e - 1]) for s, e in _paren_groups(text, start, end))


def _year_part(text: str, start: int, end: int) -> bool:
    return _YEAR_ONLY_PIECE.fullmatch(text[start:end].strip(" .")) is not None


def _publisher_year(piece: str) -> re.Match[str] | None:
    """"Klett-Cotta 1932": a publisher and its year, not a region ("DC 1967") or a place and publisher."""
    found = _PUBLISHER_YEAR.fullmatch(piece)
    return found if found and found.group("publisher").split()[0] not in place_regions() else None


def _imprint_parts(text: str, start: int, limit: int) -> tuple[dict[str, Any], int] | None:
    """"Place, Publisher, Year" or "Place, Year" as comma-separated parts, the place known."""
    parts = _parts(text, start, limit)[:5]
    if len(parts) > 1 and text[parts[1][0]:parts[1][1]].strip() in place_regions():
        # "Cambridge, Mass., Harvard University Press, 1990": the state belongs to the place
        parts = [(parts[0][0], parts[1][1]), *parts[2:]]
    series = next(((s, e) for s, e in parts[2:4] if text[s] == "(" and text[e - 1] == ")" and _SERIES.fullmatch(
        text[s + 1:e - 1].strip())), None)  # "Stuttgart, Klett-Cotta, (Handbuch …, Bd. 2), 1987"
    parts = [part for part in parts if part != series][:3]
    if not parts or not is_place(text[parts[0][0]:parts[0][1]]):
        return None
    fields: dict[str, Any] = {"publisher-place": text[parts[0][0]:parts[0][1]].strip()}
    for index, (p_start, p_end) in enumerate(parts[1:], start=1):
        piece = text[p_start:p_end].strip(" .")
        year = _YEAR_PART.fullmatch(piece)
        publisher_year = _publisher_year(piece) if not year and "publisher" not in fields else None
        if publisher_year:  # "Stuttgart, Klett-Cotta 1932": the publisher and the year without a comma
            fields["publisher"] = publisher_year.group("publisher")
        if year or publisher_year:
            printed = year.group(1) if year else publisher_year.group("year")  # type: ignore[union-attr]
            fields["issued"] = {"date-parts": [[int(printed)]]}
            if series is not None:
                found = _SERIES.fullmatch(text[series[0] + 1:series[1] - 1].strip())
                fields["collection-title"], fields["collection-number"] = found.group("title"), found.group("number")
            return fields, p_start + len(text[p_start:p_end].rstrip(" ."))
        if index == 2 or is_locator(piece) or not piece[:1].isupper():
            return None
        fields["publisher"] = piece
    return None


def _locator_ends(text: str, end: int, limit: int) -> bool:
    """A locator is complete where punctuation, the segment's end or a comment follows."""
    rest = text[end:limit]
    return not rest.strip() or bool(_AFTER_LOCATOR.match(rest))


def _volume_title(text: str, at: int, limit: int, csl: dict[str, Any]) -> int:
    """After a volume number: the volume's own title up to the imprint ("vol. 2, Volume Title
    (imprint)", "Bd. 1: Arbeitswelt und Bürgergeist, München 1990", "vol. 4, Dall’Unità a oggi,
    Torino, Einaudi, 1976"); where the imprint begins, or `at` when none follows."""
    following = _paren_groups(text, at, limit)
    imprint = next((s for s, e in following if looks_like_imprint(text[s + 1:e - 1])), None)
    if imprint is None:
        imprint = next((s for s, e in _parts(text, at, limit)[1:]
                        if _place_year_part(text, s, e) or _imprint_parts(text, s, limit)), None)
    if imprint is None or _IN.search(text, at, imprint):
        return at
    title = text[at:imprint].strip(" ,.:")
    if is_locator(title):  # "vol. 313, col. 1234 (23 June 1936)": the column cited, no volume title
        return at
    if title:
        csl.setdefault("volume-title", title)
    return imprint
