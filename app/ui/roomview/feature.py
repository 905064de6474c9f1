"""The room view in the main window: presentation mode folds the panels away for the ribbon,
one key brings them back, and "Present on second screen" opens the room view on the projector.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QToolBar

from app.ui.board.scene import BoardScene
from app.ui.board.view import BoardView
from app.ui.document import WorkshopDocument
from app.ui.roomview.ribbon import FindingsRibbon
from app.ui.roomview.second import SecondScreen, fold_notice, other_screen
from app.ui.theme import Theme
from app.ui.window import Window

PANELS_KEY = "F9"


class RoomViewController(QObject):
    """Switches the main window between the desktop's panels and the room's ribbon."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.window = window
        self.room = False
        self.ribbon: FindingsRibbon | None = None
        self.second: SecondScreen | None = None
        self._hidden: list[QDockWidget] = []
        """The docks the room view folded away, to show again on leaving it."""
        self.bar = QToolBar(self.tr("Findings ribbon"), window.widget())
        self.bar.setObjectName("findingsRibbon")
        self.bar.setMovable(False)
        window.widget().addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.bar)
        self.bar.hide()
        self.panels_action = window.action(
            self.tr("Show the &panels"), self.toggle_panels, PANELS_KEY
        )
        self.panels_action.setToolTip(
            self.tr("The findings panel and the charts, in the room view too (F9)")
        )
        self.second_action = window.action(self.tr("Present on second screen"), self.present)
        self.second_action.setToolTip(
            self.tr("The room view full screen on the other screen; this window stays yours")
        )
        window.toolbar.addAction(self.second_action)
        window.documentOpened.connect(self._document_opened)
        window.themeChanged.connect(self._theme_changed)

    def _document_opened(self, document: WorkshopDocument) -> None:
        if self.ribbon is not None:
            self.bar.clear()
        self.ribbon = FindingsRibbon(document, self.window.theme)
        self.ribbon.panelsRequested.connect(self.toggle_panels)
        self.bar.addWidget(self.ribbon)
        board = self.window.board
        if isinstance(board, BoardScene):
            board.laneOpened.connect(self._update_notice)
        document.changed.connect(self._update_notice)
        if self.second is not None:
            self.second.close()
        self._show_room(self.room)

    def _theme_changed(self, theme: Theme) -> None:
        self._show_room(theme.name == "presentation")

    def _show_room(self, room: bool) -> None:
        """The room: the ribbon instead of the panels; the desktop: the panels, no ribbon."""
        self.room = room
        if self.ribbon is not None:
            self.ribbon.set_theme(self.window.theme)
        self.bar.setVisible(room and self.ribbon is not None)
        # The fingerprint is the facilitator's; on the wall its line is worth a lane's height.
        self.window.widget().statusBar().setVisible(not room)
        if room:
            for dock in self._docks():
                if dock.isVisible():
                    dock.hide()
                    if dock not in self._hidden:
                        self._hidden.append(dock)
        else:
            for dock in self._hidden:
                dock.show()
            self._hidden = []
        self._update_notice()

    def _docks(self) -> list[QDockWidget]:
        """Every dock of the window: the findings, the charts and what features tab beside them."""
        return self.window.widget().findChildren(QDockWidget)

    def toggle_panels(self) -> None:
        """Bring the findings panel and the charts back (or fold them away again)."""
        if self.window.document is None:
            return
        shown = not self.window.side_dock.isVisible()
        self.window.side_dock.setVisible(shown)
        self.window.chart_dock.setVisible(shown)
        if shown:
            self.window.chart_dock.raise_()
        QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        board = self.window.board
        for view in board.views() if isinstance(board, BoardScene) else []:
            if isinstance(view, BoardView):
                view.zoom_to_width()

    def _update_notice(self) -> None:
        board = self.window.board
        if self.ribbon is None or not isinstance(board, BoardScene):
            return
        text = self.tr("Summarising %d lanes · Page Up/Down: next lane · B: backlog")
        self.ribbon.set_notice(fold_notice(board, text) if self.room else "")

    def present(self) -> SecondScreen | None:
        """Show the room view on a second screen (or in a window of its own without one)."""
        document = self.window.document
        if document is None:
            return None
        if self.second is not None:
            self.second.close()
        self.second = SecondScreen(document)
        self.second.closed.connect(self._second_closed)
        self.second.present(other_screen(self.window.widget().screen()))
        return self.second

    def _second_closed(self) -> None:
        self.second = None


def install_roomview(window: Window) -> RoomViewController:
    """Add the room view's ribbon, panels key and second screen to a main window."""
    return RoomViewController(window)
