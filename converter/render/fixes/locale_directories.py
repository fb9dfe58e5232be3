"""citeproc-py reads locale files only from its own data directory, with a parser that resolves
entities. Ours are read from styles/locales first (the same files the citeproc-js fixtures were
made with), else citeproc-py's, and go through converter.xmlsafe before citeproc-py parses them."""
from __future__ import annotations

from io import BytesIO

from citeproc import frontend

NAME = "locale_directories"
DESCRIPTION = "read CSL locales from styles/locales (then citeproc-py's), safely parsed"


def _locale_init(self: frontend.CitationStylesLocale, locale: str, validate: bool = True) -> None:
    from converter.render.styles import StyleNotFoundError, find_locale, safe_bytes
    try:
        data = safe_bytes(find_locale(locale))
    except StyleNotFoundError:
        raise ValueError(f"{locale!r} is not a known locale") from None
    frontend.CitationStylesXML.__init__(self, BytesIO(data), validate=validate)


def apply() -> None:
    frontend.CitationStylesLocale.__init__ = _locale_init
