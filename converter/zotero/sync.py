"""Push documents to a Zotero group and pull them back: the steps, in order, with their I/O.

push: refresh the cached mirror (one `format=versions&since=V` request when the cache is warm, a
full read when it is cold), plan (plan.py), check the key's write access, write collections, then
items and their child notes in chunks of 50, read the per-object results, settle 412s by reading
the objects back (a write whose response was lost shows up as already there), save the cache.
pull: every item of the group or of one collection, through the mapping back to CSL.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from converter.mappings.zotero import from_zotero
from converter.model import Citation, Document, Item, Note, Origin
from converter.report import Report
from converter.zotero import state as cache
from converter.zotero.client import GroupClient, ObjectResult, ZoteroError
from converter.zotero.objects import NOTE_TAG, DesiredDocument, read_note
from converter.zotero.plan import ADDITIVE, Plan, Write, field_digests, mirror, plan, settle
from converter.zotero.state import LibraryState

CHILD_TYPES = ("note", "attachment", "annotation")


@dataclass
class Outcome:
    kind: str  # item, note, collection
    label: str
    key: str
    status: str  # created, updated, unchanged, failed
    reason: str = ""


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False
    reads: int = 0
    writes: int = 0

    def count(self, kind: str | None = None) -> Counter[str]:
        return Counter(o.status for o in self.outcomes if kind is None or o.kind == kind)

    def lines(self) -> list[str]:
        verb = "would be " if self.dry_run else ""
        out = []
        for kind in ("collection", "item", "note"):
            counts = self.count(kind)
            out.append(f"{kind}s: {verb}created {counts['created']}, {verb}updated {counts['updated']}, "
                       f"unchanged {counts['unchanged']}, failed {counts['failed']}")
        out.extend(f"failed: {o.kind} {o.label} ({o.key}): {o.reason}" for o in self.outcomes
                   if o.status == "failed")
        out.append(f"requests: {self.reads} read(s), {self.writes} write(s)")
        return out


def refresh(client: GroupClient, state: LibraryState) -> int:
    """Bring the mirror up to date; the library version it now reflects."""
    if state.library_version is None:
        version = _read_all(client, state, "items")
        _read_all(client, state, "collections")
        return version
    since = state.library_version
    changed, version = client.versions("items", since=since)
    if version == since:
        return version  # nothing at all changed in the library (collections included)
    if version < since:  # not the library the cache describes (reset, or another server)
        state.library_version = None
        return refresh(client, state)
    for obj in client.fetch("items", sorted(changed)):
        mirror(state, "items", obj["data"])
    # Deleted in Zotero: forgotten here, so the input's items are created again on this push.
    deleted = client.deleted(since)
    for key in deleted.get("items") or []:
        state.items.pop(key, None)
    for key in deleted.get("collections") or []:
        state.collections.pop(key, None)
    changed_collections, _ = client.versions("collections", since=since)
    for obj in client.fetch("collections", sorted(changed_collections)):
        mirror(state, "collections", obj["data"])
    return version


def _read_all(client: GroupClient, state: LibraryState, kind: str) -> int:
    store = state.items if kind == "items" else state.collections
    store.clear()
    version: int | None = None
    for obj in client.iterate(f"{client.prefix}/{kind}"):
        mirror(state, kind, obj["data"])
        if version is None:
            version = client.last_version  # the first page's: later pages can only be newer
    return client.last_version if version is None else version


def push(documents: list[DesiredDocument], client: GroupClient, state_file: Path, *, report: Report,
         dry_run: bool = False) -> Summary:
    """Make the group hold the documents; raises ZoteroError for a whole-run failure (nothing is
    written before the key is known to have write access)."""
    state = cache.load(client.endpoint, client.group_id, state_file)
    version = refresh(client, state)
    the_plan = plan(state, documents)
    summary = Summary(dry_run=dry_run)
    for kind, label, key in the_plan.unchanged:
        summary.outcomes.append(Outcome(kind, label, key, "unchanged"))
    for kind, label, key, fields in the_plan.conflicts:
        message = (f"{kind} {label} ({key}): {', '.join(fields)} changed both in the input and in Zotero "
                   "since the last push; Zotero's value was kept")
        report.add("zotero-conflict", message, key=label)
        if not any(w.key == key for w in the_plan.writes + the_plan.writes_collections):
            summary.outcomes.append(Outcome(kind, label, key, "failed", f"conflict: {', '.join(fields)}"))
    writes = the_plan.writes_collections + the_plan.writes
    if dry_run:
        summary.outcomes.extend(Outcome(w.kind, w.label, w.key, "created" if w.create else "updated")
                                for w in writes)
    elif writes:
        access = client.key_access()
        if not access.can_write:
            raise ZoteroError("zotero-auth", f"the API key may not write to group {client.group_id} "
                                             "(Write access denied); nothing was written")
        try:
            version = _execute(client, state, the_plan, summary, report, version)
        except ZoteroError as error:
            # Keep what did land; the library version stays the one read before the writes, so
            # the next push reads back whatever this one wrote before it failed.
            cache.save(state, state_file)
            summary.reads, summary.writes = client.counts.reads, client.counts.writes
            error.partial = summary
            raise
    if not dry_run:
        dirty = bool(writes) or version != state.library_version
        for key, (wanted, conflicts) in the_plan.settle.items():
            entry = state.items.get(key) or state.collections.get(key)
            if entry is not None and (conflicts or entry.base != entry.fields or any(
                    entry.wanted.get(name) != value for name, value in wanted.items())):
                settle(entry, wanted, conflicts)
                dirty = True
        state.library_version = version
        if dirty:  # an unchanged re-push rewrites nothing, not even the cache
            cache.save(state, state_file)
    summary.reads, summary.writes = client.counts.reads, client.counts.writes
    return summary


def _execute(client: GroupClient, state: LibraryState, the_plan: Plan, summary: Summary, report: Report,
             version: int) -> int:
    """Send the writes; the library version the mirror reflects afterwards (it advances only while
    every bump is ours, so another member's write in between is read next time)."""
    retry: list[Write] = []
    for kind, writes in (("collections", the_plan.writes_collections), ("items", the_plan.writes)):
        if not writes:
            continue
        for start in range(0, len(writes), client.max_write_objects):
            chunk = writes[start:start + client.max_write_objects]
            results, after = client.write(kind, [w.payload for w in chunk])
            if any(r.status == "success" for r in results):
                version = after if after == version + 1 else version
            for write, result in zip(chunk, results, strict=True):
                if result.status == "failed" and result.code == 412:
                    retry.append(write)
                else:
                    _record(state, summary, report, write, result)
    if retry:
        _settle_412(client, state, summary, report, retry)
    return version


def _record(state: LibraryState, summary: Summary, report: Report, write: Write, result: ObjectResult) -> None:
    if result.status == "failed":
        reason = f"{result.code or 'error'} {result.message}".strip()
        report.add("zotero-failed", f"{write.kind} {write.label} ({write.key}): {reason}", key=write.label)
        summary.outcomes.append(Outcome(write.kind, write.label, write.key, "failed", reason))
        return
    kind = "collections" if write.kind == "collection" else "items"
    store = state.items if kind == "items" else state.collections
    version = result.version or int(write.payload.get("version") or 0)
    sent = {name: value for name, value in write.payload.items() if name not in ("key", "version")}
    entry = store.get(write.key)
    if entry is None:
        entry = mirror(state, kind, {**sent, "key": write.key, "version": version})
    else:
        entry.version = version
        entry.fields.update(field_digests(sent))
        entry.tags = [dict(t) for t in sent.get("tags", entry.tags)]
        entry.collections = list(sent.get("collections", entry.collections))
    settle(entry, write.wanted, write.conflicts)
    status = "unchanged" if result.status == "unchanged" else ("created" if write.create else "updated")
    if write.adopted:
        report.add("zotero-matched", f"item {write.label} was made in Zotero by hand ({write.key}); "
                                     "filled in, not duplicated", key=write.label)
    summary.outcomes.append(Outcome(write.kind, write.label, write.key, status))


def _settle_412(client: GroupClient, state: LibraryState, summary: Summary, report: Report,
                writes: list[Write]) -> None:
    """Objects refused with 412: read them back. Holding what we sent means our own earlier
    attempt landed (its response was lost); anything else is another member's edit, reported."""
    for kind in ("collections", "items"):
        group = [w for w in writes if (w.kind == "collection") == (kind == "collections")]
        if not group:
            continue
        remote = {obj["key"]: obj["data"] for obj in client.fetch(kind, [w.key for w in group])}
        for write in group:
            data = remote.get(write.key)
            if data is not None and _holds(data, write.payload):
                _record(state, summary, report, write, ObjectResult("success", write.key, int(data["version"])))
                continue
            if data is not None:
                mirror(state, kind, data)
            reason = "412: changed in Zotero by another member since it was read; not overwritten"
            report.add("zotero-conflict", f"{write.kind} {write.label} ({write.key}): {reason}", key=write.label)
            summary.outcomes.append(Outcome(write.kind, write.label, write.key, "failed", reason))


def _holds(data: dict[str, Any], payload: dict[str, Any]) -> bool:
    have = field_digests(data)
    for name, value in payload.items():
        if name in ("key", "version"):
            continue
        if name in ADDITIVE:
            present = data.get(name) or []
            if name == "tags":
                present = [t.get("tag") for t in present]
                value = [t.get("tag") for t in value]
            if any(v not in present for v in value):
                return False
        elif value not in ("", None, [], {}) and have.get(name) != field_digests({name: value}).get(name):
            return False
    return True


def pull(client: GroupClient, *, collection: str | None, report: Report, with_notes: bool = False) -> Document:
    """The group's regular items (or one collection's) as CSL items, in the order Zotero lists them;
    `with_notes` also reads the child notes bibconv wrote back into footnotes (for notes-json)."""
    path = f"{client.prefix}/items"
    if collection is not None:
        found = [c for c in client.iterate(f"{client.prefix}/collections") if c["data"].get("name") == collection]
        if not found:
            raise ZoteroError("zotero-failed", f"group {client.group_id} has no collection named {collection!r}")
        path = f"{client.prefix}/collections/{found[0]['key']}/items"
    document = Document()
    ids: dict[str, str] = {}  # Zotero key -> CSL id
    for obj in client.iterate(path, {"itemType": "-attachment"}):
        data = obj["data"]
        if data.get("itemType") in CHILD_TYPES:
            continue
        origin = Origin(f"zotero:groups/{client.group_id}/items/{obj['key']}")
        item = Item(from_zotero(data, report=report, origin=origin), origin)
        ids[obj["key"]] = item.id
        document.items.append(item)
    if with_notes:
        document.notes = _footnotes(client, ids)
    return document


def _footnotes(client: GroupClient, ids: dict[str, str]) -> list[Note]:
    """Footnotes rebuilt from bibconv's child notes: one Note per number, citing every item whose
    child note lists it (the order of citations inside one footnote is Zotero's item order)."""
    by_number: dict[str, Note] = {}
    order = {key: index for index, key in enumerate(ids)}
    children = [obj["data"] for obj in client.iterate(f"{client.prefix}/items", {"itemType": "note", "tag": NOTE_TAG})]
    children = [c for c in children if c.get("parentItem") in ids]
    children.sort(key=lambda c: order[c["parentItem"]])
    for child in children:
        for number, label, locator, text in read_note(str(child.get("note") or "")):
            note = by_number.setdefault(number, Note(number, text, "citation"))
            note.citations.append(Citation(ids[child["parentItem"]], locator, label))
    return sorted(by_number.values(), key=lambda n: (not n.number.isdigit(), int(n.number) if n.number.isdigit()
                                                         else 0, n.number))


__all__ = ["NOTE_TAG", "Outcome", "Summary", "pull", "push", "refresh"]
