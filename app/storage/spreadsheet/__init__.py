"""Requests from a spreadsheet, and the plan back to one (no Qt).

Import: `read_sheet` reads a CSV or XLSX file into an `ImportResult` (the requests of the good
rows, every problem per row, the columns recognised, the departments the workshop lacks);
`add_to_backlog` or `new_workshop_from_sheet` then make the workshop, all rows or none unless
asked to skip bad rows. Export: `write_plan_csv` and `write_plan_xlsx`.
"""

from app.storage.spreadsheet.apply import DEFAULT_PHASE, add_to_backlog, new_workshop_from_sheet
from app.storage.spreadsheet.cells import escape_formula, unescape_formula
from app.storage.spreadsheet.export import plan_table, write_plan_csv, write_plan_xlsx
from app.storage.spreadsheet.headers import Field, known_headers
from app.storage.spreadsheet.importer import import_rows, read_sheet
from app.storage.spreadsheet.options import EffortUnit, ImportOptions
from app.storage.spreadsheet.result import (
    ImportRefusedError,
    ImportResult,
    NoTitleColumnError,
    RequestHint,
    RowError,
)
from app.storage.spreadsheet.rows import HOURS_PER_DAY
from app.storage.spreadsheet.sources import SUFFIXES, SpreadsheetError, sheet_names

__all__ = [
    "DEFAULT_PHASE",
    "HOURS_PER_DAY",
    "SUFFIXES",
    "EffortUnit",
    "Field",
    "ImportOptions",
    "ImportRefusedError",
    "ImportResult",
    "NoTitleColumnError",
    "RequestHint",
    "RowError",
    "SpreadsheetError",
    "add_to_backlog",
    "escape_formula",
    "import_rows",
    "known_headers",
    "new_workshop_from_sheet",
    "plan_table",
    "read_sheet",
    "sheet_names",
    "unescape_formula",
    "write_plan_csv",
    "write_plan_xlsx",
]
