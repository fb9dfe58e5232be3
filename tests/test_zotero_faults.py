"""Rate limits, back-off, server errors, lost responses and a concurrent edit: nothing is lost,
nothing is duplicated, and every failure is reported."""
from __future__ import annotations

import copy

import pytest

from converter.report import Report
from converter.zotero.objects import derive_key
from tests.zotero_server import testing
from tests.zotero_server.testing import KEY, notes_of, run_push

server, gold = testing.server, testing.gold  # fixtures


def assert_complete(server, document):
    """Every item and note exactly once."""
    regular = [i for i in server.library.items.values() if i["itemType"] != "note"]
    assert len(regular) == len(document.items)
    assert len({i["title"] for i in regular}) == len({i.csl["title"] for i in document.items})
    assert len(notes_of(server)) == len(document.items)
    assert len({n["parentItem"] for n in notes_of(server)}) == len(document.items)


@pytest.mark.parametrize(("kind", "path", "skip"), [
    ("rate-limit", "/items", 1), ("server-error", "/items", 1), ("unavailable", "/items", 1),
    ("drop-after-commit", "/items", 1), ("drop-after-commit", "/items", 2), ("drop-after-commit", "/collections", 0),
])
def test_a_fault_on_a_write_loses_and_duplicates_nothing(server, gold, tmp_path, kind, path, skip):
    server.faults.add(kind, path_suffix=path, skip=skip, seconds=0)  # e.g. the second items write
    summary, _requests = run_push(server, gold, tmp_path / "state.json")
    assert summary.count()["failed"] == 0
    assert summary.count("item")["created"] == 73 and summary.count("note")["created"] == 73
    assert_complete(server, gold)
    assert not server.faults.pending()
    again, _ = run_push(server, gold, tmp_path / "state.json")
    assert again.count()["created"] == again.count()["updated"] == 0


def test_retry_after_is_obeyed(server, gold, tmp_path):
    server.faults.add("rate-limit", seconds=1)
    run_push(server, gold, tmp_path / "state.json")
    posts = [r for r in server.requests if r["method"] == "POST" and r["path"].endswith("/items")]
    assert posts[0]["status"] == 429 and posts[1]["status"] == 200
    assert posts[1]["time"] - posts[0]["time"] >= 1.0
    assert_complete(server, gold)


def test_backoff_on_a_200_delays_the_next_request(server, gold, tmp_path):
    server.faults.add("backoff", seconds=1)
    run_push(server, gold, tmp_path / "state.json")
    posts = [r for r in server.requests if r["method"] == "POST" and r["path"].endswith("/items")]
    assert posts[0]["status"] == 200 and posts[1]["time"] - posts[0]["time"] >= 1.0
    assert_complete(server, gold)


def test_a_fault_on_a_read_is_retried(server, gold, tmp_path):
    server.faults.add("unavailable", method="GET", path_suffix="/items", seconds=0)
    summary, _ = run_push(server, gold, tmp_path / "state.json")
    assert summary.count("item")["created"] == 73


def test_persistent_server_errors_end_the_run_with_a_network_error(server, gold, tmp_path):
    from converter.zotero.client import ZoteroError

    server.faults.add("server-error", times=10)
    waits: list[float] = []
    with pytest.raises(ZoteroError) as raised:
        run_push(server, gold, tmp_path / "state.json", max_attempts=5, max_wait=2.0, sleep=waits.append)
    assert raised.value.code == "zotero-network" and KEY not in str(raised.value)
    assert waits == [0.5, 1.0, 2.0, 2.0]  # doubling, bounded by max_wait, then it gives up
    assert [r["status"] for r in server.requests if r["path"].endswith("/items") and r["method"] == "POST"] == [500] * 5


def test_a_concurrent_edit_is_reported_not_overwritten(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    edited = copy.deepcopy(gold)
    next(i for i in edited.items if i.id == "pons2012").csl["title"] = "Our new title"
    key = derive_key("item:citation-key:pons2012")
    server.faults.add("concurrent-edit", key=key, changes={"title": "Their new title"})
    report = Report()
    summary, _ = run_push(server, edited, tmp_path / "state.json", report=report)
    assert server.library.items[key]["title"] == "Their new title"
    (failure,) = [o for o in summary.outcomes if o.status == "failed"]
    assert failure.key == key and "412" in failure.reason
    assert "zotero-conflict" in report.codes()
    assert summary.count()["updated"] == 0 and summary.count("item")["unchanged"] == 72
    # Next time the other member's edit is known: both changed the title, so it is a conflict
    # that keeps their value, and the run after the input agrees with them is clean.
    report = Report()
    _again, _ = run_push(server, edited, tmp_path / "state.json", report=report)
    assert server.library.items[key]["title"] == "Their new title" and "zotero-conflict" in report.codes()
    report = Report()
    still, _ = run_push(server, edited, tmp_path / "state.json", report=report)  # reported until resolved
    assert still.count("item")["failed"] == 1
    assert server.library.items[key]["title"] == "Their new title" and "zotero-conflict" in report.codes()
    next(i for i in edited.items if i.id == "pons2012").csl["title"] = "Their new title"
    clean, _ = run_push(server, edited, tmp_path / "state.json", report=(report := Report()))
    assert clean.count()["failed"] == 0 and "zotero-conflict" not in report.codes()


def test_another_members_edit_of_another_field_is_kept(server, gold, tmp_path):
    run_push(server, gold, tmp_path / "state.json")
    key = derive_key("item:citation-key:pons2012")
    server.library.edit_as_other_user(key, {"abstractNote": "Added by a colleague"})
    edited = copy.deepcopy(gold)
    next(i for i in edited.items if i.id == "pons2012").csl["title"] = "Our new title"
    summary, _requests = run_push(server, edited, tmp_path / "state.json")
    item = server.library.items[key]
    assert (item["title"], item["abstractNote"]) == ("Our new title", "Added by a colleague")
    assert summary.count("item")["updated"] == 1


def test_a_run_that_gives_up_midway_keeps_what_landed(server, gold, tmp_path):
    from converter.zotero.client import ZoteroError

    server.faults.add("server-error", skip=1, times=10)  # the first items chunk lands, then only 500s
    with pytest.raises(ZoteroError) as raised:
        run_push(server, gold, tmp_path / "state.json", max_attempts=2)
    landed = len(server.library.items)
    assert raised.value.partial.count("item")["created"] == 50  # what landed is told, not lost
    assert 0 < landed < 146 and (tmp_path / "state.json").exists()
    server.faults.clear()
    summary, _ = run_push(server, gold, tmp_path / "state.json")
    assert summary.count()["created"] == 147 - 1 - landed  # the collection landed before the items
    assert_complete(server, gold)
