"""`suggest`: the same workshop with the requests placed as the score likes best."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import EXIT_OK, Commands, fail, stdout_closed
from app.domain.fingerprint import signoff_validity
from app.i18n import _, ngettext
from app.storage.workshop_file import WorkshopFileError, load_workshop, save_workshop

if TYPE_CHECKING:
    from app.planning.suggest import Suggestion


def add_commands(commands: Commands) -> None:
    """Add `suggest` to the command line."""
    suggest = commands.add_parser(
        "suggest",
        help=_("write the workshop with its requests placed as the rules like best"),
        description=_(
            "Only the requests' phases change (the backlog is a place too). Better "
            "means, in this order: fewer open errors, more dots scheduled, fewer open warnings, "
            "more benefit points scheduled, an earlier benefit-weighted mean win week, fewer open "
            "cautions."
        ),
    )
    suggest.add_argument("file", type=Path, metavar="FILE")
    suggest.add_argument(
        "-o", "--output", type=Path, required=True, metavar="NEW", help=_("a new workshop file")
    )
    suggest.add_argument(
        "--seconds", type=_seconds, default=10.0, metavar="S", help=_("time to search (default 10)")
    )
    suggest.add_argument(
        "--pin",
        action="extend",
        nargs="+",
        default=[],
        metavar="ID",
        help=_("keep these requests where they are"),
    )
    suggest.add_argument(
        "--keep-placed",
        action="store_true",
        help=_("keep every scheduled request where it is (fill the plan from the backlog)"),
    )
    suggest.set_defaults(handler=run_suggest)


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(
            _("must be a number of seconds above 0 and at most 3600, got {text}").format(text=text)
        )
    return seconds


def run_suggest(args: argparse.Namespace) -> int:
    """Write the suggestion to a new file; exit 2 on bad input, writing nothing."""
    from app.planning.suggest import SuggestError, pins_for, suggest

    began = time.monotonic()
    if args.output.exists():
        return fail(_("{path}: already exists; choose a new file").format(path=args.output))
    try:
        workshop = load_workshop(args.file)
    except WorkshopFileError as error:
        return fail(f"{args.file}: {error}")
    try:
        pins = pins_for(workshop, args.pin, args.keep_placed)
        suggestion = suggest(workshop, args.seconds, pins, began=began)
    except SuggestError as error:
        return fail(str(error))
    try:
        save_workshop(args.output, suggestion.after)
    except OSError as error:
        return fail(
            _("{path}: cannot be written ({reason})").format(
                path=args.output, reason=error.strerror or error
            )
        )
    try:
        _report(args.output, suggestion)
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_closed()
    return EXIT_OK


def _report(path: Path, suggestion: Suggestion) -> None:
    from app.planning.wording import move_line, moves_headline, remaining_reason, score_lines

    print(f"{path}: {moves_headline(len(suggestion.moves))}")
    lines = score_lines(suggestion.score_before, suggestion.score_after)
    width = max(len(line[0]) for line in lines)
    before, after = _("before"), _("after")
    print(f"  {'':{width}}  {before:>10}  {after:>10}")
    for label, was, now in lines:
        print(f"  {label:{width}}  {was:>10}  {now:>10}")
    for move in suggestion.moves:
        print("  " + move_line(suggestion.before, move))
    for remaining in suggestion.remaining:
        finding = remaining.finding
        print(_("remains: [{key}] {message}").format(key=finding.key, message=finding.message))
        print("  " + remaining_reason(remaining))
    if suggestion.stopped_by_clock:
        print(_("note: the search was cut short by the clock; another run may differ"))
    stale = sum(1 for _signoff, valid in signoff_validity(suggestion.before) if valid)
    if stale and suggestion.moves:
        print(
            ngettext(
                "note: {count} sign-off was given to the plan as it was; it does not hold "
                "for the suggestion",
                "note: {count} sign-offs were given to the plan as it was; they do not hold "
                "for the suggestion",
                stale,
            ).format(count=stale)
        )
