"""bibtexparser v2's Splitter with a fast path for well-formed `{`-delimited entries.

bibtexparser walks an entry mark by mark (`{`, `}`, `"`, `,`, `=`, newline) in Python, about six
marks a field; that walk was two thirds of reading a .bib file. Here one regular expression per
field finds the same `=` and the same closing `,`/`}` the walk would find, and the entry is built
exactly as bibtexparser builds it (same key, values, raw text, start lines, duplicate-field block).

The fast path only takes what it can prove the walk reads the same way: braces nested at most
`_DEPTH` deep, no unbalanced quote, no `{"}` inside quotes, no line that starts (after spaces) with
`@` inside the entry (the walk may abort there), no `\\` in keys. Anything else, and every
`(`-delimited entry, goes to bibtexparser's own code from the same state, so every recovery and
error message stays bibtexparser's. tests/test_bibsplit.py compares both splitters block by block.
"""
from __future__ import annotations

import re

from bibtexparser import model as bp
from bibtexparser import splitter as bp_splitter

# A newline is allowed only when no `@` starts the next line (after white space that is not a
# newline: the last newline before such an `@` catches it, and no look-ahead runs past the next one).
# A backslash run and the one character after it: that character is never a mark (the splitter's
# marks are `(?<!\\)[...]`). Runs of plain characters and possessive repeats (Python 3.11): the
# alternatives never overlap, so nothing is lost by never backtracking, and a value is matched run by
# run, not character by character.
_NEWLINE = r"\n(?![^\S\n]*@)"
_ESCAPED = r"\\++(?:[^\\\n]|" + _NEWLINE + ")"
_IN_BRACES = r"[^{}\\\n]++|" + _ESCAPED + "|" + _NEWLINE
_DEPTH = 6


def _braces(depth: int) -> str:
    inner = _IN_BRACES if depth == 1 else _IN_BRACES + "|" + _braces(depth - 1)
    return r"\{(?:" + inner + r")*+\}"


# In quotes, braces are not counted; a `"` right after `{` may be bibtexparser's `{"}` escape.
_QUOTED = r'"(?:[^"\\\n]++|' + _ESCAPED + "|" + _NEWLINE + r')*+(?<!\{)"'
# Outside braces and quotes: anything but a mark or `@`, brace groups, quoted strings.
_VALUE = r'(?:[^{}",\\\n@]++|' + _braces(_DEPTH) + "|" + _QUOTED + "|" + _ESCAPED + "|" + _NEWLINE + ")*+"
# Text between marks where a key stands: no mark but newlines, no backslash, no `@`.
_KEY = r'(?:[^{}",=\\\n@]++|' + _NEWLINE + ")*+"

_HEAD = re.compile(r"\{(" + _KEY + "),")
_FIELD = re.compile("(" + _KEY + ")=(" + _VALUE + ")([,}])")
_END = re.compile(r"\s*\}")


class Splitter(bp_splitter.Splitter):
    """bibtexparser's Splitter, reading the common entry in one pass of regular expressions."""

    def __init__(self, bibstr: str) -> None:
        super().__init__(bibstr)
        # The splitter counts no newline right after a backslash. Where the next such newline is
        # (its backslash, at or after where counting goes on): counts that end before it need no
        # correction, which is nearly all of them.
        self._next_escaped_newline = -1

    def _lines(self, start: int, end: int) -> int:
        """Newlines the splitter counts in bibstr[start:end] (start only grows from call to call)."""
        count = self.bibstr.count("\n", start, end)
        if count and self._next_escaped_newline < end:
            count -= self.bibstr.count("\\\n", max(start - 1, 0), end)
            found = self.bibstr.find("\\\n", max(end - 1, 0))
            self._next_escaped_newline = len(self.bibstr) if found < 0 else found
        return count

    def _handle_entry(self, m, m_val):
        if self._closing_delimiter != "}" or self._unaccepted_mark is not None:
            return super()._handle_entry(m, m_val)
        text = self.bibstr
        head = _HEAD.match(text, m.end())
        if head is None:
            return super()._handle_entry(m, m_val)
        line = start_line = self._current_line
        position = m.start()
        fields, keys, duplicates = [], set(), set()
        field_match, new_field, lines, count = _FIELD.match, bp.Field, self._lines, text.count
        next_escaped = self._next_escaped_newline
        cursor = head.end()
        while True:
            found = field_match(text, cursor)
            if found is None:
                end = _END.match(text, cursor)
                if end is None:
                    return super()._handle_entry(m, m_val)
                close = end.end() - 1
                break
            key, value, delimiter = found.groups()
            equals = found.end(1)
            newlines = count("\n", position, equals)
            if newlines and next_escaped < equals:  # a backslash-newline may be in range
                newlines = lines(position, equals)
                next_escaped = self._next_escaped_newline
            line += newlines
            position = equals
            key = key.strip()
            if key in keys:
                duplicates.add(key)
            keys.add(key)
            fields.append(new_field(start_line=line, key=key, value=value.strip()))
            cursor = found.end()
            if delimiter == "}":
                close = cursor - 1
                break
        self._current_line = line + lines(position, close)
        self._current_char_index = close
        self._markiter = bp_splitter._MARK_PATTERN.finditer(text, close + 1)
        entry = bp.Entry(start_line=start_line, entry_type=m_val[1:].strip(), key=head.group(1).strip(),
                         fields=fields, raw=text[m.start():close + 1])
        return bp.DuplicateFieldKeyBlock(duplicate_keys=duplicates, entry=entry) if duplicates else entry
