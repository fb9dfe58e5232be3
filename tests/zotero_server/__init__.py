"""A local Zotero Web API v3-compatible server for tests, benches and `make demo`.

    with ZoteroTestServer(group_id=4711, keys=[ApiKey("k" * 24, groups={4711: True})]) as server:
        ...  # pyzotero talks to server.url; server.library, server.faults, server.requests
"""
from tests.zotero_server.app import ApiKey, ZoteroApp
from tests.zotero_server.faults import Fault, Faults
from tests.zotero_server.runner import ZoteroTestServer
from tests.zotero_server.store import Library

__all__ = ["ApiKey", "Fault", "Faults", "Library", "ZoteroApp", "ZoteroTestServer"]
