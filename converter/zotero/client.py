"""The one module that imports pyzotero: a group library over the Zotero Web API v3.

pyzotero builds the session (its httpx client carries the key in `Authorization: Bearer` and the
API version header); every request then goes through `_send`, our retry loop, because two of
pyzotero's own write paths lose data: `create_items` raises on the plain-text body of a 429, and
`update_items` returns True after a 429 without resending the chunk. Here a write is at most 50
objects, `Backoff` and `Retry-After` are obeyed, 429 and 5xx are retried a bounded number of times,
and the `failed` part of every 200 is returned object by object.

The key is registered with converter.config.redact, never put in a URL (`/keys/current`, not
pyzotero's `/keys/<key>`), and every message that leaves this module is redacted.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
from pyzotero import zotero as pyzotero

from converter.config import redact, register_secret

MAX_WRITE_OBJECTS = 50
MAX_KEYS_PER_READ = 50
PAGE_SIZE = 100
TIMEOUT_SECONDS = 30.0
CONNECT_ATTEMPTS = 3
FIRST_RETRY_DELAY = 0.5  # seconds before the first retry when the server names no delay; doubles
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class ZoteroError(Exception):
    """A whole-run failure (auth, network, a refused request); `code` is a report code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(redact(message))
        self.code = code
        self.partial: Any = None  # what a push had done before it failed (a sync.Summary)


@dataclass
class ObjectResult:
    """What the server said about one object of a write."""

    status: str  # "success", "unchanged" or "failed"
    key: str | None = None
    version: int | None = None
    code: int | None = None
    message: str = ""


@dataclass
class RequestCounts:
    reads: int = 0
    writes: int = 0
    retries: int = 0
    waited: float = 0.0  # seconds spent obeying Backoff / Retry-After / retry delays

    @property
    def total(self) -> int:
        return self.reads + self.writes


@dataclass
class KeyAccess:
    """What `GET /keys/current` says the key may do in one group."""

    user_id: int | None
    username: str
    can_read: bool
    can_write: bool


@dataclass
class GroupClient:
    """One group library. `sleep` is injectable so that a bench can count waits."""

    group_id: int
    api_key: str = field(repr=False)
    endpoint: str = "https://api.zotero.org"
    max_attempts: int = 6
    max_write_objects: int = MAX_WRITE_OBJECTS
    page_size: int = PAGE_SIZE
    max_wait: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    counts: RequestCounts = field(default_factory=RequestCounts)

    def __post_init__(self) -> None:
        register_secret(self.api_key)
        try:
            url = httpx.URL(self.endpoint)
        except httpx.InvalidURL:
            url = None
        if url is None or url.scheme not in ("http", "https") or not url.host:
            raise ZoteroError("zotero-network", f"{self.endpoint!r} is not an http(s) URL of a Zotero API")
        self.max_write_objects = max(1, min(self.max_write_objects, MAX_WRITE_OBJECTS))
        self._zot = pyzotero.Zotero(self.group_id, "group", self.api_key)
        self._zot.endpoint = self.endpoint.rstrip("/")
        self._not_before = 0.0  # monotonic time before which no request may go (Backoff)
        self.last_version = 0  # Last-Modified-Version of the latest response that had one

    @property
    def prefix(self) -> str:
        return f"/groups/{self.group_id}"

    def url(self, path: str) -> str:
        return pyzotero.build_url(self._zot.endpoint, path)

    def close(self) -> None:
        self._zot.client.close()

    # -- reads ----------------------------------------------------------------------------------

    def key_access(self) -> KeyAccess:
        """The key's rights in this group (`GET /keys/current`, which has the key only in a header)."""
        data = self._get_json("/keys/current")
        groups = (data.get("access") or {}).get("groups") or {}
        rights = groups.get(str(self.group_id)) or groups.get("all") or {}
        return KeyAccess(data.get("userID"), str(data.get("username") or ""),
                         bool(rights.get("library")), bool(rights.get("write")))

    def versions(self, kind: str, since: int | None = None, **params: Any) -> tuple[dict[str, int], int]:
        """{key: version} of the items or collections changed since a library version, and the
        library's version now (`Last-Modified-Version`)."""
        query = {"format": "versions", **params}
        if since is not None:
            query["since"] = since
        response = self._send("GET", self.url(f"{self.prefix}/{kind}"), params=query)
        return response.json(), int(response.headers.get("Last-Modified-Version", 0))

    def deleted(self, since: int) -> dict[str, list[str]]:
        """Keys of the objects deleted since a library version (`GET /deleted?since=`)."""
        return self._get_json(f"{self.prefix}/deleted", {"since": since})

    def fetch(self, kind: str, keys: list[str]) -> list[dict[str, Any]]:
        """The objects with these keys, in batches of 50 keys (the API's itemKey limit)."""
        param = "itemKey" if kind == "items" else "collectionKey"
        out: list[dict[str, Any]] = []
        for start in range(0, len(keys), MAX_KEYS_PER_READ):
            batch = keys[start:start + MAX_KEYS_PER_READ]
            out.extend(self.iterate(f"{self.prefix}/{kind}", {param: ",".join(batch)}))
        return out

    def iterate(self, path: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Every object of a multi-object read, page by page through `Link: rel="next"`."""
        url: str | None = self.url(path)
        query: dict[str, Any] | None = {"limit": self.page_size, **(params or {})}
        while url:
            response = self._send("GET", url, params=query)
            yield from response.json()
            url = (response.links.get("next") or {}).get("url")
            query = None  # the next link carries the whole query

    def library_version(self) -> int:
        response = self._send("GET", self.url(f"{self.prefix}/items"), params={"limit": 1, "format": "versions"})
        return int(response.headers.get("Last-Modified-Version", 0))

    def _get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self._send("GET", self.url(path), params=params).json()

    # -- writes ---------------------------------------------------------------------------------

    def write(self, kind: str, objects: list[dict[str, Any]]) -> tuple[list[ObjectResult], int]:
        """POST objects in chunks of at most 50; one result per object, in order, and the library
        version after the last chunk. Every object carries `version` (0 to create with our key),
        so a chunk resent after a lost response cannot apply twice: the server answers 412."""
        results: list[ObjectResult] = []
        version = 0
        for start in range(0, len(objects), self.max_write_objects):
            chunk = objects[start:start + self.max_write_objects]
            response = self._send("POST", self.url(f"{self.prefix}/{kind}"), body=chunk,
                                  headers={"Content-Type": "application/json"}, write=True)
            version = int(response.headers.get("Last-Modified-Version", version))
            results.extend(_object_results(response, chunk, version))
        return results, version

    # -- the retry loop -------------------------------------------------------------------------

    def _send(self, method: str, url: str, *, params: dict[str, Any] | None = None,
              body: Any = None, headers: dict[str, str] | None = None, write: bool = False) -> httpx.Response:
        content = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        delay = FIRST_RETRY_DELAY
        for attempt in range(1, self.max_attempts + 1):
            self._wait(self._not_before - time.monotonic())
            if write:
                self.counts.writes += 1
            else:
                self.counts.reads += 1
            try:
                response = self._zot.client.request(method, url, params=params, content=content,
                                                    headers=headers, timeout=TIMEOUT_SECONDS)
            except httpx.TransportError as error:
                # A write whose response was lost may have been committed; resending it is safe
                # because every object is versioned (a second apply gives a per-object 412).
                # A server that cannot be reached at all is given up on sooner.
                unreachable = isinstance(error, httpx.ConnectError) and attempt >= CONNECT_ATTEMPTS
                if attempt == self.max_attempts or unreachable:
                    raise ZoteroError("zotero-network", f"{method} {_path(url)}: {error}") from None
                self.counts.retries += 1
                self._wait(delay)
                delay = min(delay * 2, self.max_wait)
                continue
            self._note_backoff(response)
            if "Last-Modified-Version" in response.headers and response.status_code < 300:
                self.last_version = int(response.headers["Last-Modified-Version"])
            if response.status_code in RETRY_STATUSES and attempt < self.max_attempts:
                self.counts.retries += 1
                wait = _seconds(response.headers.get("Retry-After"))
                wait = _seconds(response.headers.get("Backoff")) if wait is None else wait
                self._wait(min(delay if wait is None else wait, self.max_wait))
                delay = min(delay * 2, self.max_wait)
                continue
            _raise_for_status(method, url, response)
            return response
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _note_backoff(self, response: httpx.Response) -> None:
        backoff = _seconds(response.headers.get("Backoff"))
        if backoff:
            self._not_before = max(self._not_before, time.monotonic() + min(backoff, self.max_wait))

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self.counts.waited += seconds
            self.sleep(seconds)


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _path(url: str) -> str:
    return httpx.URL(url).path


def _raise_for_status(method: str, url: str, response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    text = response.text.strip()[:200]
    where = f"{method} {_path(url)}"
    if status in (401, 403):
        raise ZoteroError("zotero-auth", f"{where}: {status} {text or 'Forbidden'} (check the API key and "
                                         "its access to the group)")
    if status == 412:
        raise ZoteroError("zotero-conflict", f"{where}: 412 {text}")
    if status in RETRY_STATUSES:
        raise ZoteroError("zotero-network", f"{where}: {status} {text} (gave up after retries)")
    raise ZoteroError("zotero-failed", f"{where}: {status} {text}")


def _object_results(response: httpx.Response, chunk: list[dict[str, Any]], version: int) -> list[ObjectResult]:
    """Per-object results of one write, read from all four parts of the 200's body."""
    try:
        body = response.json()
    except ValueError:
        raise ZoteroError("zotero-failed", f"write answered {response.status_code} without JSON") from None
    successful = body.get("successful") or {}
    success = body.get("success") or {}
    unchanged = body.get("unchanged") or {}
    failed = body.get("failed") or {}
    results = []
    for index, sent in enumerate(chunk):
        slot = str(index)
        if slot in success or slot in successful:
            obj = successful.get(slot) or {}
            results.append(ObjectResult("success", success.get(slot) or obj.get("key"),
                                        int(obj.get("version", version))))
        elif slot in unchanged:
            results.append(ObjectResult("unchanged", unchanged[slot], sent.get("version")))
        elif slot in failed:
            entry = failed[slot] or {}
            results.append(ObjectResult("failed", entry.get("key") or sent.get("key"), None,
                                        entry.get("code"), redact(str(entry.get("message", "")))))
        else:
            results.append(ObjectResult("failed", sent.get("key"), None, None,
                                        "the server's answer did not mention this object"))
    return results
