"""The Request page: every field of the selected request, and adding or removing requests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.edits import EditError
from app.domain.model import Request, Workshop
from app.domain.schedule import week_date
from app.domain.structure import add_request, remove_request, update_request
from app.ui.document import WorkshopDocument
from app.ui.inspector.fields import ChecklistField, ComboField, FieldBox, LineField, TextField
from app.ui.inspector.form import (
    Form,
    add_row,
    counted,
    form_layout,
    hint,
    page_layout,
    scrolled,
    with_extras,
)
from app.ui.inspector.parsing import format_number, format_points, parse_number, parse_points
from app.ui.wrapping import long_words_softened

BACKLOG = ""  # the phase combo's id for the backlog


class RequestForm(Form):
    """Edits one request; each field is applied on its own as one undoable command."""

    requestSelected = Signal(str)

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.request_id = ""
        self._force_next = False
        self._build_fields()
        self._build_actions()
        self._lay_out()
        for name, field in self.fields.items():
            field.committed.connect(lambda name=name: self._commit(name))
        self.refresh(force=True)

    def _build_fields(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.when = hint("")
        self.placeholder = hint(
            self.tr("Select a card on the board to edit its request, or add a new request.")
        )
        self.fields: dict[str, FieldBox] = {
            "title": LineField(),
            "department": ComboField(),
            "phase": ComboField(),
            "effort": LineField(self.tr("person-days, e.g. 8")),
            "benefit": LineField(self.tr("e.g. Sales: 3, Service: 1")),
            "burden": LineField(self.tr("e.g. Sales: 2")),
            "weeks_to_benefit": LineField(self.tr("weeks after go-live, e.g. 2")),
            "depends_on": ChecklistField(),
            "description": TextField(),
        }
        self.labels = {
            "title": self.tr("Title"),
            "department": self.tr("Department"),
            "phase": self.tr("Phase"),
            "effort": self.tr("Effort (person-days)"),
            "benefit": self.tr("Benefit (points)"),
            "burden": self.tr("Burden (hours per user)"),
            "weeks_to_benefit": self.tr("Weeks to benefit"),
            "depends_on": self.tr("Depends on"),
            "description": self.tr("Description"),
        }

    def _build_actions(self) -> None:
        self.add_button = QPushButton(self.tr("Add request"))
        self.remove_button = QPushButton(self.tr("Remove request"))
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.action_box = FieldBox(row)
        self.add_button.clicked.connect(self.add_request)
        self.remove_button.clicked.connect(self.remove_request)

    def _lay_out(self) -> None:
        self.body = QWidget()
        form = form_layout()
        form.addWidget(self.heading)
        form.addWidget(self.when)
        for name, field in self.fields.items():
            add_row(form, self.labels[name], field)
        self.body.setLayout(form)
        content = QWidget()
        inner = page_layout(content)
        inner.addWidget(self.placeholder)
        inner.addWidget(self.body)
        inner.addStretch(1)
        outer = page_layout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(content), 1)
        outer.addWidget(self.action_box)
        self.action_box.setContentsMargins(6, 0, 6, 6)

    # --- showing ----------------------------------------------------------------------------

    def current(self) -> Request | None:
        """The request shown, if it (still) exists."""
        try:
            return self.document.workshop.request(self.request_id) if self.request_id else None
        except KeyError:
            return None

    def show_request(self, request_id: str) -> None:
        """Show this request ("" for none); refused values of another request are dropped."""
        if request_id == self.request_id:
            return
        self.request_id = request_id
        self.action_box.clear_error()
        self._force_next = True
        if self.isVisible():
            self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Redraw from the document when anything the page shows has changed."""
        force, self._force_next = force or self._force_next, False
        workshop = self.document.workshop
        request = self.current()
        others = [(r.title, r.id) for r in workshop.requests if r.id != self.request_id]
        key = (request, workshop.departments, workshop.phases, workshop.start, others)
        if key == self._key and not force:
            return
        self._key = key
        self.placeholder.setVisible(request is None)
        self.body.setVisible(request is not None)
        self.remove_button.setEnabled(request is not None)
        if request is not None:
            self._show(workshop, request, others, force)

    def _show(
        self, workshop: Workshop, request: Request, others: list[tuple[str, str]], force: bool
    ) -> None:
        self.heading.setText(long_words_softened(request.title))
        self.when.setText(long_words_softened(self._when(workshop, request)))
        self._line("title").set_value(request.title, force)
        self._line("effort").set_value(format_number(request.effort), force)
        for name in ("benefit", "burden"):
            points = format_points(getattr(request, name), workshop.departments)
            self._line(name).set_value(points, force)
        self._line("weeks_to_benefit").set_value(format_number(request.weeks_to_benefit), force)
        self._text("description").set_value(request.description, force)
        departments = [(d.name, d.id) for d in workshop.departments]
        self._combo("department").set_items(departments, request.department, force)
        phases = [(self.tr("Backlog"), BACKLOG)] + [(p.name, p.id) for p in workshop.phases]
        self._combo("phase").set_items(phases, request.phase or BACKLOG, force)
        checklist = self.fields["depends_on"]
        assert isinstance(checklist, ChecklistField)
        checklist.set_items(others, request.depends_on, force)

    def _when(self, workshop: Workshop, request: Request) -> str:
        """The request's id and where the schedule puts it, in words."""
        live = self.document.analysis.schedule.go_live(request.phase)
        if live is None:
            where = self.tr("in the backlog, not scheduled")
        else:
            text = self.tr("goes live in week {week} ({date})")
            where = text.format(week=live, date=week_date(workshop.start, live).isoformat())
            if request.benefit:
                win = live + request.weeks_to_benefit
                where += self.tr(", benefit from week {week}").format(week=win)
        return self.tr("id {id} · {where}").format(id=request.id, where=where)

    def _line(self, name: str) -> LineField:
        field = self.fields[name]
        assert isinstance(field, LineField)
        return field

    def _text(self, name: str) -> TextField:
        field = self.fields[name]
        assert isinstance(field, TextField)
        return field

    def _combo(self, name: str) -> ComboField:
        field = self.fields[name]
        assert isinstance(field, ComboField)
        return field

    # --- editing ----------------------------------------------------------------------------

    def _commit(self, name: str) -> None:
        request = self.current()
        if request is None:
            return

        def build() -> Workshop:
            workshop = self.document.workshop
            return update_request(workshop, request.id, **{name: self._read(name, request)})

        self.apply(self.fields[name], self._undo_text(name, request), build)

    def _read(self, name: str, request: Request) -> Any:
        """The value the user left in a field, as the model holds it (ParseError if unreadable)."""
        field = self.fields[name]
        if isinstance(field, LineField | TextField) and name in ("title", "description"):
            return field.text()
        if name in ("effort", "weeks_to_benefit"):
            return parse_number(self._line(name).text())
        if name in ("benefit", "burden"):
            return parse_points(self._line(name).text(), self.document.workshop.departments)
        if name == "phase":
            return self._combo(name).value() or None
        if name == "department":
            return self._combo(name).value()
        assert isinstance(field, ChecklistField)
        ticked = field.checked()
        kept = [d for d in request.depends_on if d in ticked]
        return tuple(kept + [d for d in ticked if d not in kept])

    def _undo_text(self, name: str, request: Request) -> str:
        if name == "phase":
            phase = self._combo("phase").value()
            target = self.document.workshop.phase(phase).name if phase else self.tr("the backlog")
            return self.tr("Move '{title}' to {target}").format(title=request.title, target=target)
        if name == "title":
            text = self.tr("Rename request '{old}' to '{new}'")
            return text.format(old=request.title, new=self._line("title").text().strip())
        words = {
            "department": self.tr("department"),
            "effort": self.tr("effort"),
            "benefit": self.tr("benefit"),
            "burden": self.tr("burden"),
            "weeks_to_benefit": self.tr("weeks to benefit"),
            "depends_on": self.tr("dependencies"),
            "description": self.tr("description"),
        }
        return self.tr("Edit {field} of '{title}'").format(field=words[name], title=request.title)

    # --- adding and removing ----------------------------------------------------------------

    def add_request(self) -> None:
        """Add a request to the backlog, in the shown request's department, and show it."""
        workshop = self.document.workshop
        request = self.current()
        if request is not None:
            department = request.department
        elif workshop.departments:
            department = workshop.departments[0].id
        else:
            self.action_box.show_error(self.tr("Add a department first: a request belongs to one."))
            return
        title = self.tr("New request")
        try:
            after, new_id = add_request(workshop, department, title)
        except EditError as error:
            self.action_box.show_error(str(error))
            return
        self.action_box.clear_error()
        if self.document.push(self.tr("Add request '{title}'").format(title=title), after):
            self.show_request(new_id)
            self.requestSelected.emit(new_id)
            self._line("title").edit.setFocus()
            self._line("title").edit.selectAll()

    def remove_request(self) -> None:
        """Remove the shown request, with the dependencies on it and the dots it received."""
        request = self.current()
        if request is None:
            return
        try:
            removal = remove_request(self.document.workshop, request.id)
        except EditError as error:
            self.action_box.show_error(str(error))
            return
        self.action_box.clear_error()
        text = self.tr("Remove request '{title}'").format(title=request.title)
        extras = []
        if removal.dependencies:
            one, many = (
                self.tr("unlink 1 dependent request"),
                self.tr("unlink {n} dependent requests"),
            )
            extras.append(counted(removal.dependencies, one, many))
        if removal.dots:
            one, many = self.tr("drop 1 dot of votes"), self.tr("drop {n} dots of votes")
            extras.append(counted(removal.dots, one, many))
        text += with_extras(extras)
        if self.document.push(text, removal.workshop):
            self.show_request("")
            self.requestSelected.emit("")
