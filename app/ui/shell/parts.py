"""What the window's parts (menus, file commands, view commands) share of the window.

The window is one class put together from a few mixins, each in its own module; this base
names, for the type checker, the attributes and methods they use of one another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QStackedWidget, QTabWidget

    from app.ui.board.links import LinkLayer
    from app.ui.board.scene import BoardScene
    from app.ui.board.view import BoardView
    from app.ui.charts.panel import ChartsPanel
    from app.ui.document import WorkshopDocument
    from app.ui.findings.panel import FindingsPanel
    from app.ui.importing.feature import ImportFeature
    from app.ui.inspector import InspectorPanel
    from app.ui.roomview.feature import RoomViewController
    from app.ui.shell.start_screen import StartScreen
    from app.ui.shell.window_state import Snapshot
    from app.ui.theme import Theme

    _Base = QMainWindow
else:
    _Base = object


class WindowParts(_Base):
    """The window's state, as its mixins see it (a plain object at run time)."""

    if TYPE_CHECKING:
        document: WorkshopDocument | None
        scene: BoardScene | None
        view: BoardView | None
        findings: FindingsPanel | None
        theme: Theme
        start_screen: StartScreen
        stack: QStackedWidget
        side: QTabWidget
        side_dock: QDockWidget
        chart_dock: QDockWidget
        _charts: ChartsPanel | None
        presentation_action: QAction
        importer: ImportFeature
        roomview: RoomViewController
        links_action: QAction
        links: LinkLayer | None
        _remembered_zoom: float | None
        _saved_state: QByteArray | None
        _panels_placed: bool
        start_presenting: bool
        _before_presenting: Snapshot | None

        @property
        def themeChanged(self) -> SignalInstance: ...

        _inspector: InspectorPanel | None

        def set_document(self, document: WorkshopDocument) -> None: ...

        def show_error(self, title: str, message: str) -> None: ...
