"""The local cache of one group library: what bibconv last wrote or saw there.

It holds the library version of the last sync and, per object, its key, its version, the identity
it was matched by (citation key, normalised creators + title + year) and a digest of each field it
last had, so that pushing unchanged input again costs one request
(`GET /groups/ID/items?format=versions&since=V`) and an edit sends only the changed fields.
It never holds the API key. Default place: `$BIBCONV_CACHE_DIR`, else `$XDG_CACHE_HOME/bibconv`,
else `~/.cache/bibconv`; one file per endpoint and group.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1


@dataclass
class ObjectState:
    """One object of the library as last read, and what bibconv wanted of it at its last push."""

    key: str
    version: int
    item_type: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # field -> digest of its value in Zotero now
    base: dict[str, str] = field(default_factory=dict)  # field -> digest in Zotero after our last push
    wanted: dict[str, str] = field(default_factory=dict)  # field -> digest of what our input said then
    tags: list[dict[str, Any]] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    parent: str | None = None
    name: str | None = None  # a collection's name
    citation_key: str | None = None
    signature: str | None = None  # normalised creators + title + year


@dataclass
class LibraryState:
    endpoint: str
    group_id: int
    library_version: int | None = None
    items: dict[str, ObjectState] = field(default_factory=dict)
    collections: dict[str, ObjectState] = field(default_factory=dict)

    def by_citation_key(self) -> dict[str, str]:
        return {s.citation_key: k for k, s in self.items.items() if s.citation_key}

    def by_signature(self) -> dict[str, str]:
        return {s.signature: k for k, s in self.items.items() if s.signature}

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "endpoint": self.endpoint, "group": self.group_id,
                "library_version": self.library_version,
                "items": {k: _object_json(v) for k, v in sorted(self.items.items())},
                "collections": {k: _object_json(v) for k, v in sorted(self.collections.items())}}

    @classmethod
    def from_json(cls, data: dict[str, Any], endpoint: str, group_id: int) -> LibraryState:
        if data.get("format") != FORMAT_VERSION or data.get("endpoint") != endpoint \
                or data.get("group") != group_id:
            return cls(endpoint, group_id)
        return cls(endpoint, group_id, data.get("library_version"),
                   {k: _object(v) for k, v in (data.get("items") or {}).items()},
                   {k: _object(v) for k, v in (data.get("collections") or {}).items()})


def _object_json(entry: ObjectState) -> dict[str, Any]:
    """An object's entry; `base` and `wanted` are left out when they equal `fields` (the usual case)."""
    out = {name: value for name, value in vars(entry).items() if value not in (None, [])}
    for name in ("base", "wanted"):
        if out[name] == entry.fields:
            del out[name]
    return out


def _object(data: dict[str, Any]) -> ObjectState:
    entry = ObjectState(**data)
    for name in ("base", "wanted"):
        if name not in data:
            setattr(entry, name, dict(entry.fields))
    return entry


def cache_dir() -> Path:
    if os.environ.get("BIBCONV_CACHE_DIR"):
        return Path(os.environ["BIBCONV_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bibconv"


def state_path(endpoint: str, group_id: int, directory: Path | None = None) -> Path:
    """One file per endpoint and group; the endpoint is hashed into the name, not spelled."""
    tag = hashlib.sha256(endpoint.rstrip("/").encode("utf-8")).hexdigest()[:12]
    return (directory or cache_dir()) / f"zotero-group-{group_id}-{tag}.json"


def load(endpoint: str, group_id: int, path: Path) -> LibraryState:
    """The cached state, or an empty one when there is none or it is unreadable (a cache is
    never trusted over the server: an empty state only costs a full read)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return LibraryState(endpoint.rstrip("/"), group_id)
    if not isinstance(data, dict):
        return LibraryState(endpoint.rstrip("/"), group_id)
    try:
        return LibraryState.from_json(data, endpoint.rstrip("/"), group_id)
    except (TypeError, AttributeError):
        return LibraryState(endpoint.rstrip("/"), group_id)


def save(state: LibraryState, path: Path) -> None:
    """Write atomically (a temporary file renamed over the old one), readable by the user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(state.to_json(), out, ensure_ascii=False, separators=(",", ":"))
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def digest(value: Any) -> str:
    """A short stable digest of a JSON value (field values are compared by digest)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
