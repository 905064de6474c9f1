"""The Departments page: the swimlanes, their heads, colours, burden capacity and thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QPushButton, QWidget

from app.domain.edits import EditError
from app.domain.model import Department, Workshop
from app.domain.structure import add_department, remove_department, update_department
from app.ui.document import WorkshopDocument
from app.ui.inspector.fields import LineField
from app.ui.inspector.form import add_row, counted, with_extras
from app.ui.inspector.listpage import Entry, ListPage, swatch
from app.ui.inspector.parsing import format_number, parse_optional_number
from app.ui.theme import department_color

NUMBERS = ("burden_capacity", "first_win_weeks", "max_gap_weeks")


class DepartmentsPage(ListPage):
    """Lists the departments; edits, adds and removes them, each as one undoable command."""

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.placeholder.setText(self.tr("No departments yet: add one."))
        self.add_department_button = self.add_button(self.tr("Add department"), self.add_department)
        self.remove_department_button = self.add_button(
            self.tr("Remove department"), self.remove_department
        )
        self.fields = {
            "name": LineField(),
            "head": LineField(),
            "color": LineField(self.tr("#RRGGBB, empty: from the palette")),
            "burden_capacity": LineField(self.tr("empty: not checked")),
            "first_win_weeks": LineField(),
            "max_gap_weeks": LineField(),
        }
        self.words = {
            "name": self.tr("name"),
            "head": self.tr("head"),
            "color": self.tr("colour"),
            "burden_capacity": self.tr("burden capacity"),
            "first_win_weeks": self.tr("first win within"),
            "max_gap_weeks": self.tr("longest gap between wins"),
        }
        self.choose_color = QPushButton(self.tr("Choose…"))
        self.choose_color.clicked.connect(self._choose_color)
        self._add_rows()
        for name, field in self.fields.items():
            field.committed.connect(lambda name=name: self._commit(name))
        self.lay_out()
        self.refresh(force=True)

    def _add_rows(self) -> None:
        color_row = QWidget()
        row = QHBoxLayout(color_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fields["color"], 1)
        row.addWidget(self.choose_color)
        labels = {
            "name": self.tr("Name"),
            "head": self.tr("Head"),
            "burden_capacity": self.tr("Burden capacity (hours per user per phase)"),
            "first_win_weeks": self.tr("First win within (weeks)"),
            "max_gap_weeks": self.tr("Longest gap between wins (weeks)"),
        }
        for name in ("name", "head"):
            add_row(self.form, labels[name], self.fields[name])
        add_row(self.form, self.tr("Colour"), self.fields["color"], color_row)
        for name in NUMBERS:
            add_row(self.form, labels[name], self.fields[name])

    # --- drawing ----------------------------------------------------------------------------

    def state(self) -> object:
        """The departments and the workshop thresholds shown as placeholders."""
        workshop = self.document.workshop
        return (workshop.departments, workshop.settings)

    def entries(self) -> Sequence[Entry]:
        """One row per department, with its colour."""
        workshop = self.document.workshop
        return [
            Entry(
                d.name,
                d.id,
                f"{d.name}\n{d.head}\nid: {d.id}",
                department_color(workshop, i).name(),
            )
            for i, d in enumerate(workshop.departments)
        ]

    def selected(self) -> Department | None:
        """The selected department, if any."""
        try:
            return self.document.workshop.department(self.selected_id)
        except KeyError:
            return None

    def show_selected(self, force: bool) -> None:
        """Fill the form from the selected department."""
        department = self.selected()
        if department is None:
            return
        settings = self.document.workshop.settings
        for name in ("name", "head"):
            self.fields[name].set_value(getattr(department, name), force)
        self.fields["color"].set_value(department.color or "", force)
        index = self.document.workshop.departments.index(department)
        self.choose_color.setIcon(swatch(department_color(self.document.workshop, index).name()))
        for name in NUMBERS:
            self.fields[name].set_value(format_number(getattr(department, name)), force)
        for name in ("first_win_weeks", "max_gap_weeks"):
            text = self.tr("empty: the workshop's {weeks}")
            self.fields[name].edit.setPlaceholderText(
                text.format(weeks=format_number(getattr(settings, name)))
            )

    def update_buttons(self) -> None:
        """Remove needs a selected department."""
        self.remove_department_button.setEnabled(bool(self.selected_id))

    # --- editing ----------------------------------------------------------------------------

    def _commit(self, name: str) -> None:
        department = self.selected()
        if department is None:
            return

        def build() -> Workshop:
            value = self._read(name)
            return update_department(self.document.workshop, department.id, **{name: value})

        self.apply(self.fields[name], self._undo_text(name, department), build)

    def _read(self, name: str) -> Any:
        text = self.fields[name].text()
        if name in NUMBERS:
            return parse_optional_number(text)
        if name == "color":
            return text.strip() or None
        return text

    def _undo_text(self, name: str, department: Department) -> str:
        if name == "name":
            new = self.fields["name"].text().strip()
            text = self.tr("Rename department '{old}' to '{new}'")
            return text.format(old=department.name, new=new)
        text = self.tr("Edit {field} of department '{name}'")
        return text.format(field=self.words[name], name=department.name)

    def _choose_color(self) -> None:
        department = self.selected()
        if department is None:
            return
        index = self.document.workshop.departments.index(department)
        initial = department_color(self.document.workshop, index)
        title = self.tr("Colour of {name}").format(name=department.name)
        chosen = QColorDialog.getColor(initial, self, title)
        if chosen.isValid():
            self.set_color(chosen)

    def set_color(self, color: QColor) -> None:
        """Apply a colour chosen in the dialog, as if typed."""
        field = self.fields["color"]
        field.edit.setText(color.name().upper())
        field.edit.setModified(True)
        self._commit("color")

    def add_department(self) -> None:
        """Add a department at the bottom of the board and select it."""
        name = self.tr("New department")
        try:
            after, new_id = add_department(self.document.workshop, name)
        except EditError as error:
            self.list_box.show_error(str(error))
            return
        self.list_box.clear_error()
        if self.document.push(self.tr("Add department '{name}'").format(name=name), after):
            self.select(new_id)
            self.fields["name"].edit.setFocus()
            self.fields["name"].edit.selectAll()

    def remove_department(self) -> None:
        """Remove the selected department, or say why it cannot go yet."""
        department = self.selected()
        if department is None:
            return
        try:
            removal = remove_department(self.document.workshop, department.id)
        except EditError as error:
            self.list_box.show_error(str(error))
            return
        self.list_box.clear_error()
        extras = []
        if removal.points:
            one, many = (
                self.tr("clear 1 benefit or burden"),
                self.tr("clear {n} benefits and burdens"),
            )
            extras.append(counted(removal.points, one, many))
        if removal.dots:
            one, many = self.tr("drop 1 dot of votes"), self.tr("drop {n} dots of votes")
            extras.append(counted(removal.dots, one, many))
        if removal.signoffs:
            extras.append(self.tr("drop its sign-off"))
        text = self.tr("Remove department '{name}'").format(name=department.name)
        self.document.push(text + with_extras(extras), removal.workshop)
