"""The main window: the board in the middle, findings and inspector beside it, charts below."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from app.domain.edits import column_of, phase_of_column
from app.storage.workshop_file import SUFFIX, WorkshopFileError, save_workshop
from app.ui.board.scene import BoardScene
from app.ui.board.view import BoardView
from app.ui.document import WorkshopDocument, suggested_name
from app.ui.exporting.pdf import install_export
from app.ui.exporting.sheet import install_sheet_export
from app.ui.files.autosave import Autosaver
from app.ui.files.dialogs import (
    SAMPLE,
    blank_workshop,
    is_pdf,
    is_sample,
    read_workshop,
)
from app.ui.files.recent import recent_files, remember
from app.ui.findings.panel import FindingsPanel
from app.ui.importing.feature import install_import
from app.ui.language.feature import install as install_language
from app.ui.language.rebuild import rebuild
from app.ui.room.feature import install_room
from app.ui.roomview.feature import install_roomview
from app.ui.shell.start_screen import StartScreen
from app.ui.signoff.feature import install_signoff
from app.ui.suggest.compare import install_compare
from app.ui.suggest.feature import install_suggest
from app.ui.theme import Theme, desktop_theme, presentation_theme
from app.ui.voting.feature import install_voting


def settle_memory() -> None:
    """Move what exists now out of the garbage collector's sight.

    A full collection walks every model and Qt wrapper: 50-70 ms at 1,000 requests, every few
    moves, which would stall drags. The open document lives until it is closed anyway.
    """
    gc.collect()
    gc.freeze()


if TYPE_CHECKING:
    from app.ui.charts.panel import ChartsPanel
    from app.ui.inspector import InspectorPanel

FILE_FILTER = "Bellwether workshops (*.bellwether.json *.json);;Bellwether roadmaps (*.pdf)"


class MainWindow(QMainWindow):
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
            self.tr("Findings and inspector"), self.side, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.chart_dock = self._dock(
            self.tr("Charts"), QWidget(), Qt.DockWidgetArea.BottomDockWidgetArea
        )
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
        self._build_actions()
        self.start_screen.sampleRequested.connect(lambda: self.open_path(SAMPLE))
        self.start_screen.openRequested.connect(self.open_dialog)
        self.start_screen.newRequested.connect(self.new_workshop)
        self.start_screen.recentRequested.connect(self.open_path)
        self.resize(1600, 1000)
        self._update_title()
        self._update_actions()
        install_signoff(self)
        install_export(self)
        install_room(self, install_voting(self))
        install_import(self)
        install_sheet_export(self)
        install_suggest(self)
        install_compare(self)
        install_language(self, self.view_menu, lambda code: rebuild(self, code, type(self)))
        self.roomview = install_roomview(self)

    # --- construction ----------------------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
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

    def action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        """A menu action with an optional shortcut."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        files = menu.addMenu(self.tr("&File"))
        files.addAction(
            self.action(self.tr("&New…"), self.new_workshop, QKeySequence.StandardKey.New)
        )
        files.addAction(
            self.action(self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        )
        files.addAction(
            self.action(self.tr("Open &sample workshop"), lambda: self.open_path(SAMPLE))
        )
        self.recent_menu = files.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        files.addSeparator()
        self.save_action = self.action(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self.action(
            self.tr("Save &as…"), self.save_as_dialog, QKeySequence.StandardKey.SaveAs
        )
        files.addActions([self.save_action, self.save_as_action])
        self.file_menu = files
        files.addSeparator()
        files.addAction(self.action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        self.edit_menu = menu.addMenu(self.tr("&Edit"))
        self.revert_action = self.action(self.tr("Revert to meeting start"), self.revert)
        self.move_actions = [
            self.action(
                self.tr("Move card to previous column"), lambda: self.move_selected(-1), "Ctrl+Left"
            ),
            self.action(
                self.tr("Move card to next column"), lambda: self.move_selected(1), "Ctrl+Right"
            ),
            self.action(
                self.tr("Move card to backlog"), lambda: self.move_selected(None), "Ctrl+B"
            ),
        ]
        self.plan_menu = menu.addMenu(self.tr("&Plan"))
        view = self.view_menu = menu.addMenu(self.tr("&View"))
        self.presentation_action = self.action(
            self.tr("&Presentation mode"), self.toggle_presentation, "F11"
        )
        self.presentation_action.setCheckable(True)
        self.zoom_actions = [
            self.action(
                self.tr("Zoom &in"), lambda: self._zoom(1.2), QKeySequence.StandardKey.ZoomIn
            ),
            self.action(
                self.tr("Zoom &out"), lambda: self._zoom(1 / 1.2), QKeySequence.StandardKey.ZoomOut
            ),
            self.action(self.tr("Zoom to &fit"), self.zoom_to_fit, "Ctrl+0"),
        ]
        self.zoom_actions[0].setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        view.addAction(self.presentation_action)
        view.addActions(self.zoom_actions)
        self.toolbar = self.addToolBar(self.tr("Workshop"))
        self.toolbar.setObjectName("workshop-toolbar")
        self.toolbar.setIconSize(QSize(20, 20))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_files():
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))

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
        self.findings.findingSelected.connect(self.scene.show_highlight)
        self.side.addTab(self.findings, self.tr("Findings"))
        self._inspector_tab = QWidget()  # the inspector is built when first shown
        self.side.addTab(self._inspector_tab, self.tr("Inspector"))
        self.scene.selectedRequestChanged.connect(self._request_selected)
        if self.isVisible():
            QTimer.singleShot(0, self._finish_opening)  # after this paint: see `charts`
        else:
            self._charts_after_paint = True
        self.side_dock.show()
        self.chart_dock.show()
        self.resizeDocks([self.side_dock], [440], Qt.Orientation.Horizontal)
        self.resizeDocks([self.chart_dock], [260], Qt.Orientation.Vertical)
        self._rebuild_edit_menu(document)
        self._bind_title(document, True)
        self._update_title()
        self._update_actions()
        self.zoom_to_width()
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

    def _rebuild_edit_menu(self, document: WorkshopDocument) -> None:
        self.edit_menu.clear()
        undo = document.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = document.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        self.edit_menu.addActions([undo, redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.revert_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(self.move_actions)

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

    def in_presentation(self) -> bool:
        """Whether the window is in presentation mode."""
        return self.presentation_action.isChecked()

    def set_presentation(self, on: bool) -> None:
        """Enter or leave presentation mode."""
        self.presentation_action.setChecked(on)
        self.toggle_presentation()

    def _drop_document(self, keep: bool = False) -> None:
        if self.document is None:
            return
        self._bind_title(self.document, False)
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
        self._charts = self._inspector = None

    def open_path(self, path: Path) -> bool:
        """Open a workshop or a Bellwether PDF; a bad file is refused with its one-line reason."""
        if not self.maybe_save():
            return False
        try:
            workshop = read_workshop(path)
        except WorkshopFileError as error:
            self.show_error(self.tr("Cannot open %s") % path.name, str(error))
            return False
        # A PDF or a shipped sample is a starting point, not the file to save over.
        template = is_pdf(path) or is_sample(path)
        document = WorkshopDocument(workshop, None if template else path)
        self.set_document(document)
        if not template:
            remember(path)
        return True

    def open_dialog(self) -> None:
        """Choose a file to open."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open workshop"), "", FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def new_workshop(self) -> None:
        """Start a new, untitled workshop to fill in with the inspector."""
        if self.maybe_save():
            document = WorkshopDocument(blank_workshop())
            self.set_document(document)
            document.undo_stack.resetClean()  # never saved: closing it asks first

    def save(self) -> bool:
        """Save to the document's file, or ask where when it has none."""
        if self.document is None:
            return False
        if self.document.path is None:
            return self.save_as_dialog()
        return self.save_to(self.document.path)

    def save_as_dialog(self) -> bool:
        """Ask for a file name and save there."""
        if self.document is None:
            return False
        start = str(self.document.path or Path.home() / suggested_name(self.document.workshop))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save workshop"), start, FILE_FILTER)
        if not name:
            return False
        path = Path(name)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Save atomically; a failure says where and why and leaves the old file intact."""
        assert self.document is not None
        try:
            save_workshop(path, self.document.workshop)
        except OSError as error:
            reason = error.strerror or str(error)
            self.show_error(
                self.tr("Could not save"),
                self.tr("Could not save to %s: %s.") % (path, reason)
                + "\n"
                + self.tr("The file on disk is unchanged; your work is still open."),
            )
            return False
        self.document.mark_saved(path)
        remember(path)
        self.statusBar().showMessage(self.tr("Saved %s") % path, 5000)
        return True

    def maybe_save(self) -> bool:
        """Before the open workshop goes away: save, discard or cancel when it has changes."""
        if self.document is None or not self.document.modified:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Save changes?"),
            self.tr("“%s” has changes that are not saved. Save them?")
            % self.document.workshop.title,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def showEvent(self, event: QShowEvent) -> None:
        """A board opened before the window had its size is fitted once it is shown."""
        super().showEvent(event)
        if self._fit_when_shown:
            self._fit_when_shown = False
            QTimer.singleShot(0, self.zoom_to_width)

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
        event.accept()

    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong, in one plain message."""
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    # --- editing -----------------------------------------------------------------------------

    def revert(self) -> None:
        """Return to the state in which the file was opened (undoable)."""
        if self.document is not None:
            self.document.revert_to_baseline()

    def move_selected(self, step: int | None) -> bool:
        """Move the selected card one column left or right, or to the backlog (None)."""
        if self.scene is None or self.document is None:
            return False
        request_id = self.scene.selected_request()
        if request_id is None:
            return False
        workshop = self.document.workshop
        column = 0 if step is None else column_of(workshop, request_id) + step
        if not 0 <= column <= len(workshop.phases):
            return False
        moved = self.scene.move(request_id, phase_of_column(workshop, column))
        self.scene.select_request(request_id)
        return moved

    def _confirm_stale(self, signed: int) -> bool:
        heads = (
            self.tr("1 department head signed")
            if signed == 1
            else self.tr("%d department heads signed") % signed
        )
        answer = QMessageBox.question(
            self,
            self.tr("Sign-offs will become stale"),
            self.tr("%s this plan. Changing it makes their sign-offs stale.\n\nMake the change?")
            % heads,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- view ----------------------------------------------------------------------------------

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
