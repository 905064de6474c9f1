"""The command line: one module per command, each adding its parser and its handler.

`app.cli.commands` names them; `main` builds the parser from them (see `app.cli.parser`).
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    import sys

    from app.cli.parser import run
    from app.cli.streams import run_guarded
    from app.i18n import set_language
    from app.i18n.choice import system_language, take_language

    chosen = take_language(sys.argv[1:] if argv is None else argv)
    if chosen.problem is not None:
        print(f"bellwether: {chosen.problem}", file=sys.stderr)
        return 2
    set_language(chosen.language or system_language())
    return run_guarded(lambda: run(chosen.rest))
