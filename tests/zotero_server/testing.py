"""Fixtures and helpers shared by the Zotero tests: a running server, the seed gold, one push."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.model import Document, Origin
from converter.readers import notesjson
from converter.report import Report
from converter.zotero.client import GroupClient
from converter.zotero.objects import desired
from converter.zotero.sync import push
from tests.zotero_server import ApiKey, ZoteroTestServer

GROUP = 4711
KEY = "Pu5hKeyQ7xT3mZ9bW2vL8nR4"
READ_KEY = "Re4dOnlyKeyZ8qW3eR5tY7uI"
GOLD = Path(__file__).resolve().parents[2] / "fixtures" / "seed" / "dundovich-2020.gold.json"
COLLECTION = "Dundovich 2020"


@pytest.fixture
def server():
    keys = [ApiKey(KEY, groups={GROUP: True}), ApiKey(READ_KEY, groups={GROUP: False})]
    with ZoteroTestServer(group_id=GROUP, keys=keys) as running:
        yield running


@pytest.fixture
def gold() -> Document:
    return notesjson.read(GOLD.read_text("utf-8"), origin=Origin(GOLD.name), report=Report())


def run_push(server, document, state_file, *, key=KEY, report=None, **options):
    """One push; its summary and the HTTP requests the server saw during it."""
    before = len(server.requests)
    report = report if report is not None else Report()
    client = GroupClient(GROUP, key, server.url, **options)
    try:
        summary = push([desired(document, COLLECTION, report=report)], client, state_file, report=report)
    finally:
        client.close()
    return summary, server.requests[before:]


def notes_of(server):
    return [i for i in server.library.items.values() if i["itemType"] == "note"]
