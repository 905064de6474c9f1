"""The plan as a spreadsheet for the project team: one row per request, with phase, dates, votes.

The CSV is UTF-8 with a byte-order mark (so Excel reads the accents), comma-separated, numbers
with a decimal point; importing it again gives the same requests. Cells that a spreadsheet would
run as a formula are written as text (see `escape_formula`); in the XLSX every text cell is a
typed string cell, so nothing in it is ever a formula.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.model import Request, Workshop
from app.domain.schedule import Schedule, build_schedule, iso_week, week_date
from app.storage.atomic import atomic_write
from app.storage.spreadsheet.cells import FORMULA_START, escape_formula, format_number

Cell = str | float | int | date | None

FIXED_HEADERS = (
    "ID", "Title", "Department", "Department name", "Description", "Effort", "Benefit", "Burden",
    "Weeks to benefit", "Depends on", "Phase", "Phase start", "Go-live", "Go-live week",
    "Win date", "Win week",
)  # fmt: skip
TOTAL_VOTES = "Votes"
_WIDTHS = {"A": 14, "B": 40, "C": 14, "D": 18, "E": 40}


def plan_table(workshop: Workshop) -> tuple[list[str], list[list[Cell]]]:
    """The headers and rows of the exported plan (typed values: numbers, dates, text)."""
    departments = workshop.departments
    headers = [*FIXED_HEADERS, *(f"Votes: {d.name}" for d in departments), TOTAL_VOTES]
    schedule = build_schedule(workshop)
    names = {department.id: department.name for department in departments}
    rows = []
    for request in workshop.requests:
        dots = [workshop.votes.get(d.id, {}).get(request.id, 0) for d in departments]
        rows.append([*_request_cells(workshop, schedule, names, request), *dots, sum(dots)])
    return headers, rows


def _request_cells(
    workshop: Workshop, schedule: Schedule, names: dict[str, str], request: Request
) -> list[Cell]:
    cells: list[Cell] = [
        request.id, request.title, request.department, names[request.department],
        request.description, request.effort, _points(request.benefit), _points(request.burden),
        request.weeks_to_benefit, ", ".join(request.depends_on),
    ]  # fmt: skip
    if request.phase is None:
        return [*cells, None, None, None, None, None, None]
    load = schedule.phases[request.phase]
    win = load.end + request.weeks_to_benefit
    start = workshop.start
    return [
        *cells, workshop.phase(request.phase).name, week_date(start, load.start),
        week_date(start, load.end), iso_week(start, load.end), week_date(start, win),
        iso_week(start, win),
    ]  # fmt: skip


def _points(points: dict[str, float]) -> str:
    return ", ".join(f"{key}:{format_number(value)}" for key, value in points.items())


def plan_csv_bytes(workshop: Workshop) -> bytes:
    """The plan as CSV bytes (UTF-8 with BOM, comma-separated, CRLF line ends)."""
    headers, rows = plan_table(workshop)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return escape_formula(cell)
    if isinstance(cell, date):
        return cell.isoformat()
    return format_number(float(cell))


def write_plan_csv(path: Path, workshop: Workshop) -> None:
    """Write the plan as CSV, atomically (OSError with the reason on failure)."""
    atomic_write(path, plan_csv_bytes(workshop))


def plan_xlsx_bytes(workshop: Workshop) -> bytes:
    """The plan as an XLSX workbook with one sheet, "Plan"."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    headers, rows = plan_table(workshop)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Plan")
    sheet.freeze_panes = "A2"
    for column, width in _WIDTHS.items():
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    header_cells = [_text_cell(WriteOnlyCell(sheet), name) for name in headers]
    for cell in header_cells:
        cell.font = bold
    sheet.append(header_cells)
    for row in rows:
        sheet.append(
            [_text_cell(WriteOnlyCell(sheet), c) if isinstance(c, str) else c for c in row]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text_cell(cell: Any, text: str) -> Any:
    """A cell typed as a string, so `=...` is shown, never calculated.

    openpyxl would store text starting with `=` as a formula; the type is set after the value.
    Text that looks like a formula also gets Excel's quote prefix, so editing the cell in Excel
    keeps it text. Control characters XLSX cannot hold are left out.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell


def write_plan_xlsx(path: Path, workshop: Workshop) -> None:
    """Write the plan as XLSX, atomically (OSError with the reason on failure)."""
    atomic_write(path, plan_xlsx_bytes(workshop))
