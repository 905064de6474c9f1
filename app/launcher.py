"""The one entry point: a subcommand goes to the command line, anything else to the GUI.

Kept apart from `app.cli` so the command line never imports Qt: `check` on 10,000 requests must
start as fast as a plain script.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.cli.commands import COMMAND_MODULES

CLI_WORDS = {*COMMAND_MODULES, "-h", "--help", "--version"}


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch on the first argument."""
    from app.i18n.choice import take_language

    chosen = take_language(sys.argv[1:] if argv is None else argv)
    if chosen.problem is not None:
        print(f"bellwether: {chosen.problem}", file=sys.stderr)
        return 2
    args = chosen.rest
    try:
        if args and args[0] in CLI_WORDS:
            from app import cli

            return cli.main(list(sys.argv[1:] if argv is None else argv))
        from app.ui.shell.application import run

        return run(args, chosen.language)
    except KeyboardInterrupt:  # Ctrl+C while starting: the shell's code, no traceback
        return 130
