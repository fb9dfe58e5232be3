"""What comes after "in" or after an article's quoted title: a container (an edited volume, a
journal, a newspaper) with its editors or author, and a journal's name with its volume, issue and
date ("in: Journal 12 (2005), H. 3", "“Title,” Journal 48, no. 3 (2014): 12–30", "Times, 3 May 1920")."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from converter.data import fold as fold_word
from converter.data import month, tsv_rows
from converter.data import words as words_of
from converter.notes.imprint import is_place, looks_like_imprint, parse_journal_details
from converter.notes.names import names_before_role, parse_names, plausible_person
from converter.notes.phrase_search import phrase_pattern
from converter.notes.reference import Reference
from converter.notes.title import _OPEN_QUOTES, _plain_title_end, closing_quote
from converter.notes.vocabulary import folded as fold


def _phrases(kind: str) -> list[str]:
    """The phrases of one kind in notes-containers.tsv, folded, longest first (tried in that order)."""
    return sorted((fold_word(row[0]) for row in tsv_rows("notes-containers.tsv") if row[1] == kind),
                  key=len, reverse=True)


@cache
def container_pattern(kind: str) -> re.Pattern[str]:
    """The phrases of one kind in notes-containers.tsv (chapter, special-issue, conference)
    as one case-blind regular expression, longest first; a final "." may be missing."""
    alternatives = "|".join(re.escape(phrase.rstrip(".")).replace(r"\ ", r"\s+")
                            + (r"\.?" if phrase.endswith(".") else "") for phrase in _phrases(kind))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


@cache
def container_search(kind: str) -> re.Pattern[str]:
    """container_pattern(kind) for a search: it looks only where a phrase can begin (phrase_search)."""
    alternatives = [(re.escape(phrase[:1]), re.escape(phrase.rstrip(".")[1:]).replace(r"\ ", r"\s+")
                     + (r"\.?" if phrase.endswith(".") else "")) for phrase in _phrases(kind)]
    return phrase_pattern(alternatives, not_after=r"[^\W\d_]", after=r"(?![^\W\d_])")


# "in: ders., Titel", "in idem, Title", "in his Strategy and Diplomacy": a book of the work's own author
# (capitalised too, "in: Ders. (Hg.), Titel": German notes print the pronoun either way)
_SAME_AUTHOR = re.compile(r"(?:[Dd]ers|[Dd]ies|[Ii]d|[Ee]ad)\.|(?:[Ii]dem|[Ee]adem)\b"
                          r"|(?:his|her|their)\b(?=\s+[A-ZÀ-Þ])")
# "in: Ders./Marshall M. Lee (Hg.)", "in idem and E. M. Robertson, eds."
_SAME_AUTHOR_AND = re.compile(rf"(?:{_SAME_AUTHOR.pattern})\s*(?:/|and\s|und\s|&)\s*", re.IGNORECASE)
_SAME_AUTHOR = re.compile(rf"(?:{_SAME_AUTHOR.pattern})\s*(?P<role>\((?:Hg|Hrsg|ed|eds|éd|dir)\.?\))?[,:]?\s+")
_INVERTED_GIVEN = re.compile(r"(?P<given>[A-ZÀ-ÞČŠŽ][\w.’'-]*(?:\s+[A-ZÀ-ÞČŠŽ][\w.’'-]*){0,2}),\s+(?=[A-ZÀ-ÞČŠŽ])")


def _role_before_names(text: str, at: int, end: int, limit: int) -> bool:
    """What parse_names read from `at` to `end` ends in a role phrase that names follow
    ("Opera, hrsg. von J. Burnet"): the words before it are a title, not editors."""
    comma = text.rfind(",", at, end)
    if comma < 0:
        return False
    start = comma + 1 + len(text[comma + 1:end]) - len(text[comma + 1:end].lstrip())
    return start < end and names_before_role(text, start, limit) is not None


_VOLUME_BEFORE_IMPRINT = re.compile(r"(?P<title>.+?),\s+(?:vol\.\s*|Bd\.\s*|t\.\s*)?"
                                    r"(?P<volume>\d{1,3}|[IVXLC]+|[ivxlc]+)")

# "chap. 7 in The Humanizing Brain": the chapter's number, then its book
_CHAPTER_NUMBER = re.compile(r"\s*(?P<number>\d+|[IVXLCivxlc]+)\s+(?:in|In|dans|en)(?::\s*|\s+)(?=[A-ZÀ-ÞČŠŽ\d‘“\"«„])")


def chapter_in(text: str, at: int, limit: int) -> tuple[str, int] | None:
    """(chapter number, where the container begins) for "chap. 7 in ..." at `at`, or None."""
    word = container_pattern("chapter").match(text, at, limit)
    if word is None:
        return None
    number = _CHAPTER_NUMBER.match(text, word.end(), limit)
    return (number.group("number"), number.end()) if number else None


def _container(text: str, at: int, limit: int, reference: Reference) -> int | None:
    """"in X (ed.), Title (imprint)" or "in Title, ed. X" or "in: Journal 12 (2005)"."""
    csl = reference.csl
    joint = _SAME_AUTHOR_AND.match(text, at, limit) if csl.get("author") else None
    others = parse_names(text, joint.end(), limit) if joint else None
    if others is not None and others.role == "editor":  # "in: Ders./Marshall M. Lee (Hg.), Gustav Stresemann"
        csl["editor"] = [dict(name) for name in csl["author"]] + others.names
        at = others.end
    same = _SAME_AUTHOR.match(text, at, limit) if others is None else None
    if same and csl.get("author"):  # "in: ders., Gesammelte Aufsätze", "in: dies. (Hg.), Frauengeschichte"
        csl["editor" if same.group("role") else "container-author"] = csl["author"]
        at = same.end()
    editors = parse_names(text, at, limit) if not (same or others) else None
    if editors and _role_before_names(text, at, editors.end, limit):
        editors = None  # "in: Opera, hrsg. von J. Burnet": a title, then its editors
    inverted = _INVERTED_GIVEN.match(text, editors.end, limit) if editors and len(editors.names) == 1 else None
    if inverted and "given" not in editors.names[0] and _same_author(editors.names, csl):
        # "Kant, Kritik, in: Kant, Immanuel, Kants Werke": the collected works of the work's own author
        csl["container-author"] = [{**editors.names[0], "given": inverted.group("given")}]
        at, editors = inverted.end(), None
    elif editors and editors.role == "editor":
        csl["editor"] = editors.names
        at = editors.end
    elif editors and fold(text[editors.end - 12:editors.end]).strip(" ,:").endswith(("(hg.)", "(hrsg.)")):
        at = editors.end
    elif editors and ((editors.names[0].get("given") and plausible_person(editors.names[0]["given"])) or _same_author(
            editors.names, csl)) and (
            text[editors.end:editors.end + 1].isupper() or text[editors.end:editors.end + 1] in _OPEN_QUOTES):
        csl["container-author"] = editors.names  # "in: Kant, Immanuel, Kants Werke": the volume's author
        at, editors = editors.end, None
    else:  # "in: Historische Zeitschrift, 245 (1987)": words that read as a name but name no editor
        editors = None
        journal = _journal(text, at, limit, reference, dated=True)
        if journal is not None:  # "in: Cold War History 12 (2012), issue 2"
            return journal
    quoted = text[at:at + 1] in _OPEN_QUOTES
    end = _plain_title_end(text, at, limit) if not quoted else None
    if end is None:
        close = closing_quote(text, at, limit)
        if close is None:
            return None
        csl["container-title"] = text[at + 1:close].strip(" ,")  # “Outcomes of Schooling,”: the comma is the note's
        end = close + 1
        journal = _journal_after_issue_title(text, end, limit, reference)
        if journal is not None:  # "in “Outcomes of Schooling,” ed. X, special issue, Journal 99, no. 5"
            return journal
        book = _book_after_part_title(text, end, limit)
        if book is not None:  # "in “Herrlisheim,” The Other Side of Time (Boston, 1987)": the part's book
            at, end = book
            csl["container-title"] = text[at:end].strip(" ,.")
    else:
        csl["container-title"] = text[at:end].strip(" ,.")
        # "in: Zeitschrift 12 (2005)": the volume was read into the title; a journal, then
        journal = re.match(r"(?P<name>.+?)\s+(?P<volume>\d{1,4})$", csl["container-title"])
        if journal and not editors:
            details = parse_journal_details(text, at + journal.start("volume"), limit)
            if details and "issued" in details.fields:  # a volume alone may be a series number
                csl["container-title"] = journal.group("name").rstrip(" ,")
                csl.update(details.fields)
                csl["type"] = "article-journal"
                return details.end
        volume = _VOLUME_BEFORE_IMPRINT.fullmatch(csl["container-title"])
        if volume and text[end:limit].lstrip().startswith("(") and looks_like_imprint(
                text[end:limit].lstrip()[1:].partition(")")[0]):  # "in Kant, Kants Werke, 5 (Berlin, 1968)"
            csl["container-title"], csl["volume"] = volume.group("title"), volume.group("volume")
            end = at + volume.end("title")
    csl.setdefault("type", "chapter")
    if container_search("conference").search(csl["container-title"]) or _PROCEEDINGS_AFTER.match(text, end, limit):
        csl["type"] = "paper-conference"  # "in Proceedings of the ... Symposium", "in Title. Proceedings of ...""
    details = parse_journal_details(text, end, limit) if not editors else None
    if details and "issued" in details.fields and ("volume" in details.fields or "issue" in details.fields):
        csl.update(details.fields)
        csl["type"] = "article-journal"
        return details.end
    reference.spans.append(("container-title", at, end))
    return end


# A journal's or newspaper's name after a quoted title, up to its volume, issue or date;
# "Times (London), 3 May 1920": the place a newspaper is printed in stands after its name.
_JOURNAL_NAME = re.compile(
    r"(?P<name>(?:[^,();]|(?<=\w-),)+?)(?P<where>\s+\([A-ZÀ-Þ][^()\d]{1,40}\)(?=,|\s+\d))?(?P<blog>\s+\((?:blog|Blog|weblog)\))?"
    r"(?P<series>,?\s+(?:N\.\s?F\.|n\.\s?s\.|[Nn]ew [Ss]eries|NS|n\.\s?F\.|\d(?:st|nd|rd|th) ser\.)"
    r"(?=,?\s+(?:\d|[ivxlc]{1,8}\s+\()))?"  # "Econ. Hist. Rev., 2nd ser., xxv (1972)"
    r"(?=,?\s*(?:vol\.?|Vol\.?|volume|n\.|no\.|No\.|nos\.|nr\.|Nr\.|Heft|H\.|Bd\.|Jg\.|t\.|tome|a\.|anno|fasc\.|n°)\s*\d"
    r"|,?\s+(?:\d+|[ivxlc]{1,8}(?=/\d|,|\s+\())(?:[./]\d+)?\s*[,(:]|,?\s+\d+\s*$|,?\s+\("
    r"|,\s*(?:\d{1,2}\.?\s+)?[A-Za-zÀ-ÿ]{3,}\.?\s+\d{4}|,\s*[A-Za-zÀ-ÿ]{3,}\.?\s+\d{1,2},\s+\d{4}|,\s*\d{4}\b"
    r"|\s+(?:vom|du|del)\s+\d{1,2}\.?\s+[A-Za-zÀ-ÿ]{3,}|,?\s*(?:vom\s+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{4})")


def _journal_after_issue_title(text: str, at: int, limit: int, reference: Reference) -> int | None:
    """A quoted title after "in" that a journal follows is an issue's own title (a special issue,
    a themed number): the journal is the container. Its editors and a "special issue" phrase may
    come between; where the journal ends, or None."""
    csl = reference.csl
    issue_title, saved = csl["container-title"], {key: csl.get(key) for key in ("editor", "type")}
    at = _SKIP_COMMA.match(text, at, limit).end()
    role = names_before_role(text, at, limit)
    if role is not None and role[0] == "editor":
        csl["editor"] = role[1]
        at = _SKIP_COMMA.match(text, role[2], limit).end()
    phrase = container_pattern("special-issue").match(text, at, limit)
    if phrase is not None:
        at = _SKIP_COMMA.match(text, phrase.end(), limit).end()
    journal = _journal(text, at, limit, reference, dated=True)
    if journal is None:
        for key, value in saved.items():
            if value is None:
                csl.pop(key, None)
            else:
                csl[key] = value
        csl["container-title"] = issue_title
        return None
    if phrase is not None:
        csl.setdefault("note", f"special issue: {issue_title}")
    elif role is None:  # "in “Part,” Documenti Diplomatici Italiani, 5 (1927)": a part of a volume
        csl["type"] = "chapter"
    return journal


_SKIP_COMMA = re.compile(r"[\s,]*")
_PROCEEDINGS_AFTER = re.compile(r"[\s.,:]*(?:Proceedings|Proc\.|Actes|Atti|Akten|Verhandlungen)\s")


def _book_after_part_title(text: str, at: int, limit: int) -> tuple[int, int] | None:
    """(start, end) of a plain title that follows a quoted title after "in" and precedes the
    imprint: the book the quoted part belongs to, or None."""
    at = _SKIP_COMMA.match(text, at, limit).end()
    if not text[at:at + 1].isupper():
        return None
    end = _plain_title_end(text, at, limit)
    rest = text[end:limit].lstrip()
    if end <= at or not rest.startswith("(") or not looks_like_imprint(rest[1:].partition(")")[0]):
        return None
    return at, end


_DOMAIN = re.compile(r"\w\.(?:com|org|net|edu|gov|info|io|de|fr|it|uk|ru|es|eu)\b", re.IGNORECASE)


def web_site(csl: dict[str, Any]) -> bool:
    """A reference with a URL is a web page when nothing else is known of where it was published,
    or when its container is a dated site ("Quora, August 9, 2016", "CNN.com, December 20, 1999")
    rather than a newspaper or magazine (words in notes-newspaper-words.tsv) or a journal."""
    container = csl.get("container-title")
    if container is None:
        return csl.get("type") in (None, "book", "article-journal") and not (
            csl.keys() & {"publisher", "publisher-place", "volume", "issue"})
    if _DOMAIN.search(container):
        return True
    return csl.get("type") == "article-newspaper" and press_kind(container) is None


@cache
def _press_words() -> dict[str, str]:
    return {fold_word(row[0]): row[1] for row in tsv_rows("notes-newspaper-words.tsv") if row[0][:1] != "-"}


@cache
def _press_endings() -> tuple[tuple[str, str], ...]:
    """("zeitung", "newspaper"), ...: the endings of German compound names ("Kreuzzeitung")."""
    return tuple((fold_word(row[0][1:]), row[1]) for row in tsv_rows("notes-newspaper-words.tsv") if row[0][:1] == "-")


def _press_word(word: str) -> str | None:
    folded = fold(word)
    kind = _press_words().get(folded)
    if kind is None and len(folded) > 7:
        kind = next((kind for ending, kind in _press_endings() if folded.endswith(ending)), None)
    return kind


_LETTERS = re.compile(r"[^\W\d_]+")


def press_kind(name: str) -> str | None:
    """"article-newspaper" or "article-magazine" when the name has a word of
    notes-newspaper-words.tsv ("Frankfurter Zeitung", "Der Spiegel", "Kreuzzeitung"), else None."""
    kinds = {_press_word(word) for word in _LETTERS.findall(name)} - {None}
    if not kinds:
        return None
    return "article-newspaper" if "newspaper" in kinds else "article-magazine"


# "XX (1989)", "a. 120", "p. 173 (...)": numbering or a page label, not a journal's name
_IN_WORD = re.compile(r"in\b|dans\b")
_ADDRESS = re.compile(r"<?(?:https?://|www\.)")
_NOT_A_NAME = re.compile(r"[IVXLCivxlc]+\.?|(?:a|n|nn|no|nr|t|vol|fasc|anno|h|bd|p|pp|s|col|sp|f|ff|fol|fols)\.?",
                         re.IGNORECASE)


def newspaper_issue(text: str, pos: int, limit: int) -> Reference | None:
    """A newspaper's issue cited by its name and date alone ("The Times, 4 Mar. 1927, p. 14",
    "Vorwärts, Nr. 215 vom 8. Mai 1926"): the name must have a newspaper word or the issue a number."""
    name = _NEWSPAPER_NAME.match(text, pos, limit)
    if name is None or is_place(name.group(0)):
        return None
    reference = Reference(csl={}, start=pos, end=pos)
    end = _journal(text, pos, limit, reference)
    csl = reference.csl
    if end is None or csl.get("type") not in ("article-newspaper", "article-magazine") or "volume" in csl:
        return None
    if not (press_kind(name.group(0)) or "issue" in csl):
        return None
    reference.end = end
    return reference


_NEWSPAPER_NAME = re.compile(r"(?:The|Le|La|Il|Die|Der|El)?\s?[A-ZÀ-Þ][\w’'.-]*(?:\s+[A-ZÀ-Þ][\w’'.-]*){0,4}"
                             r"(?=,\s+(?:\d|Nr\.|No\.|n\.|[A-Z][a-z]{2,}\.?\s+\d)|\s+vom\s|\s+Nr\.\s?\d)")


def _same_author(names: list[dict[str, str]], csl: dict[str, Any]) -> bool:
    """"Kant, ..., in: Kant, Immanuel, Kants Werke": the collected works of the work's own author."""
    own = {fold(name.get("family", "")) for name in csl.get("author", [])}
    return any(fold(name.get("family", "")) in own for name in names)


def _journal(text: str, at: int, limit: int, reference: Reference, dated: bool = False) -> int | None:
    """"Journal, vol. 48, n. 3, 2014" / "Journal 12, no. 3 (2005)" / "Newspaper, May 3, 1920"
    after a quoted title. `dated`: the name follows "in", where a book's title may also be
    followed by a volume ("in: Werke, Bd. 5, Berlin 1968"): a journal needs a volume or issue and a date."""
    match = _JOURNAL_NAME.match(text[at:limit])
    name = match.group("name") if match else ""
    if not match or month(name.split()[0].strip(".,")) or name[:1].isdigit() or _IN_WORD.match(name) or (
            _NOT_A_NAME.fullmatch(name.strip())) or _ADDRESS.match(name):
        return None
    name_end = at + match.end()
    details = parse_journal_details(text, name_end, limit)
    if details is None or (dated and not ("issued" in details.fields and (
            "volume" in details.fields or "issue" in details.fields or details.newspaper))):
        return None
    csl = reference.csl
    csl["container-title"] = match.group("name").strip().strip("«»“”‘’„\"").strip()  # in «Nuova Antologia», a. 120
    if match.group("where") and is_place(match.group("where").strip(" ()")):
        csl.setdefault("publisher-place", match.group("where").strip(" ()"))
    csl.update(details.fields)
    press = press_kind(csl["container-title"])
    if match.group("blog"):  # "Cold War Notes (blog), March 3, 2015": a post on a blog
        csl["type"] = "post-weblog"
        reference.spans.append(("container-title", at, at + match.end("name")))
        return details.end
    reference.spans.append(("container-title", at, at + match.end("name")))
    if "volume" in details.fields or not details.newspaper:
        csl["type"] = "article-journal"
        return details.end
    csl["type"] = press or "article-newspaper"  # a day's date or "Nr. 12/1990": a newspaper or magazine
    edition = _EDITION.match(text, details.end, limit)
    printed = edition.group("edition") or edition.group("bracketed") if edition else ""
    if printed and fold(printed) in words_of("notes-newspaper-editions.tsv"):
        csl["edition"] = printed  # "vom 10. März 1926, Abendausgabe, S. 2"
        return edition.end()
    return details.end


_EDITION = re.compile(r",\s*(?P<edition>[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,2})(?=\s*(?:[,;.]|$))"
                      r"|\s*\((?P<bracketed>[^\W\d_]+)\)")  # "vom 5.3.1925 (Morgenausgabe)"
