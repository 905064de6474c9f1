"""The inspector: a panel of tabs to edit the selected request and the workshop's structure."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.document import WorkshopDocument
from app.ui.inspector.departments import DepartmentsPage
from app.ui.inspector.form import Form
from app.ui.inspector.phases import PhasesPage
from app.ui.inspector.request_form import RequestForm
from app.ui.inspector.workshop_form import WorkshopForm
from app.ui.theme import Theme


class InspectorPanel(QWidget):
    """Edits the workshop: the selected request, the workshop itself, departments and phases.

    Every edit goes through `document.push` as one undoable command; a value the domain refuses
    is named under its field and not applied. Only the visible page redraws on a change (the
    others when they are shown), so the panel costs nothing while a card is dragged and the
    panel sits behind another tab.
    """

    requestSelected = Signal(str)
    """The inspector itself chose a request (added: its id; removed: ""); the board may follow."""

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.request_form = RequestForm(document)
        self.workshop_form = WorkshopForm(document)
        self.departments = DepartmentsPage(document)
        self.phases = PhasesPage(document)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inspectorTabs")  # presentation mode sets its tabs smaller
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.request_form, self.tr("Request"))
        self.tabs.addTab(self.workshop_form, self.tr("Workshop"))
        self.tabs.addTab(self.departments, self.tr("Departments"))
        self.tabs.addTab(self.phases, self.tr("Phases"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        self.request_form.requestSelected.connect(self.requestSelected)
        document.changed.connect(self._refresh_current)

    @Slot(str)
    def show_request(self, request_id: str) -> None:
        """Show a request on the Request page ("" shows none)."""
        self.request_form.show_request(request_id)
        if request_id:
            self.tabs.setCurrentWidget(self.request_form)

    def set_theme(self, theme: Theme) -> None:
        """Draw refused values in the theme's error colour."""
        for page in self.pages():
            page.set_error_color(theme.error)

    def pages(self) -> list[Form]:
        """The pages, in tab order."""
        return [self.request_form, self.workshop_form, self.departments, self.phases]

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while the panel was hidden."""
        super().showEvent(event)
        self._refresh_current()

    def _refresh_current(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, Form) and self.isVisible():
            page.refresh()
