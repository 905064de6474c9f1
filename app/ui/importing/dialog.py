"""The import preview: what a sheet would add, each bad row's problem, the columns recognised.

The preview re-reads the file whenever the facilitator picks another sheet, another field for a
column, the effort's unit or a department for rows without one. The choices made for a sheet
are remembered for the next sheet with the same headers (`app.ui.importing.memory`).
Nothing changes until OK, which builds the workshop after the import (`outcome`); the caller
(`app.ui.importing.feature`) puts it in the document.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import Workshop
from app.storage.spreadsheet import (
    ImportRefusedError,
    ImportResult,
    NoTitleColumnError,
    SpreadsheetError,
    add_to_backlog,
    new_workshop_from_sheet,
    read_sheet,
    sheet_names,
)
from app.ui.importing import memory
from app.ui.importing.choices import ImportChoices
from app.ui.importing.preview import (
    PreviewModel,
    columns_text,
    department_names,
    next_monday,
    plain,
    plural,
    to_qdate,
    unknown_text,
)

MAX_LISTED_PROBLEMS = 500


class ImportDialog(QDialog):
    """The preview of one sheet's import into `workshop` (None: into a new workshop)."""

    def __init__(
        self, path: Path, workshop: Workshop | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.workshop = workshop
        self.sheet_result: ImportResult | None = None
        self.outcome: Workshop | None = None
        self.setWindowTitle(
            self.tr("Import requests")
            if workshop is not None
            else self.tr("New workshop from spreadsheet")
        )
        self.model = PreviewModel(self)
        self.headers: tuple[str, ...] = ()
        """The header row the column map shows (also when the sheet cannot be imported yet)."""
        self.recalled_for: str | None = None
        self._build()
        self.resize(1150, 760)

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        self.sheet_combo = QComboBox()
        known = [d.name for d in self.workshop.departments] if self.workshop is not None else []
        self.choices = ImportChoices(known)
        self.column_map = self.choices.column_map
        self.recalled = plain(QLabel())
        self.recalled.hide()
        stem = self.path.name.split(".")[0].replace("_", " ").strip()
        self.title_edit = QLineEdit(stem or self.tr("Workshop"))
        self.start_edit = QDateEdit(to_qdate(next_monday(date.today())))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        form = self.form = QFormLayout()
        form.addRow(self.tr("File:"), plain(QLabel(str(self.path))))
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        if self.workshop is None:
            form.addRow(self.tr("Workshop title:"), self.title_edit)
            form.addRow(self.tr("Week 0 starts:"), self.start_edit)
        self.summary = plain(QLabel())
        self.summary.setStyleSheet("QLabel { font-size: 15px; font-weight: bold; }")
        self.failure = plain(QLabel())
        self.failure.setStyleSheet("QLabel { color: #c62828; font-weight: bold; }")
        self.failure.hide()
        self.columns_label = plain(QLabel())
        self.notes_label = plain(QLabel())
        self.create_box = QCheckBox()
        self.skip_box = QCheckBox()
        self.table = self._table()
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems per row"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(form)
        self._connect()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        # Column widths from the first rows only: a 5,000-row sheet previews at once.
        table.horizontalHeader().setResizeContentsPrecision(200)
        table.setWordWrap(False)
        table.setAccessibleName(self.tr("Requests to add"))
        return table

    def _lay_out(self, form: QFormLayout) -> None:
        problems = QWidget()
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(QLabel(self.tr("Problems (these rows are not added):")))
        problems_layout.addWidget(self.problems)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(problems)
        splitter.setSizes([460, 180])
        columns = QWidget()
        columns_layout = QVBoxLayout(columns)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_layout.addWidget(QLabel(self.tr("Columns: choose what each one holds")))
        columns_layout.addWidget(self.column_map, 1)
        columns_layout.addWidget(self.choices)
        columns_layout.addWidget(self.recalled)
        across = QSplitter(Qt.Orientation.Horizontal)
        across.addWidget(columns)
        across.addWidget(splitter)
        across.setSizes([380, 770])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.summary, self.failure, self.columns_label, self.notes_label):
            layout.addWidget(widget)
        layout.addWidget(across, 1)
        layout.addWidget(self.create_box)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.sheet_combo.currentIndexChanged.connect(lambda _index: self._sheet_changed())
        self.choices.changed.connect(self.reread)
        self.create_box.toggled.connect(lambda _on: self._update_ok())
        self.skip_box.toggled.connect(lambda _on: self._update_ok())
        self.title_edit.textChanged.connect(lambda _text: self._update_ok())

    # --- reading -----------------------------------------------------------------------------

    def load(self) -> None:
        """The first read: SpreadsheetError when the file cannot be read at all.

        A sheet without a recognised title column still opens, so the facilitator can choose
        the column; so does a workbook whose first sheet is not a table, for another sheet.
        """
        names = sheet_names(self.path)
        self.sheet_combo.addItems(names)
        self.sheet_combo.setEnabled(len(names) > 1)
        self.form.setRowVisible(self.sheet_combo, bool(names))
        self.sheet_combo.currentIndexChanged.connect(lambda _index: self._sheet_changed())
        error = self.reread()
        if error is not None and len(names) < 2 and not self.headers:
            raise error
        self._recall()

    def _sheet_changed(self) -> None:
        """Another sheet has other headers: back to what the import recognises."""
        self.choices.reset()
        self.reread()
        self._recall()

    def _recall(self) -> None:
        """Take the choices remembered for a sheet with these headers, once per header row."""
        key = memory.header_key(self.headers)
        if not self.headers or key == self.recalled_for:
            return
        self.recalled_for = key
        saved = memory.recall(self.headers)
        self.recalled.setVisible(saved is not None)
        if saved is None:
            return
        self.recalled.setText(
            self.tr("The choices of the last import of a sheet with these columns are used.")
        )
        self.choices.restore(saved)
        self.reread()

    def reread(self) -> SpreadsheetError | None:
        """Read the file again with the chosen sheet and choices; the error, if it cannot be."""
        sheet = self.sheet_combo.currentText() or None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        problem: SpreadsheetError | None = None
        try:
            self.sheet_result = read_sheet(
                self.path, workshop=self.workshop, sheet=sheet, options=self.choices.options()
            )
            self.headers = self.sheet_result.headers
            self.show_failure("")
        except NoTitleColumnError as error:
            problem, self.sheet_result, self.headers = error, None, error.headers
            self.show_failure(self._no_title_text(error))
        except SpreadsheetError as error:
            problem, self.sheet_result = error, None
            self.show_failure(self.tr("Cannot read %s: %s") % (self.path.name, error))
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show()
        return problem

    def _no_title_text(self, error: NoTitleColumnError) -> str:
        if not error.headers:
            text = self.tr("No table of requests on this sheet.")
        else:
            text = self.tr(
                "No column is recognised as the title: choose “Title” for the column that "
                "holds each request's title."
            )
        if self.sheet_combo.count() > 1:
            text += " " + self.tr("Or choose another sheet.")
        return text

    # --- showing -----------------------------------------------------------------------------

    def _show(self) -> None:
        result = self.sheet_result
        existing = (
            {d.id: d.name for d in self.workshop.departments} if self.workshop is not None else {}
        )
        names = department_names(result, existing) if result is not None else existing
        self.model.show(result, names)
        fields = result.column_fields if result is not None else ()
        self.column_map.show_columns(self.headers, fields)
        if result is not None:
            self.choices.show_unit(result.effort_unit)
        self.table.resizeColumnsToContents()
        self._show_problems(result)
        self._show_columns(result)
        self._show_choices(result)
        self._update_ok()

    def show_failure(self, message: str) -> None:
        """Why the file cannot be read or the import was refused ("": all is well)."""
        self.failure.setText(message)
        self.failure.setVisible(bool(message))

    def _show_problems(self, result: ImportResult | None) -> None:
        self.problems.clear()
        errors = result.errors if result is not None else ()
        self.problems.addItems([str(error) for error in errors[:MAX_LISTED_PROBLEMS]])
        if len(errors) > MAX_LISTED_PROBLEMS:
            more = len(errors) - MAX_LISTED_PROBLEMS
            self.problems.addItem(self.tr("… and %d more") % more)
        if result is None:
            self.summary.setText(self.tr("Nothing can be imported from this file."))
            return
        added, bad = len(result.requests), len(result.bad_rows)
        text = plural(
            added,
            self.tr("1 request will be added to the backlog."),
            self.tr("{n} requests will be added to the backlog."),
        )
        if bad:
            text += " " + plural(
                bad,
                self.tr("1 row has problems: correct the sheet, or skip it below."),
                self.tr("{n} rows have problems: correct the sheet, or skip them below."),
            ).format(n=bad)
        self.summary.setText(text.format(n=added))

    def _show_columns(self, result: ImportResult | None) -> None:
        if result is None:
            self.columns_label.clear()
            self.notes_label.clear()
            return
        text = self.tr("Columns recognised (header row %d): %s") % (
            result.header_row,
            columns_text(result) or self.tr("none"),
        )
        if result.unknown_columns:
            text += "\n" + self.tr("Not imported: %s") % unknown_text(result)
        self.columns_label.setText(text)
        self.notes_label.setText("\n".join(f"• {note}" for note in result.notes))
        self.notes_label.setVisible(bool(result.notes))

    def _show_choices(self, result: ImportResult | None) -> None:
        new = result.new_departments if result is not None else ()
        listed = ", ".join(d.name for d in new).replace("&", "&&")
        if self.workshop is None:
            self.create_box.setText(self.tr("Departments from the sheet: %s") % listed)
            self.create_box.setChecked(True)
            self.create_box.setEnabled(False)
        else:
            self.create_box.setText(
                plural(
                    len(new),
                    self.tr("Create 1 department the workshop does not have: {names}"),
                    self.tr("Create {n} departments the workshop does not have: {names}"),
                ).format(n=len(new), names=listed)
            )
        self.create_box.setVisible(bool(new))
        bad = result.bad_rows if result is not None else ()
        whole = result is not None and any(e.row is None for e in result.errors)
        shown = ", ".join(str(row) for row in bad[:12]) + (", …" if len(bad) > 12 else "")
        self.skip_box.setText(
            plural(
                len(bad),
                self.tr("Skip the bad row ({rows})"),
                self.tr("Skip the {n} bad rows ({rows})"),
            ).format(n=len(bad), rows=shown)
        )
        self.skip_box.setVisible(bool(bad))
        self.skip_box.setEnabled(bool(bad) and not whole)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.can_import())
        count = len(self.sheet_result.requests) if self.sheet_result is not None else 0
        if self.workshop is not None:
            text = plural(count, self.tr("Add 1 request"), self.tr("Add {n} requests"))
        else:
            text = plural(
                count,
                self.tr("Create workshop with 1 request"),
                self.tr("Create workshop with {n} requests"),
            )
        ok.setText(text.format(n=count))

    def can_import(self) -> bool:
        """True when OK would import: some good rows, and every problem explicitly dealt with."""
        result = self.sheet_result
        if result is None or not result.requests:
            return False
        if any(error.row is None for error in result.errors):
            return False
        if result.bad_rows and not self.skip_box.isChecked():
            return False
        if self.workshop is None:
            return bool(self.title_edit.text().strip())
        return not result.new_departments or self.create_box.isChecked()

    # --- the outcome -------------------------------------------------------------------------

    def build(self) -> Workshop:
        """The workshop after the import (ImportRefusedError: refused, nothing changed)."""
        assert self.sheet_result is not None
        skip = self.skip_box.isChecked()
        if self.workshop is None:
            start = self.start_edit.date().toPython()
            assert isinstance(start, date)
            return new_workshop_from_sheet(
                self.sheet_result, self.title_edit.text().strip(), start, skip_bad_rows=skip
            )
        return add_to_backlog(
            self.workshop,
            self.sheet_result,
            skip_bad_rows=skip,
            create_departments=self.create_box.isChecked(),
        )

    def accept(self) -> None:
        """Build the workshop; a refusal is shown here and the dialog stays open."""
        if not self.can_import():
            return
        try:
            self.outcome = self.build()
        except ImportRefusedError as error:
            self.show_failure(self.tr("Not imported: %s") % error)
            return
        memory.remember(self.headers, None if self.choices.is_default() else self.choices.saved())
        super().accept()
