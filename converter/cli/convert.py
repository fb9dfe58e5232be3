"""`bibconv convert`: any readable format in, any writable format out."""
from __future__ import annotations

from typing import Annotated

import typer

from converter.cli.app import app, emit, finish, load, output_format
from converter.pipeline import write_text
from converter.report import Report


@app.command(epilog="Example: bibconv convert refs.bib -t csljson -o refs.json")
def convert(
    inputs: Annotated[list[str], typer.Argument(help="Input files; - reads standard input.")],
    to: Annotated[str, typer.Option("--to", "-t", help="Output format.")],
    from_: Annotated[str | None, typer.Option("--from", "-f", help="Input format (default: detected).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Output file; - or none for stdout.")] = None,
    ascii_only: Annotated[bool, typer.Option("--ascii", help="7-bit output (BibTeX: LaTeX escapes).")] = False,
) -> None:
    """Convert bibliographies and notes between formats; several inputs are merged."""
    report = Report()
    target = output_format(to)
    document = load(inputs, from_, report)
    emit(write_text(document, target, report=report, ascii=ascii_only), output)
    finish(report)
