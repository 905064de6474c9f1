"""The window's View commands: zoom and presentation mode."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QApplication

from app.domain.rules import Finding
from app.ui.board.card import TITLE_PX
from app.ui.shell.focus import focus_finding
from app.ui.shell.parts import WindowParts
from app.ui.shell.window_state import Snapshot, restore_window, save_window
from app.ui.theme import desktop_theme, presentation_theme

READABLE_PX = 12.0
"""The smallest card title, in screen pixels, that the desktop board opens at."""

PRESENTATION_STYLE = """
QWidget { background: #000000; color: #ffffff; font-size: 15pt; }
QTreeView, QListView, QLineEdit, QPlainTextEdit, QComboBox, QSpinBox { background: #151515; }
QTreeView::item:selected { background: #00e5ff; color: #000000; }
QPushButton { background: #222222; border: 2px solid #ffffff; padding: 6px; }
QPushButton:disabled { color: #707070; border: 2px solid #505050; }
QTabBar::tab { background: #222222; color: #d0d0d0; padding: 6px 14px; }
QTabBar::tab:selected { background: #00e5ff; color: #000000; }
QTabWidget#inspectorTabs QTabBar::tab { font-size: 12pt; padding: 5px 7px; }
QDockWidget::title { background: #222222; padding: 4px; }
"""


class ViewCommands(WindowParts):
    """Zooming the board and switching presentation mode, for the window."""

    def in_presentation(self) -> bool:
        """Whether the window is in presentation mode."""
        return self.presentation_action.isChecked()

    def set_presentation(self, on: bool) -> None:
        """Enter or leave presentation mode."""
        self.presentation_action.setChecked(on)
        self.toggle_presentation()

    def _place_panels(self) -> None:
        """The docks as the last session left them, else their first places and sizes.

        Once placed, a dock the user hid stays hidden for the next document.
        """
        if self._panels_placed:
            return
        self._panels_placed = True
        self.side_dock.show()
        self.chart_dock.show()
        self.resizeDocks([self.side_dock], [440], Qt.Orientation.Horizontal)
        self.resizeDocks([self.chart_dock], [260], Qt.Orientation.Vertical)
        if self._saved_state is not None:
            self.restoreState(self._saved_state)
            self._saved_state = None

    def _finding_selected(self, finding: Finding | None) -> None:
        """Point the board at a finding, and scroll its cards, lane or phase into sight; in the
        room view, and on the second screen, open its lane first."""
        if self.scene is None or self.view is None:
            return
        focus_finding(self.scene, self.view, finding)
        second = self.roomview.second
        if second is not None:
            focus_finding(second.scene, second.view, finding)

    def _zoom(self, factor: float) -> None:
        if self.view is not None:
            self.view.zoom_by(factor)

    def zoom_to_fit(self) -> None:
        """Show the whole board."""
        if self.view is not None:
            self.view.zoom_to_fit()

    def zoom_to_width(self) -> None:
        """Fill the width with the board: the readable default.

        Done now, and again once the docks' new sizes have reached the view (opening a file
        and switching presentation mode resize them in the same turn of the event loop).
        """
        if self.view is not None:
            self.view.zoom_to_width()
            QTimer.singleShot(0, self._zoom_to_width_again)

    def open_zoom(self) -> None:
        """The zoom a board opens at: the last session's, else the width, at least readable."""
        view = self.view
        if view is None:
            return
        if self._remembered_zoom is not None and not self.presentation_action.isChecked():
            # The last session's zoom, for the first board it shows; later boards fit anew.
            self._set_zoom(self._remembered_zoom)
            if self.isVisible():
                self._remembered_zoom = None
            return
        self.zoom_to_width()
        QTimer.singleShot(0, self._at_least_readable)

    def _at_least_readable(self) -> None:
        """In the desktop theme, zoom in until a card's title is `READABLE_PX` high on screen."""
        view = self.view
        if view is None or self.presentation_action.isChecked():
            return
        readable = READABLE_PX / (TITLE_PX * self.theme.font_scale)
        if view.zoom < readable:
            self._set_zoom(readable)
            view.horizontalScrollBar().setValue(0)

    def _set_zoom(self, zoom: float) -> None:
        if self.view is not None:
            self.view.setTransform(QTransform.fromScale(zoom, zoom))
            self.view.pin_headers()

    def restore_window(self) -> None:
        """Put the window back as the last session left it (before it is first shown)."""
        self.start_presenting, self._remembered_zoom, self._saved_state = restore_window(self)

    def remember_window(self) -> None:
        """Save geometry, docks, zoom and mode for the next start: as they were before F11."""
        presenting = self.presentation_action.isChecked()
        before = self._before_presenting if presenting else None
        if before is not None:
            self.showNormal()
            self.restoreGeometry(before.geometry)
        zoom = before.zoom if before is not None else None
        if zoom is None and self.view is not None and not presenting:
            zoom = self.view.zoom
        # Docks placed for a board; before any board was shown, the last session's stand.
        docks = (
            (before.state if before is not None else self.saveState())
            if self._panels_placed
            else self._saved_state
        )
        save_window(self, zoom, presenting, docks)

    def _snapshot(self) -> Snapshot:
        view = self.view
        return Snapshot(
            self.saveGeometry(),
            self.saveState(),
            self.isMaximized(),
            view.zoom if view is not None else None,
            (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
            if view is not None
            else None,
        )

    def _return_to(self, snapshot: Snapshot) -> None:
        """Back from F11 exactly as the window was: size, docks, zoom and scroll position."""
        if snapshot.maximized:
            self.showMaximized()
        else:
            self.showNormal()
            self.restoreGeometry(snapshot.geometry)
        self.restoreState(snapshot.state)

        def settle() -> None:
            view = self.view
            if view is None or snapshot.zoom is None or snapshot.scroll is None:
                return
            self._set_zoom(snapshot.zoom)
            view.horizontalScrollBar().setValue(snapshot.scroll[0])
            view.verticalScrollBar().setValue(snapshot.scroll[1])

        settle()
        QTimer.singleShot(0, settle)

    def _zoom_to_width_again(self) -> None:
        if self.view is not None:
            self.view.zoom_to_width()

    def toggle_presentation(self, full_screen: bool = True) -> None:
        """Full screen, large type and high contrast for the projector, or back.

        The board gets the width: the side panel narrows while presenting. The charts grow a
        little, so that their larger type leaves the plots room to be read.
        """
        on = self.presentation_action.isChecked()
        if on and full_screen:
            self._before_presenting = self._snapshot()
        self.theme = presentation_theme() if on else desktop_theme()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet(PRESENTATION_STYLE if on else "")
        for view in (self.scene, self.view, self.findings, self._charts, self._inspector):
            if view is not None:
                view.set_theme(self.theme)
        if self.links is not None:
            self.links.refresh()
        before, self._before_presenting = self._before_presenting, None
        if full_screen and on:
            self._before_presenting = before
            self.showFullScreen()
        elif full_screen and before is not None:
            self.themeChanged.emit(self.theme)
            self._return_to(before)
            return
        elif full_screen:
            self.showNormal()
        self.resizeDocks([self.side_dock], [380 if on else 440], Qt.Orientation.Horizontal)
        self.resizeDocks([self.chart_dock], [280 if on else 260], Qt.Orientation.Vertical)
        self.themeChanged.emit(self.theme)
        self.zoom_to_width()
