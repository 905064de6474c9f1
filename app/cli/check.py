"""`check`: the findings and metrics of a workshop, as text or JSON; exit 1 on open errors."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from app.cli.common import EXIT_FINDINGS, EXIT_OK, Commands, fail, stdout_closed
from app.domain.fingerprint import fingerprint
from app.domain.metrics import Metrics, metrics
from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, Finding, findings, unaccepted_errors
from app.domain.schedule import build_schedule, week_date
from app.i18n import _, ngettext
from app.i18n.text import Day, counted, phrase
from app.storage.workshop_file import WorkshopFileError, collector_paused, load_workshop


def add_commands(commands: Commands) -> None:
    """Add `check` to the command line."""
    check = commands.add_parser("check", help=_("print the findings and metrics of a workshop"))
    check.add_argument("file", type=Path, metavar="FILE")
    check.add_argument("--json", action="store_true", help=_("print them as JSON"))
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


def _group_title(severity: str, count: int) -> str:
    if severity == "error":
        words = ngettext("ERROR ({count})", "ERRORS ({count})", count)
    elif severity == "warning":
        words = ngettext("WARNING ({count})", "WARNINGS ({count})", count)
    else:
        words = ngettext("CAUTION ({count})", "CAUTIONS ({count})", count)
    return words.format(count=count)


def _summary(workshop: Workshop, measured: Metrics) -> list[str]:
    plan = measured.plan
    last_day = week_date(workshop.start, plan.end_week) - timedelta(days=1)
    lines = [
        str(
            counted(
                "{title}: {count} request scheduled, {backlog} in the backlog; the plan ends on "
                "{end}.",
                "{title}: {count} requests scheduled, {backlog} in the backlog; the plan ends on "
                "{end}.",
                plan.scheduled,
                title=workshop.title,
                backlog=plan.backlog,
                end=Day(last_day),
            )
        )
    ]
    mean = plan.benefit_weighted_mean_win_week
    if mean is not None:
        day = Day(week_date(workshop.start, round(mean)))
        lines.append(str(phrase("Benefit-weighted mean win: {day}", day=day)))
    return lines


def _print_text(
    found: list[Finding], measured: Metrics, workshop: Workshop, print_: Callable[[str], None]
) -> None:
    for line in _summary(workshop, measured):
        print_(line)
    if not found:
        print_(_("No findings."))
    for severity in SEVERITIES:
        group = [f for f in found if f.severity == severity]
        if group:
            print_("\n" + _group_title(severity, len(group)))
        for finding in group:
            print_(f"  [{finding.key}] {finding.message}")
            if finding.accepted:
                print_("      " + _("accepted: {note}").format(note=finding.note))


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
            _print_text(found, measured, workshop, print)
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_closed()
    return EXIT_FINDINGS if unaccepted_errors(found) else EXIT_OK
