"""The window's menus and toolbar, and the actions in them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from app.ui.document import WorkshopDocument
from app.ui.files.dialogs import SAMPLE
from app.ui.files.recent import recent_files, recent_label
from app.ui.shell.edit_commands import EditCommands
from app.ui.shell.file_commands import FileCommands
from app.ui.shell.view_commands import ViewCommands


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys, and Ctrl+Y and Ctrl+Shift+Z on every platform.

    Linux desktops map Redo to Ctrl+Shift+Z alone, yet facilitators press Ctrl+Y.
    """
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    for extra in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")):
        if extra not in keys:
            keys.append(extra)
    return keys


class WindowMenus(FileCommands, EditCommands, ViewCommands):
    """The File, Edit, Plan and View menus and the workshop toolbar, for the window."""

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
        self._build_file_menu()
        self._build_edit_menu()
        self.plan_menu = self.menuBar().addMenu(self.tr("&Plan"))
        self._build_view_menu()
        self.toolbar = self.addToolBar(self.tr("Workshop"))
        self.toolbar.setObjectName("workshop-toolbar")
        self.toolbar.setIconSize(QSize(20, 20))

    def _build_file_menu(self) -> None:
        files = self.menuBar().addMenu(self.tr("&File"))
        files.addAction(
            self.action(self.tr("&New…"), lambda: self.new_workshop(), QKeySequence.StandardKey.New)
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

    def _build_edit_menu(self) -> None:
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
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

    def _build_view_menu(self) -> None:
        view = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu = view
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
        view.addSeparator()
        self.links_action = self.action(
            self.tr("All &dependencies"), self._show_all_links, "Ctrl+Shift+D"
        )
        self.links_action.setCheckable(True)
        self.links_action.setToolTip(
            self.tr("Arrows for every card's dependencies, not only the selected card's")
        )
        view.addAction(self.links_action)
        view.addSeparator()
        self.panels_menu = view.addMenu(self.tr("&Panels"))

    def _show_all_links(self) -> None:
        if self.links is not None:
            self.links.set_show_all(self.links_action.isChecked())

    def _add_panel_toggles(self) -> None:
        """Every dock and the toolbar can be shown and hidden from View > Panels.

        Called once the features have added their docks. Ctrl+Alt and a digit, in order.
        """
        docks = [self.side_dock, self.chart_dock] + [
            dock
            for dock in self.findChildren(QDockWidget)
            if dock not in (self.side_dock, self.chart_dock)
        ]
        toggles = [dock.toggleViewAction() for dock in docks] + [self.toolbar.toggleViewAction()]
        for number, toggle in enumerate(toggles, start=1):
            if number <= 9:
                toggle.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            self.addAction(toggle)  # the shortcut works with the menu closed, too
            self.panels_menu.addAction(toggle)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        metrics = self.recent_menu.fontMetrics()
        for path in recent_files():
            action = self.recent_menu.addAction(recent_label(path, metrics))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))

    def _rebuild_edit_menu(self, document: WorkshopDocument) -> None:
        self.edit_menu.clear()
        undo = document.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = document.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts(redo_keys())
        self.edit_menu.addActions([undo, redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.revert_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(self.move_actions)
