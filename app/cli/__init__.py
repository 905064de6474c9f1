"""The command line: one module per command, each adding its parser and its handler.

`app.cli.commands` names them; `main` builds the parser from them (see `app.cli.parser`).
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    from app.cli.parser import run
    from app.cli.streams import run_guarded

    return run_guarded(lambda: run(argv))
