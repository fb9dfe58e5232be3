"""The `bibconv` command: options in, report out; the work is done elsewhere."""
from __future__ import annotations

import converter.cli.pull  # registers `pull`
import converter.cli.push  # registers `push`
import converter.cli.render  # registers `render`
import converter.cli.review  # noqa: F401  (registers `review`)
from converter.cli import convert  # noqa: F401  (each module registers its commands)
from converter.cli.app import app


def main() -> None:
    app()
