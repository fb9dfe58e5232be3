"""The user's settings: `~/.config/bibconv/config.toml`, or the file `BIBCONV_CONFIG` names.

    style = "chicago"                     # default CSL style (a name, alias or .csl path)
    locale = "en-US"
    [zotero]
    group = "1234567"                      # group library id
    endpoint = "https://api.zotero.org"
    api_key = "..."                        # read only when the file is mode 600

A secret is only trusted in a file nobody else can read: when the file holding `api_key` can be
read or written by group or others, the key is ignored and `config-insecure` is reported, as ssh
does for a private key. Problems never stop a run: a config that cannot be read is reported
(`config-invalid`) and the defaults are used. The key never appears in a repr or a message.
"""
from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from converter.model import Origin
from converter.report import Report

ENV_VAR = "BIBCONV_CONFIG"
DEFAULT_STYLE = "chicago"
DEFAULT_LOCALE = "en-US"
DEFAULT_ENDPOINT = "https://api.zotero.org"
# A config file is a few lines; anything bigger is not one (and is not read into memory).
MAX_CONFIG_BYTES = 1024 * 1024

# Keys a config may hold, by table: the key as written -> the Config field it sets.
KEYS: dict[str, dict[str, str]] = {
    "": {"style": "style", "locale": "locale", "group": "group", "endpoint": "endpoint",
         "api_key": "api_key"},
    "zotero": {"group": "group", "endpoint": "endpoint", "api_key": "api_key", "key": "api_key"},
}
SECRET_FIELDS = frozenset({"api_key"})


@dataclass(frozen=True)
class Config:
    style: str = DEFAULT_STYLE
    locale: str = DEFAULT_LOCALE
    group: str | None = None
    endpoint: str = DEFAULT_ENDPOINT
    # repr=False: a Config printed in a traceback or a log never shows the key.
    api_key: str | None = field(default=None, repr=False)
    path: Path | None = None  # the file these settings were read from, if any

    def secrets(self) -> list[str]:
        """The secret values this config holds, for the CLI to redact from anything it prints."""
        return [value for name in SECRET_FIELDS if (value := getattr(self, name))]


def config_path() -> Path:
    """Where the config is looked for: $BIBCONV_CONFIG, else $XDG_CONFIG_HOME or ~/.config."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "bibconv" / "config.toml"


def load_config(report: Report, path: Path | None = None) -> Config:
    """The settings from `path` (default: `config_path()`); defaults where the file is silent.

    A missing file at the default place is normal (no message); a missing file that
    BIBCONV_CONFIG names explicitly is reported, since the user asked for it.
    """
    explicit = path is not None or bool(os.environ.get(ENV_VAR))
    path = path or config_path()
    origin = Origin(str(path))
    try:
        with open(path, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        if explicit:
            report.add("config-invalid", "the config file does not exist; using defaults", origin)
        return Config()
    except OSError as error:
        report.add("config-invalid", f"cannot read the config file: {error.strerror or error}; "
                   "using defaults", origin)
        return Config()
    if len(data) > MAX_CONFIG_BYTES:
        report.add("config-invalid", f"the config file is larger than {MAX_CONFIG_BYTES // 1024} KiB; "
                   "using defaults", origin)
        return Config()
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        report.add("config-invalid", "the config file is not UTF-8 text; using defaults", origin)
        return Config()
    except tomllib.TOMLDecodeError as error:
        # tomllib's message ends "(at line L, column C)"; keep only what is wrong, and say where.
        report.add("config-invalid", f"not valid TOML: {_toml_message(error)}; using defaults",
                   _toml_origin(origin, error))
        return Config()
    values = _settings(table, origin, report)
    register_secret(values.get("api_key"))  # redacted from output even when it is not used
    if values.get("api_key") and not _private(mode):
        report.add("config-insecure",
                   f"the file holds api_key but its mode is {stat.S_IMODE(mode):03o}; the key was "
                   f"ignored (run: chmod 600 {path})", origin)
        del values["api_key"]
    return replace(Config(path=path), **values)


def _settings(table: dict[str, Any], origin: Origin, report: Report) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict) and key in KEYS and key != "":
            for sub, sub_value in value.items():
                _take(f"{key}.{sub}", KEYS[key].get(sub), sub_value, values, origin, report)
        else:
            _take(key, KEYS[""].get(key), value, values, origin, report)
    return values


def _take(written: str, name: str | None, value: Any, values: dict[str, str], origin: Origin,
          report: Report) -> None:
    known = ", ".join(f.name for f in fields(Config) if f.name != "path")
    if name is None:
        report.add("config-unknown-setting", f"unknown setting {written!r} was ignored; expected one of "
                   f"{known}", origin)
        return
    if isinstance(value, bool) or not isinstance(value, str | int):
        # Never echo the value: it may be a secret typed in the wrong place.
        report.add("config-invalid", f"setting {written!r} must be a string; it was ignored", origin)
        return
    values[name] = str(value)


def _private(mode: int) -> bool:
    return not mode & (stat.S_IRWXG | stat.S_IRWXO)


def _toml_message(error: tomllib.TOMLDecodeError) -> str:
    message = str(error)
    return message.split(" (at ", 1)[0]


def _toml_origin(origin: Origin, error: tomllib.TOMLDecodeError) -> Origin:
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    if line is None:
        found = re.search(r"at line (\d+), column (\d+)", str(error))
        if found:
            line, column = int(found.group(1)), int(found.group(2))
    return Origin(origin.file, line, column)


# Environment variables that may hold a Zotero key: their values are redacted like the config's.
SECRET_ENV_VARS = ("ZOTERO_API_KEY", "BIBCONV_ZOTERO_KEY", "BIBCONV_API_KEY", "ZOTERO_KEY")
_secrets: set[str] = set()
REDACTED = "[redacted]"


def register_secret(value: str | None) -> None:
    """Remember a secret (an API key) so that `redact` removes it from anything printed."""
    if value and len(value) >= 4:
        _secrets.add(value)


def redact(text: str) -> str:
    """The text with every registered secret, and those in SECRET_ENV_VARS, replaced."""
    for name in SECRET_ENV_VARS:
        register_secret(os.environ.get(name))
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text
