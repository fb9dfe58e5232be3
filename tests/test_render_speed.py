"""The speed fixes of citeproc-py (converter/render/fixes/, OUTPUT_PRESERVING): each gives the
answers of the code it replaces. The CSL suite check (tests/test_csl_suite.py) compares whole
outputs; these tests check the replaced pieces on values the suite may not reach."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from converter.render.fixes import sort_keys_for_every_item as sorting
from converter.render.fixes.sort_collation import SortKey

# Sort key values as citeproc-py and our keys make them: missing, numbers, digit strings, text.
KEY_VALUES = st.one_of(
    st.none(), st.integers(-5, 5), st.sampled_from(["1", "02", " 3", "10", "-4", "x1", ""]),
    st.text(alphabet="aAbBéÉ 1-’“.", max_size=6), st.text(alphabet="aAbBéÉ 1-’“.", max_size=6).map(SortKey),
)


@given(KEY_VALUES, KEY_VALUES, st.booleans())
def test_prepared_comparison_answers_as_citeproc_py(left, right, descending):
    try:
        expected = sorting._compare(left, right, descending)
    except TypeError:  # an int against a text: citeproc-py fails, and so must we
        expected = TypeError
    try:
        got = sorting._compare_prepared(sorting._Prepared(left), sorting._Prepared(right), descending)
    except TypeError:
        got = TypeError
    assert got == expected
