"""What comes after "in" or after an article's quoted title: a container (an edited volume, a
journal, a newspaper) with its editors or author, and a journal's name with its volume, issue and
date ("in: Journal 12 (2005), H. 3", "“Title,” Journal 48, no. 3 (2014): 12–30", "Times, 3 May 1920")."""
from __future__ import annotations

import re
from typing import Any

from converter.data import month
from converter.notes.imprint import parse_journal_details
from converter.notes.names import parse_names, plausible_person
from converter.notes.reference import Reference
from converter.notes.title import _OPEN_QUOTES, _closing_quote, _plain_title_end
from converter.notes.vocabulary import folded as fold


def _container(text: str, at: int, limit: int, reference: Reference) -> int | None:
    """"in X (ed.), Title (imprint)" or "in Title, ed. X" or "in: Journal 12 (2005)"."""
    csl = reference.csl
    editors = parse_names(text, at, limit)
    if editors and editors.role == "editor":
        csl["editor"] = editors.names
        at = editors.end
    elif editors and fold(text[editors.end - 12:editors.end]).strip(" ,:").endswith(("(hg.)", "(hrsg.)")):
        at = editors.end
    elif editors and editors.names[0].get("given") and (plausible_person(editors.names[0]["given"]) or _same_author(
            editors.names, csl)) and (
            text[editors.end:editors.end + 1].isupper() or text[editors.end:editors.end + 1] in _OPEN_QUOTES):
        csl["container-author"] = editors.names  # "in: Kant, Immanuel, Kants Werke": the volume's author
        at, editors = editors.end, None
    else:  # "in: Historische Zeitschrift, 245 (1987)": words that read as a name but name no editor
        editors = None
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
                csl["container-title"] = journal.group("name").rstrip(" ,")
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


# A journal's or newspaper's name after a quoted title, up to its volume, issue or date;
# "Times (London), 3 May 1920": the place a newspaper is printed in stands after its name.
_JOURNAL_NAME = re.compile(
    r"(?P<name>[^,();]+?)(?P<where>\s+\([A-ZÀ-Þ][^()\d]{1,40}\)(?=,))?"
    r"(?=,?\s*(?:vol\.?|Vol\.?|volume|n\.|no\.|No\.|nr\.|Nr\.|Heft|Bd\.|Jg\.)\s*\d"
    r"|,?\s+(?:\d+|[ivxlc]{1,8}(?=/\d|,))(?:[./]\d+)?\s*[,(:]|,?\s+\d+\s*$|,?\s+\("
    r"|,\s*(?:\d{1,2}\s+)?[A-Za-zÀ-ÿ]{3,}\.?\s+\d{4}|,\s*[A-Za-zÀ-ÿ]{3,}\.?\s+\d{1,2},\s+\d{4}|,\s*\d{4}\b)")


def _same_author(names: list[dict[str, str]], csl: dict[str, Any]) -> bool:
    """"Kant, ..., in: Kant, Immanuel, Kants Werke": the collected works of the work's own author."""
    own = {fold(name.get("family", "")) for name in csl.get("author", [])}
    return any(fold(name.get("family", "")) in own for name in names)


def _journal(text: str, at: int, limit: int, reference: Reference) -> int | None:
    """"Journal, vol. 48, n. 3, 2014" / "Journal 12, no. 3 (2005)" / "Newspaper, May 3, 1920"
    after a quoted title."""
    match = _JOURNAL_NAME.match(text[at:limit])
    name = match.group("name") if match else ""
    if not match or month(name.split()[0].strip(".,")) or name[:1].isdigit() or re.match(r"in\b|dans\b", name):
        return None
    name_end = at + match.end()
    details = parse_journal_details(text, name_end, limit)
    if details is None:
        return None
    csl = reference.csl
    csl["container-title"] = match.group("name").strip()
    if match.group("where"):
        csl.setdefault("publisher-place", match.group("where").strip(" ()"))
    csl.update(details.fields)
    csl["type"] = "article-newspaper" if details.newspaper and "volume" not in details.fields else "article-journal"
    reference.spans.append(("container-title", at, at + match.end("name")))
    return details.end
