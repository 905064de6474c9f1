"""The inspector's editors: each with a red message under it for a value that was refused.

A field shows the model's value until the user edits it. An edit is offered to the form through
`committed`; when the form refuses it the field keeps the user's text, marks itself and names the
problem, and later refreshes from the document leave it alone until the user fixes or leaves it
(switching to another item). So the model is never changed by a bad value, and the user's typing
is never silently thrown away.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_ERROR_COLOR = QColor("#c62828")


class FieldBox(QWidget):
    """An editor with a message label under it; `committed` asks the form to apply the value."""

    committed = Signal()

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setObjectName("fieldError")
        self.error.hide()
        self._color = DEFAULT_ERROR_COLOR
        self.set_error_color(DEFAULT_ERROR_COLOR)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    @property
    def has_error(self) -> bool:
        """True while a refused value is shown."""
        return not self.error.isHidden()

    def show_error(self, message: str) -> None:
        """Name the problem under the field and mark the editor."""
        self.error.setText(message)
        self.error.show()
        self.editor.setAccessibleDescription(message)
        self._paint_error()

    def clear_error(self) -> None:
        """Back to normal: the field shows a value the model has."""
        if not self.has_error:
            return
        self.error.hide()
        self.error.clear()
        self.editor.setAccessibleDescription("")
        self.editor.setStyleSheet("")

    def release(self) -> None:
        """The value was applied: the next refresh shows the model's value here again."""
        self.clear_error()

    def set_error_color(self, color: QColor) -> None:
        """The colour of the message and the mark (follows the theme)."""
        self._color = color
        self.error.setStyleSheet(f"color: {color.name()};")
        if self.has_error:
            self._paint_error()

    def _paint_error(self) -> None:
        kind = type(self.editor).__name__
        self.editor.setStyleSheet(
            f"{kind} {{ border: 2px solid {self._color.name()}; border-radius: 3px; }}"
        )


class LineField(FieldBox):
    """One line of text: applied on Return or when focus leaves."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        super().__init__(self.edit, parent)
        self.edit.editingFinished.connect(self._finished)

    def text(self) -> str:
        """The text as the user left it."""
        return self.edit.text()

    def set_value(self, text: str, force: bool = False) -> None:
        """Show the model's value, unless the user is editing or a refused value is shown."""
        if not force and (self.has_error or self.edit.isModified()):
            return
        if self.edit.text() != text:
            self.edit.setText(text)
            self.edit.setCursorPosition(0)
        self.edit.setModified(False)
        self.clear_error()

    def release(self) -> None:
        """The value was applied: the next refresh shows the model's value here again."""
        super().release()
        self.edit.setModified(False)

    def _finished(self) -> None:
        if self.edit.isModified() or self.has_error:
            self.committed.emit()


class _PlainTextEdit(QPlainTextEdit):
    """A multi-line editor that says when the user leaves it."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the editor finishes the edit."""
        super().focusOutEvent(event)
        self.focusLost.emit()


class TextField(FieldBox):
    """Several lines of text (description, vision): applied when focus leaves."""

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        self.edit = _PlainTextEdit()
        self.edit.setTabChangesFocus(True)
        height = self.edit.fontMetrics().lineSpacing() * lines + 12
        self.edit.setFixedHeight(height)
        super().__init__(self.edit, parent)
        self.edit.focusLost.connect(self._finished)

    def text(self) -> str:
        """The text as the user left it."""
        return self.edit.toPlainText()

    def set_value(self, text: str, force: bool = False) -> None:
        """Show the model's value, unless the user is editing or a refused value is shown."""
        modified = self.edit.document().isModified()
        if not force and (self.has_error or modified):
            return
        if self.edit.toPlainText() != text:
            self.edit.setPlainText(text)
        self.edit.document().setModified(False)
        self.clear_error()

    def release(self) -> None:
        """The value was applied: the next refresh shows the model's value here again."""
        super().release()
        self.edit.document().setModified(False)

    def _finished(self) -> None:
        if self.edit.document().isModified() or self.has_error:
            self.committed.emit()


class DateField(FieldBox):
    """A date with a calendar: applied on Return or when focus leaves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        super().__init__(self.edit, parent)
        self._modified = False  # the user changed the date since the model's was shown
        self.edit.dateChanged.connect(self._changed)
        self.edit.editingFinished.connect(self._finished)

    def value(self) -> QDate:
        """The date as the user left it."""
        return self.edit.date()

    def set_value(self, value: QDate, force: bool = False) -> None:
        """Show the model's date, unless the user is changing it or a refused date is shown."""
        if not force and (self.has_error or self._modified):
            return
        with QSignalBlocker(self.edit):
            self.edit.setDate(value)
        self._modified = False
        self.clear_error()

    def release(self) -> None:
        """The value was applied: the next refresh shows the model's date here again."""
        super().release()
        self._modified = False

    def _changed(self) -> None:
        self._modified = True

    def _finished(self) -> None:
        if self._modified or self.has_error:
            self.committed.emit()


class ComboField(FieldBox):
    """A choice among items (department, phase): applied as soon as the user picks one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        super().__init__(self.combo, parent)
        self.combo.activated.connect(lambda _index: self.committed.emit())

    def value(self) -> str:
        """The id of the chosen item ("" for an item that stands for none, such as the backlog)."""
        data = self.combo.currentData(ID_ROLE)
        return data if isinstance(data, str) else ""

    def set_items(
        self, items: Sequence[tuple[str, str]], current: str, force: bool = False
    ) -> None:
        """Offer (label, id) items and select the model's; a refused choice stays shown."""
        if not force and self.has_error:
            return
        with QSignalBlocker(self.combo):
            if [(self.combo.itemText(i), self.combo.itemData(i, ID_ROLE))
                    for i in range(self.combo.count())] != list(items):  # fmt: skip
                self.combo.clear()
                for label, item_id in items:
                    self.combo.addItem(label, item_id)
            self.combo.setCurrentIndex(self.combo.findData(current, ID_ROLE))
        self.clear_error()


class ChecklistField(FieldBox):
    """Items with check boxes (a request's dependencies): applied on every tick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.list.setMaximumHeight(180)
        super().__init__(self.list, parent)
        self._items: list[tuple[str, str]] = []
        self.list.itemChanged.connect(lambda _item: self.committed.emit())

    def checked(self) -> list[str]:
        """The ids ticked, in list order."""
        return [
            str(item.data(ID_ROLE))
            for item in (self.list.item(row) for row in range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_items(
        self, items: Sequence[tuple[str, str]], checked: Sequence[str], force: bool = False
    ) -> None:
        """Offer (label, id) items and tick the model's; a refused set of ticks stays shown."""
        if not force and self.has_error:
            return
        wanted = set(checked)
        with QSignalBlocker(self.list):
            if list(items) != self._items:
                self._rebuild(items)
            for row in range(self.list.count()):
                item = self.list.item(row)
                state = (
                    Qt.CheckState.Checked
                    if item.data(ID_ROLE) in wanted
                    else Qt.CheckState.Unchecked
                )
                if item.checkState() != state:
                    item.setCheckState(state)
        self.clear_error()

    def _rebuild(self, items: Sequence[tuple[str, str]]) -> None:
        self.list.clear()
        for label, item_id in items:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, item_id)
            item.setToolTip(item_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._items = list(items)
