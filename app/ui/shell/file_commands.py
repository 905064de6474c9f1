"""The window's File commands: open, new, save, save as, and the question before closing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.domain.model import Workshop
from app.storage.workshop_file import SUFFIX, WorkshopFileError, save_workshop
from app.ui.document import WorkshopDocument, suggested_name
from app.ui.files.dialogs import is_pdf, is_sample, read_workshop
from app.ui.files.new_dialog import FROM_SHEET, NewWorkshopDialog
from app.ui.files.recent import remember, remember_folder, start_folder
from app.ui.shell.parts import WindowParts

FILE_FILTER = "Bellwether workshops (*.bellwether.json *.json);;Bellwether roadmaps (*.pdf)"


class FileCommands(WindowParts):
    """Opening and saving workshops, for the window."""

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

    def _current_path(self) -> Path | None:
        return self.document.path if self.document is not None else None

    def open_dialog(self) -> None:
        """Choose a file to open, starting in the current file's folder or the last used."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open workshop"), str(start_folder(self._current_path())), FILE_FILTER
        )
        if name:
            remember_folder(Path(name))
            self.open_path(Path(name))

    def new_workshop(self, workshop: Workshop | None = None) -> None:
        """Start a new, untitled workshop: asks its title, start and departments (or a sheet)."""
        if not self.maybe_save():
            return
        if workshop is None:
            dialog = NewWorkshopDialog(self)
            answer = dialog.exec()
            if answer == FROM_SHEET:
                self.importer.new_from_sheet()
                return
            if answer != QDialog.DialogCode.Accepted:
                return
            workshop = dialog.workshop()
        document = WorkshopDocument(workshop)
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
        path = self.document.path
        start = path or start_folder(None) / suggested_name(self.document.workshop)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save workshop"), str(start), FILE_FILTER
        )
        if not name:
            return False
        path = Path(name)
        remember_folder(path)
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
