"""The plan of a push: which objects to create, which fields to send, what to leave alone.

Pure: it reads the cached mirror of the library (state.LibraryState) and the desired objects
(objects.py) and returns writes; nothing here talks to the server. A field is decided three ways,
from its value in the input (want), in Zotero now (remote), in Zotero after our last push (base)
and what the input said then (wanted):

- want equals remote: nothing to send;
- the input says what it said last time: keep Zotero's value (another member changed it, or we
  kept theirs before), so pushing the same input twice sends nothing;
- an item another member made by hand, seen for the first time: only fill its empty fields;
- Zotero still has our last value: send the new one;
- both changed: a conflict, reported; Zotero's value is kept.

Tags and collections only grow: ours are added, none is removed. A push never deletes anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from converter.mappings.extra import parse_extra
from converter.zotero.objects import DesiredDocument, DesiredItem, citation_key, derive_key, signature
from converter.zotero.state import LibraryState, ObjectState, digest

# Fields of item data that are not compared field by field.
ADDITIVE = ("tags", "collections")
META = ("key", "version", "dateAdded", "dateModified", "relations", "deleted", "inPublications")


@dataclass
class Write:
    """One object to send, and what it is for the summary."""

    kind: str  # "item", "note" or "collection"
    label: str  # citation key, "note of <key>" or the collection's name
    key: str
    payload: dict[str, Any]  # what is POSTed: key, version and the fields to set
    create: bool
    wanted: dict[str, str]  # digests of the input's values, recorded when the write lands
    adopted: bool = False  # an item another member made, recognised rather than duplicated
    conflicts: list[str] = field(default_factory=list)  # fields whose base must stay as it was


@dataclass
class Plan:
    writes_collections: list[Write] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)  # items first, then their child notes
    unchanged: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, label, key)
    conflicts: list[tuple[str, str, str, list[str]]] = field(default_factory=list)  # + fields
    # key -> digests to record as `wanted` although nothing is sent, and the conflicting fields
    settle: dict[str, tuple[dict[str, str], list[str]]] = field(default_factory=dict)


def mirror(state: LibraryState, kind: str, data: dict[str, Any]) -> ObjectState:
    """Record an object as read from Zotero (`data` of its JSON), keeping what we knew of it."""
    store = state.items if kind == "items" else state.collections
    known = store.get(data["key"])
    entry = ObjectState(data["key"], int(data.get("version", 0)))
    if known is not None:
        entry.base, entry.wanted = known.base, known.wanted
    entry.item_type = data.get("itemType")
    entry.fields = field_digests(data)
    entry.tags = [dict(t) for t in data.get("tags") or []]
    entry.collections = list(data.get("collections") or [])
    entry.parent = data.get("parentItem") or None
    entry.name = data.get("name")
    if kind == "items" and entry.item_type not in ("note", "attachment", "annotation"):
        entry.citation_key, entry.signature = citation_key(data), signature(data)
    store[entry.key] = entry
    return entry


# Fields whose values are the same whatever dash separates a range: BibTeX reads `239--290` back
# as `239-290`, and CSL processors print page ranges with their own delimiter anyway.
RANGE_FIELDS = frozenset({"pages"})
RANGE_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-"})


def _main_title(data: dict[str, Any]) -> str | None:
    """The title before its subtitle, as the BibTeX reader and pandoc derive a short title."""
    title = str(data.get("title") or "")
    return title.partition(": ")[0] if ": " in title else None


# Fields whose value, when it is what readers derive from other fields, is no news to Zotero.
IMPLIED = {"shortTitle": _main_title}


def field_digests(data: dict[str, Any]) -> dict[str, str]:
    """Digests of the fields compared one by one (meta, tags, collections and empty values left out)."""
    return {name: digest(_comparable(name, value)) for name, value in data.items()
            if name not in META and name not in ADDITIVE and value not in ("", None, [], {})}


def _comparable(name: str, value: Any) -> Any:
    if name in RANGE_FIELDS and isinstance(value, str):
        return value.translate(RANGE_DASHES).replace("--", "-")
    if name == "extra" and isinstance(value, str):
        # `Key: value` lines in any order mean the same (RIS writes them back reordered).
        found, free_text = parse_extra(value)
        return [found, free_text]
    return value


def plan(state: LibraryState, documents: list[DesiredDocument]) -> Plan:
    out = Plan()
    by_citation = state.by_citation_key()
    by_signature = state.by_signature()
    by_name = {c.name: key for key, c in state.collections.items() if c.name}
    planned: set[str] = set()
    # key -> (the item as the first input has it, ours?, every collection that holds it)
    items: dict[str, tuple[DesiredItem, bool, list[str]]] = {}
    notes: list[tuple[str, str, dict[str, Any]]] = []
    for document in documents:
        collection = _collection(state, out, document, by_name, planned)
        for desired in document.items:
            key, ours = _resolve(state, desired, by_citation, by_signature)
            if key in items:  # the same item in two inputs: its fields from the first, both collections
                if collection not in items[key][2]:
                    items[key][2].append(collection)
            else:
                items[key] = (desired, ours, [collection])
            if desired.note is not None:  # one child note per item and source document
                label = f"note of {desired.citation_key or key}"
                notes.append((label, derive_key(f"note:{key}:{collection}"), {**desired.note, "parentItem": key}))
    for key, (desired, ours, collections) in items.items():
        data = {**desired.data, "collections": collections}
        _object(state, out, out.writes, "item", desired.citation_key or key, key, data, ours=ours)
    seen_notes: set[str] = set()
    for label, note_key, data in notes:
        if note_key not in seen_notes:
            seen_notes.add(note_key)
            _object(state, out, out.writes, "note", label, note_key, data, ours=True)
    return out


def _collection(state: LibraryState, out: Plan, document: DesiredDocument, by_name: dict[str, str],
                planned: set[str]) -> str:
    key = document.collection_key
    if key not in state.collections and document.collection_name in by_name:
        return by_name[document.collection_name]  # made by hand with that name: use it
    if key in planned:
        return key  # two inputs pushed into one collection
    planned.add(key)
    _object(state, out, out.writes_collections, "collection", document.collection_name, key,
            {"name": document.collection_name}, ours=True)
    return key


def _resolve(state: LibraryState, desired: DesiredItem, by_citation: dict[str, str],
             by_signature: dict[str, str]) -> tuple[str, bool]:
    """The key of the item in Zotero (ours, or one a member made by hand), and whether it is ours."""
    if desired.key in state.items:
        return desired.key, True
    for index, wanted in ((by_citation, desired.citation_key), (by_signature, desired.signature)):
        if wanted and wanted in index:
            return index[wanted], False
    return desired.key, True


def _object(state: LibraryState, out: Plan, writes: list[Write], kind: str, label: str, key: str,
            data: dict[str, Any], *, ours: bool) -> None:
    store = state.collections if kind == "collection" else state.items
    wanted = field_digests(data)
    existing = store.get(key)
    if existing is None:
        writes.append(Write(kind, label, key, {**data, "key": key, "version": 0}, True, wanted))
        return
    send, conflicts = _diff(existing, data, wanted, ours=ours)
    for name in ADDITIVE:
        if name in data:
            merged = _grow(name, getattr(existing, name), data[name])
            if merged is not None:
                send[name] = merged
    if conflicts:
        out.conflicts.append((kind, label, key, conflicts))
        # What conflicted stays as it was wanted before, so the conflict is reported again.
        wanted = {**wanted, **{n: existing.wanted[n] for n in conflicts if n in existing.wanted}}
        for name in conflicts:
            if name not in existing.wanted:
                wanted.pop(name, None)
    if send:
        writes.append(Write(kind, label, key, {**send, "key": key, "version": existing.version}, False,
                            wanted, adopted=not ours and not existing.wanted, conflicts=conflicts))
        return
    if not conflicts:
        out.unchanged.append((kind, label, key))
    out.settle[key] = (wanted, conflicts)


def settle(entry: ObjectState, wanted: dict[str, str], conflicts: list[str]) -> None:
    """After a push: the input's values become `wanted` and Zotero's the `base`, except for fields
    in conflict, which keep their old base so that the conflict is reported until it is resolved
    (the input agrees with Zotero, or Zotero goes back to our value)."""
    old_base = entry.base
    entry.wanted = {**entry.wanted, **wanted}
    entry.base = dict(entry.fields)
    for name in conflicts:
        if name in old_base:
            entry.base[name] = old_base[name]
        else:
            entry.base.pop(name, None)


def _diff(existing: ObjectState, data: dict[str, Any], wanted: dict[str, str], *,
          ours: bool) -> tuple[dict[str, Any], list[str]]:
    send: dict[str, Any] = {}
    conflicts: list[str] = []
    base = existing.base or (existing.fields if ours else {})
    for name, value in data.items():
        if name in ADDITIVE or name in META:
            continue
        want, remote = wanted.get(name), existing.fields.get(name)
        if want is None or want == remote:
            continue
        if remote is None and name in IMPLIED and value == IMPLIED[name](data):
            continue  # a value readers derive anyway adds nothing to Zotero's empty field
        if existing.wanted.get(name) == want:
            continue  # the input has not changed: Zotero's value stands
        if not ours and name not in existing.wanted and remote is not None:
            continue  # an item made by hand: fill its empty fields, keep the rest
        if remote == base.get(name):
            send[name] = value
        else:
            conflicts.append(name)
    return send, conflicts


def _grow(name: str, have: list[Any], want: list[Any]) -> list[Any] | None:
    """`have` with what `want` adds (None when nothing is missing)."""
    if name == "tags":
        present = {t.get("tag") for t in have}
        missing = [t for t in want if t.get("tag") not in present]
    else:
        missing = [c for c in want if c not in have]
    return list(have) + missing if missing else None
