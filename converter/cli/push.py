"""`bibconv push`: put converted items, their footnotes and a collection into a Zotero group."""
from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Annotated

import typer

from converter.cli.app import app, config, fail, finish, load, say
from converter.config import register_secret
from converter.model import Document
from converter.report import ExitCode, Report
from converter.zotero import state as cache
from converter.zotero.client import GroupClient, ZoteroError
from converter.zotero.objects import desired
from converter.zotero.sync import push as push_documents

DEFAULT_ENDPOINT = "https://api.zotero.org"
GroupOption = Annotated[str | None, typer.Option("--group", "-g", help="Zotero group id (default: the config's).")]
EndpointOption = Annotated[str | None, typer.Option(
    "--endpoint", help="Zotero API URL (default: $ZOTERO_API_URL, else https://api.zotero.org).")]
KeyFileOption = Annotated[Path | None, typer.Option(
    "--api-key-file", help="File holding the API key (default: $ZOTERO_API_KEY).")]
StateOption = Annotated[Path | None, typer.Option(
    "--state-file", help="Cache of the library's versions (default: under ~/.cache/bibconv).")]


@app.command(epilog="Example: ZOTERO_API_KEY=... bibconv push notes.notes.json --group 1234567")
def push(
    inputs: Annotated[list[str], typer.Argument(help="Input files (any format convert reads).")],
    group: GroupOption = None,
    collection: Annotated[str | None, typer.Option(
        "--collection", help="Collection for every input (default: one per input, named after it).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan; write nothing.")] = False,
    endpoint: EndpointOption = None,
    api_key_file: KeyFileOption = None,
    from_: Annotated[str | None, typer.Option("--from", "-f", help="Input format (default: detected).")] = None,
    state_file: StateOption = None,
) -> None:
    """Push items to a Zotero group: idempotent, so pushing the same input again writes nothing."""
    report = Report()
    client = connect(group, endpoint, api_key_file, report, need_key=True)
    documents = []
    for path in inputs:
        document = load([path], from_, report)
        documents.append(desired(document, collection or collection_name(document, path), report=report))
    state_path = state_file or cache.state_path(client.endpoint, client.group_id)
    try:
        summary = push_documents(documents, client, state_path, report=report, dry_run=dry_run)
    except ZoteroError as error:
        if error.partial is not None:  # what landed before the failure
            for line in error.partial.lines():
                say(line)
        report.add(error.code, str(error))
        finish(report, ExitCode.ZOTERO)
    finally:
        client.close()
    for line in summary.lines():
        say(line)
    finish(report)


def collection_name(document: Document, path: str) -> str:
    """A source document's collection: its title when the input says what it is, else the file's name."""
    if document.source is not None and document.source.csl.get("title"):
        return str(document.source.csl["title"])
    return "stdin" if path == "-" else PurePath(path).name.split(".")[0]


def connect(group: str | None, endpoint: str | None, api_key_file: Path | None, report: Report, *,
            need_key: bool) -> GroupClient:
    """A client for the group, with the key from $ZOTERO_API_KEY, --api-key-file or the config."""
    settings_ = config(report)
    group = group or settings_.group
    if not group or not str(group).isdigit():
        raise fail("give the group id with --group (a number), or set group in the config")
    key = None
    if api_key_file is not None:
        try:
            key = api_key_file.read_text("utf-8").strip()
        except OSError as error:
            raise fail(f"{api_key_file}: cannot read the API key file: {error.strerror or error}") from None
    key = key or os.environ.get("ZOTERO_API_KEY") or settings_.api_key
    register_secret(key)
    if need_key and not key:
        raise fail("no Zotero API key: set ZOTERO_API_KEY or give --api-key-file")
    url = endpoint or os.environ.get("ZOTERO_API_URL") or settings_.endpoint or DEFAULT_ENDPOINT
    return GroupClient(int(group), key or "", url)
