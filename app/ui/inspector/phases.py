"""The Phases page: the board's columns in order, their names, weeks and capacity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtWidgets import QWidget

from app.domain.edits import EditError
from app.domain.model import Phase, Workshop
from app.domain.structure import add_phase, move_phase, remove_phase, update_phase
from app.report.weeks import NBSP, date_span
from app.ui.document import WorkshopDocument
from app.ui.inspector.fields import LineField
from app.ui.inspector.form import add_row, counted, with_extras
from app.ui.inspector.listpage import Entry, ListPage
from app.ui.inspector.parsing import format_number, parse_number


class PhasesPage(ListPage):
    """Lists the phases in order; edits, adds, removes and reorders them as undoable commands."""

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.placeholder.setText(self.tr("No phases yet: every request is in the backlog."))
        self.add_phase_button = self.add_button(self.tr("Add phase"), self.add_phase)
        self.remove_phase_button = self.add_button(self.tr("Remove phase"), self.remove_phase)
        self.earlier_button = self.add_button(self.tr("Earlier"), lambda: self.move_phase(-1))
        self.later_button = self.add_button(self.tr("Later"), lambda: self.move_phase(1))
        self.earlier_button.setToolTip(self.tr("Move the phase one place earlier in the plan"))
        self.later_button.setToolTip(self.tr("Move the phase one place later in the plan"))
        self.fields = {
            "name": LineField(),
            "weeks": LineField(self.tr("1 to 520")),
            "capacity": LineField(self.tr("person-days the project team has")),
        }
        self.words = {
            "name": self.tr("name"),
            "weeks": self.tr("weeks"),
            "capacity": self.tr("capacity"),
        }
        add_row(self.form, self.tr("Name"), self.fields["name"])
        add_row(self.form, self.tr("Weeks"), self.fields["weeks"])
        add_row(self.form, self.tr("Capacity (person-days)"), self.fields["capacity"])
        for name, field in self.fields.items():
            field.committed.connect(lambda name=name: self._commit(name))
        self.lay_out()
        self.refresh(force=True)

    # --- drawing ----------------------------------------------------------------------------

    def state(self) -> object:
        """The phases and the start date (the list shows each phase's weeks and dates)."""
        workshop = self.document.workshop
        return (workshop.phases, workshop.start)

    def entries(self) -> Sequence[Entry]:
        """One row per phase, in order, with its days."""
        workshop = self.document.workshop
        rows: list[Entry] = []
        start = 0
        for number, phase in enumerate(workshop.phases, 1):
            end = start + phase.weeks
            dates = date_span(workshop.start, start, end).replace(NBSP, " ")
            label = self.tr("{number}. {name}  ({dates})").format(
                number=number, name=phase.name, dates=dates
            )
            first = workshop.start + timedelta(weeks=start)
            tooltip = f"{phase.name}\n{first.isoformat()}\nid: {phase.id}"
            rows.append(Entry(label, phase.id, tooltip))
            start = end
        return rows

    def selected(self) -> Phase | None:
        """The selected phase, if any."""
        try:
            return self.document.workshop.phase(self.selected_id)
        except KeyError:
            return None

    def show_selected(self, force: bool) -> None:
        """Fill the form from the selected phase."""
        phase = self.selected()
        if phase is None:
            return
        self.fields["name"].set_value(phase.name, force)
        self.fields["weeks"].set_value(format_number(phase.weeks), force)
        self.fields["capacity"].set_value(format_number(phase.capacity), force)

    def update_buttons(self) -> None:
        """Remove and move need a selection, and room to move."""
        phases = [p.id for p in self.document.workshop.phases]
        index = phases.index(self.selected_id) if self.selected_id in phases else -1
        self.remove_phase_button.setEnabled(index >= 0)
        self.earlier_button.setEnabled(index > 0)
        self.later_button.setEnabled(0 <= index < len(phases) - 1)

    # --- editing ----------------------------------------------------------------------------

    def _commit(self, name: str) -> None:
        phase = self.selected()
        if phase is None:
            return

        def build() -> Workshop:
            text = self.fields[name].text()
            value = text if name == "name" else parse_number(text)
            return update_phase(self.document.workshop, phase.id, **{name: value})

        if name == "name":
            text = self.tr("Rename phase '{old}' to '{new}'")
            undo = text.format(old=phase.name, new=self.fields["name"].text().strip())
        else:
            text = self.tr("Edit {field} of phase '{name}'")
            undo = text.format(field=self.words[name], name=phase.name)
        self.apply(self.fields[name], undo, build)

    def add_phase(self) -> None:
        """Add a phase after the last one and select it."""
        name = self.tr("Phase {number}").format(number=len(self.document.workshop.phases) + 1)
        try:
            after, new_id = add_phase(self.document.workshop, name)
        except EditError as error:
            self.list_box.show_error(str(error))
            return
        self.list_box.clear_error()
        if self.document.push(self.tr("Add phase '{name}'").format(name=name), after):
            self.select(new_id)
            self.fields["name"].edit.setFocus()
            self.fields["name"].edit.selectAll()

    def remove_phase(self) -> None:
        """Remove the selected phase; its requests go back to the backlog."""
        phase = self.selected()
        if phase is None:
            return
        try:
            removal = remove_phase(self.document.workshop, phase.id)
        except EditError as error:
            self.list_box.show_error(str(error))
            return
        self.list_box.clear_error()
        extras = []
        if removal.backlogged:
            one = self.tr("1 request back to the backlog")
            many = self.tr("{n} requests back to the backlog")
            extras.append(counted(removal.backlogged, one, many))
        text = self.tr("Remove phase '{name}'").format(name=phase.name)
        self.document.push(text + with_extras(extras), removal.workshop)

    def move_phase(self, offset: int) -> None:
        """Move the selected phase earlier (-1) or later (+1); it stays selected."""
        phase = self.selected()
        if phase is None:
            return
        try:
            after = move_phase(self.document.workshop, phase.id, offset)
        except EditError as error:
            self.list_box.show_error(str(error))
            return
        self.list_box.clear_error()
        text = (
            self.tr("Move phase '{name}' earlier")
            if offset < 0
            else self.tr("Move phase '{name}' later")
        )
        self.document.push(text.format(name=phase.name), after)
