"""A page with a list of items (departments, phases) and a form for the selected one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.ui.document import WorkshopDocument
from app.ui.inspector.fields import ID_ROLE, FieldBox
from app.ui.inspector.form import Form, form_layout, hint, page_layout, scrolled
from app.ui.widgets import plain_tooltip


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the list: what it shows, and the id of the item it stands for."""

    label: str
    item_id: str
    tooltip: str
    color: str | None = None


class ListPage(Form):
    """Items in a list with buttons under it; the selected item's fields in a form below.

    Subclasses say what the list holds (`entries`), what its form shows (`show_selected`) and
    what in the workshop the page depends on (`state`), so it redraws only when that changes.
    """

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.selected_id = ""
        self._entries: list[Entry] = []
        self.list = QListWidget()
        self.list.setMinimumHeight(80)
        self.list.setMaximumHeight(170)
        self.list_box = FieldBox(self.list)
        self.button_row = QHBoxLayout()
        self.button_row.setContentsMargins(0, 0, 0, 0)
        self.placeholder = hint("")
        self.body = QWidget()
        self.form = form_layout()
        self.body.setLayout(self.form)
        self.list.currentItemChanged.connect(self._current_changed)

    def lay_out(self) -> None:
        """Put the list, the buttons and the form on the page (after subclasses add rows)."""
        self.button_row.addStretch(1)
        content = QWidget()
        layout = page_layout(content)
        layout.addWidget(self.list_box)
        layout.addLayout(self.button_row)
        layout.addSpacing(6)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.body)
        layout.addStretch(1)
        outer = page_layout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(content))

    def add_button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """A button under the list."""
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.button_row.addWidget(button)
        return button

    # --- what subclasses provide ------------------------------------------------------------

    def state(self) -> object:
        """What of the workshop the page shows; the page redraws when it changes."""
        raise NotImplementedError

    def entries(self) -> Sequence[Entry]:
        """The rows of the list."""
        raise NotImplementedError

    def show_selected(self, force: bool) -> None:
        """Fill the form from the selected item."""
        raise NotImplementedError

    def update_buttons(self) -> None:
        """Enable the buttons that make sense for the selection."""

    # --- drawing ----------------------------------------------------------------------------

    def select(self, item_id: str) -> None:
        """Select an item (after adding it, say) and show its fields."""
        self.selected_id = item_id
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        """Redraw the list and the form from the document when the page's state changed."""
        key = self.state()
        if key == self._key and not force:
            return
        self._key = key
        entries = list(self.entries())
        ids = [entry.item_id for entry in entries]
        if self.selected_id not in ids:
            self.selected_id = ids[0] if ids else ""
            force = True
        with QSignalBlocker(self.list):
            if entries != self._entries:
                self._fill(entries)
            self.list.setCurrentRow(ids.index(self.selected_id) if self.selected_id else -1)
        self.placeholder.setVisible(not self.selected_id)
        self.body.setVisible(bool(self.selected_id))
        if self.selected_id:
            self.show_selected(force)
        self.update_buttons()

    def _fill(self, entries: list[Entry]) -> None:
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(entry.label)
            item.setData(ID_ROLE, entry.item_id)
            item.setToolTip(plain_tooltip(entry.tooltip))
            if entry.color is not None:
                item.setIcon(swatch(entry.color))
            self.list.addItem(item)
        self._entries = entries

    def _current_changed(self, current: QListWidgetItem | None) -> None:
        item_id = str(current.data(ID_ROLE)) if current is not None else ""
        if item_id != self.selected_id:
            self.list_box.clear_error()
            self.select(item_id)


def swatch(color: str) -> QIcon:
    """A small square of a colour, for lists and buttons."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
