"""How a sheet is laid out: its header row, the columns of each field, where its rows end, and
what its effort column counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.i18n import _
from app.storage.spreadsheet.advice import header_candidate, likely_titles
from app.storage.spreadsheet.cells import Value, cell_text, fold
from app.storage.spreadsheet.extent import Extent, find_extent
from app.storage.spreadsheet.headers import (
    HEADER_SCAN_ROWS,
    Columns,
    Extra,
    Field,
    columns_at,
    find_header,
    with_column,
)
from app.storage.spreadsheet.options import DEFAULT_HOURS_PER_DAY, EffortUnit, ImportOptions
from app.storage.spreadsheet.result import NoTitleColumnError
from app.storage.spreadsheet.rows import EFFORT_FIELDS, HOURS_PER_DAY, filled
from app.storage.spreadsheet.sources import SpreadsheetError, Table

JIRA_HEADERS = frozenset(fold(name) for name in ("Issue key", "Issue id", "Issue Type"))
"""Headers that only a Jira export has: its descriptions are in Jira's wiki markup."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything about a sheet that holds for all of its rows."""

    columns: Columns
    extent: Extent
    effort: Field | None
    unit: str
    days_per_unit: float
    hours_per_day: float
    jira: bool

    def data(self, rows: Sequence[Sequence[Value]]) -> list[tuple[int, Sequence[Value]]]:
        """The data rows as (sheet row number, cells), totals rows left out."""
        skipped = set(self.extent.totals)
        span = range(self.extent.first, self.extent.end)
        return [(index + 1, rows[index]) for index in span if index not in skipped]


def find_layout(
    rows: Sequence[Sequence[Value]], tables: Sequence[Table], options: ImportOptions
) -> Layout:
    """The layout of a sheet, with the facilitator's column map applied."""
    columns = _columns(rows, options)
    extent = find_extent(rows, columns.row, tables, columns.fields.get(Field.TITLE, ()))
    data = rows[extent.first : extent.end]
    effort = _effort_field(columns, data, options)
    unit = _unit(columns, effort, options)
    hours = options.hours_per_day
    if effort is Field.ESTIMATE_SECONDS and options.hours_per_day is None:
        hours = HOURS_PER_DAY
    per_day = hours or DEFAULT_HOURS_PER_DAY
    per_unit = {"hours": 1 / per_day, "seconds": 1 / (per_day * 3600)}.get(unit, 1.0)
    jira = any(fold(header) in JIRA_HEADERS for header in columns.headers)
    return Layout(columns, extent, effort, unit, per_unit, per_day, jira)


def _columns(rows: Sequence[Sequence[Value]], options: ImportOptions) -> Columns:
    extra: Extra = {fold(header): field for field, header in options.columns.items()}
    index = find_header(rows, extra)
    if index is None:
        raise _no_title(rows)
    columns = columns_at(rows, index, extra)
    for field, header in options.columns.items():
        chosen = with_column(columns, field, header)
        if chosen is None:
            listed = ", ".join(f'"{h}"' for h in columns.headers if h)
            raise SpreadsheetError(
                _(
                    'no column named "{header}" in the header row (row {row}); its columns: '
                    "{listed}"
                ).format(header=header, row=index + 1, listed=listed)
            )
        columns = chosen
    if options.ignored:
        columns = columns.without(frozenset(fold(header) for header in options.ignored))
        if Field.TITLE not in columns.fields:
            message = _("no title column: choose the column that holds each request's title")
            headers = tuple(h for h in columns.headers if h)
            raise NoTitleColumnError(message, columns.row + 1, headers, ())
    return columns


def _no_title(rows: Sequence[Sequence[Value]]) -> NoTitleColumnError:
    candidate = header_candidate(rows)
    if candidate is None:
        headers: tuple[str, ...] = ()
        likely: tuple[str, ...] = ()
    else:
        headers = tuple(h for cell in rows[candidate] if (h := cell_text(cell)))
        below = rows[candidate + 1 : candidate + 1 + HEADER_SCAN_ROWS]
        likely = likely_titles([cell_text(c) for c in rows[candidate]], below)
    message = _(
        "no header row with a title column in the first {count} rows: name the column that "
        "holds each request's title"
    ).format(count=HEADER_SCAN_ROWS)
    return NoTitleColumnError(
        message, None if candidate is None else candidate + 1, headers, likely
    )


def _effort_field(
    columns: Columns, data: Sequence[Sequence[Value]], options: ImportOptions
) -> Field | None:
    """The mapped effort column, else the first one that holds any value (Jira has them all)."""
    if Field.EFFORT in options.columns:
        return Field.EFFORT
    present = [field for field in EFFORT_FIELDS if field in columns.fields]
    for field in present:
        indexes = columns.fields[field]
        if any(filled(cells, i) for cells in data for i in indexes):
            return field
    return present[0] if present else None


def _unit(columns: Columns, effort: Field | None, options: ImportOptions) -> str:
    if effort is Field.ESTIMATE_SECONDS:
        return "seconds"
    if options.effort_unit is not None:
        return options.effort_unit.value
    if effort is Field.STORY_POINTS:
        return "story points"
    return columns.unit(Field.EFFORT) or EffortUnit.DAYS.value if effort else EffortUnit.DAYS.value


_LINK_HEADER = re.compile(r"(?:inward|outward) issue link \((.+)\)", re.IGNORECASE)
_PARENT_HEADERS = {fold(name): name for name in ("Parent", "Parent id", "Parent summary",
                                                 "Sub-tasks", "Sub-task")}  # fmt: skip


def links_left_out(layout: Layout, rows: Sequence[Sequence[Value]]) -> dict[str, int]:
    """Jira's links the import does not read, by kind (Relates, Test, Parent...): how many."""
    read = {i for indexes in layout.columns.fields.values() for i in indexes}
    kinds: dict[int, str] = {}
    for index, header in enumerate(layout.columns.headers):
        match = _LINK_HEADER.fullmatch(header.strip())
        if index in read:
            continue
        if match is not None:
            kinds[index] = match.group(1).strip()
        elif fold(header) in _PARENT_HEADERS:
            kinds[index] = _PARENT_HEADERS[fold(header)].split()[0]
    counts = dict.fromkeys(kinds.values(), 0)
    for _row, cells in layout.data(rows):
        for index, kind in kinds.items():
            if filled(cells, index):
                counts[kind] += 1
    return {kind: count for kind, count in counts.items() if count}
