"""What reading a sheet gives: the requests it would add, and what is wrong with it, per row."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.model import Department, Request
from app.i18n import _
from app.storage.spreadsheet.sources import SpreadsheetError


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in the sheet: `row 7, column "effort": "lots" is not a number`.

    `row` is the row number a spreadsheet program shows (None for a problem of the whole sheet);
    `column` the header as written in the sheet (None when no single column is at fault).
    """

    row: int | None
    column: str | None
    message: str
    kind: str = ""
    """What kind of problem, for counting the rest: `no-title`, `no-department`, `empty-title`,
    `empty-department` ("" for the others, counted by column)."""

    def __str__(self) -> str:
        place = [_("row {row}").format(row=self.row)] if self.row is not None else []
        if self.column is not None:
            place.append(_('column "{column}"').format(column=self.column))
        return f"{', '.join(place)}: {self.message}" if place else self.message


@dataclass(frozen=True, slots=True)
class RequestHint:
    """What the sheet says about a request that is shown in the preview but not imported."""

    votes: float | None = None
    phase: str | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A sheet read for import: the good rows as requests, and every problem found.

    Nothing is imported yet: `add_to_backlog` or `new_workshop_from_sheet` do that, and refuse
    while there are errors unless asked to skip the bad rows.
    """

    requests: tuple[Request, ...]
    """The requests of the good rows, in sheet order, in the backlog (`phase` None)."""
    errors: tuple[RowError, ...]
    """Every problem, row by row; a row with any problem is not among `requests`."""
    columns: dict[str, str]
    """Recognised field (`"title"`, `"effort"`, ...) -> the header it was read from."""
    unknown_columns: tuple[str, ...]
    """Headers that were not recognised (their cells are not imported)."""
    headers: tuple[str, ...]
    """Every header of the header row, in order: the choices for the department column."""
    new_departments: tuple[Department, ...]
    """Departments the good rows name that the workshop does not have, as they would be created."""
    rows: dict[str, int] = field(default_factory=dict)
    """Request id -> the row it came from."""
    hints: dict[str, RequestHint] = field(default_factory=dict)
    """Request id -> the sheet's votes and phase, for the preview only."""
    notes: tuple[str, ...] = ()
    """Things the facilitator should know that are not errors (conversions, shortened text)."""
    sheet: str | None = None
    """The XLSX sheet read (None for a CSV)."""
    header_row: int = 1
    """The row the headers were found in."""
    likely: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Field (`"department"`) -> headers that probably hold it, when the sheet names none."""
    effort_unit: str = "days"
    """What the effort column counted: days, hours, points, story points or seconds."""
    left_out: tuple[str, ...] = ()
    """Notes on rows left out around the table (totals, a second table)."""
    column_fields: tuple[str, ...] = ()
    """Per header in `headers`: the field its cells are read as (a `Field` value), or ""."""

    @property
    def ok(self) -> bool:
        """True when every row can be imported."""
        return not self.errors

    @property
    def bad_rows(self) -> tuple[int, ...]:
        """The rows with at least one problem."""
        return tuple(sorted({e.row for e in self.errors if e.row is not None}))


class NoTitleColumnError(SpreadsheetError):
    """No header row names a title column; `headers` are the likely header row's cells."""

    def __init__(self, message: str, row: int | None, headers: tuple[str, ...],
                 likely: tuple[str, ...]) -> None:  # fmt: skip
        super().__init__(message)
        self.row = row
        self.headers = headers
        self.likely = likely


class ImportRefusedError(SpreadsheetError):
    """An import that was refused; `errors` lists why, and nothing was changed."""

    def __init__(self, errors: tuple[RowError, ...]) -> None:
        self.errors = errors
        shown = "; ".join(str(error) for error in errors[:3])
        count = len(errors) - 3
        more = _(" (and {count} more)").format(count=count) if count > 0 else ""
        super().__init__(shown + more)
