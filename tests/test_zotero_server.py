"""The test server behaves as the Zotero Web API v3 documents, as seen through the real pyzotero."""
from __future__ import annotations

import httpx
import pytest
from pyzotero import zotero, zotero_errors

from tests.zotero_server import ApiKey, ZoteroTestServer

GROUP = 4711
KEY = "Wr1teKey0123456789abcdef"
READ_KEY = "Re4dKey0123456789abcdefg"


@pytest.fixture
def server():
    keys = [ApiKey(KEY, groups={GROUP: True}), ApiKey(READ_KEY, groups={GROUP: False})]
    with ZoteroTestServer(group_id=GROUP, keys=keys) as running:
        yield running


def client(server: ZoteroTestServer, key: str = KEY) -> zotero.Zotero:
    zot = zotero.Zotero(GROUP, "group", key)
    zot.endpoint = server.url
    return zot


def post(server: ZoteroTestServer, objects, key: str = KEY, headers=None, kind: str = "items") -> httpx.Response:
    return httpx.post(f"{server.url}/groups/{GROUP}/{kind}", json=objects,
                      headers={"Zotero-API-Key": key, **(headers or {})})


def book(title: str, **fields):
    return {"itemType": "book", "title": title, "creators": [{"creatorType": "author", "lastName": "Pons",
                                                              "firstName": "Silvio"}], **fields}


def test_auth_by_bearer_and_by_header_and_the_two_403s(server):
    assert client(server).items() == []  # pyzotero sends Authorization: Bearer
    assert httpx.get(f"{server.url}/groups/{GROUP}/items", headers={"Zotero-API-Key": KEY}).status_code == 200
    bad = httpx.get(f"{server.url}/groups/{GROUP}/items", headers={"Zotero-API-Key": "nope" * 6})
    assert (bad.status_code, bad.text) == (403, "Invalid key")
    with pytest.raises(zotero_errors.UserNotAuthorisedError):
        client(server, "x" * 24).items()
    denied = post(server, [book("A")], key=READ_KEY)
    assert (denied.status_code, denied.text) == (403, "Write access denied")
    assert server.library.items == {}


def test_keys_current_lists_group_access(server):
    data = httpx.get(f"{server.url}/keys/current", headers={"Authorization": f"Bearer {READ_KEY}"}).json()
    assert data["access"]["groups"][str(GROUP)] == {"library": True, "write": False}


def test_every_write_bumps_the_library_version(server):
    zot = client(server)
    first = zot.create_items([book("A")])
    assert list(first["success"]) == ["0"] and first["failed"] == {} and first["unchanged"] == {}
    assert first["successful"]["0"]["version"] == 1
    assert zot.request.headers["Last-Modified-Version"] == "1"
    zot.create_items([book("B"), book("C")])
    assert zot.last_modified_version() == 2
    assert sorted(zot.item_versions().values()) == [1, 2, 2]
    assert list(zot.item_versions(since=1).values()) == [2, 2]


def test_version_zero_creates_with_the_clients_key_and_then_412s(server):
    created = post(server, [{**book("A"), "key": "ABCD2345", "version": 0}]).json()
    assert created["success"] == {"0": "ABCD2345"}
    again = post(server, [{**book("A"), "key": "ABCD2345", "version": 0}]).json()
    assert again["failed"]["0"]["code"] == 412 and again["success"] == {}
    assert len(server.library.items) == 1


def test_per_object_versions_412_and_428(server):
    post(server, [{**book("A"), "key": "ABCD2345", "version": 0}, {**book("B"), "key": "BCDE3456", "version": 0}])
    result = post(server, [{"key": "ABCD2345", "version": 1, "title": "A2"},
                           {"key": "BCDE3456", "version": 7, "title": "B2"},
                           {"key": "BCDE3456", "title": "B3"}]).json()
    assert result["success"] == {"0": "ABCD2345"}
    assert result["failed"]["1"]["code"] == 412 and result["failed"]["2"]["code"] == 428
    assert server.library.items["ABCD2345"]["title"] == "A2"  # PATCH semantics: creators kept
    assert server.library.items["ABCD2345"]["creators"][0]["lastName"] == "Pons"
    assert server.library.items["BCDE3456"]["title"] == "B"


def test_unchanged_objects_do_not_bump_the_version(server):
    post(server, [{**book("A"), "key": "ABCD2345", "version": 0}])
    result = post(server, [{"key": "ABCD2345", "version": 1, "title": "A"}])
    assert result.json()["unchanged"] == {"0": "ABCD2345"} and result.headers["Last-Modified-Version"] == "1"


def test_library_precondition_412(server):
    post(server, [book("A")])
    stale = post(server, [book("B")], headers={"If-Unmodified-Since-Version": "0"})
    assert stale.status_code == 412
    fresh = post(server, [book("B")], headers={"If-Unmodified-Since-Version": "1"})
    assert fresh.status_code == 200 and fresh.json()["success"]


def test_more_than_50_objects_is_413(server):
    assert post(server, [book(f"T{i}") for i in range(51)]).status_code == 413
    with pytest.raises(zotero_errors.TooManyItemsError):
        client(server).create_items([book(f"T{i}") for i in range(51)])  # pyzotero checks too
    assert post(server, [book(f"T{i}") for i in range(50)]).status_code == 200


def test_write_token_reuse_is_412(server):
    headers = {"Zotero-Write-Token": "a" * 32}
    assert post(server, [book("A")], headers=headers).status_code == 200
    assert post(server, [book("A")], headers=headers).status_code == 412
    assert len(server.library.items) == 1


def test_schema_validation_fails_objects_not_requests(server):
    result = post(server, [book("ok"), book("bad", publicationTitle="J"),
                           {"itemType": "letter", "title": "L",
                            "creators": [{"creatorType": "editor", "lastName": "X"}]},
                           {"itemType": "letter", "title": "L",
                            "creators": [{"creatorType": "recipient", "lastName": "X"}]}]).json()
    assert sorted(result["success"]) == ["0", "3"]
    assert result["failed"]["1"]["code"] == 400 and "publicationTitle" in result["failed"]["1"]["message"]
    assert result["failed"]["2"]["code"] == 400 and "editor" in result["failed"]["2"]["message"]


def test_child_notes_and_collections(server):
    collection = post(server, [{"name": "Dundovich 2020", "key": "CCCC2222", "version": 0}],
                      kind="collections").json()
    assert collection["success"] == {"0": "CCCC2222"}
    result = post(server, [{**book("A"), "key": "ABCD2345", "version": 0, "collections": ["CCCC2222"]},
                           {"itemType": "note", "note": "<p>n. 1</p>", "parentItem": "ABCD2345",
                            "key": "NNNN2345", "version": 0},
                           {"itemType": "note", "note": "x", "parentItem": "ZZZZ9999"},
                           {"itemType": "note", "note": "x", "parentItem": "ABCD2345",
                            "collections": ["CCCC2222"]}]).json()
    assert sorted(result["success"]) == ["0", "1"] and sorted(result["failed"]) == ["2", "3"]
    zot = client(server)
    assert [c["data"]["key"] for c in zot.children("ABCD2345")] == ["NNNN2345"]
    assert [i["key"] for i in zot.collection_items("CCCC2222")] == ["ABCD2345"]
    assert zot.collections()[0]["meta"]["numItems"] == 1


def test_paging_total_results_and_link_headers(server):
    for start in range(0, 60, 30):
        post(server, [book(f"T{i}") for i in range(start, start + 30)])
    zot = client(server)
    page = zot.items(limit=25)
    assert len(page) == 25 and zot.request.headers["Total-Results"] == "60"
    assert 'rel="next"' in zot.request.headers["Link"] and 'rel="last"' in zot.request.headers["Link"]
    everything = zot.everything(zot.items(limit=25))  # pyzotero follows Link: rel="next"
    assert len({i["key"] for i in everything}) == 60
    assert zot.count_items() == 60


def test_json_by_default_and_type_routes(server):
    response = httpx.get(f"{server.url}/groups/{GROUP}/items", headers={"Zotero-API-Key": KEY})
    assert response.headers["Content-Type"].startswith("application/json")
    zot = client(server)
    assert {"field": "archiveLocation", "localized": "archiveLocation"} in zot.item_fields()
    template = zot.item_template("letter")
    assert template["itemType"] == "letter" and "letterType" in template
    assert httpx.get(f"{server.url}/schema").json()["version"] == 41
    assert httpx.get(f"{server.url}/items/new", params={"itemType": "nonsense"}).status_code == 400


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pyzotero posts with data=
def test_pyzotero_loses_writes_on_429_which_is_why_bibconv_avoids_those_paths(server):
    zot = client(server)
    server.faults.add("rate-limit", seconds=0)
    with pytest.raises(ValueError):  # create_items parses the 429's plain-text body as JSON
        zot.create_items([book("A")])
    post(server, [{**book("A"), "key": "ABCD2345", "version": 0}])
    item = zot.item("ABCD2345")["data"]
    server.faults.add("rate-limit", seconds=0)
    assert zot.update_items([{**item, "title": "A2"}]) is True  # ... and update_items says True
    assert server.library.items["ABCD2345"]["title"] == "A"  # though nothing was written


def test_deletes_need_a_version_and_are_listed_since(server):
    post(server, [{**book("A"), "key": "ABCD2345", "version": 0}])
    post(server, [{"itemType": "note", "note": "n", "parentItem": "ABCD2345", "key": "NNNN2345", "version": 0}])
    url = f"{server.url}/groups/{GROUP}/items"
    headers = {"Zotero-API-Key": KEY}
    assert httpx.delete(url, params={"itemKey": "ABCD2345"}, headers=headers).status_code == 428
    stale = httpx.delete(url, params={"itemKey": "ABCD2345"}, headers={**headers, "If-Unmodified-Since-Version": "1"})
    assert stale.status_code == 412
    zot = client(server)
    assert zot.delete_item(zot.item("ABCD2345")) is True  # pyzotero: DELETE /items/KEY with the item's version
    assert server.library.items == {}  # the child note went with its parent
    deleted = httpx.get(f"{server.url}/groups/{GROUP}/deleted", params={"since": 2}, headers=headers).json()
    assert deleted["items"] == ["ABCD2345", "NNNN2345"]
