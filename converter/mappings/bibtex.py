"""The one rule table of BibTeX and BibLaTeX, used by their readers and writers alike.

- TYPES: entry type → CSL type, read for every type in either dialect; WRITE_TYPES: the explicit
  choice back per dialect (many-to-one reads need one answer on the way out).
- FIELDS: field → CSL variable with a kind (title, name, date, number, page, literal, list,
  verbatim, key, language) that picks the converter. The reader applies rules in table order, so
  `journaltitle` wins over `journal`; the writer takes, for a CSL variable, the first rule that
  writes in its dialect and whose `types` (CSL types) admit the item. Kinds starting with `_` are
  irregular cases handled by a named function of the reader/writer.
- KEPT: fields that steer biblatex's formatting (sorting, labels, options) and have no CSL
  meaning: they are kept as `tex.FIELD: value` lines in CSL `note` (Better BibTeX's convention)
  without a warning; any other field without a rule is kept the same way and reported.
- INHERITANCE: biblatex's crossref rules (manual, appendix B), e.g. book → inbook: title →
  booktitle, author → bookauthor.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from converter.data import tsv_rows

BIBTEX, BIBLATEX, BOTH = "bibtex", "biblatex", "both"
ARTICLES = frozenset({"article-journal", "article-magazine", "article-newspaper", "article", "periodical"})
IN_BOOK = frozenset({"chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia"})
INSTITUTIONAL = frozenset({"thesis", "report"})

# entry type -> CSL type (either dialect reads all of these)
TYPES: dict[str, str] = {
    "article": "article-journal", "book": "book", "mvbook": "book", "bookinbook": "chapter",
    "inbook": "chapter", "suppbook": "chapter", "booklet": "pamphlet", "collection": "book",
    "mvcollection": "book", "incollection": "chapter", "suppcollection": "chapter",
    "dataset": "dataset", "manual": "book", "misc": "document", "online": "webpage", "www": "webpage",
    "electronic": "webpage", "internet": "webpage", "talk": "speech", "presentation": "speech",
    "jurthesis": "thesis", "patent": "patent", "periodical": "periodical", "suppperiodical": "article-journal",
    "proceedings": "book", "mvproceedings": "book", "inproceedings": "paper-conference",
    "conference": "paper-conference", "reference": "book", "mvreference": "book",
    "inreference": "entry-encyclopedia", "report": "report", "techreport": "report", "software": "software",
    "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis", "unpublished": "manuscript",
    "manuscript": "manuscript", "artwork": "graphic", "image": "graphic", "audio": "song", "music": "song",
    "video": "motion_picture", "movie": "motion_picture", "performance": "performance",
    "legislation": "legislation", "legal": "legal_case", "jurisdiction": "legal_case",
    "letter": "personal_communication", "review": "review", "standard": "standard", "commentary": "book",
    "bibnote": "document", "set": "document", "customa": "document", "customb": "document",
    "customc": "document", "customd": "document", "custome": "document", "customf": "document",
}
# (entry type, entrysubtype) -> CSL type: overrides of TYPES
SUBTYPES: dict[tuple[str, str], str] = {
    ("article", "magazine"): "article-magazine",
    ("article", "newspaper"): "article-newspaper",
    ("review", "magazine"): "review",
}
# what an entry type implies for CSL `genre` when it has no `type` field
IMPLIED_GENRE: dict[str, str] = {"phdthesis": "PhD thesis", "mastersthesis": "Master’s thesis",
                                 "techreport": "technical report"}

# CSL type -> (entry type, entrysubtype or "") per dialect; CSL types not listed become misc.
WRITE_TYPES: dict[str, dict[str, tuple[str, str]]] = {
    BIBLATEX: {
        "article-journal": ("article", ""), "article-magazine": ("article", "magazine"),
        "article-newspaper": ("article", "newspaper"), "book": ("book", ""), "chapter": ("incollection", ""),
        "pamphlet": ("booklet", ""), "dataset": ("dataset", ""), "document": ("misc", ""),
        "webpage": ("online", ""), "post": ("online", ""), "post-weblog": ("online", ""),
        "patent": ("patent", ""), "periodical": ("periodical", ""), "paper-conference": ("inproceedings", ""),
        "entry-encyclopedia": ("inreference", ""), "report": ("report", ""), "software": ("software", ""),
        "thesis": ("thesis", ""), "manuscript": ("unpublished", ""), "graphic": ("artwork", ""),
        "song": ("audio", ""), "motion_picture": ("video", ""), "performance": ("performance", ""),
        "legislation": ("legislation", ""), "legal_case": ("jurisdiction", ""),
        "personal_communication": ("letter", ""), "review": ("review", ""), "standard": ("standard", ""),
    },
    BIBTEX: {
        "article-journal": ("article", ""), "article-magazine": ("article", "magazine"),
        "article-newspaper": ("article", "newspaper"), "book": ("book", ""), "chapter": ("incollection", ""),
        "pamphlet": ("booklet", ""), "document": ("misc", ""), "paper-conference": ("inproceedings", ""),
        "report": ("techreport", ""), "thesis": ("phdthesis", ""), "manuscript": ("unpublished", ""),
    },
}


@dataclass(frozen=True)
class Rule:
    """One field ↔ one CSL variable. `types` restricts which CSL types the writer uses it for."""

    field: str
    variable: str
    kind: str
    dialect: str = BOTH
    types: frozenset[str] | None = None
    write: bool = True

    def writes(self, dialect: str, csl_type: str) -> bool:
        return (self.write and self.dialect in (BOTH, dialect)
                and (self.types is None or csl_type in self.types))


def _r(field: str, variable: str, kind: str, dialect: str = BOTH, types: frozenset[str] | None = None,
       write: bool = True) -> Rule:
    return Rule(field, variable, kind, dialect, types, write)


FIELDS: tuple[Rule, ...] = (
    # titles: subtitle and titleaddon are joined to the title (": " and ". "), as biblatex prints them
    _r("title", "title", "title"),
    _r("subtitle", "title", "subtitle", BIBLATEX, write=False),
    _r("titleaddon", "title", "titleaddon", BIBLATEX, write=False),
    _r("shorttitle", "title-short", "title"),
    _r("_volumetitle", "volume-title", "title", write=False),  # see reader._main_title
    _r("_volumesubtitle", "volume-title", "subtitle", write=False),
    _r("_volumetitleaddon", "volume-title", "titleaddon", write=False),
    _r("journaltitle", "container-title", "title", BIBLATEX, ARTICLES),
    _r("journal", "container-title", "title", BIBTEX, ARTICLES),
    _r("journalsubtitle", "container-title", "subtitle", BIBLATEX, write=False),
    _r("journaltitleaddon", "container-title", "titleaddon", BIBLATEX, write=False),
    _r("booktitle", "container-title", "title"),
    _r("booksubtitle", "container-title", "subtitle", BIBLATEX, write=False),
    _r("booktitleaddon", "container-title", "titleaddon", BIBLATEX, write=False),
    _r("maintitle", "container-title", "title", BIBLATEX, write=False),
    _r("eventtitle", "event-title", "title", BIBLATEX),
    _r("issuetitle", "volume-title", "title", BIBLATEX, ARTICLES),
    _r("origtitle", "original-title", "title", BIBLATEX),
    _r("shortjournal", "container-title-short", "title", BIBLATEX),
    _r("series", "collection-title", "_series"),
    # people
    _r("author", "author", "name"),
    _r("editor", "editor", "_editor"),
    _r("editora", "editor", "_editor", BIBLATEX, write=False),
    _r("editorb", "editor", "_editor", BIBLATEX, write=False),
    _r("editorc", "editor", "_editor", BIBLATEX, write=False),
    _r("translator", "translator", "name"),
    _r("bookauthor", "container-author", "name", BIBLATEX),
    _r("recipient", "recipient", "name"),
    _r("_compiler", "compiler", "name", write=False),  # the writer uses editor + editortype
    _r("_director", "director", "name", write=False),
    _r("_organizer", "organizer", "name", write=False),
    # dates
    _r("date", "issued", "date", BIBLATEX),
    _r("year", "issued", "_year"),
    _r("origdate", "original-date", "date", BIBLATEX),
    _r("origyear", "original-date", "_year", BIBLATEX, write=False),
    _r("eventdate", "event-date", "date", BIBLATEX),
    _r("urldate", "accessed", "date"),
    _r("pubstate", "status", "key", BIBLATEX),
    # numbers
    _r("volume", "volume", "number"),
    _r("volumes", "number-of-volumes", "number"),
    _r("number", "issue", "number", BOTH, ARTICLES),
    _r("number", "number", "_number"),
    _r("issue", "issue", "number", BIBLATEX, write=False),
    _r("eid", "number", "number", BIBLATEX, write=False),
    _r("edition", "edition", "number"),
    _r("pages", "page", "page"),
    _r("pagetotal", "number-of-pages", "number"),
    _r("chapter", "chapter-number", "number"),
    _r("part", "part-number", "number", BIBLATEX),
    _r("version", "version", "literal"),
    # publication
    _r("institution", "publisher", "list", BOTH, INSTITUTIONAL),
    _r("school", "publisher", "list", BIBTEX, frozenset({"thesis"})),
    _r("publisher", "publisher", "list"),
    _r("organization", "publisher", "list", write=False),
    _r("howpublished", "publisher", "literal", write=False),
    _r("location", "jurisdiction", "list", BIBLATEX, frozenset({"patent"})),
    _r("location", "publisher-place", "list", BIBLATEX),
    _r("address", "publisher-place", "list", BIBTEX),
    _r("origpublisher", "original-publisher", "list", BIBLATEX),
    _r("origlocation", "original-publisher-place", "list", BIBLATEX),
    _r("venue", "event-place", "literal", BIBLATEX),
    _r("type", "genre", "key"),
    _r("langid", "language", "language"),  # BibTeX ignores it; biblatex and babelbib read it
    _r("language", "language", "language"),
    # identifiers and links
    _r("doi", "DOI", "verbatim"),
    _r("url", "URL", "verbatim"),
    _r("isbn", "ISBN", "literal"),
    _r("issn", "ISSN", "literal"),
    _r("library", "archive", "literal", BIBLATEX),
    _r("archive", "archive", "literal", BOTH, write=False),
    _r("archive_location", "archive_location", "literal", write=False),
    _r("archivelocation", "archive_location", "literal", write=False),
    _r("archive_place", "archive-place", "literal", write=False),
    _r("archive-place", "archive-place", "literal", write=False),
    # text
    _r("abstract", "abstract", "literal"),
    _r("annotation", "annote", "literal", BIBLATEX),
    _r("annote", "annote", "literal"),
    _r("keywords", "keyword", "literal"),
    _r("note", "note", "literal"),
)

# Fields that only steer biblatex (or are consumed by another rule): kept as tex.* lines, silently.
KEPT: dict[str, str] = {field: reason for reason, fields in {
    "sorting and indexing": "sortkey sortname sorttitle sortyear sortshorthand presort indextitle indexsorttitle",
    "labels and short forms": "label shorthand shorthandintro shortauthor shorteditor shortseries shorthandintro",
    "biblatex options": "options execute hyphenation langidopts",
    "entry links (crossref and xdata are resolved on read)": "crossref xref xdata entryset related relatedtype "
                                                            "relatedstring relatedoptions ids",
    "roles CSL has no variable for": "annotator commentator introduction foreword afterword holder "
                                     "editoratype editorbtype editorctype editortype authortype nameaddon "
                                     "namea nameb namec nameatype namebtype namectype",
    "no CSL counterpart": "addendum origlanguage eprint eprinttype eprintclass file entrysubtype key month "
                         "day usera userb userc userd usere userf lista listb listc listd liste listf "
                         "verba verbb verbc mainsubtitle maintitleaddon",
}.items() for field in fields.split()}

# CSL variables a dialect has no field for, and why. The writers still carry them, as fields named
# after the variable (`archive_location = {...}`) that bibconv reads back, and report `lossy-field`.
_NO_FIELD = {
    "roles biblatex has no name list for": "chair collection-editor composer contributor curator "
                                           "editorial-director executive-producer guest host illustrator "
                                           "interviewer narrator original-author performer producer "
                                           "reviewed-author script-writer series-creator",
    "dates biblatex has no field for": "available-date submitted",
    "citation-time variables, not data": "citation-number first-reference-note-number locator year-suffix "
                                         "citation-label citation-key",
    "numbers and details without a field": "page-first printing section supplement dimensions scale",
    "archival and legal details without a field": "archive_collection archive_location archive-place "
                                                  "call-number authority division",
    "descriptions without a field": "event license medium part-title references reviewed-genre "
                                    "reviewed-title source translated-title PMCID PMID",
    "legacy CSL-JSON spellings (Zotero)": "journalAbbreviation shortTitle",
}
_BIBTEX_ONLY_MISSING = {
    "biblatex has a field, BibTeX none": "container-author event-date original-date container-title-short "
                            "event-title event-place jurisdiction original-publisher original-publisher-place "
                            "original-title status archive part-number",
}
CANNOT_HOLD: dict[str, dict[str, str]] = {
    BIBLATEX: {variable: reason for reason, names in _NO_FIELD.items() for variable in names.split()},
    BIBTEX: {variable: reason for reason, names in (_NO_FIELD | _BIBTEX_ONLY_MISSING).items()
             for variable in names.split()},
}
# written by named functions of the writer rather than by one rule
WRITTEN_SPECIALLY = frozenset({"issue", "number", "collection-number", "volume-title", "volume-title-short",
                               "editor", "compiler", "director", "organizer", "note", "type"})

# biblatex editortype -> CSL name variable (others stay in tex lines)
EDITOR_TYPES: dict[str, str] = {"editor": "editor", "compiler": "compiler", "director": "director",
                                "organizer": "organizer", "recipient": "recipient"}

# eprinttype -> (CSL variable, URL pattern or "")
EPRINTS: dict[str, tuple[str, str]] = {
    "arxiv": ("URL", "https://arxiv.org/abs/{}"), "jstor": ("URL", "https://www.jstor.org/stable/{}"),
    "hdl": ("URL", "https://hdl.handle.net/{}"), "pubmed": ("PMID", ""), "pmcid": ("PMCID", ""),
    "googlebooks": ("URL", "https://books.google.com/books?id={}"),
}

# --- crossref inheritance (biblatex manual, appendix B) -------------------------------------------
NEVER_INHERITED = frozenset("ids crossref xref entryset entrysubtype execute label options presort related "
                            "relatedoptions relatedstring relatedtype shorthand shorthandintro sortkey".split())
_TITLE_TO = {"main": ("maintitle", "mainsubtitle", "maintitleaddon"),
             "book": ("booktitle", "booksubtitle", "booktitleaddon"),
             "journal": ("journaltitle", "journalsubtitle", "journaltitleaddon")}
# (parent types, child types, title role, parent author also becomes bookauthor)
_INHERITANCE_GROUPS = (
    ("mvbook", "book inbook bookinbook suppbook", "main", True),
    ("mvcollection mvreference", "collection reference incollection inreference suppcollection", "main", False),
    ("mvproceedings", "proceedings inproceedings", "main", False),
    ("book", "inbook bookinbook suppbook letter", "book", True),
    ("collection reference", "incollection inreference suppcollection letter", "book", False),
    ("proceedings", "inproceedings", "book", False),
    ("periodical", "article suppperiodical", "journal", False),
)


@cache
def inheritance(parent_type: str, child_type: str) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Parent field -> child fields it fills, and parent fields not inherited, for a type pair."""
    for parents, children, role, book_author in _INHERITANCE_GROUPS:
        if parent_type in parents.split() and child_type in children.split():
            targets = _TITLE_TO[role]
            mapping: dict[str, tuple[str, ...]] = {
                "title": (targets[0],), "subtitle": (targets[1],), "titleaddon": (targets[2],)}
            if book_author:
                mapping["author"] = ("author", "bookauthor")
            return mapping, frozenset({"shorttitle", "sorttitle", "indextitle", "indexsorttitle"})
    return {}, frozenset()


# --- lookups ---------------------------------------------------------------------------------------

@cache
def reading_rule(field: str, csl_type: str) -> Rule | None:
    """The rule that reads a field: the first whose types admit the item, else the field's first.

    Both dialects read every field (a .bib file mixes them freely)."""
    rules = [rule for rule in FIELDS if rule.field == field]
    for rule in rules:
        if rule.types is None or csl_type in rule.types:
            return rule
    return rules[0] if rules else None


@cache
def field_order() -> dict[str, int]:
    """Field -> its first place in FIELDS: readers take fields in this order (`publisher` before
    `organization`), so two fields for one variable always resolve the same way."""
    order: dict[str, int] = {}
    for index, rule in enumerate(FIELDS):
        order.setdefault(rule.field, index)
    return order


def field_for(dialect: str, csl_type: str, variable: str, taken: frozenset[str]) -> Rule | None:
    """The rule to write a variable with when `taken` fields (kept tex lines) also read as it: one
    that the reader takes before all of them, so each value comes back where it was."""
    rule = writing_rule(dialect, csl_type, variable)
    if rule is None:
        return None
    order = field_order()
    rivals = [field for field in taken if (other := reading_rule(field, csl_type)) is not None
              and other.variable == variable]
    if not rivals:
        return rule if rule.field not in taken else None
    limit = min(order.get(field, len(FIELDS)) for field in rivals)
    for candidate in (rule, *FIELDS):
        if (candidate.variable == variable and candidate.kind == rule.kind and candidate.field not in taken
                and not candidate.field.startswith("_") and order[candidate.field] < limit
                and reading_rule(candidate.field, csl_type) == candidate):
            return candidate
    return None


@cache
def writing_rule(dialect: str, csl_type: str, variable: str) -> Rule | None:
    for rule in FIELDS:
        if rule.variable == variable and rule.writes(dialect, csl_type):
            return rule
    return None


@cache
def localisation() -> tuple[dict[str, str], dict[str, str]]:
    """biblatex localisation key -> text, and text -> key (the first key for a text)."""
    forward = {row[0]: row[1] for row in tsv_rows("biblatex-strings.tsv")}
    backward: dict[str, str] = {}
    for key, text in forward.items():
        backward.setdefault(text, key)
    return forward, backward


@cache
def languages() -> tuple[dict[str, str], dict[str, str]]:
    """babel name -> BCP 47 tag, and tag -> the name writers use."""
    forward = {row[0]: row[1] for row in tsv_rows("babel-languages.tsv")}
    backward: dict[str, str] = {}
    for name, tag in forward.items():
        backward.setdefault(tag, name)
    return forward, backward


def csl_type(entry_type: str, subtype: str = "") -> str | None:
    entry_type = entry_type.lower()
    return SUBTYPES.get((entry_type, subtype.lower())) or TYPES.get(entry_type)
