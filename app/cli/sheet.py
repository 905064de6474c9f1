"""`import`: a workshop from a CSV/XLSX sheet of requests, or the requests added to a backlog."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import EXIT_OK, Commands, fail
from app.domain.model import Workshop
from app.storage.workshop_file import WorkshopFileError, load_workshop, save_workshop

if TYPE_CHECKING:
    from app.storage.spreadsheet import ImportResult, RowError


def add_commands(commands: Commands) -> None:
    """Add `import` to the command line."""
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
    sheet.set_defaults(handler=run_import)


def _start_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None


def _next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


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
