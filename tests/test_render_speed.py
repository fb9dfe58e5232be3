"""The speed fixes of citeproc-py (converter/render/fixes/, OUTPUT_PRESERVING): each gives the
answers of the code it replaces. The CSL suite check (tests/test_csl_suite.py) compares whole
outputs; these tests check the replaced pieces on values the suite may not reach."""
from __future__ import annotations

from io import BytesIO

from citeproc import model
from citeproc.frontend import CitationStylesXML
from citeproc.string import MixedString, String
from hypothesis import given
from hypothesis import strategies as st

from converter.render.fixes import affixless_wrap, apply_all, punctuation_in_quote
from converter.render.fixes import sort_keys_for_every_item as sorting
from converter.render.fixes.sort_collation import SortKey

apply_all()
CSL = "http://purl.org/net/xbiblio/csl"

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


PIECE_TEXT = st.text(alphabet="ab .,;:!?“”’ ", max_size=6)
PIECES = st.one_of(PIECE_TEXT, PIECE_TEXT.map(String),
                   st.lists(PIECE_TEXT.map(String), min_size=1, max_size=3).map(MixedString))


def _element(attributes: str):
    """A cs:text of a parsed style, with citeproc-py's element classes."""
    style = (f'<style xmlns="{CSL}" version="1.0"><macro name="m"><text {attributes}/></macro></style>')
    return CitationStylesXML(BytesIO(style.encode()), validate=False).root[0][0]


@given(PIECES, st.sampled_from([None, "”"]))
def test_affixless_wrap_returns_what_the_concatenations_give(piece, close_quote):
    element = _element('variable="title"')
    token = punctuation_in_quote._close_quote.set(close_quote)  # as inside a layout with the option
    try:
        expected = model.Affixed.wrap.__wrapped__(element, piece)
        wrapped = model.Affixed.wrap(element, piece)
    finally:
        punctuation_in_quote._close_quote.reset(token)
    assert wrapped is piece
    assert type(expected) is type(piece) and str(expected) == str(piece)


@given(PIECES)
def test_affixed_elements_are_wrapped_as_before(piece):
    element = _element('variable="title" prefix=" (" suffix=")."')
    assert not affixless_wrap._affixless(element)
    assert str(model.Affixed.wrap(element, piece)) == str(model.Affixed.wrap.__wrapped__(element, piece))


def test_term_texts_follow_the_formatter():
    from citeproc.formatter import html, plain

    from converter.render.engine import FORMATTERS, load_style
    from converter.render.fixes import term_texts
    from converter.render.styles import find_style, safe_bytes

    style = load_style(safe_bytes(find_style("chicago-notes-bibliography")), "en-US")
    ampersand = style.root.get_term("and", "symbol")  # "&": preformatted differently for HTML
    editor = style.root.get_term("editor", "short")
    texts = {}
    for formatter in (plain, html, FORMATTERS["markdown"], plain, html):
        style.root.formatter = formatter
        for element in (ampersand, editor):
            for name in ("single", "multiple"):
                made = term_texts._ORIGINALS[name].fget(element)
                kept = getattr(element, name)
                assert (type(kept), str(kept)) == (type(made), str(made))
        texts[id(formatter)] = str(ampersand.single)
    assert texts[id(plain)] == "&" != texts[id(html)]
    assert str(editor.single) == "ed." and str(editor.multiple) == "eds."
