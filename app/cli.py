"""The command line: `check`, `export`, `verify` (and the GUI, started by `app.launcher`).

Every failure a user can cause ends in one line on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app import __version__
from app.domain.fingerprint import fingerprint
from app.domain.metrics import Metrics, metrics
from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, Finding, findings, unaccepted_errors
from app.domain.schedule import build_schedule
from app.storage.workshop_file import (
    WorkshopFileError,
    collector_paused,
    load_workshop,
    save_workshop,
)

if TYPE_CHECKING:
    from app.storage.spreadsheet import ImportResult, RowError

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
    _add_import_command(commands)
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
        _stdout_closed()
    return EXIT_FINDINGS if unaccepted_errors(found) else EXIT_OK


def _stdout_closed() -> None:
    """The reader went away (`check FILE | head`): drop the rest quietly, without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


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
    """Write the roadmap PDF (see app.report); an existing OUT is replaced only when complete."""
    from app.report.document import write_pdf  # reportlab loads only when a PDF is asked for

    try:
        write_pdf(args.output, workshop, args.paper)
    except OSError as error:
        return fail(f"{args.output}: cannot be written ({error.strerror or error})")
    print(f"{args.output}: roadmap of plan {fingerprint(workshop)}")
    return EXIT_OK


@command("verify")
def run_verify(args: argparse.Namespace) -> int:
    """Does the PDF's printed fingerprint match the plan inside it (and FILE)? 0 yes, 1 no."""
    from app.report.verify import RoadmapPdfError, verify_pdf

    against = None
    if args.file is not None:
        try:
            against = load_workshop(args.file)
        except WorkshopFileError as error:
            return fail(f"{args.file}: {error}")
    try:
        result = verify_pdf(args.pdf, against, str(args.file or ""))
    except RoadmapPdfError as error:
        return fail(f"{args.pdf}: {error}")
    if not result.genuine:
        print(f"{args.pdf}: does NOT match:")
        for problem in result.problems:
            print(f"  - {problem}")
        return EXIT_FINDINGS
    assert result.workshop is not None
    matched = f" and {args.file}" if args.file is not None else ""
    print(f'{args.pdf}: genuine roadmap of "{result.workshop.title}"')
    print(f"The printed fingerprint is the plan inside the PDF{matched}: {result.embedded}")
    _print_signoffs(result.workshop, print)
    return EXIT_OK


def _print_signoffs(workshop: Workshop, print_: Callable[[str], None]) -> None:
    from app.report.approval import approval_status, approvals

    print_(approval_status(workshop))
    for head in approvals(workshop):
        name = head.department.name
        if head.signoff is None:
            print_(f"  not signed: {name} ({head.department.head or 'no head named'})")
            continue
        state = "valid" if head.valid else "STALE (signed another version)"
        print_(f"  {state}: {name}, signed by {head.signoff.name} at {head.signoff.at.isoformat()}")


def export_sheet(workshop: Workshop, args: argparse.Namespace, kind: str) -> int:
    """Write the plan as a spreadsheet (see app.storage.spreadsheet)."""
    from app.storage.spreadsheet import write_plan_csv, write_plan_xlsx

    write = write_plan_csv if kind == "csv" else write_plan_xlsx
    try:
        write(args.output, workshop)
    except OSError as error:
        return fail(f"{args.output}: cannot be written ({error.strerror or error})")
    print(f"{args.output}: plan of {len(workshop.requests)} requests, one row each")
    return EXIT_OK


def _add_import_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sheet = commands.add_parser(
        "import",
        help="make a workshop from a CSV/XLSX sheet of requests, or add them to a backlog",
        description="Read one request per row. Nothing is written while any row is bad, "
        "unless --skip-bad-rows.",
    )
    sheet.add_argument("sheet_file", type=Path, metavar="SHEET", help="a .csv or .xlsx file")
    target = sheet.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", type=Path, metavar="NEW", help="a new workshop file")
    target.add_argument("--into", type=Path, metavar="FILE", help="add to FILE's backlog")
    sheet.add_argument("--title", help="the new workshop's title (default: SHEET's name)")
    sheet.add_argument(
        "--start", type=_start_date, metavar="DATE", help="week 0 (default: next Monday)"
    )
    sheet.add_argument("--sheet", metavar="NAME", help="the XLSX sheet (default: the first)")
    sheet.add_argument(
        "--department-column", metavar="HEADER", help="the column naming the department"
    )
    sheet.add_argument("--skip-bad-rows", action="store_true", help="import the good rows only")
    sheet.add_argument(
        "--create-departments",
        action="store_true",
        help="with --into: add the departments the sheet names that FILE lacks",
    )


def _start_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None


def _next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


@command("import")
def run_import(args: argparse.Namespace) -> int:
    """Import requests from a sheet; exit 2 with one line per problem, writing nothing."""
    from app.storage.spreadsheet import ImportRefusedError, SpreadsheetError, read_sheet

    try:
        target = load_workshop(args.into) if args.into else None
    except WorkshopFileError as error:
        return fail(f"{args.into}: {error}")
    if args.output is not None and args.output.exists():
        return fail(f"{args.output}: already exists (use --into to add to it)")
    try:
        result = read_sheet(
            args.sheet_file,
            workshop=target,
            sheet=args.sheet,
            department_column=args.department_column,
        )
        workshop = _imported(result, target, args)
    except ImportRefusedError as refused:
        return _refused(args, refused.errors)
    except SpreadsheetError as error:
        return fail(f"{args.sheet_file}: {error}")
    return _save_import(args, workshop, result)


def _imported(result: ImportResult, target: Workshop | None, args: argparse.Namespace) -> Workshop:
    from app.storage.spreadsheet import add_to_backlog, new_workshop_from_sheet

    if target is not None:
        return add_to_backlog(
            target,
            result,
            skip_bad_rows=args.skip_bad_rows,
            create_departments=args.create_departments,
        )
    title = args.title or args.sheet_file.name.split(".")[0] or "Workshop"
    start = args.start or _next_monday(date.today())
    return new_workshop_from_sheet(result, title, start, skip_bad_rows=args.skip_bad_rows)


def _refused(args: argparse.Namespace, errors: tuple[RowError, ...]) -> int:
    for error in errors:
        print(f"bellwether: {args.sheet_file}: {error}", file=sys.stderr)
    hint = "nothing was imported"
    if any(error.row is not None for error in errors) and not args.skip_bad_rows:
        hint += " (--skip-bad-rows imports the other rows)"
    if any("departments not in the workshop" in error.message for error in errors):
        hint += " (--create-departments adds them)"
    return fail(hint)


def _save_import(args: argparse.Namespace, workshop: Workshop, result: ImportResult) -> int:
    path = args.into or args.output
    try:
        save_workshop(path, workshop)
    except OSError as error:
        return fail(f"{path}: cannot be written ({error.strerror or error})")
    print(f"{path}: {len(result.requests)} requests imported into the backlog")
    if result.new_departments and (args.output or args.create_departments):
        print("new departments: " + ", ".join(d.name for d in result.new_departments))
    if result.bad_rows:
        count = len(result.bad_rows)
        print(f"{count} bad row{'s' if count != 1 else ''} skipped:")
        for problem in result.errors:
            print(f"  {problem}")
    for note in result.notes:
        print(f"note: {note}")
    return EXIT_OK


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
