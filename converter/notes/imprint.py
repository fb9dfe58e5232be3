"""Publication details after a title: the imprint "(Bologna: Il Mulino, 2007)" in all its orders,
"Berlin 2005" without parentheses, thesis and report words, and a journal's volume, issue, date
and pages ("vol. 48, n. 3, 2014", "12, no. 3 (2005): 45–67", "12 (2005), 45–67")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from converter.data import month
from converter.notes.memo import for_one_note
from converter.notes.phrase_search import phrase_pattern
from converter.notes.vocabulary import folded as fold
from converter.notes.vocabulary import genres, place_regions, places

YEAR = r"(?:1[4-9]\d\d|20\d\d)"
_YEAR_AT_END = re.compile(rf"(?:,\s*|\s+|^)(?P<year>{YEAR})(?:[a-z]|\s*\[\d{{4}}\]|\s*[–-]\s*\d{{1,4}})?\s*\.?$")
_NO_DATE = re.compile(r"(?:,\s*|\s+|^)(?:n\.\s?d\.|s\.\s?d\.|o\.\s?J\.)\s*$", re.IGNORECASE)
_EDITION = re.compile(r"(?:,\s*)?\b(?:(?:\d+(?:st|nd|rd|th|a|e|\.)?|rev\.|revised|new|enl\.|enlarged)\s*"
                      r"(?:edn|ed|éd|Aufl|edizione)\.?|repr\.?|reprint)\b\.?", re.IGNORECASE)
_PLACE_JOINERS = re.compile(r"\s*(?:/|–|-|,|&|\band\b|\bund\b|\be\b|\bet\b)\s*")
_NO_PLACE_WORDS = re.compile(r"n\.\s?p\.|s\.\s?l\.|o\.\s?O\.|sine loco", re.IGNORECASE)
_PUBLISHER_WORD = re.compile(r"\b(?:Press|Verlag|Editore|Edizioni|Éditions|Publishers?|Books)\b")
_PLACE_AND = re.compile(r"\s+(?:and|und|e|et|&)\s+|\s*/\s*")
_PURE_YEARS = re.compile(rf"^\s*(?:c\.\s*)?{YEAR}(?:\s*[–—-]\s*(?:{YEAR}|\d\d))?\s*$")
_MONTH_WORD = r"[A-Za-zÀ-ÿ]{3,}\.?"
_NEAR = re.compile(r"([A-ZÀ-Þ][\w-]+)\s(?:bei|am|an der|an|im|ob der|upon|on|sur|sul)\s([A-ZÀ-Þ][\w-]+)")
_VOLUMES_FIRST = re.compile(r"\s*(\d{1,2})\s+(?:vols?|Bde|voll|tomes)\.?,?\s*")
_AND_OTHERS = re.compile(r"\s+(?:u\.\s?a\.|etc\.|et al\.|usw\.)$")
_QUALIFIED_PLACE = re.compile(r"(.+?)\s\([A-ZÀ-Þ][\w.]{1,12}\)")


@dataclass
class Imprint:
    fields: dict[str, Any] = field(default_factory=dict)  # publisher, publisher-place, issued, genre
    type: str | None = None  # "thesis", "report", "webpage" when the words say so


@lru_cache(maxsize=1 << 12)  # pure; the title and tail readers ask about the same parts
def is_place(text: str) -> bool:
    text = text.strip()
    if fold(text) in places():
        return True
    qualified = _QUALIFIED_PLACE.fullmatch(text) if text.endswith(")") else None
    if qualified:  # "Berlin (Ost)", "Halle (Saale)", "Cambridge (Mass.)": a place and its qualifier
        return is_place(qualified.group(1))
    near = _NEAR.fullmatch(text) if " " in text else None
    if near and (fold(near.group(1)) in places() or fold(near.group(2)) in places()):
        return True  # "Reinbek bei Hamburg", "Frankfurt an der Oder": a town by a known place
    others = _AND_OTHERS.search(text) if text.endswith(".") else None
    if others:  # "Paderborn u. a.", "London etc.": the first of several places
        return is_place(text[:others.start()])
    city, comma, region = text.rpartition(",")
    if comma and region.strip() in place_regions() and city[:1].isupper() and len(city.split()) <= 3:
        return True  # "Reading, Mass.", "New Orleans, LA"
    parts = _PLACE_JOINERS.split(text)
    if len(parts) > 1 and all(fold(part) in places() for part in parts if part):
        return True
    if "/" in text:  # "Köln/Opladen", "Stuttgart/Berlin": places of one imprint, the first one known
        first, *others = (part.strip() for part in text.split("/"))
        return is_place(first) and all(part[:1].isupper() and len(part.split()) <= 3 for part in others)
    # "Westport, Conn. and London": places joined by "and", each known or a city with its region
    joined = [part.strip() for part in _PLACE_AND.split(text)]
    return len(joined) > 1 and all(part and is_place(part) for part in joined)


@lru_cache(maxsize=1 << 12)
def looks_like_imprint(inner: str) -> bool:
    """The inside of a parenthesis is an imprint, not a date in a title such as "(1932–1937)"."""
    if _PURE_YEARS.match(inner):
        return False
    if _genre(inner)[0]:
        return True
    day = _DATED_END.search(inner)
    if day and _is_month(day) and not inner[:day.start()].strip(" ,"):
        return True  # "(April 2015)": the date of an unpublished or online item
    dated = _YEAR_AT_END.search(inner) or _NO_DATE.search(inner)
    if not dated:
        return (":" in inner and is_place(inner.split(":")[0])) or is_place(inner.split(":")[-1].strip())
    head = inner[:dated.start()].strip(" ,")
    return bool(head) and (":" in head or is_place(head) or "," in inner or bool(_PUBLISHER_WORD.search(head)))


_BARE_YEAR = re.compile(rf"\s*{YEAR}[a-z]?\s*")  # compiled once here, not looked up in re's cache per call


def is_bare_year(inner: str) -> bool:
    return _BARE_YEAR.fullmatch(inner) is not None


def parse_imprint(inner: str) -> Imprint:
    """"Bologna: Il Mulino, 2007", "ESI: Napoli, 2000", "London, 1998", "PhD diss., Yale, 2005"."""
    imprint = Imprint()
    if ";" in inner:  # "1909; repr., New York: Dover, 1996": the edition cited comes last
        original, _, inner = inner.rpartition(";")
        first = re.search(YEAR, original)
        if first:
            imprint.fields["original-date"] = {"date-parts": [[int(first.group(0))]]}
        if not re.sub(YEAR, "", _EDITION.sub("", inner)).strip(" ,;.:"):  # "(London, 1961; 2nd edn, 1963)":
            earlier = parse_imprint(original).fields  # the later edition printed where the first was
            imprint.fields.update({key: earlier[key] for key in ("publisher-place", "publisher") if key in earlier})
    volumes = _VOLUMES_FIRST.match(inner)
    if volumes:  # "(3 vols., London, 1950–3)": how many volumes, then the imprint
        imprint.fields["number-of-volumes"], inner = volumes.group(1), inner[volumes.end():]
    kind, genre, inner = _strip_genre(inner)
    if kind:
        imprint.type = kind
        if genre:
            imprint.fields["genre"] = genre
    if kind == "paper-conference":
        return _event(inner, imprint)
    edition = _EDITION.search(inner)
    if edition and not edition.group(0).strip(" ,.").lower().startswith("repr"):
        imprint.fields["edition"] = edition.group(0).strip(" ,")  # "2nd edn", "rev. edn"
    inner = _EDITION.sub("", inner).strip(" ,;")
    day = _DATED_END.search(inner)  # "lecture, Harvard, March 12, 1924", "Rim, May 1924": a month date
    if day and _is_month(day):
        imprint.fields["issued"] = _date(day.group(0), day.group("year"))
        inner = inner[:day.start()].strip(" ,;")
        if not inner:
            return imprint
    dated = _YEAR_AT_END.search(inner) if "issued" not in imprint.fields else None
    if dated:
        imprint.fields["issued"] = {"date-parts": [[int(dated.group("year"))]]}
        inner = inner[:dated.start()]
    else:
        nodate = _NO_DATE.search(inner)
        if nodate:
            inner = inner[:nodate.start()]
    inner = inner.strip(" ,;:")
    if not inner:
        return imprint
    if ":" in inner:
        left, _, right = inner.partition(":")
        left, right = left.strip(), right.strip(" ,")
        if is_place(right) and not is_place(left):  # "ESI: Napoli"
            left, right = right, left
        _put(imprint, "publisher-place", left)
        _put(imprint, "publisher", right)
    elif "," in inner and not is_place(inner):  # "Princeton, NJ": a city and its region, one place
        left, _, right = inner.rpartition(",")
        left, right = left.strip(), right.strip()
        if kind == "thesis":
            _put(imprint, "publisher", inner)
        elif is_place(left) or not is_place(right):
            _put(imprint, "publisher-place", left)
            _put(imprint, "publisher", right)
        else:
            _put(imprint, "publisher", left)
            _put(imprint, "publisher-place", right)
    elif kind in ("thesis", "report") or (
            not is_place(inner) and re.search(r"\b(?:University|Universit|Press|Verlag)", inner)):
        _put(imprint, "publisher", inner)
    else:
        _put(imprint, "publisher-place", inner)
    return imprint


def _event(inner: str, imprint: Imprint) -> Imprint:
    """"(paper presented at the Annual Meeting of X, San Antonio, TX, May 6–9, 2000)": the meeting,
    where it was held (the longest run of parts at the end that is a place) and when."""
    day = _DATED_END.search(inner)
    dated = day if day and _is_month(day) else _YEAR_AT_END.search(inner)
    if dated:
        imprint.fields["issued"] = _date(dated.group(0), dated.group("year"))
        inner = inner[:dated.start()]
    parts = [part.strip() for part in inner.strip(" ,;").split(",")]
    for cut in range(1, len(parts)):
        if is_place(", ".join(parts[cut:])):
            _put(imprint, "event-place", ", ".join(parts[cut:]))
            parts = parts[:cut]
            break
    _put(imprint, "event-title", ", ".join(parts))
    return imprint


def _put(imprint: Imprint, key: str, value: str) -> None:
    value = value.strip(" ,;:")
    if key == "publisher-place" and _NO_PLACE_WORDS.fullmatch(value):
        return  # "(o. O., 1920)", "(n.p., 1983)": no place printed
    if value:
        imprint.fields[key] = value


@cache
def _genre_table() -> dict[str, tuple[str, str]]:
    """Genre phrases (folded, longest first as genres() gives them) -> (type, genre)."""
    return {phrase: (kind, genre) for phrase, kind, genre in genres()}


@cache
def _genre_pattern() -> re.Pattern[str]:
    """A genre phrase as a whole word, case-blind, longest first; the table's folded ' stands for a
    printed ’ too. Written to look only where a phrase can begin (phrase_search): it finds what the
    plain case-blind alternation of the phrases between non-letters finds."""
    return phrase_pattern([(re.escape(phrase[:1]).replace("'", "['’]"), re.escape(phrase[1:]).replace("'", "['’]"))
                           for phrase in _genre_table()], not_after=r"[^\W\d_]", after=r"(?![^\W\d_])")


def _genre(text: str) -> tuple[str | None, str, int, int]:
    found = _genre_pattern().search(text)
    if not found:
        return None, "", -1, -1
    kind, genre = _genre_table().get(fold(found.group(0)), (None, ""))
    return kind, genre, found.start(), found.end()


_UNPUBLISHED = re.compile(r"(?:unpubl(?:ished)?\.?|unveröff(?:entlichte)?\.?|inédit[e]?)\s+", re.IGNORECASE)


@for_one_note
def genre_at(text: str, pos: int, limit: int) -> tuple[str, str, int] | None:
    """A thesis or report word where a part begins ("Diss.", "unpubl. PhD thesis"): (type, genre,
    end). Web-page words ("accessed") are not a genre."""
    pattern, table = _genre_pattern(), _genre_table()
    found = pattern.match(text, pos, limit)
    if not found:
        unpublished = _UNPUBLISHED.match(text, pos, limit)
        found = pattern.match(text, unpublished.end(), limit) if unpublished else None
    if not found:
        return None
    kind, genre = table.get(fold(found.group(0)), (None, ""))
    if kind in (None, "webpage"):
        return None
    return kind, genre, found.end()


def _strip_genre(inner: str) -> tuple[str | None, str, str]:
    kind, genre, at, end = _genre(inner)
    if not kind or kind == "webpage":
        return kind, genre, inner
    before = _UNPUBLISHED_END.sub("", inner[:at])  # "(unpublished doctoral thesis, ...)"
    return kind, genre, (before + inner[end:]).strip(" ,")


_UNPUBLISHED_END = re.compile(r"(?:unpubl(?:ished)?\.?|unveröff(?:entlichte)?\.?|inédit[e]?|inedit[ao])\s*$",
                              re.IGNORECASE)


# Journal details after a container title.
_VOLUME = re.compile(r"(?:(?:vol|volume|bd|jg|t|tome|tomo|anno)\.?|a\.)\s*(?P<v>\d+|[IVXLC]+)\b", re.IGNORECASE)
_ISSUE = re.compile(r"(?:n|no|nos|nr|num|fasc|heft|h|issue|n°|nº)\.?\s*(?P<v>\d+(?:\s*[/–-]\s*\d+)?)\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"(?P<v>\d{1,4}(?=\.\d)|\d{1,4}|(?:[ivxlc]{1,8}|[IVXLC]{1,8})(?=/\d|,|\s+\())"
                          r"(?:[/.](?P<issue>\d+)|:(?P<colon_issue>\d+)(?=\s*\())?(?=\s*(?:[,(:]|$|\s+\())")
_ISSUE_YEAR = re.compile(rf"(?P<issue>\d{{1,3}})\s*/\s*(?P<year>{YEAR})")
_PAREN_DATE = re.compile(rf"\((?P<inner>[^()]*?\b(?P<year>{YEAR})[^()]*)\)")
_DAY_MONTH_YEAR = re.compile(rf"(?:(?P<day>\d{{1,2}})\.?(?:\s*[–-]\s*\d{{1,2}}\.?)?\s+(?P<month>{_MONTH_WORD})\s+"
                             rf"|(?P<month2>{_MONTH_WORD})\s+(?P<day2>\d{{1,2}})(?:\s*[–-]\s*\d{{1,2}})?,?\s+|(?P<month3>{_MONTH_WORD})\s+)(?P<year>{YEAR})\b")
_DATED_END = re.compile(rf"(?<![\w.])(?:{_DAY_MONTH_YEAR.pattern})\s*$")
_YEAR_ONLY = re.compile(rf"(?P<year>{YEAR})\b(?![–—-]\d)")
_SEPARATOR = re.compile(r"\s*(?:,|\.(?=\s))?\s*(?:(?:vom|du|del)\s+(?=\d))?")  # "Nr. 215 vom 8. Mai 1926"


@dataclass
class JournalDetails:
    fields: dict[str, Any] = field(default_factory=dict)  # volume, issue, issued
    pages: str | None = None  # what followed ": " or a bare range
    end: int = 0
    newspaper: bool = False  # a full day-month date or "Nr. 12/1990": a newspaper or magazine


def parse_journal_details(text: str, pos: int, limit: int) -> JournalDetails | None:
    """Volume, issue and date right after a journal's name, or None when none is there."""
    details = JournalDetails(end=pos)
    at, first, after_year = pos, True, False
    while at < limit:
        sep = _SEPARATOR.match(text, at)
        start = sep.end() if sep else at
        found = False
        for pattern, key in ((_VOLUME, "volume"), (_ISSUE, "issue")):
            match = pattern.match(text, start, limit)
            if match and key not in details.fields:
                value = match.group("v")
                issue_year = _ISSUE_YEAR.fullmatch(value) if key == "issue" else None
                if issue_year and "issued" not in details.fields:  # "Nr. 12/1990": the issue of that year
                    value = issue_year.group("issue")
                    details.fields["issued"] = {"date-parts": [[int(issue_year.group("year"))]]}
                    details.newspaper = True  # numbered within its year, as newspapers and magazines are
                details.fields[key] = value
                at, found = match.end(), True
                break
        year_closed = False  # this round read "(1990)" after a volume
        numeric = NUMERIC_DATE.match(text, start, limit) if not found and "issued" not in details.fields else None
        if numeric:  # "Die Zeit, 3.5.1990": a newspaper's day
            details.fields["issued"] = access_date(numeric.group(0))
            details.newspaper = True
            at, found = numeric.end(), True
        if not found:
            date = _DAY_MONTH_YEAR.match(text, start, limit)
            paren = _PAREN_DATE.match(text, start, limit)
            year = _YEAR_ONLY.match(text, start, limit)
            bare = _BARE_NUMBER.match(text, start, limit)
            if paren and _publisher_inside(paren.group("inner")):
                paren = None  # "(Cleveland: Pilgrim Press, 1997)": a book's imprint, not an issue's date
            if paren and "issued" not in details.fields:
                details.fields["issued"] = _date(paren.group("inner"), paren.group("year"))
                at, found, year_closed = paren.end(), True, "volume" in details.fields
            elif bare and after_year and not text[at:start].strip() and bare.group("v").isdigit() and (
                    "issue" not in details.fields):
                details.fields["issue"] = bare.group("v")  # "38 (1990) 5, S. 400": the issue after the year
                at, found = bare.end(), True
            elif date and "issued" not in details.fields and _is_month(date):
                details.fields["issued"] = _date(date.group(0), date.group("year"))
                details.newspaper = bool(date.group("day") or date.group("day2"))
                at, found = date.end(), True
            elif year and "issued" not in details.fields and (details.fields or not first):
                details.fields["issued"] = {"date-parts": [[int(year.group("year"))]]}
                at, found = year.end(), True
            elif bare and first and "volume" not in details.fields:
                details.fields["volume"] = bare.group("v")
                if bare.group("issue") or bare.group("colon_issue"):  # "13/1", "26.5", "45:2 (1993)"
                    details.fields["issue"] = bare.group("issue") or bare.group("colon_issue")
                at, found = bare.end(), True
        if not found:
            break
        first, after_year = False, year_closed
        details.end = at
    if not details.fields or not ("issued" in details.fields or "volume" in details.fields
                                  or "issue" in details.fields):
        return None
    return details


def _publisher_inside(inner: str) -> bool:
    """A parenthesis names a place or a publisher ("Stuttgart: Klett, 1987", "Boston, 1983"), as a
    book's imprint does; an issue's date names at most a season or month ("Winter 1990")."""
    head = inner[:_YEAR_ONLY.search(inner).start()] if _YEAR_ONLY.search(inner) else inner
    head = head.strip(" ,")
    return ":" in head or (bool(head) and (is_place(head) or is_place(head.split(",")[0])
                                           or _PUBLISHER_WORD.search(head) is not None))


def _is_month(date: re.Match[str]) -> bool:
    word = date.group("month") or date.group("month2") or date.group("month3")
    return month(word) is not None


def _date(printed: str, year: str) -> dict[str, Any]:
    parts = [int(year)]
    words = re.findall(r"[A-Za-zÀ-ÿ]{3,}\.?", printed)
    number = next((month(word) for word in words if month(word)), None)
    if number:
        parts.append(number)
        day = re.search(r"(?<![\d])(\d{1,2})(?![\d])", printed)
        if day:
            parts.append(int(day.group(1)))
    return {"date-parts": [parts]}


NUMERIC_DATE = re.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d\d)"
                          r"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)")  # 3.5.2020, 2020-05-03


def access_date(printed: str) -> dict[str, Any] | None:
    """"3 May 2020", "May 3, 2020", "3.5.2020", "2020-05-03" as date-parts, or None."""
    numeric = NUMERIC_DATE.search(printed)
    if numeric:
        if numeric.group("y"):
            return {"date-parts": [[int(numeric.group("y")), int(numeric.group("m")), int(numeric.group("d"))]]}
        return {"date-parts": [[int(numeric.group("iy")), int(numeric.group("im")), int(numeric.group("id"))]]}
    details = parse_journal_details(printed.strip(), 0, len(printed.strip()))
    return details.fields.get("issued") if details else None
