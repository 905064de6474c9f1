"""The command line: `check`, `export`, `verify` (and the GUI, started by `app.launcher`).

Every failure a user can cause ends in one line on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from app import __version__
from app.domain.fingerprint import fingerprint
from app.domain.metrics import Metrics, metrics
from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, Finding, findings, unaccepted_errors
from app.domain.schedule import build_schedule
from app.storage.workshop_file import WorkshopFileError, load_workshop

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str) -> Callable[[Callable[[argparse.Namespace], int]], Callable[..., int]]:
    """Register a subcommand's handler under its name."""

    def register(handler: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
        COMMANDS[name] = handler
        return handler

    return register


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="bellwether",
        description="Bellwether: prioritise a phased rollout with the steering committee.",
        epilog="Without a command, `bellwether [FILE]` opens the board (FILE: a workshop or a "
        "Bellwether PDF).",
    )
    parser.add_argument("--version", action="version", version=f"bellwether {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="print the findings and metrics of a workshop")
    check.add_argument("file", type=Path, metavar="FILE")
    check.add_argument("--json", action="store_true", help="print them as JSON")
    _add_report_commands(commands)
    return parser


def _add_report_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="write the roadmap PDF (or a CSV/XLSX plan)")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.add_argument("--paper", choices=("a4", "letter"), default="a4")
    export.add_argument(
        "--format", choices=("pdf", "csv", "xlsx"), help="default: from OUT's suffix"
    )
    verify = commands.add_parser("verify", help="check a roadmap PDF against its plan")
    verify.add_argument("pdf", type=Path, metavar="PDF")
    verify.add_argument("file", type=Path, nargs="?", metavar="FILE")


def fail(message: str, stream: TextIO | None = None) -> int:
    """Print one line for the user and return the invalid-input exit code."""
    print(f"bellwether: {message}", file=stream or sys.stderr)
    return EXIT_INVALID


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


@command("check")
def run_check(args: argparse.Namespace) -> int:
    """Findings and metrics; exit 1 while there are unaccepted errors."""
    try:
        workshop = load_workshop(args.file)
    except WorkshopFileError as error:
        return fail(f"{args.file}: {error}")
    schedule = build_schedule(workshop)
    found = findings(workshop, schedule)
    measured = metrics(workshop, schedule)
    if args.json:
        report = {
            "fingerprint": fingerprint(workshop),
            "findings": [finding_json(f) for f in found],
            "metrics": measured.as_json(),
        }
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        _print_text(found, measured, workshop.title, print)
    return EXIT_FINDINGS if unaccepted_errors(found) else EXIT_OK


@command("export")
def run_export(args: argparse.Namespace) -> int:
    """Export a workshop: a roadmap PDF, or the plan as a CSV or XLSX sheet."""
    kind = args.format or args.output.suffix.lower().lstrip(".")
    if kind not in ("pdf", "csv", "xlsx"):
        return fail(f"{args.output}: give OUT a .pdf, .csv or .xlsx suffix, or --format")
    try:
        workshop = load_workshop(args.file)
    except WorkshopFileError as error:
        return fail(f"{args.file}: {error}")
    if kind == "pdf":
        return export_pdf(workshop, args)
    return export_sheet(workshop, args, kind)


def export_pdf(workshop: Workshop, args: argparse.Namespace) -> int:
    """Write the roadmap PDF (see app.report)."""
    return fail("PDF export is not available yet")


def export_sheet(workshop: Workshop, args: argparse.Namespace, kind: str) -> int:
    """Write the plan as a spreadsheet (see app.storage.spreadsheet)."""
    return fail("spreadsheet export is not available yet")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    handler = COMMANDS.get(args.command)
    if handler is None:
        return fail(f"the {args.command} command is not available in this version")
    return handler(args)
