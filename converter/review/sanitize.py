"""Rendered citations as safe HTML: the renderer's italics, bold, small caps, super- and subscripts
are kept; every other tag, and all text, is escaped.

citeproc-py writes its markup (`<i>`) around item values it does not escape, so a title that
reads `<script>` arrives as a tag. Only the few formatting tags below are taken as markup, without
any attribute; anything else is shown as the text it was.
"""
from __future__ import annotations

from html import escape
from html.parser import HTMLParser

# renderer tag -> the tag written
FORMATTING = {"i": "i", "em": "i", "b": "b", "strong": "b", "sup": "sup", "sub": "sub"}
# a <span style="..."> whose style says one of these becomes the tag beside it
SPAN_STYLES = (("italic", "i"), ("bold", "b"), ("small-caps", "small"))


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, str]] = []  # (tag as written by the renderer, tag we wrote or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = FORMATTING.get(tag)
        if tag == "span":
            style = (dict(attrs).get("style") or "").lower()
            written = next((ours for word, ours in SPAN_STYLES if word in style), "")
        if written is None:
            self.out.append(escape(self.get_starttag_text() or f"<{tag}>"))
            return
        if written:
            self.out.append(f"<{written}>")
        self.open.append((tag, written))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(escape(self.get_starttag_text() or f"<{tag}/>"))

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1][0] == tag:
            _, written = self.open.pop()
            if written:
                self.out.append(f"</{written}>")
        else:
            self.out.append(escape(f"</{tag}>"))

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data))

    def handle_comment(self, data: str) -> None:
        self.out.append(escape(f"<!--{data}-->"))

    def handle_decl(self, decl: str) -> None:
        self.out.append(escape(f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.out.append(escape(f"<?{data}>"))

    def unknown_decl(self, data: str) -> None:
        self.out.append(escape(f"<![{data}]>"))

    def result(self) -> str:
        self.close()
        closing = [f"</{written}>" for _, written in reversed(self.open) if written]
        return "".join(self.out + closing)


def safe_html(rendered: str) -> str:
    """The renderer's output with only its formatting tags kept as markup."""
    sanitizer = _Sanitizer()
    sanitizer.feed(rendered)
    return sanitizer.result()
