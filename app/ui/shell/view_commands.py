"""The window's View commands: zoom and presentation mode."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.ui.shell.parts import WindowParts
from app.ui.theme import desktop_theme, presentation_theme

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

    def _zoom_to_width_again(self) -> None:
        if self.view is not None:
            self.view.zoom_to_width()

    def toggle_presentation(self, full_screen: bool = True) -> None:
        """Full screen, large type and high contrast for the projector, or back.

        The board gets the width: the side panel narrows while presenting. The charts grow a
        little, so that their larger type leaves the plots room to be read.
        """
        on = self.presentation_action.isChecked()
        self.theme = presentation_theme() if on else desktop_theme()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet(PRESENTATION_STYLE if on else "")
        for view in (self.scene, self.view, self.findings, self._charts, self._inspector):
            if view is not None:
                view.set_theme(self.theme)
        if full_screen and on:
            self.showFullScreen()
        elif full_screen:
            self.showNormal()
        self.resizeDocks([self.side_dock], [380 if on else 440], Qt.Orientation.Horizontal)
        self.resizeDocks([self.chart_dock], [280 if on else 260], Qt.Orientation.Vertical)
        self.themeChanged.emit(self.theme)
        self.zoom_to_width()
