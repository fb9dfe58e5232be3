"""Push and pull through the real pyzotero client against the local Zotero test server."""
from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from converter.cli.app import app
from converter.report import ExitCode, Report
from converter.zotero.client import GroupClient, ZoteroError
from converter.zotero.objects import ARCHIVAL_TAG, NOTE_TAG, derive_key, desired
from converter.zotero.sync import pull, push
from tests.zotero_server import testing
from tests.zotero_server.testing import COLLECTION, GOLD, GROUP, KEY, READ_KEY, notes_of, run_push

server, gold = testing.server, testing.gold  # fixtures

runner = CliRunner()

def test_first_push_creates_every_item_child_note_and_the_collection(server, gold, tmp_path):
    summary, requests = run_push(server, gold, tmp_path / "state.json")
    assert summary.count("item")["created"] == len(gold.items) == 73
    assert summary.count("note")["created"] == len({c.id for n in gold.notes for c in n.citations})
    assert summary.count("collection")["created"] == 1 and summary.count()["failed"] == 0
    library = server.library
    (collection,) = library.collections.values()
    assert collection["name"] == COLLECTION
    regular = [i for i in library.items.values() if i["itemType"] != "note"]
    assert len(regular) == 73 and all(collection["key"] in i["collections"] for i in regular)
    parents = {n["parentItem"] for n in notes_of(server)}
    assert parents == {i["key"] for i in regular}
    writes = [r for r in requests if r["method"] == "POST"]
    assert len(writes) == 1 + -(-146 // 50)  # one collection write, then items and notes by 50
    # The note holds the footnotes citing the item: number, locator and the text as printed.
    pons = next(i for i in regular if i["title"].startswith("La rivoluzione globale"))
    note = next(n for n in notes_of(server) if n["parentItem"] == pons["key"])["note"]
    assert "n. 2, page 5–57" in note and "Silvio Pons, La rivoluzione globale" in note
    assert {"tag": NOTE_TAG} in next(n for n in notes_of(server) if n["parentItem"] == pons["key"])["tags"]


def test_archival_items_are_tagged_with_the_archive(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    by_citation = {i.get("extra", "").split("\n")[0]: i for i in server.library.items.values()}
    manuscript = by_citation["Citation Key: avprf-beseda-manzoni-1924-02-26"]
    assert manuscript["itemType"] == "manuscript"
    assert {t["tag"] for t in manuscript["tags"]} == {ARCHIVAL_TAG, "AVPRF"}
    book = by_citation["Citation Key: pons2012"]
    assert book["tags"] == []


def test_second_push_writes_nothing_and_costs_one_read(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    version = server.library.version
    summary, requests = run_push(server, gold, tmp_path / "state.json")
    assert summary.count()["created"] == summary.count()["updated"] == 0
    assert summary.count("item")["unchanged"] == 73
    assert [(r["method"], r["query"].get("format"), r["query"].get("since")) for r in requests] == \
        [("GET", "versions", str(version))]
    assert server.library.version == version


def test_an_edit_updates_exactly_that_item(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    edited = copy.deepcopy(gold)
    target = next(i for i in edited.items if i.id == "pons2012")
    target.csl["title"] = "La rivoluzione globale (nuova edizione)"
    summary, requests = run_push(server, edited, tmp_path / "state.json")
    assert summary.count("item")["updated"] == 1 and summary.count()["created"] == 0
    assert summary.count("note")["updated"] == 0 and summary.count("item")["unchanged"] == 72
    key = derive_key("item:citation-key:pons2012")
    assert server.library.items[key]["title"] == "La rivoluzione globale (nuova edizione)"
    (write,) = [r for r in requests if r["method"] == "POST"]
    assert write["path"].endswith("/items")
    again, _ = run_push(server, edited, tmp_path / "state.json")
    assert again.count()["updated"] == 0


def test_items_members_made_by_hand_are_recognised_not_duplicated(server, gold, tmp_path):
    library = server.library
    # Same creators + title + year, no citation key; and a citation key in Extra with another title.
    by_hand = library.add_by_hand({"itemType": "book", "title": "L’Urss di Lenin e Stalin. Storia dell’Unione "
                                   "Sovietica, 1914–1945", "date": "2007",
                                   "creators": [{"creatorType": "author", "lastName": "Graziosi",
                                                 "firstName": "A."}]})
    by_key = library.add_by_hand({"itemType": "book", "title": "Rivoluzione globale", "extra":
                                  "Citation Key: pons2012"})
    report = Report()
    summary, _ = run_push(server, gold, tmp_path / "state.json", report=report)
    assert summary.count("item")["created"] == 71 and summary.count("item")["updated"] == 2
    regular = [i for i in library.items.values() if i["itemType"] != "note"]
    assert len(regular) == 73
    # Their values stand; empty fields are filled in; our note and collection are added.
    assert library.items[by_key]["title"] == "Rivoluzione globale"
    assert library.items[by_hand]["publisher"] == "Il Mulino"
    assert {n["parentItem"] for n in notes_of(server)} >= {by_hand, by_key}
    assert report.codes().count("zotero-matched") == 2
    again, requests = run_push(server, gold, tmp_path / "state.json")
    assert again.count()["updated"] == again.count()["created"] == 0 and len(requests) == 1


def test_cold_cache_recognises_our_own_items(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    summary, requests = run_push(server, gold, tmp_path / "other-state.json")
    assert summary.count()["created"] == summary.count()["updated"] == 0
    assert all(r["method"] == "GET" for r in requests)


def test_bad_key_and_read_only_key_fail_before_any_write(server, gold, tmp_path):
    for key, message in (("NotAKey" * 4, "Invalid key"), (READ_KEY, "Write access denied")):
        with pytest.raises(ZoteroError) as raised:
            run_push(server, gold, tmp_path / "state.json", key=key)
        assert raised.value.code == "zotero-auth" and message in str(raised.value)
        assert KEY not in str(raised.value) and key not in str(raised.value)
    assert not [r for r in server.requests if r["method"] == "POST"]
    assert server.library.items == {} and not (tmp_path / "state.json").exists()


def test_dry_run_writes_nothing(server, gold, tmp_path):
    report = Report()
    client = GroupClient(GROUP, KEY, server.url)
    summary = push([desired(gold, COLLECTION, report=report)], client, tmp_path / "s.json", report=report,
                   dry_run=True)
    assert summary.count("item")["created"] == 73 and server.library.items == {}
    assert "items: would be created 73" in "\n".join(summary.lines())


def test_pull_pages_through_links_and_maps_back(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    before = len(server.requests)
    client = GroupClient(GROUP, KEY, server.url, page_size=10)
    document = pull(client, collection=COLLECTION, report=Report())
    pages = [r for r in server.requests[before:] if r["path"].endswith("/items")]
    assert len(pages) == 8  # 73 items, 10 a page, through Link: rel="next"
    pulled = {i.id: i.csl for i in document.items}
    assert set(pulled) == {i.id for i in gold.items}
    manuscript = pulled["avprf-beseda-manzoni-1924-02-26"]
    assert manuscript["archive_location"] == "F 4, op. 20, pap. 155, d. 49"
    assert manuscript["archive-place"] == "Moskva"  # an Extra line lifted back into CSL


@pytest.mark.parametrize("target", ["bibtex", "biblatex", "ris", "csljson", "notes-json"])
def test_cli_push_pull_round_trip_is_a_no_op(server, gold, tmp_path, monkeypatch, target):
    """push → pull → BibTeX (or another format) → push again writes nothing."""
    monkeypatch.setenv("ZOTERO_API_KEY", KEY)
    monkeypatch.setenv("ZOTERO_API_URL", server.url)
    state = tmp_path / "state.json"
    common = ["--group", str(GROUP), "--collection", COLLECTION]
    first = runner.invoke(app, ["push", str(GOLD), *common, "--state-file", str(state)])
    assert first.exit_code == ExitCode.OK, first.output
    assert "items: created 73" in first.output
    name = {"bibtex": "pulled.bib", "biblatex": "pulled.bib", "ris": "pulled.ris", "csljson": "pulled.json",
            "notes-json": "pulled.notes.json"}[target]
    pulled = tmp_path / name
    result = runner.invoke(app, ["pull", *common, "-t", target, "-o", str(pulled)])
    assert result.exit_code == ExitCode.OK, result.output
    before = len(server.requests)
    again = runner.invoke(app, ["push", str(pulled), "-f", target, *common, "--state-file", str(state)])
    assert again.exit_code == ExitCode.OK, again.output
    assert "items: created 0, updated 0, unchanged 73" in again.output
    assert "notes: created 0, updated 0" in again.output
    assert not [r for r in server.requests[before:] if r["method"] == "POST"]
    for text in (first.output, result.output, again.output, state.read_text("utf-8"), pulled.read_text("utf-8")):
        assert KEY not in text


def test_cli_exit_code_3_and_the_key_never_shown(server, tmp_path, monkeypatch):
    monkeypatch.setenv("ZOTERO_API_URL", server.url)
    key_file = tmp_path / "key"
    key_file.write_text(READ_KEY + "\n")
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["--report", str(report), "push", str(GOLD), "--group", str(GROUP),
                                 "--api-key-file", str(key_file), "--state-file", str(tmp_path / "s.json")])
    assert result.exit_code == ExitCode.ZOTERO
    assert "write" in result.output.lower()
    assert READ_KEY not in result.output and READ_KEY not in report.read_text("utf-8")
    assert "zotero-auth" in json.dumps(json.loads(report.read_text("utf-8")))
    unreachable = runner.invoke(app, ["push", str(GOLD), "--group", str(GROUP), "--api-key-file", str(key_file),
                                      "--endpoint", "http://127.0.0.1:9", "--state-file", str(tmp_path / "t.json")])
    assert unreachable.exit_code == ExitCode.ZOTERO and READ_KEY not in unreachable.output


def test_items_deleted_in_zotero_are_created_again(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    key = derive_key("item:citation-key:pons2012")
    server.library.delete("items", [key])  # another member deletes it (its child note goes too)
    summary, requests = run_push(server, gold, tmp_path / "state.json")
    assert summary.count("item")["created"] == 1 and summary.count("note")["created"] == 1
    assert summary.count()["updated"] == 0 and key in server.library.items
    assert any(r["path"].endswith("/deleted") for r in requests)
    assert len([i for i in server.library.items.values() if i["itemType"] != "note"]) == 73


def test_two_inputs_become_two_collections(server, gold, tmp_path):
    other = copy.deepcopy(gold)
    other.items, other.notes = other.items[:5], []
    report = Report()
    client = GroupClient(GROUP, KEY, server.url)
    summary = push([desired(gold, "First", report=report), desired(other, "Second", report=report)], client,
                   tmp_path / "state.json", report=report)
    assert summary.count("collection")["created"] == 2 and summary.count("item")["created"] == 73
    names = {c["key"]: c["name"] for c in server.library.collections.values()}
    shared = server.library.items[derive_key(f"item:citation-key:{gold.items[0].id}")]
    assert sorted(names[c] for c in shared["collections"]) == ["First", "Second"]


def test_pull_as_notes_json_rebuilds_the_footnotes(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    document = pull(GroupClient(GROUP, KEY, server.url), collection=COLLECTION, report=Report(), with_notes=True)
    expected = {n.number: n for n in gold.notes if n.citations}
    assert {n.number for n in document.notes} == set(expected)
    for note in document.notes:
        assert note.text == expected[note.number].text
        assert sorted((c.id, c.locator, c.label) for c in note.citations) == \
            sorted((c.id, c.locator, c.label) for c in expected[note.number].citations)


def test_derived_keys_are_zotero_keys_and_stable():
    import re

    keys = {derive_key(f"item:citation-key:k{i}") for i in range(2000)}
    assert len(keys) == 2000 and all(re.fullmatch(r"[23456789ABCDEFGHIJKLMNPQRSTUVWXYZ]{8}", k) for k in keys)
    assert derive_key("item:citation-key:pons2012") == derive_key("item:citation-key:pons2012")


def test_cli_dry_run_prints_the_plan_and_writes_nothing(server, tmp_path, monkeypatch):
    monkeypatch.setenv("ZOTERO_API_KEY", KEY)
    result = runner.invoke(app, ["push", str(GOLD), "--group", str(GROUP), "--endpoint", server.url, "--dry-run",
                                 "--state-file", str(tmp_path / "s.json")])
    assert result.exit_code == ExitCode.OK, result.output
    assert "items: would be created 73" in result.output and "notes: would be created 73" in result.output
    assert server.library.items == {} and not [r for r in server.requests if r["method"] == "POST"]
