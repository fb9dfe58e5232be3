"""The API key never appears in any output, report, state file, exception or URL, whatever happens."""
from __future__ import annotations

import copy
import json

from typer.testing import CliRunner

from converter.cli.app import app
from converter.report import ExitCode
from converter.writers import notesjson as notesjson_writer
from converter.zotero.client import GroupClient, ZoteroError
from tests.zotero_server import testing
from tests.zotero_server.testing import GOLD, GROUP, KEY, READ_KEY

server, gold = testing.server, testing.gold  # fixtures
runner = CliRunner()


def test_the_key_is_nowhere(server, gold, tmp_path, monkeypatch):
    monkeypatch.setenv("BIBCONV_CACHE_DIR", str(tmp_path / "cache"))  # the default state location
    monkeypatch.setenv("ZOTERO_API_URL", server.url)
    monkeypatch.delenv("ZOTERO_API_KEY", raising=False)
    write_key, read_key = tmp_path / "write.key", tmp_path / "read.key"
    write_key.write_text(KEY)
    read_key.write_text(READ_KEY)
    edited = copy.deepcopy(gold)
    edited.items[0].csl["title"] += " (revised)"
    edited_path = tmp_path / "edited.notes.json"
    edited_path.write_text(notesjson_writer.write(edited, report=None), encoding="utf-8")
    group = ["--group", str(GROUP)]
    runs = [
        (["push", str(GOLD), *group, "--dry-run", "--api-key-file", str(write_key)], ExitCode.OK),
        (["push", str(GOLD), *group, "--api-key-file", str(write_key)], ExitCode.OK),
        (["push", str(edited_path), *group, "--api-key-file", str(write_key),
          "--collection", "Rome and Moscow Seek a Closer Alliance in the 1920s"], ExitCode.OK),
        (["pull", *group, "-t", "csljson", "-o", str(tmp_path / "pulled.json"), "--api-key-file", str(write_key)],
         ExitCode.OK),
        (["push", str(edited_path), *group, "--api-key-file", str(read_key), "--collection", "Other"], ExitCode.ZOTERO),
        (["push", str(GOLD), *group, "--endpoint", "http://127.0.0.1:9", "--api-key-file", str(write_key)],
         ExitCode.ZOTERO),
    ]
    server.faults.add("rate-limit", seconds=0)
    server.faults.add("drop-after-commit", skip=1)
    outputs = []
    for number, (args, expected) in enumerate(runs):
        report = tmp_path / f"report-{number}.json"
        result = runner.invoke(app, ["--verbose", "--debug", "--report", str(report), *args])
        assert result.exit_code == expected, (args, result.output)
        outputs.append(result.output)
        if result.exception and not isinstance(result.exception, SystemExit):
            outputs.append(repr(result.exception))
    monkeypatch.setenv("ZOTERO_API_KEY", "Wrong" * 5)
    bad = runner.invoke(app, ["--debug", "push", str(GOLD), *group])
    assert bad.exit_code == ExitCode.ZOTERO and "Invalid key" in bad.output
    outputs.append(bad.output)
    try:
        GroupClient(GROUP, KEY, "127.0.0.1 port 9")
    except ZoteroError as error:
        outputs.append(str(error))
    outputs.append(repr(GroupClient(GROUP, KEY, server.url)))
    files = [path for path in tmp_path.rglob("*") if path.is_file() and path not in (write_key, read_key)]
    assert any(path.parent.name == "cache" for path in files)  # the state went to the default place
    assert len([p for p in files if p.name.startswith("report-")]) == len(runs)
    texts = outputs + [path.read_text("utf-8", errors="replace") for path in files]
    for secret in (KEY, READ_KEY):
        assert not [text for text in texts if secret in text]
    assert all("key" not in request["query"] for request in server.requests)
    summary = "\n".join(outputs)
    assert "items: created 73" in summary and "updated 1" in summary
    assert json.loads((tmp_path / "report-4.json").read_text())[-1]["code"] == "zotero-auth"
