"""What an import would add, as the preview shows it: the table model and the summary texts.

Everything from the sheet is shown as plain text: table cells, list items and labels set to
plain text, never interpreted as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QLabel

from app.domain.model import Request
from app.i18n.numbers import number
from app.storage.spreadsheet import ImportResult

HEADERS = (
    "Row",
    "Id",
    "Title",
    "Department",
    "Effort (pd)",
    "Benefit",
    "Burden",
    "Depends on",
    "Votes (sheet)",
    "Phase (sheet)",
)
SHOWN_HEADERS = 8
"""How many unrecognised headers are named before "and N more"."""


def plural(count: int, one: str, many: str) -> str:
    """The singular or plural form of a translated phrase."""
    return one if count == 1 else many


def points_text(points: Mapping[str, float], names: Mapping[str, str]) -> str:
    """Benefit or burden points as "Sales 3, Service 1"."""
    return ", ".join(f"{names.get(d, d)} {number(p)}" for d, p in points.items())


def _row(result: ImportResult, request: Request, names: Mapping[str, str]) -> tuple[str, ...]:
    hint = result.hints.get(request.id)
    votes = "" if hint is None or hint.votes is None else number(hint.votes)
    row = result.rows.get(request.id)
    return (
        "" if row is None else str(row),
        request.id,
        request.title,
        names.get(request.department, request.department),
        number(request.effort),
        points_text(request.benefit, names),
        points_text(request.burden, names),
        ", ".join(request.depends_on),
        votes,
        (hint.phase or "") if hint is not None else "",
    )


class PreviewModel(QAbstractTableModel):
    """The requests an import would add, one row each (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []

    def show(self, result: ImportResult | None, names: Mapping[str, str]) -> None:
        """Show the good rows of a sheet read (None: nothing)."""
        self.beginResetModel()
        self.rows = [_row(result, r, names) for r in result.requests] if result is not None else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        """One row per request (a table: no children)."""
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        """The fixed columns in `HEADERS`."""
        return 0 if parent is not None and parent.isValid() else len(HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The cell's text; numbers right-aligned."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles across the top; no row headers (the sheet's row is a column)."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return self.tr(HEADERS[section])
        return None


def columns_text(result: ImportResult) -> str:
    """Which field was read from which header, e.g. `title ← "Summary"`."""
    return "; ".join(f"{field} ← “{header}”" for field, header in result.columns.items())


def unknown_text(result: ImportResult) -> str:
    """The headers that are not imported, the first few by name."""
    unknown = result.unknown_columns
    shown = ", ".join(f"“{h}”" for h in unknown[:SHOWN_HEADERS])
    more = len(unknown) - SHOWN_HEADERS
    if more <= 0:
        return shown
    return QCoreApplication.translate("PreviewModel", "%s and %d more") % (shown, more)


def department_names(result: ImportResult, existing: Mapping[str, str]) -> dict[str, str]:
    """Department id -> name, for the workshop's departments and those the import would add."""
    return {**existing, **{d.id: d.name for d in result.new_departments}}


def plain(label: QLabel) -> QLabel:
    """A label that shows text from a file literally, wrapped."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def next_monday(today: date) -> date:
    """The first Monday after today: a sensible week 0 for a new workshop."""
    return today + timedelta(days=7 - today.weekday())


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)
