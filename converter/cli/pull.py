"""`bibconv pull`: a Zotero group (or one collection) in any writable format."""
from __future__ import annotations

from typing import Annotated

import typer

from converter.cli.app import app, emit, finish, output_format
from converter.cli.push import EndpointOption, GroupOption, KeyFileOption, connect
from converter.pipeline import write_text
from converter.report import ExitCode, Report
from converter.zotero.client import ZoteroError
from converter.zotero.sync import pull as pull_items


@app.command(epilog="Example: bibconv pull --group 1234567 --collection 'Dundovich 2020' -t bibtex -o refs.bib")
def pull(
    to: Annotated[str, typer.Option("--to", "-t", help="Output format.")],
    group: GroupOption = None,
    collection: Annotated[str | None, typer.Option("--collection", help="Only this collection.")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Output file; - or none for stdout.")] = None,
    endpoint: EndpointOption = None,
    api_key_file: KeyFileOption = None,
) -> None:
    """Pull the items of a Zotero group through the mapping back to CSL, then write them."""
    report = Report()
    target = output_format(to)
    client = connect(group, endpoint, api_key_file, report, need_key=False)
    try:
        document = pull_items(client, collection=collection, report=report, with_notes=target == "notes-json")
    except ZoteroError as error:
        report.add(error.code, str(error))
        finish(report, ExitCode.ZOTERO)
    finally:
        client.close()
    emit(write_text(document, target, report=report), output)
    finish(report)

