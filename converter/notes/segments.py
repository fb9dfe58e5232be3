"""Where a reference may begin in a note, and how far it may run: to the next ";" outside
brackets, and not past a sentence that begins after the page ending it ("Browder, Origins,
30–31. Browder relies ...").

Stops, semicolons and strong lead-ins ("see also", "cf.") are found once per note (the
splitter asks about every place a reference may begin). Also where a comment after a reference
ends (", which draws attention to ...").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from converter.data import tsv_rows
from converter.notes.memo import for_one_note
from converter.notes.phrase_search import literal_alternatives, phrase_pattern
from converter.notes.vocabulary import folded, lead_in_words

_BRACKET_OR_SEMICOLON = re.compile(r"[();]")

# A straight single quote opens a title only before a capital ("'Soviet note to Britain', Manchester
# Guardian"); before a lower-case letter it is an apostrophe or a quoted word.
_CANDIDATE_STARTS = (r"[A-ZÀ-ÞČŠŽĆŁŚŹŻ‘“\"«„*]|'[A-ZÀ-ÞČŠŽ]"
                     r"|(?:ibid|ivi|ebd|ebenda|id\.|idem|eadem|ders\.|dies\.|ead\.)(?!\w)"  # "; ders., Titel"
                     r"|(?:de|di|da|del|della|van|von|du|des|ten|ter|le|la)\s+[A-ZÀ-Þ]")
CANDIDATE = re.compile(r"(?<![\w’'.-])(?=" + _CANDIDATE_STARTS + ")")


@cache
def scan_candidate() -> re.Pattern[str]:
    """Where the scan tries a reference: CANDIDATE, and a lower-case document word of
    data/notes-document-starts.tsv right after ";" and before a link word ("; minute by Eden")."""
    rows = tsv_rows("notes-document-starts.tsv")
    documents, links = ("|".join(re.escape(row[0]) for row in rows if row[1] == kind) for kind in ("document", "link"))
    return re.compile(r"(?<![\w’'.-])(?=" + _CANDIDATE_STARTS + r"|(?<=;\s)(?i:(?:" + documents + r")\s+(?:" + links
                      + r"))\s)")


@cache
def _labels() -> re.Pattern[str]:
    rows = tsv_rows("notes-document-starts.tsv")
    words = sorted((row[0] for row in rows if row[1] == "label"), key=len, reverse=True)
    return re.compile(r"(?i:" + "|".join(re.escape(word) for word in words) + r"):(?:\s+|$)")


def label_at(text: str, pos: int) -> int:
    """The end of a source label at pos ("Vorlage: Aufzeichnung Bülows ...", "Druck: ADAP ..."),
    which says what the reference after it is (the file copy, the printed text), or pos."""
    label = _labels().match(text, pos)
    return label.end() if label else pos


# "Browder, Origins, 30–31. Browder relies on ...", "Zeidler, Reichswehr, S. 110. Die dort genannte
# Zahl ...": a page after a comma or a label, a full stop, then a sentence (a capitalised word and a
# lower-case one); the reference ends at that stop. Found from the stop back to the page, since a
# digit before a full stop is rare in a note and the page's shape is costly to look for everywhere.
_PAGE_STOP = re.compile(r"\d[a-z]?(?:\s*f{1,2}\.)?\.(?=\s+[A-ZÀ-Þ][\w’']*\s+[a-zà-ÿ])")
_PAGE_BEFORE = re.compile(r"(?:,\s*|\b(?:pp?|S|ff?|fols?|Bl|col|ll?)\.\s*)(?P<number>\d+[a-z]?(?:\s*[–-]\s*\d+)?)"
                          r"(?:\s*f{1,2}\.)?\.$")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def sentence_stop(text: str, pos: int, limit: int) -> int:
    """Where a sentence begins after the page that ends a reference, or limit."""
    stops = _stops(text)
    at = bisect_left(stops, (pos, 0))
    return stops[at][1] if at < len(stops) and stops[at][1] <= limit else limit


@for_one_note
def _stops(text: str) -> list[tuple[int, int]]:
    """(start, end) of each page-then-sentence stop in a note, asked once per note."""
    stops = []
    for stop in _PAGE_STOP.finditer(text):
        page = _PAGE_BEFORE.search(text, max(0, stop.start() - 24), stop.end())
        if page and not (_YEAR.fullmatch(page.group("number")) and page.group(0).startswith(",")):
            stops.append((page.start(), stop.end()))
    return stops


def segment_end(text: str, pos: int) -> int:
    """The next ";" outside parentheses: a secondary reference never runs past it."""
    ends = _semicolons(text)
    return ends[bisect_left(ends, pos)]


@for_one_note
def _semicolons(text: str) -> list[int]:
    """Offsets of the ";" outside parentheses in a note, and its length last."""
    if ";" not in text:
        return [len(text)]
    ends, depth = [], 0
    for mark in _BRACKET_OR_SEMICOLON.finditer(text):  # only these characters matter
        char = mark.group(0)
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            ends.append(mark.start())
    ends.append(len(text))
    return ends


@cache
def strong_lead_in() -> re.Pattern[str]:
    """A strong lead-in word before a capital ("see also Smith"), or a lead-in verb, a few
    lower-case words and "in" ("see the essays in Gorodetsky", "Vgl. die Beiträge in: Michalka"):
    case-blind, at a word's start. Written as a phrase search (phrase_search.py), which skips to the
    characters the words begin with: the plain alternation's \\b at every position cost more than
    the words."""
    words = sorted(lead_in_words("strong"), key=len, reverse=True)
    verbs = sorted(lead_in_words("strong") & lead_in_words("start"), key=len, reverse=True)
    words_after = r"(?:\s+[a-zà-ÿß][\w’'-]*){1,5}?\s+in:?"  # "see the essays in"
    alternatives = [(first, rest + words_after) for first, rest in literal_alternatives(verbs)]
    # "vgl. die Aufzeichnung …", "see the minute by Sargent", "Dazu das Telegramm Nr. 88": a lead-in
    # word and an article before a document word of notes-document-starts.tsv (it ends before them)
    articles = "|".join(sorted(map(re.escape, lead_in_words("article")), key=len, reverse=True))
    documents = "|".join(sorted(map(re.escape, _document_words()), key=len, reverse=True))
    described = [(first, rest + rf"\s+(?:{articles})(?=\s+(?:{documents})(?!\w))")
                 for first, rest in literal_alternatives(sorted(lead_in_words("strong") | lead_in_words("start"),
                                                                key=len, reverse=True))]
    # "This point is made forcefully in Zara Steiner, …", "discussed at length in": a participle, an
    # adverb or a few words, then "in" or "by" (data/notes-lead-ins.tsv "participle")
    participles = [(first, r"(?-i:(?<=[a-zà-ÿ])" + rest + r"(?:\s+[a-zà-ÿ]+ly|\s+at\s+length|\s+in\s+detail)?"
                    r"\s+(?:in|by)):?")  # in lower case: "Made in Germany" is a title
                   for first, rest in literal_alternatives(sorted(lead_in_words("participle"), key=len, reverse=True))]
    return phrase_pattern(described + participles + alternatives + literal_alternatives(words), not_after=r"\w",
                          after=r"\s+(?=(?-i:[A-ZÀ-ÞČŠŽ‘“\"«„*])|(?:{documents})(?!\w))".replace(
                              "{documents}", documents))


def _document_words() -> list[str]:
    return [row[0] for row in tsv_rows("notes-document-starts.tsv") if row[1] == "document"]


@for_one_note
def strong_leads(text: str) -> list[tuple[int, int]]:
    """(start, end) of the strong lead-ins of a note, found once per note."""
    return [(lead.start(), lead.end()) for lead in strong_lead_in().finditer(text)]


# ", which draws attention to ...": a comment after a reference, up to a sentence end or a ";"
_COMMENT = re.compile(r"\s*,?\s*(?=[a-zà-ÿ])")
_FIRST_WORD = re.compile(r"[\w’']+")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-Þ])")
# The joining words of split._JOINERS: after them another reference follows, not a comment
_JOINING_WORDS = frozenset(("and", "e", "und", "et", "y", "sowie", "nonché", "in"))
_JOINING_PHRASE = re.compile(r"as well as\s", re.IGNORECASE)


@cache
def _not_comment_words() -> frozenset[str]:
    """First words after a reference's comma that begin the next reference: the joining words and
    the words that begin a lead-in (data/notes-lead-ins.tsv "start": "see", "vgl.", "ferner")."""
    return _JOINING_WORDS | {word.rstrip(".") for word in lead_in_words("start")}


def comment_end(text: str, pos: int) -> int:
    """The end of a comment that follows a reference (", which draws attention to ..."), or pos."""
    match = _COMMENT.match(text, pos)
    if not match or not text[pos:match.end()].strip().startswith(","):
        return pos
    first = _FIRST_WORD.match(text, match.end())
    if (folded(first.group(0)) if first else "") in _not_comment_words() or _JOINING_PHRASE.match(text, match.end()):
        return pos  # another reference follows
    sentence = _SENTENCE_END.search(text, match.end())
    semicolon = text.find(";", match.end())
    ends = [at for at in (sentence.start() + 1 if sentence else -1, semicolon) if at >= 0]
    return min(ends) if ends else len(text)
