"""`compare`: plan B read against plan A, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.check import finding_json
from app.cli.common import EXIT_OK, Commands, fail, stdout_closed
from app.i18n import _
from app.storage.workshop_file import WorkshopFileError, load_workshop

if TYPE_CHECKING:
    from app.planning.compare import Comparison, Side


def add_commands(commands: Commands) -> None:
    """Add `compare` to the command line."""
    compare = commands.add_parser(
        "compare",
        help=_("what plan B changes against plan A"),
        description=_(
            "The requests moved, added and removed; the findings added, removed and "
            "newly accepted; the plan's end, mean win week and each department's first win side "
            "by side; and which sign-offs hold for each plan."
        ),
    )
    compare.add_argument("a", type=Path, metavar="A")
    compare.add_argument("b", type=Path, metavar="B")
    compare.add_argument("--json", action="store_true", help=_("print it as JSON"))
    compare.set_defaults(handler=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    """Compare two workshop files; exit 0, or 2 when one is not a valid workshop."""
    from app.planning.compare import compare

    plans = []
    for path in (args.a, args.b):
        try:
            plans.append(load_workshop(path))
        except WorkshopFileError as error:
            return fail(f"{path}: {error}")
    comparison = compare(plans[0], plans[1])
    try:
        if args.json:
            text = json.dumps(comparison_json(comparison), indent=2, ensure_ascii=False)
            sys.stdout.write(text + "\n")
        else:
            from app.planning.compare_text import comparison_lines

            sys.stdout.write("".join(line + "\n" for line in comparison_lines(comparison)))
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_closed()
    return EXIT_OK


def _side_json(side: Side) -> dict[str, object]:
    plan = side.metrics.plan
    return {
        "title": side.workshop.title,
        "fingerprint": side.fingerprint,
        "end_week": plan.end_week,
        "mean_win_week": plan.benefit_weighted_mean_win_week,
        "signoffs": [
            {"department": department, "name": name, "valid": valid}
            for department, name, valid in side.signoffs
        ],
    }


def comparison_json(comparison: Comparison) -> dict[str, object]:
    """The comparison as `compare --json` prints it."""
    return {
        "same_plan": comparison.same_plan,
        "a": _side_json(comparison.a),
        "b": _side_json(comparison.b),
        "moved": [
            {"request": move.request, "from": move.before, "to": move.after}
            for move in comparison.moved
        ],
        "added": list(comparison.added),
        "removed": list(comparison.removed),
        "findings": {
            "added": [finding_json(f) for f in comparison.findings_added],
            "removed": [finding_json(f) for f in comparison.findings_removed],
            "newly_accepted": [finding_json(f) for f in comparison.newly_accepted],
        },
        "first_wins": [
            {"department": win.department, "a": win.a, "b": win.b} for win in comparison.first_wins
        ],
        "votes": [
            {"department": v.department, "request": v.request, "a": v.a, "b": v.b}
            for v in comparison.votes
        ],
    }
