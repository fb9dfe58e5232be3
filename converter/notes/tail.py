"""What follows a title: imprint, "in" and a container, journal details, role phrases, editions,
volumes, series, dates, URLs and locators, read into the reference until nothing more fits."""
from __future__ import annotations

import re

from converter.data import month
from converter.notes.cited_imprint import later_edition_imprint, volume_of_set
from converter.notes.collections import known_collection
from converter.notes.container import _container, _journal, chapter_in, container_search, web_site
from converter.notes.imprint import (
    NUMERIC_DATE,
    access_date,
    genre_at,
    is_bare_year,
    is_place,
    looks_like_imprint,
    parse_imprint,
    parse_journal_details,
)
from converter.notes.locators import parse_locator
from converter.notes.names import names_before_role
from converter.notes.page_extent import _take_pages
from converter.notes.reference import Reference
from converter.notes.title import (
    _CROSS_REF,
    _DATE,
    _EDITION,
    _IN,
    _IN_AFTER_QUOTE,
    _JOURNAL_PART,
    _NO_DATE,
    _NO_PLACE,
    _OPCIT,
    _PLACE_YEAR,
    _SERIES,
    _TAIL_SEPARATOR,
    _URL,
    _VOLUME_MARK,
    _VOLUMES,
    _imprint_parts,
    _locator_ends,
    _paren_groups,
    _parts,
    _place_year_part,
    _trim_end,
    _volume_title,
    begins_proceedings,
)

# Tried on the rest at every step of _tail: compiled once, and only after the first character
# they need ("1"/"2" of a year, "v"/"B"/"t" of "vol."/"Bd."/"t.").
_BARE_YEAR = re.compile(r"((?:1[4-9]|20)\d\d)(?:[a-z])?(?=\s*(?:[,;.]|$))")
_EDITION_YEAR = re.compile(r"\s+((?:1[4-9]|20)\d\d)$")
_VOLUME_NUMBER = re.compile(r"(?:vol|Bd|t)\.\s*(\d+|[IVXLC]+)\b")
_VOLUME_WORD = re.compile(r"(?:vol|Bd|t)\.\s*")  # "vol. 2", "Bd. 2", "t. 2": the word before the number
_INSTITUTION = re.compile(r"(?:\s*,\s*|\s+(?=[A-ZÀ-Þ]))([^,;()]+?)(?:,\s*|\s+)((?:1[4-9]|20)\d\d)\b")
_NUMBER = re.compile(r"\d+")


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
        cross = _CROSS_REF.match(text, at, limit) if rest[:1] == "(" else None  # "(wie Anm. 3)" begins at start
        if cross:
            at, evidence = cross.end(), evidence or "opcit"
            continue
        bracket = _BRACKETED_ACCESS.match(text, start, limit) if rest[:1] in "[(" else None
        if bracket:  # "[accessed 3 May 2020]", "(zuletzt abgerufen am 3.5.2020)"
            date = access_date(bracket.group("date"))
            if date:
                csl.setdefault("accessed", date)
            at, evidence = bracket.end(), evidence or "full"
            continue
        if rest.startswith("("):
            group = _paren_groups(text, start, limit)
            if group and group[0][0] == start:
                inner = text[start + 1:group[0][1] - 1]
                if "URL" in csl and access_date(inner):  # "(https://...) (1 Oct. 2006)": the day it was read
                    csl.setdefault("accessed", access_date(inner))
                    at = group[0][1]
                    continue
                if looks_like_imprint(inner) or is_bare_year(inner):
                    imprint = parse_imprint(inner)
                    place = imprint.fields.get("publisher-place")
                    if csl.get("type") in ("report", "thesis") and place and "publisher" not in imprint.fields and (
                            not is_place(place)):  # "research report RC-6947 (IBM, 1978)": the institution
                        imprint.fields["publisher"] = imprint.fields.pop("publisher-place")
                    for key, value in imprint.fields.items():
                        csl.setdefault(key, value)
                    if imprint.type:
                        csl["type"] = imprint.type
                    at, evidence = volume_of_set(text, group[0][1], limit, csl), "full"  # "…), I: 1873–1892 (1982)"
                    continue
                locator = parse_locator(inner, 0, need_label=True)
                if locator and locator.end >= len(inner.strip()):
                    reference.locator, reference.label = locator.value, locator.label
                    at = group[0][1]
                    continue
                address = _URL.fullmatch(inner.strip())
                if address:  # "‘Title’ (2016), p. 173 (https://www.quora.com/...)": the address in parentheses
                    csl["URL"] = address.group("url")
                    if web_site(csl):
                        csl["type"] = "webpage"
                    at, evidence = group[0][1], evidence or "full"
                    continue
                series = _SERIES.fullmatch(inner.strip())
                if series:  # "(Handbuch der europäischen Geschichte, Bd. 2)": the series
                    csl.setdefault("collection-title", series.group("title").strip(" ="))  # "(= Handbuch …)"
                    csl.setdefault("collection-number", series.group("number"))
                    at = group[0][1]
                    continue
                if "issued" in csl and _SERIES_NAME.fullmatch(inner.strip()):  # "Oxford 1968 (Clarendon Aristotle)"
                    csl.setdefault("collection-title", inner.strip())
                    at = group[0][1]
                    continue
            break
        chapter = chapter_in(text, start, limit) if "container-title" not in csl and rest[:1] in "cCkK" else None
        if chapter is not None:  # "“The Frontal Lobes,” chap. 7 in The Humanizing Brain"
            container = _container(text, chapter[1], limit, reference)
            if container is None:
                break
            csl["chapter-number"] = chapter[0]
            csl["type"] = "chapter"
            at, evidence = container, "full"
            continue
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
        if quoted and "container-title" not in csl and _PROCEEDINGS_NAME.match(text, start, limit):
            container = _container(text, start, limit, reference)  # "“Title,” Proc. Fifteenth ACM Symposium, 1983"
            if container is not None:
                at, evidence = container, "full"
                continue
        if begins_proceedings(text, start, limit):  # "Actes du colloque ..." up to the imprint: the item's note
            imprint_at = next((s for s, e in _paren_groups(text, start, limit)
                               if looks_like_imprint(text[s + 1:e - 1])), None)
            if imprint_at is None:  # "Proceedings of the Eighth Nobel Symposium, Stockholm 1968, 367–77"
                imprint_at = next((s for s, e in _parts(text, start, limit)[1:]
                                   if _place_year_part(text, s, e) or _imprint_parts(text, s, limit)), None)
            if imprint_at is not None:
                csl["note"] = text[start:imprint_at].strip(" ,.")
                if "container-title" in csl and container_search("conference").search(csl["note"]):
                    csl["type"] = "paper-conference"  # "in Particle Theory. Proceedings of the Nobel Symposium"
                at = imprint_at
                continue
        url = _URL.match(text, start, limit) if rest[:1] in "iU<hw" else None  # "in ", "URL:", "<", "http", "www."
        if url:
            csl["URL"] = url.group("url")
            if web_site(csl):
                csl["type"] = "webpage"
            at, evidence = url.end(), evidence or "full"
            continue
        site = _SITE.match(text, start, limit) if quoted and "container-title" not in csl else None
        if site:  # "“Strategic Plan,” Evanston Public Library, accessed July 18, 2002": the site's name
            csl["container-title"] = site.group("name").strip()
            csl["type"] = "webpage"
            at = site.end("name")
            continue
        accessed = _ACCESSED.match(text, start, limit) if rest[:1] in _ACCESS_INITIALS else None
        if accessed:  # "accessed July 18, 2002", "abgerufen am 3.5.2020": the date a web page was read
            numeric = NUMERIC_DATE.match(text, accessed.end(), limit)
            day = parse_journal_details(text, accessed.end(), limit) if not numeric else None
            if numeric:
                csl.setdefault("accessed", access_date(numeric.group(0)))
                at = numeric.end()
            elif day is not None and "issued" in day.fields:
                csl.setdefault("accessed", day.fields["issued"])
                at = day.end
            else:
                at = accessed.end()
            evidence = evidence or "full"
            continue
        genre = genre_at(text, start, limit)
        if genre:  # "Diss., Stanford University, 1988" / "PhD thesis, Uppsala Universitet 1985"
            kind, name, at = genre
            csl["type"] = kind
            if name:
                csl.setdefault("genre", name)
            if kind == "paper-conference":  # "paper presented at the Annual Meeting, Chicago, 1990"
                dated = _EVENT_END.search(text, at, limit)
                event_end = dated.end("year") if dated else limit
                for key, value in parse_imprint(text[start:event_end]).fields.items():
                    csl.setdefault(key, value)
                at, evidence = event_end, "full"
                continue
            number = _REPORT_NUMBER.match(text, at, limit) if kind == "report" else None
            if number:  # "research report RC-6947", "Working Paper No. 12"
                csl.setdefault("number", number.group("number"))
                at = number.end()
            institution = _INSTITUTION.match(text, at, limit)  # "PhD diss., Yale University, 1999", "Diss. Berlin 1960"
            if institution:  # the university, or where it is ("Diss. Berlin 1960")
                csl.setdefault("publisher-place" if is_place(institution.group(1)) else "publisher",
                               institution.group(1).strip())
                csl.setdefault("issued", {"date-parts": [[int(institution.group(2))]]})
                at = institution.end()
            evidence = "full"
            continue
        volume_of = _VOLUME_OF.match(text, start, limit) if rest[:1] in "vBt" else None
        series = _series_before_imprint(text, volume_of.end(), limit) if volume_of else None
        if volume_of and series is not None:  # "vol. 2 of A History of the Twentieth Century (London: ...)"
            csl.setdefault("volume", volume_of.group("volume"))
            csl.setdefault("collection-title", series[0])
            at = series[2]
            continue
        mark = _VOLUME_MARK.match(text, start, limit)
        after_mark = text[mark.end():text.find(")", mark.end())] if mark and text.startswith(" (", mark.end()) else ""
        if mark and (mark.end() >= limit or text[mark.end():mark.end() + 1] in ",.;" or (  # "iii (Cambridge, 1923)"
                text[mark.end():mark.end() + 1] == ":" and mark.group(0)[:1] in "vBt") or (  # "Bd. 2: Das 20. Jh."
                after_mark and looks_like_imprint(after_mark[2:]))):
            # "vii, pt. 2," / "vi, p. 106": the volume of a multi-volume work, then the page
            word = _VOLUME_WORD.match(mark.group(0))  # at its start only ("pt. 2" keeps its "t. ")
            numbered = "volume" not in csl and word is not None
            csl.setdefault("volume", mark.group(0)[word.end():] if word else mark.group(0))
            at = _volume_title(text, mark.end(), limit, csl) if numbered else mark.end()
            continue
        volumes = _VOLUMES.match(text, start, limit)
        if volumes:  # "6 vols."
            csl.setdefault("number-of-volumes", _NUMBER.match(volumes.group(0)).group(0))
            at = volumes.end()
            continue
        edition = _EDITION.match(text, start, limit)
        if edition:
            printed, year = edition.group(0), _EDITION_YEAR.search(edition.group(0))
            if year:  # "2. Aufl. 1988": the year of the edition cited is the item's; as in "(London, 1909;
                if "issued" in csl:  # repr. 1996)", "München 1963, 6. Aufl. 1984" dates the first edition 1963
                    csl.setdefault("original-date", csl["issued"])
                csl["issued"] = {"date-parts": [[int(year.group(1))]]}
                printed, evidence = printed[:year.start()], evidence or "full"
            csl.setdefault("edition", printed)
            at = later_edition_imprint(text, edition.end(), limit, csl)  # "2. Aufl. New York 1969"
            continue
        year = _BARE_YEAR.match(rest) if rest[:1] in "12" else None
        after_year = _TAIL_SEPARATOR.match(text, start + year.end()).end() if year else start  # ", pp. 884"
        if (year and "issued" not in csl and parse_locator(text, after_year) is not None) or (
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
        volume = _VOLUME_NUMBER.match(rest) if rest[:1] in "vBt" else None
        if volume and "container-title" not in csl and "volume" not in csl:
            csl["volume"] = volume.group(1)
            at = _volume_title(text, start + volume.end(), limit, csl)
            continue
        opcit = _OPCIT.match(rest) if not evidence else None
        if opcit:
            at, evidence = start + opcit.end(), "opcit"
            continue
        no_place = _NO_PLACE.match(rest) if rest[:1] in "nsoN" else None
        if no_place:  # "n.p. 1960", "o. O. 1920": no place printed
            if no_place.group("year"):
                csl.setdefault("issued", {"date-parts": [[int(no_place.group("year"))]]})
            at, evidence = start + no_place.end(), "full"
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
        city_year = _CITY_YEAR.match(text, start, limit) if place_year else None
        if city_year and _imprint_ends(text, city_year.end(), limit):
            place_year = city_year  # "Krefeld 1949, S. 12", "in: ..., Baden-Baden 1995, S. 28–90": a place not known
        if place_year and (place_year is city_year or is_place(place_year.group("place"))):
            csl.setdefault("publisher-place", place_year.group("place").strip())
            if place_year.group("publisher"):
                csl.setdefault("publisher", place_year.group("publisher").strip())
            csl.setdefault("issued", {"date-parts": [[int(place_year.group("year"))]]})
            at, evidence = place_year.end(), "full"
            continue
        series = _series_before_imprint(text, start, limit)
        if series is not None:  # "ed. Ferdinand Seibt, Handbuch der europäischen Geschichte 2 (Stuttgart: ...)"
            title, number, at = series
            csl.setdefault("collection-title", title)
            if number:
                csl.setdefault("collection-number", number)
            continue
        break
    if csl.get("type") == "personal_communication" and known_collection(csl.get("container-title", "")):
        csl["type"] = "chapter"  # a letter printed in DVP, DDI, FRUS...: the seed gold's document in a collection
    if csl.get("type") == "chapter" and container_search("conference").search(csl.get("collection-title", "")):
        csl["type"] = "paper-conference"  # "ed. Carlo Natali, Symposium Aristotelicum (Oxford, 2009)"
    reference.end = _trim_end(text, reference.start, at)
    return evidence


_ACCESSED = re.compile(r"(?:last\s+)?(?:accessed|retrieved|viewed|consulted|abgerufen|zuletzt\s+abgerufen|"
                       r"consulté|consultato|consultado|aufgerufen)(?:\s+(?:on|am|le|il|el))?\s+", re.IGNORECASE)
_SITE = re.compile(rf"(?P<name>[A-ZÀ-Þ][^,;()“”‘’\"]{{1,80}}?),\s+(?=(?:{_ACCESSED.pattern})|https?://|www\.)",
                   re.IGNORECASE)
_ACCESS_INITIALS = frozenset("aArRvVcClLzZ")  # the first letters of the _ACCESSED words: a cheap test first
_BRACKETED_ACCESS = re.compile(rf"[\[(]\s*(?:{_ACCESSED.pattern})(?P<date>[^\])]{{4,40}})[\])]", re.IGNORECASE)
# A proceedings volume named right after an article's quoted title, without "in"
_PROCEEDINGS_NAME = re.compile(r"(?:Proc\.|Proceedings|Actes|Atti|Akten|Verhandlungen)\s")
_CITY_YEAR = re.compile(r"(?P<place>[A-ZÀ-Þ][\w’'.-]+(?:[ /-][A-ZÀ-Þ][\w’'.-]+){0,2})(?P<publisher>)"
                        r"\s+(?P<year>(?:1[5-9]|20)\d\d)\b(?:\s*[–-]\s*(?:1[5-9]|20)?\d\d\b)?")  # _PLACE_YEAR's groups
_SERIES_PARENS = re.compile(r"\s*\([^()]*\)")


def _imprint_ends(text: str, end: int, limit: int) -> bool:
    """After a capitalised word and a year: the pages (labelled), the series in parentheses or the
    reference's end, so the word is the place of publication even when no table knows it."""
    series = _SERIES_PARENS.match(text, end, limit)
    after = _TAIL_SEPARATOR.match(text, series.end() if series else end).end()
    return not text[after:limit].strip(" .") or parse_locator(text, after, need_label=True) is not None


_VOLUME_OF = re.compile(r"(?:vol|Bd|t)\.\s*(?P<volume>\d+|[IVXLC]+)\s+(?:of|von|de|di|du)\s+")
_SERIES_NAME = re.compile(r"[A-ZÀ-Þ][^\d()]{2,80}")
_REPORT_NUMBER = re.compile(r"\s+(?:[Nn]o\.?\s*|[Nn]r\.?\s*|[Nn]\.\s*)?"
                            r"(?P<number>(?:[A-Z]{1,6}\s?[-–]?\s?)?\d[\w./–-]*)(?=\s*(?:[,;.(]|$))")
_EVENT_END = re.compile(r"(?P<year>(?:1[4-9]|20)\d\d)(?=\s*(?:[,;.)]|$))")
_SERIES_BEFORE_IMPRINT = re.compile(r"(?P<title>[A-ZÀ-Þ][^()“”‘’\";]{2,80}?)(?:\s+(?P<number>\d{1,4}))?\s*(?=\()")


def _series_before_imprint(text: str, start: int, limit: int) -> tuple[str, str | None, int] | None:
    """A series title printed between the editors and the parenthesised imprint: (title, number,
    where the imprint begins), or None."""
    match = _SERIES_BEFORE_IMPRINT.match(text, start, limit)
    if not match:
        return None
    group = _paren_groups(text, match.end(), limit)
    if not group or group[0][0] != match.end() or not looks_like_imprint(text[match.end() + 1:group[0][1] - 1]):
        return None
    return match.group("title").strip(" ,."), match.group("number"), match.end()
