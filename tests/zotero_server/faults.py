"""Fault injection: what the test server does wrong, on purpose, to which request.

A test queues faults; each one waits for a matching request (method and a path ending), may let a
number of matching requests pass first, and fires a number of times. The app asks `take()` for the
fault of every request before it handles it.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

KINDS = (
    "rate-limit",  # 429 with a plain-text body and Retry-After
    "backoff",  # the request is handled, and its 200 carries a Backoff header
    "server-error",  # 500
    "unavailable",  # 503 with Retry-After
    "drop-after-commit",  # the write is committed, then the connection is closed with no response
    "concurrent-edit",  # another member edits an object of the write just before it is applied
)


@dataclass
class Fault:
    kind: str
    method: str = "POST"
    path_suffix: str = "/items"
    skip: int = 0  # matching requests let through before the fault fires
    times: int = 1
    seconds: float = 1  # Retry-After / Backoff value
    # For concurrent-edit: the item to edit (default: the first key in the write) and how.
    key: str | None = None
    changes: dict[str, Any] = field(default_factory=lambda: {"title": "Edited by another member"})
    fired: int = 0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; expected one of {', '.join(KINDS)}")

    def matches(self, method: str, path: str) -> bool:
        return method == self.method and path.rstrip("/").endswith(self.path_suffix)


class Faults:
    """The queue of faults a test has asked for, safe across the server's threads."""

    def __init__(self) -> None:
        self._queue: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, kind: str, **options: Any) -> Fault:
        fault = Fault(kind, **options)
        with self._lock:
            self._queue.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return [f for f in self._queue if f.fired < f.times]

    def take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._queue:
                if fault.fired >= fault.times or not fault.matches(method, path):
                    continue
                if fault.skip > 0:
                    fault.skip -= 1
                    continue
                fault.fired += 1
                return fault
        return None
