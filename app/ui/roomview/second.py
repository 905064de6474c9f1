"""The second screen: the room view full screen on the projector, beside the facilitator's window.

It is a second view of the same document: a board of its own (its own open lane and zoom),
edits pushed through the document's commands, and the document's one undo stack, so that an
undo in either window is an undo in both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.board.scene import BoardScene
from app.ui.board.view import BoardView
from app.ui.document import WorkshopDocument
from app.ui.roomview.ribbon import FindingsRibbon
from app.ui.theme import presentation_theme


def other_screen(current: QScreen | None) -> QScreen | None:
    """A screen other than the facilitator's, or None when there is only one."""
    for screen in QGuiApplication.screens():
        if screen is not current:
            return screen
    return None


def fold_notice(scene: BoardScene, tr_summarising: str) -> str:
    """The words that say the board summarises lanes ("" when every lane is open)."""
    workshop = scene.document.workshop
    folded = sum(1 for d in workshop.departments if not scene.layout.is_open(d.id))
    return tr_summarising % folded if folded else ""


class SecondScreen(QWidget):
    """The room view in a window of its own, on another screen."""

    closed = Signal()

    def __init__(self, document: WorkshopDocument) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Bellwether — room view"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        theme = presentation_theme()
        self.setStyleSheet(f"background: {theme.background.name()};")
        self.scene = BoardScene(document, theme)
        self.view = BoardView(self.scene)
        self.ribbon = FindingsRibbon(document, theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.ribbon)
        for action in (
            document.undo_stack.createUndoAction(self),
            document.undo_stack.createRedoAction(self),
        ):
            self.addAction(action)
        self.actions()[0].setShortcut(QKeySequence.StandardKey.Undo)
        self.actions()[1].setShortcut(QKeySequence.StandardKey.Redo)
        leave = QAction(self.tr("Close the room view"), self)
        leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        leave.triggered.connect(self._escape)
        self.addAction(leave)
        self.scene.laneOpened.connect(self._update_notice)
        document.changed.connect(self._update_notice)
        self._update_notice()

    def _escape(self) -> None:
        """Escape cancels a drag in progress (the card goes home); else closes the room view."""
        dragged = next((card for card in self.scene.cards.values() if card.dragging), None)
        if dragged is not None:
            dragged.cancel_drag()
        else:
            self.close()

    def _update_notice(self) -> None:
        self.ribbon.set_notice(
            fold_notice(
                self.scene, self.tr("Summarising %d lanes · Page Up/Down: next lane · B: backlog")
            )
        )

    def present(self, screen: QScreen | None) -> None:
        """Show full screen on `screen`, or in a window of its own when there is none."""
        if screen is not None:
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())
            self.showFullScreen()
        else:
            self.resize(1280, 720)
            self.show()
        self.view.setFocus()
        self.view.zoom_to_room()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Tell the facilitator's window that the room view is gone."""
        self.closed.emit()
        super().closeEvent(event)
