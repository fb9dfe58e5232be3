"""What a compiled element stands for: the source of every method in the chain it replaces.

A compiled render (see the package docstring) is written from reading one chain of patched
methods: citeproc-py's own and the wrappers our fixes put around it. If any of them changes
(another fix wraps the method, a fix's body is edited), the compiled function no longer proves
anything, so it must not be used. Each kind of element therefore names the methods and helper
functions it merges; their sources, followed through every function a wrapper closes over,
hash to a digest, and an element kind is compiled only while that digest is the one recorded
in DIGESTS. tests/test_render_compiled.py fails when a digest moves, so that whoever changed
the chain checks the compiled function against it and records the new digest.
"""
from __future__ import annotations

import hashlib
import inspect
import linecache
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any


def _functions(value: Any, seen: set[int]) -> Iterable[Callable[..., Any]]:
    """The function and every function reachable through its closure cells, each once."""
    function = getattr(value, "fget", value)  # a property: its getter
    function = getattr(function, "__func__", function)
    if not hasattr(function, "__code__") or id(function) in seen:
        return
    seen.add(id(function))
    yield function
    for cell in function.__closure__ or ():
        try:
            contents = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        yield from _functions(contents, seen)


@cache
def _source(function: Callable[..., Any]) -> str:
    """The lines of this function's own code object, read from its file. Not inspect.getsource:
    that unwraps a wrapper that names `__wrapped__` and so hashed the wrapped function in its
    place."""
    code = function.__code__
    lines = linecache.getlines(code.co_filename)
    if not lines or code.co_firstlineno > len(lines):  # no source: the compiled code cannot vouch for it
        return f"<no source {function.__module__}.{function.__qualname__}>"
    return "".join(inspect.getblock(lines[code.co_firstlineno - 1:]))


def digest(parts: Iterable[Any]) -> str:
    """A short hash of the sources of these functions and of what they close over, in order."""
    seen: set[int] = set()
    hasher = hashlib.sha256()
    for part in parts:
        for function in _functions(part, seen):
            hasher.update(f"{function.__module__}.{function.__qualname__}\n".encode())
            hasher.update(_source(function).encode())
    return hasher.hexdigest()[:16]
