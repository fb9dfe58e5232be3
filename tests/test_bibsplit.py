"""The fast splitter (readers/bibsplit.py) returns bibtexparser's blocks, block for block."""
from __future__ import annotations

from pathlib import Path

import pytest
from bibtexparser.splitter import Splitter as ReferenceSplitter
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.readers.bibsplit import Splitter

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _blocks(splitter_class: type, text: str) -> list[tuple]:
    out = []
    for block in splitter_class(text).split().blocks:
        inner = getattr(block, "ignore_error_block", None) or block
        fields = [(f.key, f.value, f.start_line) for f in getattr(inner, "fields", [])]
        out.append((type(block).__name__, block.start_line, block.raw, getattr(inner, "key", None),
                    getattr(inner, "entry_type", None), fields, sorted(getattr(block, "duplicate_keys", ()) or ()),
                    str(getattr(block, "error", ""))))
    return out


def _same(text: str) -> None:
    assert _blocks(Splitter, text) == _blocks(ReferenceSplitter, text)


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.bib")), ids=lambda path: path.name)
def test_fixture_files_split_the_same(path: Path) -> None:
    _same(path.read_text(encoding="utf-8", errors="replace"))


TRICKY = [
    '@article{a, title = {x}, title = {y}}',  # duplicate field
    '@article{a, title = "q {"} q", year = 1}',  # bibtexparser's {"} escape in quotes
    '@article{a, title = {a\\{b}, note = {\\\\}, x = "\\"",}',  # escaped marks
    '@article{a,\n title = {open\n@book{b, title = {B}}',  # a block start inside an open value
    '@article{a,\n title = {x},\n  @book{b, title = {B}}',  # a block start where a key stands
    '@article{a, title = {x}\n}\n@book{b, title = {1{2{3{4{5{6{7{8}}}}}}}}}',  # deeper than the fast path
    '@article(a, title = {x})\n@book{b, year = 2000 # {x}, month = jan}',  # ( delimited, then #
    '@article{a, title = {x\\\n}, year = {2\\\ny}}\nafter\n@book{b, t={x}}',  # backslash-newlines
    '@article{a}\n@article{b,}\n@article{ c ,\n  t\n =\n {v}\n ,\n}',  # no fields, keys over lines
    '@article{a, title = {x} junk = {y}}',  # missing comma
    '@article{a, title = {x @ {CLEF}}, b = "me@home"}',  # @ inside values
    '@article{a, title = {x}, b = {unclosed}\n',  # end of file
    '@article{a, title = {x\n \t\n\u2003@book{b, t = {1}}}\n',  # a block start after unicode spaces
    '@article{a, title = {x\n\x1c@book{b, t = {1}}}\n',  # str.isspace() white space
    '@article{a, title = "' + '{x' * 300 + '"}\n@book{b, t = {' + '\n' * 300 + '}}',  # long runs
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_entries_split_the_same(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet='@{}(),="#\\ \n\tab0%', max_size=30), max_size=6))
def test_fuzzed_entries_split_the_same(parts: list[str]) -> None:
    _same("".join(f"@article{{k{index}, title = {part}\n" for index, part in enumerate(parts)))


# Well-formed values (balanced braces, quotes) with hard characters inside: mostly the fast path.
_ATOM = st.text(alphabet='ab ,="#@\\\n\t%(){}', max_size=6)
_GROUP = st.recursive(_ATOM.map(lambda text: text.replace("{", "").replace("}", "")),
                      lambda inner: st.lists(inner, max_size=3).map(lambda parts: "{" + "".join(parts) + "}"),
                      max_leaves=8)
_VALUE = st.one_of(_GROUP, _ATOM.map(lambda text: '"' + text.replace('"', "") + '"'), st.just("1999"),
                   st.just("jan # {x}"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "Title", " note\n", "year"]), _VALUE), max_size=5),
       st.sampled_from([",", "", ",\n"]))
def test_wellformed_entries_split_the_same(fields: list[tuple[str, str]], last: str) -> None:
    body = ",".join(f"{name} = {value}" for name, value in fields)
    _same(f"%c\n@article{{k, {body}{last}}}\n@book{{b, t = {{x}}}}\n")
