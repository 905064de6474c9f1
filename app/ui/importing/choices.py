"""What the facilitator tells the import about a sheet: which column holds what, the effort's
unit, and one department for rows without one.

`ColumnMap` lists every column of the sheet with a field chooser that shows what the import
recognised; a choice overrides it. `ImportChoices` adds the unit and the department and turns
it all into the `ImportOptions` the import reads the sheet with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.storage.spreadsheet import EffortUnit, Field, ImportOptions

MAPPED = (
    Field.TITLE,
    Field.DEPARTMENT,
    Field.ID,
    Field.DESCRIPTION,
    Field.EFFORT,
    Field.BENEFIT,
    Field.BURDEN,
    Field.WEEKS_TO_BENEFIT,
    Field.DEPENDS_ON,
)
"""The fields a column can be chosen for (the same as the command line's `--map`)."""

NOT_IMPORTED = ""
DEFAULT_HOURS = 7.5


class ColumnMap(QTableWidget):
    """Every column of the sheet, each with the field it is imported as."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("Column in the sheet"), self.tr("Imported as")])
        self.setAccessibleName(self.tr("Columns of the sheet"))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.headers: tuple[str, ...] = ()
        self.overrides: dict[str, str] = {}
        """Header -> the field value chosen for it, or "" (not imported)."""

    def labels(self) -> dict[str, str]:
        """Every field's name as the chooser shows it."""
        return {
            Field.TITLE.value: self.tr("Title"),
            Field.DEPARTMENT.value: self.tr("Department"),
            Field.ID.value: self.tr("ID"),
            Field.DESCRIPTION.value: self.tr("Description"),
            Field.EFFORT.value: self.tr("Effort"),
            Field.BENEFIT.value: self.tr("Benefit"),
            Field.BURDEN.value: self.tr("Burden"),
            Field.WEEKS_TO_BENEFIT.value: self.tr("Weeks to benefit"),
            Field.DEPENDS_ON.value: self.tr("Depends on"),
            Field.ALIAS.value: self.tr("Issue id (for links)"),
            Field.DEPARTMENT_NAME.value: self.tr("Department name"),
            Field.STORY_POINTS.value: self.tr("Story points (effort)"),
            Field.ESTIMATE_SECONDS.value: self.tr("Original estimate (effort)"),
            Field.LINKS.value: self.tr("Links (depends on)"),
            Field.PHASE.value: self.tr("Phase (shown only)"),
            Field.VOTES.value: self.tr("Votes (shown only)"),
        }

    def show_columns(self, headers: Sequence[str], fields: Sequence[str]) -> None:
        """List the sheet's named columns, each chooser set to the field it is read as."""
        named = [(h, fields[i] if i < len(fields) else "") for i, h in enumerate(headers) if h]
        shown = tuple(dict.fromkeys(h for h, _field in named))
        current = dict(reversed(named))  # a repeated header: what its first column is read as
        if shown != self.headers:
            self._rebuild(shown)
        for row, header in enumerate(shown):
            self._set(self.combo(row), current.get(header, NOT_IMPORTED))

    def _rebuild(self, headers: tuple[str, ...]) -> None:
        self.headers = headers
        self.setRowCount(len(headers))
        labels = self.labels()
        for row, header in enumerate(headers):
            item = QTableWidgetItem(header)
            item.setToolTip(header)
            self.setItem(row, 0, item)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field of the column “%s”") % header)
            combo.addItem(self.tr("Not imported"), NOT_IMPORTED)
            for field in MAPPED:
                combo.addItem(labels[field.value], field.value)
            combo.currentIndexChanged.connect(lambda _index, r=row: self._chosen(r))
            self.setCellWidget(row, 1, combo)

    def _set(self, combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:  # a field recognised but not offered for choice (phase, story points...)
            combo.blockSignals(True)
            combo.addItem(self.labels().get(value, value), value)
            combo.blockSignals(False)
            index = combo.count() - 1
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def combo(self, row: int) -> QComboBox:
        """The field chooser of the row's column."""
        widget = self.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def choose(self, header: str, value: str) -> None:
        """Choose the field of a column by its header (`""`: not imported), as the user would."""
        combo = self.combo(self.headers.index(header))
        combo.setCurrentIndex(combo.findData(value))

    def _chosen(self, row: int) -> None:
        header, value = self.headers[row], self.combo(row).currentData()
        if value in {field.value for field in MAPPED}:
            # A field comes from one column: an earlier choice of it for another column goes.
            self.overrides = {h: v for h, v in self.overrides.items() if v != value}
        if value == NOT_IMPORTED or value in {field.value for field in MAPPED}:
            self.overrides[header] = value
        else:
            self.overrides.pop(header, None)
        self.changed.emit()

    def mapped(self) -> tuple[dict[Field, str], frozenset[str]]:
        """The columns chosen per field, and the headers chosen not to be imported."""
        columns = {Field(v): h for h, v in self.overrides.items() if v != NOT_IMPORTED}
        ignored = frozenset(h for h, v in self.overrides.items() if v == NOT_IMPORTED)
        return columns, ignored


class ImportChoices(QWidget):
    """The column map, the effort's unit and the department for rows without one."""

    changed = Signal()

    def __init__(self, departments: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column_map = ColumnMap()
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(self.tr("As the header says"), None)
        self.unit_combo.addItem(self.tr("Person-days"), EffortUnit.DAYS.value)
        self.unit_combo.addItem(self.tr("Hours"), EffortUnit.HOURS.value)
        self.unit_combo.addItem(self.tr("Points (1 point = 1 person-day)"), EffortUnit.POINTS.value)
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setRange(1.0, 24.0)
        self.hours_spin.setDecimals(2)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setValue(DEFAULT_HOURS)
        self.hours_spin.setSuffix(self.tr(" hours"))
        self.hours_touched = False
        self.department_edit = QLineEdit()
        self.department_edit.setPlaceholderText(self.tr("none (each row names one)"))
        self.department_edit.setToolTip(
            self.tr("Known departments: %s") % ", ".join(departments) if departments else ""
        )
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Effort counts:"), self.unit_combo)
        form.addRow(self.tr("Hours in a person-day:"), self.hours_spin)
        form.addRow(self.tr("Department of rows without one:"), self.department_edit)
        self.column_map.changed.connect(self.changed)
        self.unit_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.hours_spin.editingFinished.connect(self._hours_changed)
        self.department_edit.editingFinished.connect(self._department_changed)
        self._department = ""

    def _hours_changed(self) -> None:
        self.hours_touched = True
        self.changed.emit()

    def _department_changed(self) -> None:
        if self.department_edit.text().strip() != self._department:
            self._department = self.department_edit.text().strip()
            self.changed.emit()

    def options(self) -> ImportOptions:
        """The import's options from the choices made."""
        columns, ignored = self.column_map.mapped()
        unit = self.unit_combo.currentData()
        return ImportOptions(
            columns=columns,
            department=self.department_edit.text().strip() or None,
            effort_unit=EffortUnit(unit) if unit else None,
            hours_per_day=self.hours_spin.value() if self.hours_touched else None,
            ignored=ignored,
        )

    def show_unit(self, found: str) -> None:
        """Say which unit the header suggested; hours per day only matter for hours."""
        text = self.tr("As the header says (%s)") % self.unit_names().get(found, found)
        self.unit_combo.setItemText(0, text)
        self.hours_spin.setEnabled(found in ("hours", "seconds"))
        if found == "seconds" and not self.hours_touched:
            self.hours_spin.setValue(8.0)  # Jira's working day

    def unit_names(self) -> dict[str, str]:
        """The units of an effort column, as the chooser names them."""
        return {
            "days": self.tr("person-days"),
            "hours": self.tr("hours"),
            "points": self.tr("points"),
            "story points": self.tr("story points"),
            "seconds": self.tr("seconds"),
        }

    def saved(self) -> dict[str, object]:
        """The choices as plain data, to be remembered for a sheet with the same headers."""
        return {
            "map": dict(self.column_map.overrides),
            "unit": self.unit_combo.currentData(),
            "hours": self.hours_spin.value() if self.hours_touched else None,
            "department": self.department_edit.text().strip(),
        }

    def restore(self, saved: Mapping[str, object]) -> None:
        """Take back remembered choices (without announcing each one)."""
        self.blockSignals(True)
        chosen = saved.get("map")
        if isinstance(chosen, dict):
            self.column_map.overrides = {str(h): str(v) for h, v in chosen.items()}
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(saved.get("unit")), 0))
        hours = saved.get("hours")
        self.hours_touched = isinstance(hours, int | float)
        if isinstance(hours, int | float):
            self.hours_spin.setValue(float(hours))
        department = saved.get("department")
        self._department = department if isinstance(department, str) else ""
        self.department_edit.setText(self._department)
        self.blockSignals(False)

    def reset(self) -> None:
        """Back to what the import recognises by itself (another sheet: other columns)."""
        self.restore({"map": {}, "unit": None, "hours": None, "department": ""})
        self.hours_spin.setValue(DEFAULT_HOURS)

    def is_default(self) -> bool:
        """True when nothing was chosen beyond what the import recognises by itself."""
        saved = self.saved()
        return (
            not saved["map"]
            and not saved["unit"]
            and saved["hours"] is None
            and not (saved["department"])
        )
