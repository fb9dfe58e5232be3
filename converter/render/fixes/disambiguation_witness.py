"""What the render of a compared cite (fixes/disambiguation.py) asked of its item's disambiguation
state, so that another state can be seen to leave the cite as it was without rendering it again
(a helper of that fix, not a fix of its own).

The state reaches a citation's render in two places only, both in fixes/disambiguation.py: the
cs:name options it adjusts (Name.get_option) and the disambiguate="true" test (the year-suffix
is not shown in compared cites and does not change while they are compared). While a compared
cite renders, its witness keeps:
- each cs:name option asked outside the processing of a cs:name's names, with the style's value;
- each processing of a cs:name's names (Name.process, every fix inside it included) with its
  arguments, the context it ran in and what it returned;
- whether a disambiguate="true" condition was tested.
Under another state the render is the same if every kept option answers the same, every kept
processing, run again alone in its context under that state, returns the same (and gives what it
returned under the old state, so that it read nothing that changed since), and no disambiguate
test was made or the flag is unchanged: rendering is deterministic, and up to a first difference
the two renders do the same; there is none. So two letters by "Čičerin" (a family name only) that
cite alike stay alike in long form, and are not rendered again for it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import Context, ContextVar, copy_context
from typing import Any

# The witness of the compared cite rendering now; None otherwise.
_recording: ContextVar[Witness | None] = ContextVar("disambiguation_witness", default=None)
_UNCHECKED, _REPEATABLE, _NOT_REPEATABLE = 0, 1, 2


class _Processing:
    """One processing of a cs:name's names, kept to be run again under another state."""

    __slots__ = ("args", "checked", "context", "element", "item", "kwargs", "method", "result", "with_state")

    def __init__(self, context: Context, method: Any, element: Any, item: Any, args: tuple[Any, ...],
                 kwargs: dict[str, Any], result: Any, with_state: Callable[[Any, Any], Any]) -> None:
        self.context, self.method, self.element, self.item = context, method, element, item
        self.args, self.kwargs, self.result, self.with_state = args, kwargs or None, result, with_state
        self.checked = _UNCHECKED

    def _run(self, state: Any) -> Any:
        def run() -> Any:
            _recording.set(None)
            self.with_state(self.item, state)
            return self.method(self.element, self.item, *self.args, **(self.kwargs or {}))
        try:
            return True, self.context.run(run)
        except Exception:  # whatever it is, the cite is rendered again and meets it there
            return False, None

    def same_under(self, old: Any, new: Any) -> bool:
        if self.checked == _UNCHECKED:
            ran, result = self._run(old)
            self.checked = _REPEATABLE if ran and same(result, self.result) else _NOT_REPEATABLE
        if self.checked == _NOT_REPEATABLE:
            return False
        ran, result = self._run(new)
        return ran and same(result, self.result)


class Witness:
    """What one render of a compared cite asked of the state it was rendered under (`state`)."""

    __slots__ = ("depth", "options", "processed", "state", "tested", "usable")

    def __init__(self, state: Any) -> None:
        self.state = state
        self.options: set[tuple[str, Any]] = set()
        self.processed: list[_Processing] = []
        self.tested = False
        self.depth = 0  # > 0 while a kept processing runs: what it asks is its own
        self.usable = True

    def unchanged_under(self, state: Any, adjusted: Callable[[Any, str, Any], Any]) -> bool:
        """Whether the cite renders as it did under `state` (`adjusted`: an option's answer)."""
        old = self.state
        if not self.usable or old.year_suffix != state.year_suffix:
            return False
        if self.tested and old.disambiguate != state.disambiguate:
            return False
        if any(adjusted(old, option, value) != adjusted(state, option, value) for option, value in self.options):
            return False
        return all(processing.same_under(old, state) for processing in self.processed)


@contextmanager
def recording(witness: Witness) -> Iterator[Witness]:
    token = _recording.set(witness)
    try:
        yield witness
    finally:
        _recording.reset(token)
        # Cites of one kind ask the same options: one frozen set for them all (every item's
        # witness is kept until the ambiguous ones are known).
        options = frozenset(witness.options)
        witness.options = _option_sets.setdefault(options, options)  # type: ignore[assignment]


_option_sets: dict[frozenset[tuple[str, Any]], frozenset[tuple[str, Any]]] = {}


def asked(option: str, value: Any) -> None:
    """A cs:name of the cite asked for an option (value: the style's, before the state)."""
    witness = _recording.get()
    if witness is not None and not witness.depth:
        try:
            witness.options.add((option, value))
        except TypeError:  # a value that cannot be kept: the cite is rendered again
            witness.usable = False


def tested() -> None:
    """The cite tested a disambiguate="true" condition."""
    witness = _recording.get()
    if witness is not None:
        witness.tested = True


def processing(method: Any, element: Any, item: Any, args: tuple[Any, ...], kwargs: dict[str, Any],
               with_state: Callable[[Any, Any], Any]) -> Any:
    """Name.process (`method`) for the compared cite rendering now, kept by its witness."""
    witness = _recording.get()
    if witness is None or witness.depth:
        return method(element, item, *args, **kwargs)
    context = copy_context()
    witness.depth += 1
    try:
        result = method(element, item, *args, **kwargs)
    except BaseException:
        witness.usable = False
        raise
    finally:
        witness.depth -= 1
    witness.processed.append(_Processing(context, method, element, item, args, kwargs, result, with_state))
    return result


def same(left: Any, right: Any) -> bool:
    """Whether two rendered values are the same, formatting (their types) included."""
    if type(left) is not type(right):
        return False
    if getattr(left, "__dict__", None) != getattr(right, "__dict__", None):
        return False
    if isinstance(left, list):  # citeproc-py's MixedString, whose __getitem__ is its own
        left, right = list(list.__iter__(left)), list(list.__iter__(right))
    if isinstance(left, list | tuple):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    if left is None or isinstance(left, str | int | float):
        return bool(left == right)
    return False
