"""The libraries of the test server: objects, versions and the write rules of the Zotero Web API v3.

Everything the API decides about a write lives here, without HTTP: which objects are created,
updated, unchanged or failed (with the code and message the real server gives), and how the
library version moves. Item data is validated against the Zotero schema shipped with bibconv.
"""
from __future__ import annotations

import copy
import json
import re
import secrets
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

KEY_ALPHABET = "23456789ABCDEFGHIJKLMNPQRSTUVWXYZ"
KEY_PATTERN = re.compile(f"^[{KEY_ALPHABET}]{{8}}$")
MAX_WRITE_OBJECTS = 50
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "converter" / "data" / "zotero-schema.json"

# Properties every item may carry besides its type's fields.
ITEM_COMMON = {"key", "version", "itemType", "tags", "collections", "relations", "dateAdded",
               "dateModified", "deleted", "inPublications"}
CHILD_ONLY = {"parentItem"}
NOTE_FIELDS = {"note"}
COLLECTION_FIELDS = {"key", "version", "name", "parentCollection", "relations", "deleted"}


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text("utf-8"))


@cache
def item_types() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """itemType -> (its fields, its creator types)."""
    return {entry["itemType"]: (frozenset(f["field"] for f in entry["fields"]),
                                frozenset(c["creatorType"] for c in entry["creatorTypes"]))
            for entry in schema()["itemTypes"]}


def new_key() -> str:
    return "".join(secrets.choice(KEY_ALPHABET) for _ in range(8))


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ObjectWriteError(Exception):
    """One object of a write was refused: the code and message of its `failed` entry."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class WriteResult:
    """The body of a multi-object write response, keyed by string indexes as the API does."""

    successful: dict[str, Any] = field(default_factory=dict)
    success: dict[str, str] = field(default_factory=dict)
    unchanged: dict[str, str] = field(default_factory=dict)
    failed: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"successful": self.successful, "success": self.success,
                "unchanged": self.unchanged, "failed": self.failed}


@dataclass
class Library:
    """One group library: items and collections by key, each stored as its editable `data`."""

    id: int
    name: str = "Test group"
    version: int = 0
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    collections: dict[str, dict[str, Any]] = field(default_factory=dict)
    write_tokens: set[str] = field(default_factory=set)
    # kind -> key -> the library version that deleted it (for GET /deleted?since=)
    deleted: dict[str, dict[str, int]] = field(default_factory=lambda: {"items": {}, "collections": {}})
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def objects(self, kind: str) -> dict[str, dict[str, Any]]:
        return self.items if kind == "items" else self.collections

    def counts(self, kind: str) -> Counter[str]:
        """Children per item, or items per collection: the `meta` of a listing, counted once."""
        if kind == "items":
            return Counter(i["parentItem"] for i in self.items.values() if i.get("parentItem"))
        return Counter(c for i in self.items.values() for c in i.get("collections", []))

    def envelope(self, kind: str, data: dict[str, Any], base_url: str,
                 counts: Counter[str] | None = None) -> dict[str, Any]:
        """An object as GET returns it: key, version, library, links, meta and data."""
        key = data["key"]
        counts = self.counts(kind) if counts is None else counts
        meta = {"numChildren" if kind == "items" else "numItems": counts.get(key, 0)}
        return {
            "key": key,
            "version": data["version"],
            "library": {"type": "group", "id": self.id, "name": self.name,
                        "links": {"alternate": {"href": f"{base_url}/groups/{self.id}"}}},
            "links": {"self": {"href": f"{base_url}/groups/{self.id}/{kind}/{key}",
                               "type": "application/json"}},
            "meta": meta,
            "data": copy.deepcopy(data),
        }

    # -- writes ---------------------------------------------------------------------------------

    def write(self, kind: str, objects: list[Any], *, header_version: int | None,
              base_url: str = "") -> WriteResult:
        """Apply one multi-object POST. The caller has checked size, token and library version."""
        result = WriteResult()
        with self.lock:
            staged: dict[str, dict[str, Any]] = {}
            for index, raw in enumerate(objects):
                slot = str(index)
                try:
                    key, data, changed = self._prepare(kind, raw, header_version, staged)
                except ObjectWriteError as failure:
                    key = raw.get("key") if isinstance(raw, dict) else None
                    result.failed[slot] = {"key": key or "", "code": failure.code, "message": failure.message}
                    continue
                if not changed:
                    result.unchanged[slot] = key
                    continue
                staged[key] = data
                result.success[slot] = key
            if staged:
                self.version += 1
                store = self.objects(kind)
                for key, data in staged.items():
                    data["version"] = self.version
                    if kind == "items":
                        data["dateModified"] = now()
                        data.setdefault("dateAdded", data["dateModified"])
                    store[key] = data
            counts = self.counts(kind) if result.success else None
            for slot, key in result.success.items():
                result.successful[slot] = self.envelope(kind, self.objects(kind)[key], base_url, counts)
        return result

    def _prepare(self, kind: str, raw: Any, header_version: int | None,
                 staged: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any], bool]:
        """The object's new data after the write, and whether anything changed (PATCH semantics:
        properties absent from the sent object keep their stored values)."""
        if not isinstance(raw, dict):
            raise ObjectWriteError(400, "Object must be a JSON object")
        key = raw.get("key")
        if key is not None and (not isinstance(key, str) or not KEY_PATTERN.match(key)):
            raise ObjectWriteError(400, f"'{key}' is not a valid {kind[:-1]} key")
        store = self.objects(kind)
        existing = staged.get(key) if key else None
        existing = existing or (store.get(key) if key else None)
        sent_version = raw.get("version")
        if existing is None:
            if sent_version not in (None, 0):
                raise ObjectWriteError(404, f"{kind[:-1].capitalize()} {key} doesn't exist (expected version "
                                        f"{sent_version}; use 0 instead)")
            key = key or new_key()
            data = {k: copy.deepcopy(v) for k, v in raw.items() if k != "version"}
            data["key"] = key
            self._validate(kind, data, staged)
            return key, data, True
        if sent_version is None and header_version is None:
            raise ObjectWriteError(428, "Either If-Unmodified-Since-Version or object version property "
                                    "must be provided for key-based writes")
        if sent_version is not None and sent_version != existing["version"]:
            if sent_version == 0:
                raise ObjectWriteError(412, f"{kind[:-1].capitalize()} {key} already exists")
            raise ObjectWriteError(412, f"{kind[:-1].capitalize()} has been modified since specified version "
                                    f"(expected {sent_version}, found {existing['version']})")
        data = copy.deepcopy(existing)
        for name, value in raw.items():
            if name not in ("key", "version"):
                data[name] = copy.deepcopy(value)
        self._validate(kind, data, staged)
        changed = any(existing.get(name) != data.get(name) for name in data if name not in ("version",))
        return key, data, changed

    def _validate(self, kind: str, data: dict[str, Any], staged: dict[str, dict[str, Any]]) -> None:
        if kind == "collections":
            self._validate_collection(data, staged)
        else:
            self._validate_item(data, staged)

    def _validate_collection(self, data: dict[str, Any], staged: dict[str, dict[str, Any]]) -> None:
        unknown = sorted(set(data) - COLLECTION_FIELDS)
        if unknown:
            raise ObjectWriteError(400, f"Invalid property '{unknown[0]}'")
        if not isinstance(data.get("name"), str) or not data["name"].strip():
            raise ObjectWriteError(400, "Collection name cannot be empty")
        parent = data.get("parentCollection", False)
        if parent not in (False, None, "") and parent not in self.collections and parent not in staged:
            raise ObjectWriteError(400, f"Parent collection {parent} not found")
        data.setdefault("parentCollection", False)
        data.setdefault("relations", {})

    def _validate_item(self, data: dict[str, Any], staged: dict[str, dict[str, Any]]) -> None:
        item_type = data.get("itemType")
        if item_type not in item_types() or item_type in ("annotation", "attachment"):
            raise ObjectWriteError(400, f"'itemType' value '{item_type}' is not valid")
        fields, creator_types = item_types()[item_type]
        allowed = ITEM_COMMON | fields | (NOTE_FIELDS | CHILD_ONLY if item_type == "note" else {"creators"})
        for name in data:
            if name not in allowed:
                raise ObjectWriteError(400, f"'{name}' is not a valid field for type '{item_type}'")
        for name in fields:
            if name in data and not isinstance(data[name], str):
                raise ObjectWriteError(400, f"'{name}' value must be a string")
        # A creator left empty (as in a template from /items/new) is dropped, not refused.
        data["creators"] = [c for c in data.get("creators", []) if not _empty_creator(c)]
        for creator in data["creators"]:
            self._validate_creator(creator, item_type, creator_types)
        if item_type == "note":
            data.pop("creators")
        for tag in data.get("tags", []):
            if not isinstance(tag, dict) or not isinstance(tag.get("tag"), str) or not tag["tag"].strip():
                raise ObjectWriteError(400, "Tag must be an object with a non-empty 'tag'")
        parent = data.get("parentItem")
        if parent not in (None, False):
            target = staged.get(parent) or self.items.get(parent)
            if target is None:
                raise ObjectWriteError(400, f"Parent item {parent} not found")
            if target.get("parentItem"):
                raise ObjectWriteError(400, f"Parent item {parent} cannot be a child item")
            if data.get("collections"):
                raise ObjectWriteError(400, "Child items cannot be assigned to collections")
        for collection in data.get("collections", []):
            if collection not in self.collections and collection not in staged:
                raise ObjectWriteError(400, f"Collection {collection} not found")
        data.setdefault("tags", [])
        data.setdefault("collections", [])
        data.setdefault("relations", {})

    @staticmethod
    def _validate_creator(creator: Any, item_type: str, creator_types: frozenset[str]) -> None:
        if not isinstance(creator, dict):
            raise ObjectWriteError(400, "Creator must be an object")
        if creator.get("creatorType") not in creator_types:
            raise ObjectWriteError(400, f"'{creator.get('creatorType')}' is not a valid creator type for "
                                    f"item type '{item_type}'")
        names = set(creator) - {"creatorType"}
        if names not in ({"name"}, {"firstName", "lastName"}, {"lastName"}):
            raise ObjectWriteError(400, "Creator must have 'name' or 'firstName' and 'lastName'")

    def delete(self, kind: str, keys: list[str]) -> int:
        """Delete objects (an item's children with it; a collection leaves its items, which lose
        the membership). The library version after the delete."""
        with self.lock:
            store = self.objects(kind)
            doomed = [k for k in keys if k in store]
            if kind == "items":
                doomed += [k for k, i in self.items.items() if i.get("parentItem") in doomed]
            if not doomed:
                return self.version
            self.version += 1
            for key in doomed:
                store.pop(key, None)
                self.deleted[kind][key] = self.version
            if kind == "collections":
                for item in self.items.values():
                    if set(item.get("collections", [])) & set(doomed):
                        item["collections"] = [c for c in item["collections"] if c not in doomed]
                        item["version"] = self.version
            return self.version

    def deleted_since(self, since: int) -> dict[str, list[str]]:
        with self.lock:
            return {"collections": sorted(k for k, v in self.deleted["collections"].items() if v > since),
                    "items": sorted(k for k, v in self.deleted["items"].items() if v > since),
                    "searches": [], "tags": [], "settings": []}

    def edit_as_other_user(self, key: str, changes: dict[str, Any]) -> int:
        """Another member edits an item (for the concurrent-edit fault): bumps the versions."""
        with self.lock:
            item = self.items[key]
            item.update(copy.deepcopy(changes))
            self.version += 1
            item["version"] = self.version
            item["dateModified"] = now()
            return self.version

    def add_by_hand(self, data: dict[str, Any]) -> str:
        """Another member creates an item in the Zotero client (a server-made key)."""
        result = self.write("items", [data], header_version=None)
        if result.failed:
            raise ValueError(f"test item refused: {result.failed}")
        return result.success["0"]


def _empty_creator(creator: Any) -> bool:
    return isinstance(creator, dict) and not any(
        str(creator.get(name, "")).strip() for name in ("name", "lastName", "firstName"))
