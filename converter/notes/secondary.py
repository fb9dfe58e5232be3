"""The secondary-literature parser: one book, chapter, article, thesis or short form at a position.

`parse_secondary(text, pos, limit)` reads authors (names.py), a title (quoted, italic or plain,
which may hold commas, colons and its own dates), then what follows it: an imprint, "in" and a
container, journal details, a role phrase, a locator. It returns a Reference whose `end` is where
the reference stops, so that the splitter can look at what follows (another reference, a comment).
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import Any

from converter.data import fold, month
from converter.data import words as words_of
from converter.notes.container import container_pattern, newspaper_issue
from converter.notes.locators import parse_locator
from converter.notes.names import Names, parse_names, plausible_person
from converter.notes.persons import parties
from converter.notes.reference import Reference
from converter.notes.shortforms import known_title, learned
from converter.notes.tail import _tail
from converter.notes.title import _DATE, _DIGIT, _OPCIT, _OPEN_QUOTES, _plain_title_end, _trim_end, closing_quote
from converter.notes.vocabulary import folded, ibid_words, name_skeleton

# A plain title with no author may really be a lead-in followed by a named reference: the
# splitter prefers a named reference that begins inside it. A dated description in a work
# ("Tagebucheintrag vom 3. Mai 1926, in: Kessler, Tagebuch") is a document printed there.
ANONYMOUS_CONFIDENCE, DOCUMENT_IN_WORK = 0.6, 0.7
_DATE_BEFORE = re.compile(r",?\s+(?:vom|du|del|of|dated)?\s*" + _DATE.pattern + r"$")


def parse_secondary(text: str, pos: int, limit: int, italics: list[tuple[int, int]] | None = None,
                    known_families: AbstractSet[str] = frozenset(),
                    authors: list[dict[str, str]] | None = None) -> Reference | None:
    """The reference to a secondary work that begins at `pos` (not beyond `limit`), or None.

    `authors` are the names "Id." stands for: the work that follows is theirs."""
    letter = _letter(text, pos, limit) if authors is None else None
    if letter is not None:
        return letter
    newspaper = newspaper_issue(text, pos, limit) if authors is None else None
    if newspaper is not None:  # "The Times, 4 Mar. 1927, p. 14": an issue with no article named
        _tail(text, newspaper.end, limit, newspaper, False)
        return newspaper
    names = parse_names(text, pos, limit) if authors is None else _idem(text, pos, limit, authors)
    if names is not None and authors is None and fold(text[pos:names.end].strip(" ,")) in ibid_words():
        names = None
    if names is not None and authors is None and _VOLUME_NEXT.match(text, names.end, limit) and not any(
            "given" in name and plausible_person(name["given"]) for name in names.names):
        names = None  # "Parliamentary Debates, 5th ser., vol. 300": a title and its volume, no author
    start = names.end if names else pos
    if names is not None:
        alone = _author_only(text, start, limit, names, known_families)
        if alone is not None:
            return alone
        if authors is None and not any(_skeleton(name) in known_families for name in names.names):
            title_again = known_title(text, pos, limit, learned(known_families))
            if title_again is not None:  # "Italia e Albania, 1924–1927, 280": a title cited before, not two people
                return title_again
    if start >= limit:
        return None
    if names is None and text[start:start + 1] not in _OPEN_QUOTES and not italics and not _DIGIT.search(
            text, start, limit):
        return None  # an unquoted title with no author needs an imprint, a date or pages: all have digits
    csl: dict[str, Any] = {}
    if names:
        csl["editor" if names.role == "editor" else "author"] = names.names
    review = container_pattern("review").match(text, start, limit) if names else None
    if review and names:  # "Robert Dallek, review of The Wise Men, by Walter Isaacson, Journal of ..."
        return _review(text, pos, review.end(), limit, csl, names)
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
    if names is not None and _describes_a_letter(csl):
        csl["type"], csl["genre"] = "personal_communication", csl.get("genre", "letter")
    return _judge(reference, names, evidence, quoted, known_families)


_VOLUME_NEXT = re.compile(r"(?:vol|Bd|t|tome|Teil|Jg)\.\s*\d|\d+(?:st|nd|rd|th|\.)\s+(?:ser|Reihe)\b")
_ROLE_AFTER_IDEM = re.compile(r"\((?:Hg|Hgg|Hrsg|ed|eds|éd|éds|dir|a cura di)\.?\)[,:]?\s*", re.IGNORECASE)


def _idem(text: str, pos: int, limit: int, authors: list[dict[str, str]]) -> Names:
    """The names "Id."/"Ders."/"Dies." stands for, as editors where a role follows ("Dies. (Hg.), ...")."""
    role = _ROLE_AFTER_IDEM.match(text, pos, limit)
    return Names(authors, "editor", pos, role.end()) if role else Names(authors, "author", pos, pos)


def _skeleton(name: dict[str, str]) -> str:
    return name_skeleton(name.get("family") or name.get("literal", ""))


def _dated_in_work(csl: dict[str, Any]) -> dict[str, Any] | None:
    """The date that ends a chapter's title ("Rede Hitlers vom 23. Mai 1939"): a dated document
    printed in that work; or None."""
    title = csl.get("title", "")
    if csl.get("type") != "chapter" or not title[-1:].isdigit():
        return None
    date = _DATE.search(title, max(0, len(title) - 24))
    number = month(date.group("m1") or date.group("m2") or "") if date and date.end() == len(title) else None
    if date is None or number is None:
        return None
    return {"date-parts": [[int(date.group("year")), number, int(date.group("day") or date.group("day2"))]]}


def _describes_a_letter(csl: dict[str, Any]) -> bool:
    """"Litvinov, “Litvinov tovarišu K.K. Jurenevu”", "Benjamin, „Benjamin an Scholem“": the title
    names its own author, then a word of notes-letter-words.tsv, then the recipient."""
    if csl.get("type") not in (None, "book", "article-journal") or "container-title" in csl:
        return False
    words = csl.get("title", "").split()
    families = {folded(name.get("family", "")) for name in csl.get("author", [])} - {""}
    if not families:  # an editor's book: no author to name in the title
        return False
    letter_words = words_of("notes-letter-words.tsv")
    return any(later[:1].isupper() and folded(following) in letter_words and folded(word.strip(",.:")) in families
               for word, following, later in zip(words, words[1:], words[2:], strict=False))


# "Walter Benjamin to Gershom Scholem, 5 April 1924, in ...": a letter printed in a collection
_LETTER = re.compile(r"(?P<title>[A-ZÀ-ÞČŠŽ][\w’'.-]*(?:\s+[A-ZÀ-ÞČŠŽ][\w’'.-]*){0,4}\s+(?:to|an|à)\s+"
                     r"[A-ZÀ-ÞČŠŽ][\w’'.-]*(?:\s+(?:[A-ZÀ-ÞČŠŽ][\w’'.-]*|von|van|de|der|di|da|du|le|la)){0,5}),\s+")


def _letter(text: str, pos: int, limit: int) -> Reference | None:
    """A letter named by its sender and recipient and dated ("X to Y, 5 April 1924"), or None.
    The date must follow: "Introduction to Political Science, 1990" is a title."""
    match = _LETTER.match(text, pos, limit)
    if not match:
        return None
    date = _DATE.match(text, match.end(), limit)
    if date is None or not month(date.group("m1") or date.group("m2") or ""):
        return None
    senders, recipients = parties(match.group("title"))
    if not (senders and recipients):
        return None
    csl: dict[str, Any] = {"type": "personal_communication", "genre": "letter", "author": senders,
                           "recipient": recipients, "title": match.group("title")}
    reference = Reference(csl=csl, start=pos, end=match.end("title"), spans=[("title", pos, match.end("title"))])
    _tail(text, match.end("title"), limit, reference, False)
    return reference


_REVIEWED_BY = re.compile(r",?\s+(?:by|von|de|di)\s+")


def _review(text: str, pos: int, at: int, limit: int, csl: dict[str, Any], names: Names) -> Reference:
    """A review: the reviewed work's title and author after "review of", then where the review
    appeared. The review's title is the printed phrase ("Review of The Wise Men")."""
    at += len(text[at:limit]) - len(text[at:limit].lstrip())
    title_end = _plain_title_end(text, at, limit)
    by = _REVIEWED_BY.search(text, at, title_end + 4) if title_end > at else None
    reviewed_end = by.start() if by else title_end
    csl["reviewed-title"] = text[at:reviewed_end].strip(" ,.")
    csl["title"] = f"Review of {csl['reviewed-title']}"
    end = reviewed_end
    if by:
        reviewed = parse_names(text, by.end(), limit)
        if reviewed is not None:
            csl["reviewed-author"] = reviewed.names
            end = _trim_end(text, at, reviewed.end)
    reference = Reference(csl=csl, start=pos, end=end, spans=[("author", names.start, names.end),
                                                              ("title", at, reviewed_end)])
    _tail(text, end, limit, reference, True)
    csl.setdefault("type", "article-journal")
    return reference


def _author_only(text: str, start: int, limit: int, names: Names, known: AbstractSet[str]) -> Reference | None:
    """"Licis." or "Cotton et al., 429.": an earlier-cited author alone, with a locator or none."""
    if name_skeleton(names.names[0].get("family") or names.names[0].get("literal", "")) not in known:
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
            date = _dated_in_work(csl)
            if date is not None:  # a document printed in the work: its date, its writer and addressee
                reference.confidence = DOCUMENT_IN_WORK
                csl["issued"] = date
                described = _DATE_BEFORE.sub("", csl["title"])  # the description, as archival titles are
                csl["title"] = described
                reference.spans = [(f, a, a + len(described) if f == "title" else b) for f, a, b in reference.spans]
                for variable, people in zip(("author", "recipient"), parties(described), strict=True):
                    if people:
                        csl[variable] = people
        csl.setdefault("type", "book")
        return reference
    if names is None:
        if quoted and not evidence and csl.get("title", "")[:1].islower():
            return None  # As Steiner notes, "the league was doomed"; …: a quotation, not a title
        if quoted and evidence in ("", "locator"):  # “Nota Polnomočnogo ...,” p. 103: a title alone
            reference.short_form = True
            reference.confidence = ANONYMOUS_CONFIDENCE
            return reference
        if evidence == "locator" and set(csl) == {"title", "volume"} and reference.label:
            reference.confidence = ANONYMOUS_CONFIDENCE  # "Verhandlungen des Reichstags, Bd. 388, S. 5678"
            csl.setdefault("type", "book")
            return reference
        return None
    family = name_skeleton(names.names[0].get("family") or names.names[0].get("literal", ""))
    if evidence in ("locator", "opcit") or family in known_families:
        reference.short_form = True
        reference.confidence = 0.9 if family in known_families else 0.7
        if evidence == "opcit" and fold(csl.get("title", "")) in ("", "cit."):
            csl.pop("title", None)
        return reference
    return None


# A quoted word that a conjunction joins to more of the title: the quotes are the title's own
_QUOTED_WORD_JOINED = re.compile(r"\s+(?:und|and|et|e|y|oder|or|ou|o|als|as|vs\.|versus|[–—])\s+\S")
# A quotation that opens a longer title, a subtitle after it: „Politische Sanierung“. Zur deutschen Politik ...
_QUOTED_THEN_SUBTITLE = re.compile(r"[.:]\s+[A-ZÀ-ÞČŠŽ]")


def _title(text: str, start: int, limit: int, italics: list[tuple[int, int]]) -> tuple[int, int, int, bool] | None:
    """(title start, title end, where the rest begins, quoted?) or None."""
    char = text[start:start + 1]
    if char in _OPEN_QUOTES:
        close = closing_quote(text, start, limit)
        if close is None:
            return None
        if _QUOTED_WORD_JOINED.match(text, close + 1, limit) or _QUOTED_THEN_SUBTITLE.match(text, close + 1, limit):
            # “Intention” und “Intentionalität” in der ...; „Politische Sanierung“. Zur deutschen Politik ...
            end = _plain_title_end(text, start, limit)
            if end > close + 1:
                return start, end, end, False
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
