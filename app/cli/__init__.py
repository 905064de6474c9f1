"""The command line: one module per command, each adding its parser and its handler.

This package's top stays light: `app.launcher` reads ``COMMAND_MODULES`` to tell a command
from a file to open, and only then `main` loads the command modules (see `app.cli.parser`).
"""

from __future__ import annotations

from collections.abc import Sequence

# Each command's name and the module that adds it (`add_commands(commands)`).
COMMAND_MODULES: dict[str, str] = {
    "check": "app.cli.check",
    "export": "app.cli.report",
    "verify": "app.cli.report",
    "import": "app.cli.sheet",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    from app.cli.parser import run

    return run(argv)
