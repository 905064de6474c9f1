"""File > New…: the title, the start date and the departments of a new workshop."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import TITLE_MAX, Workshop
from app.ui.files.dialogs import blank_workshop, next_monday

FROM_SHEET = 2
"""The dialog's result when the facilitator chose to start from a spreadsheet instead."""


class NewWorkshopDialog(QDialog):
    """Asks what a new workshop needs first; phases and requests follow in the inspector."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New workshop"))
        self.title = QLineEdit(self.tr("New workshop"))
        self.title.setMaxLength(TITLE_MAX)
        self.title.selectAll()
        monday = next_monday(today)
        self.start = QDateEdit(QDate(monday.year, monday.month, monday.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.departments = QPlainTextEdit()
        self.departments.setPlaceholderText(self.tr("Sales\nMarketing\nCustomer service"))
        self.departments.setAccessibleName(self.tr("Departments, one per line"))
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Start date:"), self.start)
        form.addRow(self.tr("&Departments (one per line):"), self.departments)
        self.sheet_button = QPushButton(self.tr("From a &spreadsheet…"))
        self.sheet_button.setToolTip(
            self.tr("Start from a CSV or XLSX file of requests instead: a preview shows first")
        )
        self.sheet_button.clicked.connect(lambda: self.done(FROM_SHEET))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(self.sheet_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Phases and requests follow in the inspector.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def workshop(self) -> Workshop:
        """The workshop the answers describe."""
        start = self.start.date()
        return blank_workshop(
            title=self.title.text(),
            start=date(start.year(), start.month(), start.day()),
            departments=self.departments.toPlainText().splitlines(),
        )
