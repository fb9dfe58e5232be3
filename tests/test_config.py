from __future__ import annotations

import os
from pathlib import Path

import pytest

from converter.config import DEFAULT_STYLE, Config, config_path, load_config
from converter.report import Report

KEY = "Zk3y" + "0123456789abcdef"  # built at run time so no literal key sits in the source


def write(path: Path, text: str, mode: int) -> Path:
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path


def test_env_var_overrides_default_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIBCONV_CONFIG", str(tmp_path / "elsewhere.toml"))
    assert config_path() == tmp_path / "elsewhere.toml"
    monkeypatch.delenv("BIBCONV_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "bibconv" / "config.toml"


def test_settings_are_read_flat_and_from_zotero_table(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", 'style = "apa"\nlocale = "it-IT"\n[zotero]\ngroup = 4711\n'
                 'endpoint = "http://127.0.0.1:9/"\n', 0o644)
    report = Report()
    config = load_config(report, path)
    assert (config.style, config.locale, config.group, config.endpoint) == (
        "apa", "it-IT", "4711", "http://127.0.0.1:9/")
    assert config.path == path
    assert report.diagnostics == []


def test_key_is_taken_only_from_a_private_file(tmp_path: Path) -> None:
    text = f'[zotero]\napi_key = "{KEY}"\ngroup = "1"\n'
    report = Report()
    assert load_config(report, write(tmp_path / "ok.toml", text, 0o600)).api_key == KEY
    assert report.diagnostics == []

    report = Report()
    config = load_config(report, write(tmp_path / "open.toml", text, 0o644))
    assert config.api_key is None
    assert config.group == "1"  # the rest of the file is still used
    assert report.codes() == ["config-insecure"]
    assert "chmod 600" in report.diagnostics[0].message
    assert KEY not in report.to_json()


def test_group_writable_file_is_insecure_too(tmp_path: Path) -> None:
    report = Report()
    config = load_config(report, write(tmp_path / "g.toml", f'api_key = "{KEY}"\n', 0o620))
    assert config.api_key is None and report.codes() == ["config-insecure"]


def test_key_never_in_repr() -> None:
    config = Config(api_key=KEY)
    assert KEY not in repr(config)
    assert config.secrets() == [KEY]


def test_missing_default_file_is_silent_but_explicit_one_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BIBCONV_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    report = Report()
    assert load_config(report) == Config()
    assert report.diagnostics == []
    monkeypatch.setenv("BIBCONV_CONFIG", str(tmp_path / "nope.toml"))
    assert load_config(report).style == DEFAULT_STYLE
    assert report.codes() == ["config-invalid"]


def test_broken_toml_points_at_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.toml", 'style = "apa"\nlocale = \n', 0o600)
    report = Report()
    assert load_config(report, path) == Config()
    [diagnostic] = report.diagnostics
    assert diagnostic.code == "config-invalid"
    assert diagnostic.origin is not None and diagnostic.origin.line == 2
    assert str(diagnostic).startswith(f"{path}:2:")


def test_unknown_and_mistyped_settings_are_named_not_echoed(tmp_path: Path) -> None:
    path = write(tmp_path / "u.toml", f'stlye = "apa"\n[zotero]\napi_key = ["{KEY}"]\n', 0o600)
    report = Report()
    config = load_config(report, path)
    assert config.style == DEFAULT_STYLE and config.api_key is None
    assert report.codes() == ["config-unknown-setting", "config-invalid"]
    assert "'stlye'" in report.diagnostics[0].message
    assert KEY not in report.to_json()


def test_oversized_or_binary_config_is_refused(tmp_path: Path) -> None:
    report = Report()
    big = tmp_path / "big.toml"
    with open(big, "wb") as handle:
        handle.truncate(10 * 2**20)  # sparse: no memory, no disk
    assert load_config(report, big) == Config()
    assert report.codes() == ["config-invalid"]
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"style = \"\xff\xfe\"\n")
    assert load_config(report, binary) == Config()
    assert report.codes() == ["config-invalid", "config-invalid"]
