"""The one entry point: a subcommand goes to the command line, anything else to the GUI.

Kept apart from `app.cli` so the command line never imports Qt: `check` on 10,000 requests must
start as fast as a plain script.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.cli.commands import COMMAND_MODULES

CLI_WORDS = {*COMMAND_MODULES, "-h", "--help", "--version"}
CHILD_WORD = "-m"
"""`-m app.MODULE ARGS` runs one of Bellwether's own child modules (the PDF export's and the
plan search's workers), which the window starts as `sys.executable -m MODULE`. In a venv that is
Python's own `-m`; in the one-folder bundle `sys.executable` is this launcher, so it reads it."""


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch on the first argument."""
    from app.i18n.choice import take_language

    chosen = take_language(sys.argv[1:] if argv is None else argv)
    if chosen.problem is not None:
        print(f"bellwether: {chosen.problem}", file=sys.stderr)
        return 2
    args = chosen.rest
    try:
        if args[:1] == [CHILD_WORD]:
            return run_child(args[1:])
        if args and args[0] in CLI_WORDS:
            from app import cli

            return cli.main(list(sys.argv[1:] if argv is None else argv))
        from app.ui.shell.application import run

        return run(args, chosen.language)
    except KeyboardInterrupt:  # Ctrl+C while starting: the shell's code, no traceback
        return 130


def run_child(args: list[str]) -> int:
    """Run ``app.MODULE`` as ``__main__`` with the rest of ``args`` as its arguments."""
    import runpy

    if not args or not args[0].startswith("app."):
        print("bellwether: -m runs only Bellwether's own modules", file=sys.stderr)
        return 2
    sys.argv = [args[0], *args[1:]]
    runpy.run_module(args[0], run_name="__main__", alter_sys=True)
    return 0
