"""The `bibconv` command: options in, report out; the work is done elsewhere."""
from __future__ import annotations

from converter.cli import convert  # noqa: F401  (each module registers its commands)
from converter.cli.app import app


def main() -> None:
    app()
