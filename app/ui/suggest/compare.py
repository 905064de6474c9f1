"""File > Compare with…: the open plan read against another file, or against the plan as it was
when the meeting started, as a panel and as ghosts of where the other plan has the cards.

The comparison follows the open plan as it is edited (after a short pause, so a drag stays
smooth), and is never part of it: closing the panel leaves the plan as it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import Workshop
from app.planning.compare import Comparison, compare
from app.planning.compare_text import comparison_lines
from app.planning.placement import Move
from app.storage.workshop_file import WorkshopFileError, load_workshop
from app.ui.document import WorkshopDocument
from app.ui.suggest.overlay import GhostOverlay
from app.ui.window import Window

FOLLOW_MS = 250
"""How long after an edit the comparison is worked out again."""


def read_plan(path: Path) -> Workshop:
    """A workshop file, or the plan a Bellwether PDF carries (WorkshopFileError: one line)."""
    if path.suffix.lower() != ".pdf":
        return load_workshop(path)
    from app.report import read_embedded_workshop

    try:
        return read_embedded_workshop(path)
    except ValueError as error:
        raise WorkshopFileError(str(error)) from None


def where_the_other_has_them(comparison: Comparison) -> list[Move]:
    """Each moved card's way back to where the other plan (A) has it."""
    return [Move(m.request, m.after, m.before) for m in comparison.moved]


class ComparisonPanel(QWidget):
    """The comparison in words, with a button that closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Fixed width, so the columns of A and B line up.
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.close_button = QPushButton(self.tr("Close comparison"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)

    def show_comparison(self, comparison: Comparison, against: str) -> None:
        """Show B (the open plan) read against A (`against` names it)."""
        lines = [self.tr("A is %s; B is the plan on the board.") % against, ""]
        lines += comparison_lines(comparison)
        self.text.setPlainText("\n".join(lines))


class CompareFeature(QObject):
    """File > Compare with… for one main window, bound to whichever document it shows."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.window = window
        self.document: WorkshopDocument | None = None
        self.other: Workshop | None = None
        self.against = ""
        self.comparison: Comparison | None = None
        self.overlay: GhostOverlay | None = None
        self.menu = QMenu(self.tr("Compare &with"), window.widget())
        self.start_action = self.menu.addAction(
            self.tr("The plan as it was when the meeting started")
        )
        self.start_action.triggered.connect(lambda _checked=False: self.with_meeting_start())
        self.file_action = self.menu.addAction(self.tr("Another file…"))
        self.file_action.triggered.connect(lambda _checked=False: self.choose_file())
        window.file_menu.insertMenu(window.save_action, self.menu)
        self.panel = ComparisonPanel()
        self.panel.close_button.clicked.connect(self.close)
        self.dock = QDockWidget(self.tr("Comparison"), window.widget())
        self.dock.setObjectName("comparison-dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        window.widget().addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FOLLOW_MS)
        self.timer.timeout.connect(self.refresh)
        window.documentOpened.connect(self.bind)
        self.bind(window.document)

    def bind(self, document: object) -> None:
        """Follow a newly shown document; a comparison for the old one is closed."""
        self.close()
        if self.document is not None:
            self.document.changed.disconnect(self.timer.start)
        self.document = document if isinstance(document, WorkshopDocument) else None
        board = self.window.board
        self.overlay = GhostOverlay(board) if board is not None else None
        if self.document is not None:
            self.document.changed.connect(self.timer.start)
        self.menu.setEnabled(self.document is not None)

    def with_meeting_start(self) -> Comparison | None:
        """Compare the plan with the plan as it was opened."""
        if self.document is None:
            return None
        return self.show(self.document.baseline, self.tr("the plan as the meeting started"))

    def choose_file(self) -> Comparison | None:
        """Ask for another workshop file (or roadmap PDF) and compare the plan with it."""
        if self.document is None:
            return None
        folder = self.document.path.parent if self.document.path else Path.home()
        name, _ = QFileDialog.getOpenFileName(
            self.window.widget(),
            self.tr("Compare with"),
            str(folder),
            self.tr("Bellwether workshops and roadmaps (*.bellwether.json *.json *.pdf)"),
        )
        return self.compare_file(Path(name)) if name else None

    def compare_file(self, path: Path) -> Comparison | None:
        """Compare the plan with the one in `path`; a bad file is refused in one message."""
        try:
            other = read_plan(path)
        except WorkshopFileError as error:
            self.window.show_error(
                self.tr("Cannot compare"), self.tr("%s cannot be read: %s") % (path.name, error)
            )
            return None
        return self.show(other, path.name)

    def show(self, other: Workshop, against: str) -> Comparison | None:
        """Show the open plan read against `other` as a panel and as ghosts."""
        self.other, self.against = other, against
        self.dock.show()
        self.dock.raise_()
        return self.refresh()

    def refresh(self) -> Comparison | None:
        """Work the comparison out again for the plan as it is now."""
        if self.document is None or self.other is None:
            return None
        self.comparison = compare(self.other, self.document.workshop)
        self.panel.show_comparison(self.comparison, self.against)
        if self.overlay is not None:
            moves = where_the_other_has_them(self.comparison)
            workshop = self.document.workshop
            known = {request.id for request in workshop.requests}
            places = {None, *(phase.id for phase in workshop.phases)}
            moves = [m for m in moves if m.request in known and m.after in places]
            self.overlay.show(workshop, moves, self.window.theme)
        return self.comparison

    def close(self) -> None:
        """Close the comparison: the panel and the ghosts go; the plan stays as it is."""
        self.timer.stop()
        self.other, self.comparison = None, None
        if self.overlay is not None:
            self.overlay.clear()
        self.dock.hide()


def install_compare(window: Window) -> CompareFeature:
    """Add File > Compare with… and the comparison panel to the window (call once)."""
    return CompareFeature(window)
