"""Sender and recipient of an archival document, read from its description as printed.

"Cripps to Halifax", "Manzoni, Ambassador to Moscow, to the Head of Government…, Mussolini",
"Il Capo del Governo… Mussolini al Ministro a Bucarest Durazzo", "Stresemann an Hindenburg":
a connector (`to` rows of data/document-parties.tsv) not followed by a place splits sender from
recipients; each side's name is its last name-like part. Russian descriptions decline their
names instead: "Čičerin tovarišu K.K. Jurenevu" has a sender in the nominative and a recipient in
the dative (data/person-cases.tsv: Jurenevu -> Jurenev); "Litvinov v Politbjuro ZK RKP" sends to a
body, kept as a literal. Records of conversations ("Beseda c…", "colloquio con…") name partners,
who are neither.
"""
from __future__ import annotations

import re
from functools import cache

from converter.data import tsv_rows, words
from converter.notes.vocabulary import folded as fold  # remembered: the same tokens recur

Name = dict[str, str]

_TOKEN = re.compile(r"[^\s,]+(?:’|')?|,")
_INITIALS = re.compile(r"^(?:[A-ZÀ-ÝČŠŽ][.-]){1,3}-?(?:[A-ZÀ-ÝČŠŽ]\.?)?$")
# Compiled once here, not looked up in re's cache on every call.
_ELISION = re.compile(r"(?<=\w)([’'])(?=\w)")
_HOLDER = re.compile(r"\(([A-ZÀ-ÝČŠŽ][\w’'-]+)\)")
_ARTICLE = re.compile(r"^(?:the|il|lo|la|le|l’|l'|der|die|das|den|dem)\s+", re.IGNORECASE)
_PLACE_CASE_ENDING = re.compile(r"(?:ii|e)$")
_DATIVE_TITLE = re.compile(r"[a-z](?:ju|u)$")
_DECLINED = re.compile(r"(?:ii|a|ogo|ych|ich|om|ju|u)$")
_GENITIVE_S = re.compile(r"[^s]s$")
_GENITIVE_OFFICE = re.compile(r"(?:s|n)$")
_GENITIVE_ENDING = re.compile(r"e?s$")


@cache
def _roles() -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for row in tsv_rows("document-parties.tsv"):
        roles.setdefault(row[1], set()).add(fold(row[0]))
    return roles


@cache
def _places() -> frozenset[str]:
    return words("document-places.tsv")


@cache
def _particles() -> frozenset[str]:
    return words("name-particles.tsv")


@cache
def _endings(case: str) -> tuple[tuple[str, str], ...]:
    rows = [(row[0], row[1]) for row in tsv_rows("person-cases.tsv") if row[2] == case]
    return tuple(sorted(rows, key=lambda row: len(row[0]), reverse=True))


def _split_elisions(text: str) -> str:
    """"all’Ambasciatore" -> "all’ Ambasciatore", "L’ambasciatore" -> "L’ ambasciatore"."""
    return _ELISION.sub(r"\1 ", text)


def _tokens(text: str) -> list[str]:
    if "(" in text:  # "Botschafter von Hoesch (Paris) an ...": where he wrote from, no party
        text = _IN_PARENS.sub(lambda found: "" if _is_place(found.group(1)) else found.group(0), text)
    return _TOKEN.findall(_split_elisions(text))


_IN_PARENS = re.compile(r"\s*\(([^()\d]{2,30})\)")


def _capitalised(token: str) -> bool:
    return (token[:1].isupper() and not token.isupper()) or bool(_INITIALS.match(token))


def _is_place(token: str) -> bool:
    return fold(token.strip(".,")) in _places()


def _given(initials: str) -> str:
    """"K.K" -> "K.K.", "M.M." stays, "K-K." stays: initials end with a dot."""
    return initials if initials.endswith(".") else initials + "."


def _name(tokens: list[str]) -> Name | None:
    """The person a run of tokens ends with: last capitalised word, its particles, initials."""
    words = [t for t in tokens if t != ","]
    honorifics = _roles().get("honorific", set())
    while words and fold(words[-1]) in _roles().get("suffix", set()):
        words.pop()  # "Castle Jr.", "Clarke III"
    holder = _HOLDER.fullmatch(words[-1]) if words else None
    if holder:
        return {"family": holder.group(1)}  # "the Ambassador in France (Herrick)": the office's holder
    while words and (not _capitalised(words[-1]) or _is_place(words[-1]) or _INITIALS.match(words[-1])):
        words.pop()
    if not words:
        return None
    family = [words.pop()]
    while words and fold(words[-1]) in _particles() and words[-1][:1].isupper():
        family.insert(0, words.pop())
    if words and (fold(words[-1]) in _ARTICLES or words[-1] in _OFFICE_LINKS):
        return None  # "an den Reichspräsidenten", "to the Ambassador", "the Secretary of State": an office
    name: Name = {"family": " ".join(family)}
    if words and _INITIALS.match(words[-1]) and fold(words[-1]) not in honorifics:
        name["given"] = _given(words[-1])
    return name


def _chunks(tokens: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for token in tokens:
        if token == ",":
            chunks.append([])
        else:
            chunks[-1].append(token)
    return [chunk for chunk in chunks if chunk]


def _name_like(chunk: list[str]) -> bool:
    honorifics, genres = _roles().get("honorific", set()), _roles().get("genre", set())
    words = [w for w in chunk if fold(w) not in honorifics]
    return 0 < len(words) <= 4 and all(  # "Brief an Hoesch": a kind of document, not its sender
        _capitalised(w) or fold(w) in _particles() for w in words) and not _is_place(words[-1]) and not any(
        fold(w) in genres for w in words)


def _party(tokens: list[str]) -> Name | None:
    """One side of a description: a body as a literal, else its last name-like part."""
    bodies = _roles().get("body", set())
    chunks = _chunks(tokens)
    for chunk in reversed(chunks):
        if _name_like(chunk) and not any(fold(w) in bodies for w in chunk):
            return _name(chunk)
    if chunks and any(fold(w) in bodies for w in chunks[-1]):
        literal = " ".join(w for w in chunks[-1] if fold(w) not in _roles().get("honorific", set()))
        return {"literal": _strip_article(literal)}
    genres = _roles().get("genre", set())  # "Brief an Hoesch": no sender named
    return _name(chunks[-1]) if chunks and not all(fold(w) in genres for w in chunks[-1]) else None


def _strip_article(text: str) -> str:
    return _ARTICLE.sub("", text)


_OFFICE_LINKS = {"of", "in", "for", "at"}  # lower case: "Marquess of Salisbury" is rare in a letter's heading
_ARTICLES = {"the", "il", "lo", "la", "le", "l'", "i", "gli", "der", "die", "den", "dem", "des"}
_OFFICE_COMPLEMENTS = {"des", "der", "für"}  # "Reichsminister des Innern", "… der Finanzen", "… für Ernährung"


def _split_at_connector(tokens: list[str]) -> int | None:
    """Index of the connector that joins sender and recipient, or None."""
    connectors = _roles().get("to", set())
    for index, token in enumerate(tokens[1:], start=1):
        if fold(token) not in connectors or token[:1].isupper():
            continue
        following = [t for t in tokens[index + 1:index + 3] if fold(t) not in _ARTICLES]
        if not following or following[0] == ",":
            continue
        if _is_place(following[0]):
            continue  # "Ambassador to Moscow", "Minister to Bucharest"
        return index
    return None


def _split_recipients(tokens: list[str]) -> list[list[str]]:
    """"Scaloja, e all’Ambasciatore … Della Torretta": a joining word after a comma, or before
    another connector, starts another recipient."""
    also, connectors = _roles().get("also", set()), _roles().get("to", set())
    parts: list[list[str]] = [[]]
    for index, token in enumerate(tokens):
        after_comma = index > 0 and tokens[index - 1] == ","
        before_connector = index + 1 < len(tokens) and fold(tokens[index + 1]) in connectors
        if fold(token) in also and (after_comma or before_connector) and parts[-1]:
            parts.append([])
            continue
        parts[-1].append(token)
    return [part for part in parts if part]


def _russian_surname(token: str, case: str) -> str | None:
    word = token.strip(".,;")
    if not _capitalised(word) or _INITIALS.match(word) or len(word) < 4:
        return None
    for ending, nominative in _endings(case):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: len(word) - len(ending)] + nominative
    return None


def _russian(tokens: list[str], talk: int | None) -> tuple[list[Name], list[Name]]:
    authors: list[Name] = []
    recipients: list[Name] = []
    limit = talk if talk is not None else len(tokens)
    for index, token in enumerate(tokens[:limit]):
        dative = _russian_surname(token, "dative")
        if dative and talk is None:
            name: Name = {"family": dative}
            if index > 0 and _INITIALS.match(tokens[index - 1]):
                name["given"] = _given(tokens[index - 1])
            recipients.append(name)
            continue
        nominative = _russian_surname(token, "nominative")
        if nominative and not recipients and not authors:
            authors.append({"family": nominative})
    if talk is None and not recipients:
        recipients = _russian_body_or_foreign(tokens)
    return authors, recipients


def _russian_body_or_foreign(tokens: list[str]) -> list[Name]:
    """"v Politbjuro ZK RKP" (a body: a literal), or "Ministru … Mussolini" (a foreign name after a
    title in the dative, which does not decline)."""
    roles = _roles()
    for index, token in enumerate(tokens[:-1]):
        if fold(token) in roles.get("into", set()):
            following = tokens[index + 1]
            if following[:1].isupper() and fold(following) not in roles.get("place-case", set()) \
                    and not _PLACE_CASE_ENDING.search(following):
                end = tokens.index(",", index) if "," in tokens[index:] else len(tokens)
                return [{"literal": " ".join(tokens[index + 1:end])}]
    titled = any(_DATIVE_TITLE.search(t) and t[:1].isupper() for t in tokens)
    if titled and tokens and _capitalised(tokens[-1]) and not _DECLINED.search(tokens[-1]):
        return [{"family": tokens[-1]}]
    return []


def _genitive_sender(tokens: list[str]) -> Name | None:
    """"Aufzeichnung Bülows", "Schreiben Stresemanns an …": a German document noun followed by
    its writer's name in the genitive."""
    genres = _roles().get("genre", set())
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if fold(token) in genres and _capitalised(following) and _GENITIVE_S.search(following):
            return {"family": following[:-1]}
        if fold(token) in genres and fold(following) in ("des", "der"):
            return _office_holder(tokens[index + 2:])
    return None


def _office_holder(tokens: list[str]) -> Name | None:
    """"(Aufzeichnung) des Staatssekretärs von Schubert", "des Botschafters Graf Brockdorff-Rantzau":
    an office in the genitive, then its holder's name (after "von"), if one is printed."""
    if not tokens or not _GENITIVE_OFFICE.search(tokens[0]) or not tokens[0][:1].isupper():
        return None
    run: list[str] = []
    for token in tokens[1:]:
        if token == "," or fold(token) in _roles().get("to", set()):
            break
        run.append(token)
    while len(run) > 1 and fold(run[0]) in _OFFICE_COMPLEMENTS:
        del run[:2]  # "des Reichsministers des Innern (Severing)": the office's own complement, no holder
    while run and not _capitalised(run[0]):
        run.pop(0)  # "von Schubert": the particle stays out of the family name
    bodies = _roles().get("body", set())
    if any(fold(t) in bodies or _GENITIVE_ENDING.sub("", fold(t)) in bodies for t in tokens):
        return None  # "des Auswärtigen Amts": a body, not a holder
    return _name(run) if run and _name_like(run) else None


def _diarist(tokens: list[str]) -> Name | None:
    """"Stimson Diary", "William R. Castle Jr. Diary", "Diary of Harold Nicolson": the keeper of a diary."""
    diary = _roles().get("diary", set())
    words = [t for t in tokens if t != ","]
    if len(words) > 1 and fold(words[-1]) in diary:
        keeper = words[:-1]
        if len(keeper) > 1 and keeper[-1] == "s" and keeper[-2].endswith(("’", "'")):
            keeper = [*keeper[:-2], keeper[-2][:-1]]  # "Grandi’s diary" (read as "Grandi’ s")
        if _name_like(keeper):
            return _name(keeper)
    if len(words) > 2 and fold(words[0]) in diary and fold(words[1]) in ("of", "von", "di", "de"):
        return _name(words[2:]) if _name_like(words[2:]) else None
    return None


def parties(description: str, language: str = "") -> tuple[list[Name], list[Name]]:
    """(authors, recipients) named in a document's description, in the nominative."""
    tokens = _tokens(description)
    if not tokens:
        return [], []
    roles = _roles()
    talk = next((i for i, t in enumerate(tokens) if fold(t.strip(".,’'")) in roles.get("talk", set())), None)
    if language == "ru":
        authors, recipients = _russian(tokens, talk)
        if recipients or talk is not None or _split_at_connector(tokens) is None:
            return authors, recipients  # else a Russian document described in English: "Čičerin to Krasin"
    if talk is not None:
        before = tokens[:talk]
        first = _chunks(before)[:1]
        recorder = _by(tokens[talk:], roles)  # "Record of a conversation with Maisky, by Eden"
        if recorder is not None:
            return [recorder], []
        return ([_name(first[0])] if first and _name_like(first[0]) and _name(first[0]) else []), []
    split = _split_at_connector(tokens)
    if split is not None:
        sender = _genitive_sender(tokens[:split]) or _party(tokens[:split])
        recipients = [r for r in (_party(part) for part in _split_recipients(tokens[split + 1:])) if r]
        return ([sender] if sender else []), recipients
    genitive = _genitive_sender(tokens) or _diarist(tokens)
    if genitive is not None:
        return [genitive], []
    author = _by(tokens, roles)
    return ([author] if author else []), []


def _by(tokens: list[str], roles: dict[str, set[str]]) -> Name | None:
    """"Memorandum by Sargent", "…, by Eden": the writer named after "by"."""
    by = next((i for i, t in enumerate(tokens) if fold(t) in roles.get("by", set()) and not t[:1].isupper()), None)
    if by is None or by + 1 >= len(tokens):
        return None
    run: list[str] = []
    for token in tokens[by + 1:]:
        if token == "," or not (_capitalised(token) or fold(token) in _particles()):
            break
        run.append(token)
    return _name(run) if run else None
