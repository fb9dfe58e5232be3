"""`bibconv render`: notes and bibliographies in a CSL style."""
from __future__ import annotations

from typing import Annotated

import typer

from converter.cli.app import app, emit, fail, finish, load
from converter.config import load_config
from converter.render.notes import FORMATS, render_bibliography, render_notes
from converter.render.styles import StyleNotFoundError
from converter.report import ExitCode, Report


def layout(notes: list[tuple[str, str]], bibliography: list[str], fmt: str) -> str:
    """Text and Markdown: one line per note, `N. note`, then a blank line and the bibliography.
    HTML: an ordered list of notes and a div of entries."""
    if fmt == "html":
        parts = []
        if notes:
            parts.append('<ol class="notes">\n' + "".join(
                f'  <li value="{number}">{text}</li>\n' if number.isdigit() else f"  <li>{text}</li>\n"
                for number, text in notes) + "</ol>\n")
        if bibliography:
            parts.append('<div class="csl-bib-body">\n' + "".join(
                f'  <div class="csl-entry">{entry}</div>\n' for entry in bibliography) + "</div>\n")
        return "\n".join(parts)
    lines = [f"{number}. {' '.join(text.split())}" for number, text in notes]
    if bibliography:
        if lines:
            lines.append("")
        lines += [" ".join(entry.split()) for entry in bibliography]
    return "\n".join(lines) + "\n" if lines else ""


@app.command(epilog="Example: bibconv render notes.json --style chicago --notes --bibliography")
def render(
    inputs: Annotated[list[str], typer.Argument(help="Input files (anything convert reads); - is stdin.")],
    style: Annotated[str | None, typer.Option("--style", "-s", help="CSL style: a name in styles/, an alias "
                                              "(chicago, apa, mla...), a CSL repository name or a .csl path.")] = None,
    notes: Annotated[bool, typer.Option("--notes", help="Re-render every note in order.")] = False,
    bibliography: Annotated[bool, typer.Option("--bibliography", help="Render the sorted bibliography.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text, html or markdown.")] = "text",
    locale: Annotated[str | None, typer.Option("--locale", "-l", help="CSL locale, e.g. en-US, it-IT.")] = None,
    from_: Annotated[str | None, typer.Option("--from", "-f", help="Input format (default: detected).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Output file; - or none for stdout.")] = None,
) -> None:
    """Render notes (first, short, ibid.) and a bibliography in a CSL style.

    Without --notes or --bibliography: the notes when the input has notes, else the bibliography.
    """
    report = Report()
    if fmt not in FORMATS:
        raise fail(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
    config = load_config(report)
    style = style or config.style
    locale = locale or config.locale
    document = load(inputs, from_, report)
    if not notes and not bibliography:
        notes, bibliography = (True, False) if document.notes else (False, True)
    try:
        rendered_notes = render_notes(document, style=style, locale=locale, fmt=fmt, report=report) if notes else []
        entries = render_bibliography(document, style=style, locale=locale, fmt=fmt, report=report) \
            if bibliography else []
    except StyleNotFoundError as error:
        report.add("style-not-found", str(error))
        finish(report, ExitCode.BAD_INPUT)
        return
    numbered = [(note.number, text) for note, text in zip(document.notes, rendered_notes, strict=True)] \
        if notes else []
    emit(layout(numbered, entries, fmt), output)
    finish(report)
