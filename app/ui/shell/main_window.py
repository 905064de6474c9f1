"""The main window: the board in the middle, findings and inspector beside it, charts below."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from app.ui.board.drawn import Highlight
from app.ui.board.links import LinkLayer
from app.ui.board.scene import BoardScene
from app.ui.board.view import BoardView
from app.ui.document import WorkshopDocument
from app.ui.exporting.pdf import install_export
from app.ui.exporting.sheet import install_sheet_export
from app.ui.files.autosave import Autosaver
from app.ui.files.dialogs import SAMPLE
from app.ui.findings.panel import FindingsPanel
from app.ui.help.feature import install_help
from app.ui.importing.feature import install_import
from app.ui.language.feature import install as install_language
from app.ui.language.rebuild import rebuild
from app.ui.room.feature import install_room
from app.ui.roomview.feature import install_roomview
from app.ui.shell.menus import WindowMenus
from app.ui.shell.start_screen import StartScreen
from app.ui.shell.window_state import DEFAULT_SIZE, Snapshot
from app.ui.signoff.feature import install_signoff
from app.ui.suggest.compare import install_compare
from app.ui.suggest.feature import install_suggest
from app.ui.theme import Theme, desktop_theme
from app.ui.voting.feature import install_voting

if TYPE_CHECKING:
    from app.ui.charts.panel import ChartsPanel
    from app.ui.inspector import InspectorPanel


def settle_memory() -> None:
    """Move what exists now out of the garbage collector's sight.

    A full collection walks every model and Qt wrapper: 50-70 ms at 1,000 requests, every few
    moves, which would stall drags. The open document lives until it is closed anyway.
    """
    gc.collect()
    gc.freeze()


class MainWindow(WindowMenus, QMainWindow):
    """One window, one open workshop at a time.

    Features that add menus or toolbars of their own (voting, sign-off, export, import) are
    installed once and follow `documentOpened` to bind to each newly shown document.
    """

    documentOpened = Signal(object)
    themeChanged = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.document: WorkshopDocument | None = None
        self._titled: WorkshopDocument | None = None
        self._fit_when_shown = False
        self._charts_after_paint = False
        self.autosaver: Autosaver | None = None
        self.scene: BoardScene | None = None
        self.view: BoardView | None = None
        self.findings: FindingsPanel | None = None
        self._charts: ChartsPanel | None = None
        self.links: LinkLayer | None = None
        self._panels_placed = False
        self._saved_state: QByteArray | None = None
        self._remembered_zoom: float | None = None
        self.start_presenting = False
        self._before_presenting: Snapshot | None = None
        self._inspector: InspectorPanel | None = None
        self._inspector_tab = QWidget()
        self.theme: Theme = desktop_theme()
        self.start_screen = StartScreen()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_screen)
        self.setCentralWidget(self.stack)
        self.side = QTabWidget()
        self.side.currentChanged.connect(self._side_tab_changed)
        self.side_dock = self._dock(
            self.tr("Findings and inspector"),
            "side-dock",
            self.side,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.chart_dock = self._dock(
            self.tr("Charts"), "charts-dock", QWidget(), Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self._build_status()
        self._build_actions()
        self.start_screen.sampleRequested.connect(lambda: self.open_path(SAMPLE))
        self.start_screen.openRequested.connect(self.open_dialog)
        self.start_screen.newRequested.connect(lambda: self.new_workshop())
        self.start_screen.recentRequested.connect(self.open_path)
        self.resize(DEFAULT_SIZE)
        self._update_title()
        self._update_actions()
        install_signoff(self)
        install_export(self)
        install_room(self, install_voting(self))
        self.importer = install_import(self)
        install_sheet_export(self)
        install_suggest(self)
        install_compare(self)
        install_language(self, self.view_menu, lambda code: rebuild(self, code, type(self)))
        self.roomview = install_roomview(self)
        self._add_panel_toggles()
        install_help(self)

    # --- construction ----------------------------------------------------------------------

    def _build_status(self) -> None:
        self.status = QLabel()
        self.status.setToolTip(
            self.tr(
                "The plan's fingerprint, as on the PDF's footer: any change to the plan changes"
                " it, and a sign-off holds for the plan it was given to."
            )
        )
        self.status_timer = QTimer(self)
        self.status_timer.setSingleShot(True)
        self.status_timer.setInterval(200)
        self.status_timer.timeout.connect(self._show_status)
        self.statusBar().addPermanentWidget(self.status)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # fixed, so that saveState finds it again in any language
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable  # and back from View > Panels
        )
        self.addDockWidget(area, dock)
        dock.hide()
        return dock

    # --- what features may use (app.ui.window.Window) ----------------------------------------

    @property
    def board(self) -> BoardScene | None:
        """The open document's board."""
        return self.scene

    def widget(self) -> QMainWindow:
        """The window itself, to dock into and to parent dialogs to."""
        return self

    def show_message(self, text: str, milliseconds: int) -> None:
        """A passing word in the status bar."""
        self.statusBar().showMessage(text, milliseconds)

    def write_recovery_copy(self) -> None:
        """Write the open document's recovery copy now."""
        if self.autosaver is not None:
            self.autosaver.write_now()

    # --- documents -------------------------------------------------------------------------

    def set_document(self, document: WorkshopDocument) -> None:
        """Show a document: a new board, panels and charts all subscribed to it."""
        self._drop_document()
        self.document = document
        document.confirm_stale = self._confirm_stale
        self.autosaver = Autosaver(document)
        self.autosaver.failed.connect(
            lambda message: self.statusBar().showMessage(
                self.tr("Recovery copy not written: ") + message, 10000
            )
        )
        self.scene = BoardScene(document, self.theme)
        self.view = BoardView(self.scene)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.findings = FindingsPanel(document)
        self.findings.set_theme(self.theme)
        self.findings.findingSelected.connect(self._finding_selected)
        self.side.addTab(self.findings, self.tr("Findings"))
        self._inspector_tab = QWidget()  # the inspector is built when first shown
        self.side.addTab(self._inspector_tab, self.tr("Inspector"))
        self.scene.selectedRequestChanged.connect(self._request_selected)
        self.links = LinkLayer(self.scene, document)
        self.links.set_show_all(self.links_action.isChecked())
        if self.isVisible():
            QTimer.singleShot(0, self._finish_opening)  # after this paint: see `charts`
        else:
            self._charts_after_paint = True
        self._place_panels()
        self._rebuild_edit_menu(document)
        self._bind_title(document, True)
        self._update_title()
        self._update_actions()
        self.open_zoom()
        self._fit_when_shown = not self.isVisible()
        self.view.setFocus()
        self.documentOpened.emit(document)

    def _finish_opening(self) -> None:
        """What can wait until the board is on screen: the charts, then settling memory."""
        _ = self.charts
        settle_memory()

    @property
    def charts(self) -> ChartsPanel | None:
        """The charts under the board, built on first use.

        pyqtgraph and numpy take a quarter of a second to import, so the board is painted
        first and the charts follow a moment later (or at once when something asks for them).
        """
        if self._charts is None and self.document is not None:
            from app.ui.charts.panel import ChartsPanel

            self._charts = ChartsPanel(self.document)
            self._charts.set_theme(self.theme)
            self.chart_dock.setWidget(self._charts)
        return self._charts

    @property
    def inspector(self) -> InspectorPanel | None:
        """The inspector, built the first time it is shown or asked for (not at start-up)."""
        if self._inspector is None and self.document is not None and self.scene is not None:
            from app.ui.inspector import InspectorPanel

            scene = self.scene
            inspector = InspectorPanel(self.document)
            inspector.set_theme(self.theme)
            inspector.requestSelected.connect(lambda rid: scene.select_request(rid or None))
            self._inspector = inspector
            self.side.blockSignals(True)
            current = self.side.currentIndex()
            index = self.side.indexOf(self._inspector_tab)
            self.side.removeTab(index)
            self.side.insertTab(index, inspector, self.tr("Inspector"))
            self.side.setCurrentIndex(current)
            self.side.blockSignals(False)
            self._inspector_tab.deleteLater()
            inspector.show_request(scene.selected_request() or "")
        return self._inspector

    def _side_tab_changed(self, index: int) -> None:
        if self.document is not None and self.side.widget(index) is self._inspector_tab:
            _ = self.inspector

    def _request_selected(self, request_id: str) -> None:
        if self._inspector is not None:
            self._inspector.show_request(request_id)
        scene = self.scene
        if (
            request_id
            and scene is not None
            and scene.highlight != Highlight()
            and request_id not in scene.highlight.requests
        ):
            # Another card than the finding's: the finding has had its say.
            if self.findings is not None and self.findings.selected() is not None:
                self.findings.tree.setCurrentIndex(QModelIndex())
            scene.show_highlight(None)

    def _bind_title(self, document: WorkshopDocument, bind: bool) -> None:
        """Follow (or stop following) a document's changes in the title and status bar."""
        if bind == (self._titled is document):
            return
        self._titled = document if bind else None
        signals = (document.changed, document.pathChanged, document.undo_stack.cleanChanged)
        for signal in signals:
            if bind:
                signal.connect(self._update_title)
            else:
                signal.disconnect(self._update_title)

    def hand_over_document(self) -> WorkshopDocument | None:
        """Let go of the open document without closing it: another window shows it next."""
        document = self.document
        self._drop_document(keep=True)
        return document

    def _drop_document(self, keep: bool = False) -> None:
        if self.document is None:
            return
        self._bind_title(self.document, False)
        if self.links is not None:
            self.links.detach()
        if self.autosaver is not None and keep:
            self.autosaver.timer.stop()
            self.autosaver.deleteLater()
        elif self.autosaver is not None:
            self.autosaver.discard()
        self.side.clear()
        if self.view is not None:
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
        for widget in (self.findings, self._inspector, self._charts):
            if widget is not None:
                widget.deleteLater()
        self.chart_dock.setWidget(QWidget())
        if not keep:
            self.document.deleteLater()
        self.document = self.autosaver = self.scene = self.view = self.findings = None
        self.links = None
        self._charts = self._inspector = None

    def showEvent(self, event: QShowEvent) -> None:
        """A board opened before the window had its size is fitted once it is shown."""
        super().showEvent(event)
        if self._fit_when_shown:
            self._fit_when_shown = False
            QTimer.singleShot(0, self.open_zoom)

    def paintEvent(self, event: QPaintEvent) -> None:
        """After the first paint of a board opened at start-up, build the charts."""
        super().paintEvent(event)
        if self._charts_after_paint:
            self._charts_after_paint = False
            QTimer.singleShot(0, self._finish_opening)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask to save; a clean close removes the recovery copy."""
        if not self.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.discard()
        if self.document is not None:
            self._bind_title(self.document, False)
        if self.links is not None:
            self.links.detach()
            self.links = None
        self.remember_window()
        if self.view is not None:
            # Back at the origin: a scrolled view would scroll back when its scene is deleted
            # at exit, calling into Python while the interpreter shuts down (a crash).
            self.view.horizontalScrollBar().setValue(0)
            self.view.verticalScrollBar().setValue(0)
        event.accept()

    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong, in one plain message."""
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _update_title(self) -> None:
        document = self.document
        if document is None:
            self.setWindowTitle("Bellwether")
            return
        name = document.path.name if document.path else self.tr("untitled")
        self.setWindowTitle(f"{document.workshop.title} — {name}[*] — Bellwether")
        self.setWindowModified(document.modified)
        self.status_timer.start()

    def _show_status(self) -> None:
        """The plan's short fingerprint and sign-off count, a moment after the last edit.

        Deferred because the fingerprint costs as much as the rules; a drop is drawn first.
        """
        if self.document is not None:
            self.status.setText(self._status_text(self.document))

    def _status_text(self, document: WorkshopDocument) -> str:
        analysis = document.analysis
        valid = analysis.valid_signoffs(document.workshop)
        stale = analysis.stale_signoffs(document.workshop)
        text = f"plan {analysis.fingerprint.removeprefix('sha256:')[:12]}"
        if valid or stale:
            text += f" · {valid} signed" + (f", {stale} stale" if stale else "")
        return text

    def _update_actions(self) -> None:
        has = self.document is not None
        for action in (
            self.save_action,
            self.save_as_action,
            self.revert_action,
            *self.move_actions,
            *self.zoom_actions,
        ):
            action.setEnabled(has)
        if not has:
            self.stack.setCurrentWidget(self.start_screen)
            self.start_screen.refresh()
