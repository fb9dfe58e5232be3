"""The Zotero key, read from the config file, appears nowhere: not in what a failing push prints
with --debug --verbose, not in its --report, not in the state cache, not on the review page."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile import bibconv
from tests.zotero_server import ApiKey, ZoteroTestServer

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "seed" / "dundovich-2020.gold.json"
GROUP = 4711
READ_ONLY_KEY = "Rk" + "7Qz3Xv9Lm2Pw8Ns4Ty6Ub1Cd"  # can read the group, cannot write: the push fails
WRITE_KEY = "Wk" + "5Hj8Gf2Ds4Aq9Ze3Xc7Vb1Nm"


def setup(tmp_path: Path, key: str, endpoint: str, mode: int) -> dict[str, str]:
    config = tmp_path / "config.toml"
    config.write_text(f'style = "chicago"\n[zotero]\ngroup = {GROUP}\nendpoint = "{endpoint}"\napi_key = "{key}"\n',
                      "utf-8")
    os.chmod(config, mode)
    return {"BIBCONV_CONFIG": str(config), "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "xdg"),
            "BIBCONV_CACHE_DIR": str(tmp_path / "cache"), "ZOTERO_API_KEY": "", "ZOTERO_API_URL": endpoint}


def everything_written(tmp_path: Path, *runs: object) -> str:
    texts = [f"{run.stdout}\n{run.stderr}" for run in runs]  # type: ignore[attr-defined]
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.name != "config.toml":
            texts.append(path.read_text("utf-8", errors="replace"))
    return "\n".join(texts)


@pytest.fixture
def server():
    with ZoteroTestServer(group_id=GROUP, keys=[ApiKey(READ_ONLY_KEY, groups={GROUP: False}),
                                                ApiKey(WRITE_KEY, groups={GROUP: True})]) as running:
        yield running


def test_failing_push_with_the_config_key_never_shows_it(server, tmp_path: Path) -> None:
    env = setup(tmp_path, READ_ONLY_KEY, server.url, 0o600)
    refused = bibconv("--debug", "--verbose", "--report", "refused.json", "push", str(GOLD), cwd=tmp_path, env=env)
    assert refused.returncode == 3, refused.stderr[-2000:]
    assert "zotero-auth" in refused.stderr
    review = bibconv("--debug", "review", str(GOLD), "-o", "page.html", cwd=tmp_path, env=env)
    assert review.returncode in (0, 1) and (tmp_path / "page.html").stat().st_size > 10_000
    written = everything_written(tmp_path, refused, review)
    assert (tmp_path / "refused.json").exists()
    assert READ_ONLY_KEY not in written
    assert READ_ONLY_KEY[:12] not in written  # not even a prefix of it


def test_successful_push_leaves_no_key_in_the_cache(server, tmp_path: Path) -> None:
    env = setup(tmp_path, WRITE_KEY, server.url, 0o600)
    run = bibconv("--debug", "--verbose", "push", str(GOLD), cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    caches = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert caches, "the push keeps a state file"
    assert WRITE_KEY not in everything_written(tmp_path, run)


def test_key_in_a_readable_config_is_ignored_and_not_echoed(server, tmp_path: Path) -> None:
    env = setup(tmp_path, WRITE_KEY, server.url, 0o644)
    run = bibconv("--debug", "push", str(GOLD), cwd=tmp_path, env=env)
    assert run.returncode != 0  # no trusted key: nothing pushed
    assert "config-insecure" in run.stderr and "chmod 600" in run.stderr
    assert not server.library.items
    assert WRITE_KEY not in everything_written(tmp_path, run)
