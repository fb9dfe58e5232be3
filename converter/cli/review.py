"""`bibconv review`: one HTML page showing what the parser read in every note, to check by eye."""
from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

import typer

from converter.cli.app import app, config, emit, finish, load, say, settings
from converter.notes.pipeline import PIPELINE, parse
from converter.report import Report
from converter.review import build_page
from converter.review.flags import note_views


@app.command(epilog="Example: bibconv review chapter-notes.txt -o review.html  (then open review.html)")
def review(
    inputs: Annotated[list[str], typer.Argument(help="Notes files (text, Markdown, .docx, notes-json); "
                                                "- reads stdin.")],
    output: Annotated[str, typer.Option("--output", "-o", help="The page to write; - for stdout.")] = "review.html",
    from_: Annotated[str | None, typer.Option("--from", "-f", help="Input format (default: detected).")] = None,
    style: Annotated[str | None, typer.Option("--style", "-s", help="CSL style of the re-rendered column "
                                              "(default: the config's, else chicago).")] = None,
    locale: Annotated[str | None, typer.Option("--locale", "-l", help="Locale of the re-rendered column.")] = None,
) -> None:
    """Write a self-contained review page: each note with its recognised fields highlighted, the item
    each citation resolved to, confidence, and the note re-rendered beside the original."""
    report = Report()
    settings_ = config(report)
    document = load(inputs, from_, report)
    # Notes read from text arrive with number and text only; notes-json arrives parsed.
    if document.notes and PIPELINE and not any(note.citations for note in document.notes):
        document = parse(document, report)
    title = ", ".join(PurePath(path).name if path != "-" else "standard input" for path in inputs)
    page = build_page(document, report, title=title, style=style or settings_.style,
                      locale=locale or settings_.locale)
    emit(page, output)
    if output != "-" and not settings.quiet:
        views = note_views(document, report)
        say(f"bibconv: wrote {output}: {len(views)} notes, {sum(v.low_confidence for v in views)} low "
            f"confidence, {sum(v.unresolved for v in views)} unresolved")
    finish(report)
