"""The parser of every command, built from the modules `app.cli.commands` names."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import Any

from app import __version__
from app.cli.commands import COMMAND_MODULES
from app.cli.common import EXIT_OK, Handler, fail
from app.i18n import LANGUAGES, _, ngettext


class _Parser(argparse.ArgumentParser):
    """A command's parser: options only by their full names."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(**kwargs)


def speak_argparse() -> None:
    """argparse's own words ("usage:", "the following arguments are required") in the language
    spoken: argparse looks its sentences up through the module's `_` and `ngettext` at the moment
    it writes them, so they are pointed at Bellwether's catalogues."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    speak_argparse()
    parser = argparse.ArgumentParser(
        prog="bellwether",
        allow_abbrev=False,
        description=_("Bellwether: prioritise a phased rollout with the steering committee."),
        epilog=_(
            "Without a command, `bellwether [FILE]` opens the board (FILE: a workshop or a "
            "Bellwether PDF)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"bellwether {__version__}")
    # No command takes an abbreviated option: `--department X` must not be `--department-column`.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        importlib.import_module(module).add_commands(commands)
    for command in (parser, *commands.choices.values()):
        add_language_option(command)
    return parser


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """Show `--lang` in every command's help; the launcher takes it out before parsing."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("the language to speak (default: the system's)"),
    )


def run(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the subcommand it names."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return fail(
            _("the {command} command is not available in this version").format(command=args.command)
        )
    return handler(args)
