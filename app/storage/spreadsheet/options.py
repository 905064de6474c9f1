"""What the facilitator tells the import about a sheet: a column map, the effort's unit, one
department for all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.i18n import _
from app.storage.spreadsheet.headers import Field
from app.storage.spreadsheet.sources import SpreadsheetError

DEFAULT_HOURS_PER_DAY = 7.5
"""A person-day of effort, in hours, when a sheet counts hours."""

MAP_FIELDS: dict[str, Field] = {
    "title": Field.TITLE,
    "department": Field.DEPARTMENT,
    "id": Field.ID,
    "description": Field.DESCRIPTION,
    "effort": Field.EFFORT,
    "benefit": Field.BENEFIT,
    "burden": Field.BURDEN,
    "weeks_to_benefit": Field.WEEKS_TO_BENEFIT,
    "depends_on": Field.DEPENDS_ON,
}
"""The fields a column can be mapped to, by the name `--map FIELD=HEADER` uses."""


class EffortUnit(StrEnum):
    """What the numbers of an effort column count."""

    DAYS = "days"
    HOURS = "hours"
    POINTS = "points"


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """The choices that override what the import recognises by itself.

    `columns` maps a field to the header of the column that holds it (the header as written,
    compared folded); `department` is the department of rows with no department cell (an
    existing department's id or name, or a new one); `effort_unit` None lets the effort
    header suggest it (`Estimat (timer)`: hours), else days.
    """

    columns: dict[Field, str] = field(default_factory=dict)
    department: str | None = None
    effort_unit: EffortUnit | None = None
    hours_per_day: float | None = None
    """None: 7.5, or Jira's 8 for its estimates in seconds."""
    ignored: frozenset[str] = frozenset()
    """Headers (as written) of columns not to import, though their header is recognised."""


def parse_map(entries: list[str]) -> dict[Field, str]:
    """`["title=Story", "effort=Estimation"]` as fields and headers; SpreadsheetError if bad."""
    columns: dict[Field, str] = {}
    names = ", ".join(MAP_FIELDS)
    for entry in entries:
        name, equals, header = entry.partition("=")
        target = MAP_FIELDS.get(name.strip().lower().replace(" ", "_"))
        if not equals or not header.strip() or target is None:
            raise SpreadsheetError(
                _('--map "{entry}": write FIELD=HEADER, with FIELD one of {names}').format(
                    entry=entry, names=names
                )
            )
        columns[target] = header.strip()
    return columns
