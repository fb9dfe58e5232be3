"""fingerprint.py hashes the code each compiled kind stands for: the functions themselves."""
from __future__ import annotations

from converter.render.compiled import fingerprint


def _wrapped() -> int:
    return 1


def _wrapper() -> int:
    return _wrapped() + 1


_wrapper.__wrapped__ = _wrapped  # type: ignore[attr-defined]  # as affixless_wrap sets it


def test_a_wrapper_is_hashed_by_its_own_source_not_the_function_it_wraps() -> None:
    source = fingerprint._source(_wrapper)
    assert source.startswith("def _wrapper()")
    assert "_wrapped() + 1" in source
    assert fingerprint.digest([_wrapper]) != fingerprint.digest([_wrapped])


def test_a_nested_function_is_read_to_the_end_of_its_block() -> None:
    def outer(value: int) -> int:
        doubled = value * 2
        return doubled

    source = fingerprint._source(outer)
    assert source.lstrip().startswith("def outer(value: int)")
    assert source.rstrip().endswith("return doubled")


def test_a_function_without_a_source_file_cannot_vouch_for_itself() -> None:
    namespace: dict[str, object] = {}
    exec("def made(): return 2", namespace)
    assert fingerprint._source(namespace["made"]).startswith("<no source")
