"""citeproc-py ignores the locale option `punctuation-in-quote` (its code for it is commented
out), so en-US output prints “Modern Times”, where American usage and citeproc-js print
“Modern Times,”. With the option on, a comma or period that the style puts right after a closing
quotation mark (a suffix, a delimiter or the next piece of a group) goes inside it; after a
question mark, exclamation mark or period inside the quotes it is dropped, as in citeproc-js.
Where inner quotes close together with the outer ones (“Comment on ‘Hoot’”) it goes inside both:
“Comment on ‘Hoot.’” (citeproc-js, CSL suite quotes_PunctuationWithInnerQuote). An inner closing
mark counts only when an inner quote opened before it, so a final apostrophe (“The Writers’”) is
not one.

The move happens where citeproc-py joins rendered pieces (its `join` and `Affixed.wrap`), while a
layout renders: the layout sets which locale rules apply for the duration of its rendering.
"""
from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

from citeproc import model
from citeproc import string as cstring

from converter.render.fixes.seam_last_char import first_char, last_char

NAME = "punctuation_in_quote"
DESCRIPTION = "honour the locale's punctuation-in-quote: put , and . inside closing quotes"

MOVED = ",."
ENDING = ".?!"

# The closing quotation mark while a layout with punctuation-in-quote renders, else None.
_close_quote: ContextVar[str | None] = ContextVar("close_quote", default=None)
# The locale's inner quotation marks (open, close) while such a layout renders.
_inner_quotes: ContextVar[tuple[str, str] | None] = ContextVar("inner_quotes", default=None)


def _with_last_char_inserted(left: Any, punctuation: str, close: str) -> Any:
    """`left` (which ends with `close`) with `punctuation` before that closing mark, keeping
    citeproc-py's string classes (MixedString segments, NoCase) where it can."""
    if isinstance(left, cstring.MixedString):
        segments = list(left)
        if segments and str(segments[-1]).endswith(close):
            last = _with_last_char_inserted(segments[-1], punctuation, close)
            return cstring.MixedString([*segments[:-1], last])
        return str(left)[:-len(close)] + punctuation + close
    text = str(left)[:-len(close)] + punctuation + close
    if isinstance(left, cstring.String):
        return type(left)(text)
    return text


def _closing_marks(text: str, close: str) -> str:
    """The quotation marks that close at the end of `text`: `close`, with the inner closing
    marks right before it of inner quotes that opened (mid-word apostrophes are no quotes)."""
    inner = _inner_quotes.get()
    if inner is None or not all(inner) or not text[:-len(close)].endswith(inner[1]):
        return close
    opening, closing = inner
    quoted = text[:-len(close)]
    opened = quoted.count(opening) - sum(1 for index, char in enumerate(quoted[:-1])
                                         if quoted.startswith(closing, index) and not quoted[index + 1].isalpha())
    return closing + close if opened > 0 else close


def _move(left: Any, right: Any) -> tuple[Any, Any]:
    """The seam between two pieces with a leading , or . of `right` moved inside `left`'s quote."""
    close = _close_quote.get()
    if close is None or left is None or right is None:
        return left, right
    # The cheap tests first (str() of a text joins all its segments): the right piece's first
    # character, then the left's last one (close is never empty), then its whole text.
    punctuation = first_char(right)
    if not punctuation or punctuation not in MOVED or last_char(left) != close[-1]:
        return left, right
    left_text = str(left)
    if not left_text.endswith(close):
        return left, right
    rest = cstring._strip_first_char(right)
    close = _closing_marks(left_text, close)
    before = left_text[:-len(close)][-1:]
    if before in ENDING:
        return left, rest
    return _with_last_char_inserted(left, punctuation, close), rest


def _join(items: Iterable[Any], delimiter: Any = "") -> Any:
    if _close_quote.get() is None:
        return _original_join(items, delimiter)
    items = iter(items)
    try:
        output = next(items)
    except StopIteration:
        return cstring.String("")
    for item in items:
        delimiter_part = cstring.normalize_seam(output, delimiter)
        if str(delimiter_part):
            output, delimiter_part = _move(output, delimiter_part)
            output = output + delimiter_part
        else:
            output, item = _move(output, item)
        output = output + cstring.normalize_seam(output, item)
    return output


def _wrap(self: model.Affixed, string: Any) -> Any:
    if string is None:
        return None
    prefix = self.get("prefix", "")
    suffix = self.get("suffix", "")
    string = cstring.normalize_seam(prefix, string)
    text = prefix + string
    text, suffix = _move(text, cstring.normalize_seam(text, suffix))
    return text + suffix


def _rendering(method: Any) -> Any:
    def render(self: model.Layout, *args: Any, **kwargs: Any) -> Any:
        on = str(self.get_locale_option("punctuation-in-quote")).lower() == "true"
        close = str(self.get_single_term(name="close-quote") or "") if on else ""
        inner = tuple(str(self.get_single_term(name=name) or "")
                      for name in ("open-inner-quote", "close-inner-quote")) if on else None
        token = _close_quote.set(close or None)
        inner_token = _inner_quotes.set(inner)  # type: ignore[arg-type]
        try:
            return method(self, *args, **kwargs)
        finally:
            _inner_quotes.reset(inner_token)
            _close_quote.reset(token)
    render.__name__ = method.__name__
    return render


_original_join = model.join


def apply() -> None:
    if model.join is _join:
        return
    model.join = _join
    model.Affixed.wrap = _wrap
    # Wrap what is there when applied, so that fixes applied earlier to these methods stay.
    model.Layout.render_citation = _rendering(model.Layout.render_citation)
    model.Layout.render_bibliography = _rendering(model.Layout.render_bibliography)
