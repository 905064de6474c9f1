"""What every inspector page shares: applying an edit as one undo command, or refusing it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.model import Workshop
from app.ui.document import WorkshopDocument
from app.ui.inspector.fields import FieldBox


class Form(QWidget):
    """A page of the inspector, drawn from the document and redrawn when it changes."""

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._key: object = None  # what the page last drew; nothing to redraw while it is equal

    def refresh(self, force: bool = False) -> None:
        """Show the document's state; `force` also replaces refused values and typing."""
        raise NotImplementedError

    def apply(self, field: FieldBox, text: str, build: Callable[[], Workshop]) -> bool:
        """Push `build()` as one undo command named `text`, or show why it is refused.

        `build` parses the field and runs the domain operation; any ValueError it raises (a
        ParseError or an EditError) is a message for the user, and the model stays as it was.
        """
        try:
            after = build()
        except ValueError as error:
            field.show_error(str(error))
            return False
        field.release()
        self.document.push(text, after)
        # Also when nothing changed or the push was declined, the field shows the model's value
        # again; other fields keep what the user left in them.
        self._key = None
        self.refresh()
        return True

    def set_error_color(self, color: QColor) -> None:
        """Colour refused values in the theme's error colour."""
        for field in self.findChildren(FieldBox):
            field.set_error_color(color)


def form_layout() -> QVBoxLayout:
    """Fields one under another, each with its label just above it (see `add_row`).

    Not a QFormLayout: it spaces a label from its field as far as from the row above, so on a
    narrow dock one cannot tell which label belongs to which field.
    """
    layout = QVBoxLayout()
    layout.setSpacing(10)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def scrolled(content: QWidget) -> QScrollArea:
    """Content in a scroll area that only scrolls vertically (a dock can be short)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def hint(text: str) -> QLabel:
    """A muted line of help under a title or a list: quieter than the fields, yet easy to read.

    Not a disabled label: the disabled grey is meant to be passed over, and is too faint to read
    on a light palette (about 1.6:1). Two thirds of the way from the background to the text
    keeps it above 4.5:1 on a light or dark desktop.
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    palette = label.palette()
    text_color = palette.color(QPalette.ColorRole.WindowText)
    background = palette.color(QPalette.ColorRole.Window)
    channels = (
        (text_color.red(), background.red()),
        (text_color.green(), background.green()),
        (text_color.blue(), background.blue()),
    )
    muted = QColor(*(round(back + (front - back) * 2 / 3) for front, back in channels))
    palette.setColor(QPalette.ColorRole.WindowText, muted)
    label.setPalette(palette)
    return label


def page_layout(owner: QWidget) -> QVBoxLayout:
    """The outer layout of a page."""
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(6, 6, 6, 6)
    return layout


def counted(n: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with {n} filled in (both already translated)."""
    return one if n == 1 else many.format(n=n)


def with_extras(extras: list[str]) -> str:
    """What else an edit did, for its undo text: " (unlink 2 dependent requests, ...)"."""
    return " (" + ", ".join(extras) + ")" if extras else ""


def add_row(form: QVBoxLayout, label: str, field: FieldBox, widget: QWidget | None = None) -> None:
    """A field (or a `widget` holding it) under its label; the label names it for screen readers."""
    title = QLabel(label)
    title.setTextFormat(Qt.TextFormat.PlainText)
    title.setBuddy(field.editor)
    row = QVBoxLayout()
    row.setSpacing(2)
    row.addWidget(title)
    row.addWidget(widget or field)
    form.addLayout(row)
    field.editor.setAccessibleName(label)
