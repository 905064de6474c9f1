"""`check`: the findings and metrics of a workshop, as text or JSON; exit 1 on open errors."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from app.cli.common import EXIT_FINDINGS, EXIT_OK, Commands, fail, stdout_closed
from app.domain.fingerprint import fingerprint
from app.domain.metrics import Metrics, metrics
from app.domain.rules import SEVERITIES, Finding, findings, unaccepted_errors
from app.domain.schedule import build_schedule
from app.storage.workshop_file import WorkshopFileError, collector_paused, load_workshop


def add_commands(commands: Commands) -> None:
    """Add `check` to the command line."""
    check = commands.add_parser("check", help="print the findings and metrics of a workshop")
    check.add_argument("file", type=Path, metavar="FILE")
    check.add_argument("--json", action="store_true", help="print them as JSON")
    check.set_defaults(handler=run_check)


def finding_json(finding: Finding) -> dict[str, object]:
    """A finding as `check --json` prints it."""
    return {
        "key": finding.key,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "phase": finding.phase,
        "department": finding.department,
        "requests": list(finding.requests),
        "accepted": finding.accepted,
        "note": finding.note,
    }


def _print_text(
    found: list[Finding], measured: Metrics, title: str, print_: Callable[[str], None]
) -> None:
    plan = measured.plan
    print_(
        f"{title}: {plan.scheduled} requests scheduled, {plan.backlog} in the backlog, "
        f"plan ends in week {plan.end_week}."
    )
    if plan.benefit_weighted_mean_win_week is not None:
        print_(f"Benefit-weighted mean win week: {plan.benefit_weighted_mean_win_week:.1f}")
    if not found:
        print_("No findings.")
    for severity in SEVERITIES:
        group = [f for f in found if f.severity == severity]
        if group:
            print_(f"\n{severity.upper()}S ({len(group)})")
        for finding in group:
            print_(f"  [{finding.key}] {finding.message}")
            if finding.accepted:
                print_(f"      accepted: {finding.note}")


def run_check(args: argparse.Namespace) -> int:
    """Findings and metrics; exit 1 while there are unaccepted errors."""
    # A one-shot run whose objects all live to the end: collecting cycles would be wasted work.
    with collector_paused():
        return _check(args)


def _check(args: argparse.Namespace) -> int:
    try:
        workshop = load_workshop(args.file)
    except WorkshopFileError as error:
        return fail(f"{args.file}: {error}")
    schedule = build_schedule(workshop)
    found = findings(workshop, schedule)
    measured = metrics(workshop, schedule)
    try:
        if args.json:
            report = {
                "fingerprint": fingerprint(workshop),
                "findings": [finding_json(f) for f in found],
                "metrics": measured.as_json(),
            }
            sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        else:
            _print_text(found, measured, workshop.title, print)
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_closed()
    return EXIT_FINDINGS if unaccepted_errors(found) else EXIT_OK
