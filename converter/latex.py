"""LaTeX in BibTeX values ↔ Unicode with CSL rich-text markup.

Reading: `to_unicode` turns `Caf\\'e {NASA} \\emph{x} 10--20` into `Café <span class="nocase">NASA</span>
<i>x</i> 10–20` (protected case only in titles, where a CSL style may change case). Only values
containing `\\`, `{`, `}`, `$`, `~`, `--`, ```` `` ```` or `''` are decoded at all, and results are cached:
bibtexparser's LatexDecodingMiddleware decodes every value through pylatexenc's walker (~0.8 ms a
value), about ten times the cost of parsing. This decoder is a single pass over the string; its
tables come from pylatexenc (the 800 character macros) and from data/ (accents, markup commands).

Writing: `to_latex` is the inverse: markup becomes commands, `{ } $ & % # _ ~ ^ \\` are escaped, and
with `ascii=True` every non-ASCII character becomes a LaTeX command (pylatexenc's latexencode).
`to_unicode(to_latex(x)) == x` for any text without runs of whitespace (BibTeX collapses those).
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from converter.data import tsv_rows

NOCASE_OPEN = '<span class="nocase">'
SMALL_CAPS_OPEN = '<span style="font-variant:small-caps;">'
# markup name -> (opening, closing) in CSL rich text
MARKUP: dict[str, tuple[str, str]] = {
    "i": ("<i>", "</i>"),
    "b": ("<b>", "</b>"),
    "sc": (SMALL_CAPS_OPEN, "</span>"),
    "sup": ("<sup>", "</sup>"),
    "sub": ("<sub>", "</sub>"),
    "quote": ("“", "”"),
    "-": ("", ""),
}
NBSP = "\u00a0"
_NEEDS_DECODING = re.compile(r"[\\{}$~]|--|``|''")
_SPECIAL = re.compile(r"[\\{}$~\-`'^_]")
_SPECIAL_MATH = re.compile(r"[\\{}$~\-`'^_]")
_LETTERS = re.compile(r"[A-Za-z]+")
_SPACES = re.compile(r"[ \t\r\n]{2,}")
# macros whose argument is taken verbatim
_VERBATIM = frozenset({"url", "path", "nolinkurl"})
# macros that produce nothing and take no argument
_SILENT = {"-": "", "/": "", "@": "", ",": "\u2009", ";": "\u2005", " ": " ", "\\": " ", "relax": "",
           "protect": "", "noopsort": "", "newline": " ", "par": " ", "slash": "/", "hyphen": "-",
           "textendash": "–", "textemdash": "—"}
# macros whose argument is a counter, label or key, not text: dropped with it
_DROPPED = frozenset({"arabic", "roman", "Roman", "alph", "Alph", "cite", "nocite", "label", "ref", "pageref",
                      "parencite", "textcite", "autocite", "footcite"})


@cache
def _accents() -> dict[str, str]:
    return {row[0]: chr(int(row[1], 16)) for row in tsv_rows("latex-accents.tsv")}


@cache
def _markup_commands() -> tuple[dict[str, str], frozenset[str]]:
    """command -> markup, and the commands that are declarations ({\\em ...}) rather than \\cmd{...}."""
    commands = {row[0]: row[1] for row in tsv_rows("latex-markup.tsv")}
    declarations = frozenset(row[0] for row in tsv_rows("latex-markup.tsv")
                             if len(row) > 2 and row[2].startswith("declaration"))
    return commands, declarations


@cache
def _character_macros() -> dict[str, str]:
    """Macros that stand for characters (\\ss, \\o, \\&, \\alpha...), from pylatexenc's own table."""
    from pylatexenc import latex2text

    table: dict[str, str] = {}
    for spec in latex2text.get_default_latex_context_db().iter_macro_specs():
        replacement = getattr(spec, "simplify_repl", None)
        if (isinstance(replacement, str) and "%s" not in replacement and "%(" not in replacement
                and not replacement.startswith("<") and spec.macroname != "today"):
            table.setdefault(spec.macroname, replacement)
    table.update({"textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\", "i": "ı",
                  "%": "%", "textquotesingle": "'", "textless": "<", "textgreater": ">", "textbar": "|",
                  "TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2ε"})
    return table


def needs_decoding(value: str) -> bool:
    return _NEEDS_DECODING.search(value) is not None


def is_balanced(value: str) -> bool:
    """Whether the braces of a value balance (escaped \\{ and \\} not counted)."""
    depth = 0
    for match in re.finditer(r"\\.|[{}]", value):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def to_unicode(value: str, *, title: bool = False) -> str:
    """Decode LaTeX in one value; in titles, top-level {Braces} become CSL nocase spans."""
    return _decode_title(value) if title else _decode_text(value)


@lru_cache(maxsize=1 << 16)
def _decode_text(value: str) -> str:
    return _decode(value, False)


@lru_cache(maxsize=1 << 16)
def _decode_title(value: str) -> str:
    return _decode(value, True)


def _decode(value: str, title: bool) -> str:
    if not _NEEDS_DECODING.search(value):
        return value
    try:
        return _SPACES.sub(" ", _Decoder(value, title).run()).strip()
    except RecursionError:
        # Groups nested hundreds deep are hostile input, not LaTeX: keep the text, drop the braces.
        return _SPACES.sub(" ", value.replace("{", "").replace("}", "")).strip()


class _Decoder:
    """One pass over a value: plain runs are copied, commands, groups and ligatures translated."""

    def __init__(self, text: str, title: bool) -> None:
        self.text = text
        self.title = title
        self.pos = 0

    def run(self) -> str:
        # Accents are composed where a command makes them (_accent); the text around them is kept as
        # written, as in a value that needs no decoding, so that a round trip changes no character.
        return self.sequence(0, False, False)

    def sequence(self, depth: int, in_group: bool, math: bool) -> str:
        """Text up to the end, or up to and including the `}` closing the current group."""
        text, out = self.text, []
        end = len(text)
        special = _SPECIAL_MATH if math else _SPECIAL
        while self.pos < end:
            match = special.search(text, self.pos)
            if match is None:
                out.append(text[self.pos:])
                self.pos = end
                break
            start = match.start()
            if start > self.pos:
                out.append(text[self.pos:start])
            char = text[start]
            self.pos = start + 1
            if char == "\\":
                name = self._command_name()
                commands, declarations = _markup_commands()
                if name in declarations:
                    opening, closing = MARKUP[commands[name]]
                    out.append(opening + self.sequence(depth, in_group, math) + closing)
                    return "".join(out)
                out.append(self.command(name, depth, math))
            elif char == "{":
                out.append(self.group(depth, math))
            elif char == "}":
                if in_group:
                    return "".join(out)
                # a stray closing brace: dropped (the reader reports unbalanced values)
            elif char == "$":
                out.append(self.math())
            elif char == "~":
                out.append(NBSP)
            elif char == "-":
                run = 1
                while text.startswith("-", self.pos):
                    run += 1
                    self.pos += 1
                out.append("—" * (run // 3) + "–" * (run % 3 // 2) + "-" * (run % 3 % 2))
            elif char in "`'":
                if text.startswith(char, self.pos):
                    self.pos += 1
                    out.append("“" if char == "`" else "”")
                else:
                    out.append(char)
            elif math and char in "^_":
                tag = "sup" if char == "^" else "sub"
                out.append(f"<{tag}>{self.argument(depth, math)}</{tag}>")
            else:
                out.append(char)
        return "".join(out)

    def group(self, depth: int, math: bool) -> str:
        # {\'E}, {\ss}: a special character, not protected case; {\em X}, {\textit{X}} protect X
        special = False
        if self.text.startswith("\\", self.pos):
            word = _LETTERS.match(self.text, self.pos + 1)
            special = word is None or word.group(0) not in _markup_commands()[0]
        content = self.sequence(depth + 1, True, math)
        if self.title and depth == 0 and content and not special and not math:
            return f"{NOCASE_OPEN}{content}</span>"
        return content

    def _command_name(self) -> str:
        text = self.text
        if self.pos >= len(text):
            return "\\"
        match = _LETTERS.match(text, self.pos)
        if match:
            self.pos = match.end()
            if text.startswith("*", self.pos):
                self.pos += 1  # a starred variant (\enquote*{...}) reads as the command itself
            while self.pos < len(text) and text[self.pos] in " \t\n":
                self.pos += 1  # TeX skips spaces after a control word
            return match.group(0)
        self.pos += 1
        return text[self.pos - 1]

    def argument(self, depth: int, math: bool) -> str:
        """One argument: a {group} (decoded, never a nocase span), a command, or one character."""
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\n":
            self.pos += 1
        if self.pos >= len(text):
            return ""
        char = text[self.pos]
        self.pos += 1
        if char == "{":
            return self.sequence(depth + 1, True, math)
        if char == "\\":
            name = self._command_name()
            return name if name in ("i", "j") else self.command(name, depth + 1, math)
        return char

    def _verbatim_argument(self) -> str:
        text = self.text
        if not text.startswith("{", self.pos):
            return ""
        level, start = 0, self.pos
        for index in range(self.pos, len(text)):
            if text[index] == "{":
                level += 1
            elif text[index] == "}":
                level -= 1
                if level == 0:
                    self.pos = index + 1
                    return text[start + 1:index]
        self.pos = len(text)
        return text[start + 1:]

    def command(self, name: str, depth: int, math: bool) -> str:
        accents = _accents()
        if name in accents and not (math and name in "^_"):
            base = self.argument(depth, math)
            if not base:
                return ""
            if base[0] in "ıȷ":  # \'{\i}: the accent goes on a plain i
                base = ("i" if base[0] == "ı" else "j") + base[1:]
            return unicodedata.normalize("NFC", base[0] + accents[name] + base[1:])
        commands, _ = _markup_commands()
        if name in commands:
            opening, closing = MARKUP[commands[name]]
            if not self.text.startswith("{", self.pos):
                return ""
            self.pos += 1
            return opening + self.sequence(depth, True, math) + closing
        if name in _VERBATIM:
            return self._verbatim_argument()
        if name == "href":
            self._verbatim_argument()
            return self.argument(depth, math)
        if name in _SILENT:
            return _SILENT[name]
        if name in _DROPPED:
            self._verbatim_argument()
            return ""
        characters = _character_macros()
        if name in characters:
            if self.text.startswith("{}", self.pos):
                self.pos += 2
            return characters[name]
        # An unknown command: drop its name, keep its braced arguments' text.
        parts = []
        while self.text.startswith("{", self.pos):
            self.pos += 1
            parts.append(self.sequence(depth + 1, True, math))
        return "".join(parts)

    def math(self) -> str:
        text = self.text
        display = text.startswith("$", self.pos)
        if display:
            self.pos += 1
        end = self.pos
        while True:
            end = text.find("$", end)
            if end < 0:
                end = len(text)
                break
            if text[end - 1] != "\\":
                break
            end += 1
        inner = _Decoder(text[self.pos:end], False)
        result = inner.sequence(1, False, True)
        self.pos = min(len(text), end + (2 if display else 1))
        return result


# --- writing -------------------------------------------------------------------------------------

_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%",
            "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
            NBSP: "~", "–": "--", "—": "---", "\u2009": r"\,"}
_TO_ESCAPE = re.compile(r"(?P<dash>[–—](?=[-–—]))|-(?=[-–—])|``|''|[\\{}$&%#_~^\u00a0\u2009–—]")
_TAG = re.compile(r'<(/?)(i|b|sup|sub)>|<span class="nocase">|<span style="font-variant:small-caps;">|</span>')
_OPEN_COMMAND = {"i": r"\textit{", "b": r"\textbf{", "sup": r"\textsuperscript{", "sub": r"\textsubscript{",
                 "sc": r"\textsc{", "nocase": "{"}


@lru_cache(maxsize=4096)
def _ascii_command(char: str) -> str:
    from pylatexenc.latexencode import unicode_to_latex

    encoded = unicode_to_latex(char, non_ascii_only=True, unknown_char_policy="keep",
                               unknown_char_warning=False)
    encoded = encoded.strip()
    encoded = encoded if encoded == char or encoded.startswith("{") else "{" + encoded + "}"
    # pylatexenc approximates some letters (Ħ as \=H): keep those as they are rather than change them
    return encoded if to_unicode(encoded, title=True) == unicodedata.normalize("NFC", char) else char


def _escape_text(text: str, ascii_only: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if match.group("dash"):
            return r"\textendash{}" if token == "–" else r"\textemdash{}"
        if token in ("``", "''"):
            return token[0] + "{}" + token[1]
        if token == "-":
            return "-{}"
        return _ESCAPES[token]

    text = _TO_ESCAPE.sub(replace, text)
    if ascii_only and not text.isascii():
        text = "".join(ch if ch.isascii() else _ascii_command(ch) for ch in unicodedata.normalize("NFC", text))
    return text


def _markup_spans(text: str) -> list[tuple[str, str]] | None:
    """The text split into ("tag", name) / ("text", chunk) pieces, or None if tags do not nest."""
    pieces: list[tuple[str, str]] = []
    stack: list[str] = []
    position = 0
    for match in _TAG.finditer(text):
        if match.start() > position:
            pieces.append(("text", text[position:match.start()]))
        token = match.group(0)
        if token == "</span>" or match.group(1):
            expected = "span" if token == "</span>" else match.group(2)
            if not stack or (stack[-1] in ("nocase", "sc")) != (expected == "span") or (
                    expected != "span" and stack[-1] != expected):
                return None
            stack.pop()
            pieces.append(("close", ""))
        else:
            name = match.group(2) or ("nocase" if "nocase" in token else "sc")
            stack.append(name)
            pieces.append(("open", name))
        position = match.end()
    if stack:
        return None
    if position < len(text):
        pieces.append(("text", text[position:]))
    return pieces


def to_latex(text: str, *, ascii: bool = False) -> str:
    """Unicode with CSL markup as LaTeX; `ascii` writes every non-ASCII character as a command."""
    if "<" in text:
        pieces = _markup_spans(text)
        if pieces is not None:
            out = []
            for kind, value in pieces:
                if kind == "text":
                    out.append(_escape_text(value, ascii))
                elif kind == "open":
                    out.append(_OPEN_COMMAND[value])
                else:
                    out.append("}")
            return "".join(out)
    return _escape_text(text, ascii)


def markup_balanced(text: str) -> bool:
    """Whether the CSL markup tags of a text nest properly."""
    return "<" not in text or _markup_spans(text) is not None


def strip_markup(text: str) -> str:
    """Text without CSL rich-text tags (for keys and comparisons)."""
    return _TAG.sub("", text)
