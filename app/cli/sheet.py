"""`import`: a workshop from a CSV, XLSX, ODS or XLS sheet, or its requests added to a backlog."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import sheet_messages as messages
from app.cli.common import EXIT_OK, Commands, fail
from app.domain.limits import SPARE_WEEKS, blank, cleaned, fits_calendar
from app.domain.model import MAX_WEEKS, TITLE_MAX, Workshop
from app.domain.problems import describe
from app.i18n import _, ngettext
from app.storage.workshop_file import WorkshopFileError, load_workshop, save_workshop

if TYPE_CHECKING:
    from app.storage.spreadsheet import ImportResult, RowError
    from app.storage.spreadsheet.options import ImportOptions


def add_commands(commands: Commands) -> None:
    """Add `import` to the command line."""
    sheet = commands.add_parser(
        "import",
        help=_(
            "make a workshop from a CSV, XLSX, ODS or XLS sheet of requests, or add them to a "
            "backlog"
        ),
        description=_(
            "Read one request per row. Nothing is written while any row is bad, "
            "unless --skip-bad-rows."
        ),
    )
    sheet.add_argument(
        "sheet_file", type=Path, metavar="SHEET", help=_("a .csv, .xlsx, .ods or .xls file")
    )
    target = sheet.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", type=Path, metavar="NEW", help=_("a new workshop file"))
    target.add_argument("--into", type=Path, metavar="FILE", help=_("add to FILE's backlog"))
    sheet.add_argument("--title", help=_("the new workshop's title (default: SHEET's name)"))
    sheet.add_argument(
        "--start",
        type=_start_date,
        metavar="DATE",
        help=_("the first day of the plan (default: next Monday)"),
    )
    sheet.add_argument(
        "--sheet", metavar="NAME", help=_("the workbook's sheet (default: the first)")
    )
    sheet.add_argument(
        "--department-column", metavar="HEADER", help=_("the column naming the department")
    )
    _add_sheet_options(sheet)
    sheet.add_argument("--skip-bad-rows", action="store_true", help=_("import the good rows only"))
    sheet.add_argument(
        "--create-departments",
        action="store_true",
        help=_("with --into: add the departments the sheet names that FILE lacks"),
    )
    sheet.set_defaults(handler=run_import)


def _add_sheet_options(sheet: argparse.ArgumentParser) -> None:
    sheet.add_argument(
        "--department",
        metavar="NAME",
        help=_("the department of rows without one (an existing department, or a new one)"),
    )
    sheet.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=_(
            "read FIELD from the column HEADER (repeatable); FIELD: title, department, id, "
            "description, effort, benefit, burden, weeks_to_benefit, depends_on"
        ),
    )
    sheet.add_argument(
        "--effort-unit",
        choices=("days", "hours", "points"),
        help=_("what the effort column counts (default: what its header says, else person-days)"),
    )
    sheet.add_argument(
        "--hours-per-day",
        type=_hours,
        metavar="H",
        help=_("hours in a person-day, for effort in hours (default 7.5)"),
    )


def _hours(text: str) -> float:
    try:
        hours = float(text.replace(",", "."))
    except ValueError:
        hours = -1.0
    if not 0 < hours <= 24:
        raise argparse.ArgumentTypeError(
            _("not a number of hours above 0, at most 24: {text}").format(text=repr(text))
        )
    return hours


def _start_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date as YYYY-MM-DD: {text}").format(text=repr(text))
        ) from None


def _next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def run_import(args: argparse.Namespace) -> int:
    """Import requests from a sheet; exit 2 with one line per problem, writing nothing."""
    from app.storage.spreadsheet import ImportRefusedError, SpreadsheetError, read_sheet
    from app.storage.spreadsheet.result import NoTitleColumnError

    try:
        target = load_workshop(args.into) if args.into else None
    except WorkshopFileError as error:
        return fail(f"{args.into}: {error}")
    problem = _options_problem(args)
    if problem is not None:
        return fail(problem)
    try:
        result = read_sheet(
            args.sheet_file,
            workshop=target,
            sheet=args.sheet,
            department_column=args.department_column,
            options=_options(args),
        )
    except NoTitleColumnError as error:
        return fail(f"{args.sheet_file}: {messages.no_title(error)}")
    except SpreadsheetError as error:
        return fail(f"{args.sheet_file}: {error}")
    try:
        workshop = _imported(result, target, args)
    except ImportRefusedError as refused:
        return _refused(args, refused.errors, result)
    except SpreadsheetError as error:
        return fail(f"{args.sheet_file}: {error}")
    return _save_import(args, workshop, result)


def _options(args: argparse.Namespace) -> ImportOptions:
    from app.storage.spreadsheet.options import EffortUnit, ImportOptions, parse_map

    return ImportOptions(
        columns=parse_map(args.map),
        department=args.department,
        effort_unit=EffortUnit(args.effort_unit) if args.effort_unit else None,
        hours_per_day=args.hours_per_day,
    )


def _options_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with `-o`, `--title` or `--start`, named by the option, before any reading."""
    from app.storage.spreadsheet.apply import DEFAULT_PHASE, scratch_workshop

    # The most weeks a workshop made from a sheet can reach: its one phase, the longest wait.
    longest = DEFAULT_PHASE.weeks + MAX_WEEKS + SPARE_WEEKS

    if args.output is not None:
        if args.output.is_dir():
            return _("{path}: is a folder: give -o the name of the new workshop file").format(
                path=args.output
            )
        if args.output.exists() or args.output.is_symlink():
            return _("{path}: already exists (use --into to add to it)").format(path=args.output)
    if args.title is not None:
        try:
            scratch_workshop(args.title)
        except ValueError as error:
            return "--title: " + describe(error).removeprefix("title: ")
    if args.start is not None and not fits_calendar(args.start, longest):
        latest = date.max - timedelta(weeks=longest, days=6)
        return _(
            "--start: must be {latest} or earlier, so that every date of the plan falls "
            "within the calendar"
        ).format(latest=latest.isoformat())
    return None


def _default_title(sheet_file: Path) -> str:
    """The sheet's file name as a title: one line of at most 200 characters."""
    title = cleaned(sheet_file.name.split(".")[0])[:TITLE_MAX].strip()
    return title if title and not blank(title) else _("Workshop")


def _imported(result: ImportResult, target: Workshop | None, args: argparse.Namespace) -> Workshop:
    from app.storage.spreadsheet import add_to_backlog, new_workshop_from_sheet

    if target is not None:
        return add_to_backlog(
            target,
            result,
            skip_bad_rows=args.skip_bad_rows,
            create_departments=args.create_departments,
        )
    title = args.title if args.title is not None else _default_title(args.sheet_file)
    start = args.start or _next_monday(date.today())
    return new_workshop_from_sheet(result, title, start, skip_bad_rows=args.skip_bad_rows)


def _refused(args: argparse.Namespace, errors: tuple[RowError, ...], result: ImportResult) -> int:
    sheet_errors = [error for error in errors if error.row is None]
    lines = [messages.sheet_problem(error, result) for error in sheet_errors]
    lines += messages.row_problems([error for error in errors if error.row is not None])
    for line in lines:
        print(f"bellwether: {args.sheet_file}: {line}", file=sys.stderr)
    hint = _("nothing was imported")
    if any(error.row is not None for error in errors) and not args.skip_bad_rows:
        hint += " " + _("(--skip-bad-rows imports the other rows)")
    if any(error.kind == "new-departments" for error in errors):
        hint += " " + _("(--create-departments adds them)")
    return fail(hint)


def _save_import(args: argparse.Namespace, workshop: Workshop, result: ImportResult) -> int:
    path = args.into or args.output
    try:
        save_workshop(path, workshop)
    except OSError as error:
        return fail(
            _("{path}: cannot be written ({reason})").format(
                path=path, reason=error.strerror or error
            )
        )
    count = len(result.requests)
    print(
        ngettext(
            "{path}: {count} request imported into the backlog",
            "{path}: {count} requests imported into the backlog",
            count,
        ).format(path=path, count=count)
    )
    if result.new_departments and (args.output or args.create_departments):
        names = ", ".join(d.name for d in result.new_departments)
        print(_("new departments: {names}").format(names=names))
    if result.bad_rows:
        bad = len(result.bad_rows)
        print(
            ngettext("{count} bad row skipped:", "{count} bad rows skipped:", bad).format(count=bad)
        )
        for line in messages.row_problems([e for e in result.errors if e.row is not None]):
            print(f"  {line}")
    if (columns := messages.not_imported(result)) is not None:
        print(_("note: {note}").format(note=columns))
    for note in result.notes:
        print(_("note: {note}").format(note=note))
    return EXIT_OK
