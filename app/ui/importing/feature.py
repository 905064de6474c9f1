"""File > Import requests… and File > New workshop from spreadsheet….

Pick a CSV, XLSX, ODS or XLS file, preview it (`ImportDialog`), and on OK add the requests to
the backlog as one undoable command, or open the new workshop. A file that cannot be read is
refused with its reason, and nothing changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from app.domain.model import Workshop
from app.ui.document import WorkshopDocument

if TYPE_CHECKING:
    from app.ui.importing.dialog import ImportDialog
    from app.ui.window import Window


class ImportFeature(QObject):
    """The two File menu actions and the preview dialog they open."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.widget())
        self.setObjectName("import")
        self.window = window
        self.dialog: ImportDialog | None = None
        self.import_action = window.action(self.tr("&Import requests…"), self.import_requests)
        self.new_action = window.action(
            self.tr("New workshop from &spreadsheet…"), self.new_from_sheet
        )
        window.file_menu.insertActions(window.save_action, [self.import_action, self.new_action])
        window.file_menu.insertSeparator(window.save_action)
        window.documentOpened.connect(lambda _document: self._update_actions())
        self._update_actions()

    def _update_actions(self) -> None:
        self.import_action.setEnabled(self.window.document is not None)

    def pick_file(self) -> Path | None:
        """Ask for a CSV, XLSX, ODS or XLS file."""
        name, _ = QFileDialog.getOpenFileName(
            self.window.widget(),
            self.tr("Choose a spreadsheet"),
            "",
            self.tr("Spreadsheets (*.csv *.tsv *.xlsx *.xlsm *.ods *.xls);;All files (*)"),
        )
        return Path(name) if name else None

    def import_requests(self, path: Path | None = None) -> ImportDialog | None:
        """Preview adding a sheet's requests to the open workshop's backlog."""
        document = self.window.document
        if document is None:
            return None
        return self._preview(path, document.workshop)

    def new_from_sheet(self, path: Path | None = None) -> ImportDialog | None:
        """Preview a new workshop made from a sheet."""
        return self._preview(path, None)

    def _preview(self, path: Path | None, workshop: Workshop | None) -> ImportDialog | None:
        path = path or self.pick_file()
        if path is None:
            return None
        # The spreadsheet readers load on first use, not at start-up.
        from app.storage.spreadsheet import SpreadsheetError
        from app.ui.importing.dialog import ImportDialog

        dialog = ImportDialog(path, workshop, self.window.widget())
        try:
            dialog.load()
        except SpreadsheetError as error:
            dialog.deleteLater()
            self.window.show_error(
                self.tr("Cannot import %s") % path.name,
                f"{path.name}: {error}\n" + self.tr("Nothing was changed."),
            )
            return None
        dialog.accepted.connect(lambda: self._apply(dialog))
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: ImportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _apply(self, dialog: ImportDialog) -> None:
        outcome, result = dialog.outcome, dialog.sheet_result
        if outcome is None or result is None:
            return
        if dialog.workshop is None:
            if self.window.maybe_save():
                created = WorkshopDocument(outcome)
                self.window.set_document(created)
                # Not on disk yet: closing the window must offer to save it.
                created.undo_stack.resetClean()
            return
        document = self.window.document
        if document is None or document.workshop is not dialog.workshop:
            self.window.show_error(
                self.tr("Not imported"), self.tr("The workshop changed meanwhile; import again.")
            )
            return
        added = len(outcome.requests) - len(dialog.workshop.requests)
        text = (
            self.tr("Import 1 request from {file}")
            if added == 1
            else self.tr("Import {n} requests from {file}")
        ).format(n=added, file=dialog.path.name)
        if document.push(text, outcome):
            self.window.show_message(text, 5000)


def install_import(window: Window) -> ImportFeature:
    """Add File > Import requests… and File > New workshop from spreadsheet… (call once)."""
    return ImportFeature(window)
