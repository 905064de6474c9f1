"""Autosave: after every edit, a recovery copy of the open workshop is written atomically.

Writes are coalesced over a short interval so a burst of edits (a vote click-storm, an undo
run) costs one write, and no write ever sits on the path of a drop being drawn.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer, Signal

from app.storage.recovery import RecoveryJournal, data_folder
from app.ui.document import WorkshopDocument

DELAY_MS = 250


class Autosaver(QObject):
    """Keeps the document's recovery copy up to date; removes it after a clean save or close."""

    failed = Signal(str)

    def __init__(self, document: WorkshopDocument) -> None:
        super().__init__(document)
        self.document = document
        self.journal = self._journal()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.write_now)
        document.changed.connect(self.timer.start)
        document.pathChanged.connect(self._path_changed)
        document.undo_stack.cleanChanged.connect(self._clean_changed)

    def _journal(self) -> RecoveryJournal:
        return RecoveryJournal(
            data_folder(), self.document.path, f"{os.getpid()}-{id(self.document)}"
        )

    def write_now(self) -> None:
        """Write the recovery copy (or remove it when the document matches its file)."""
        self.timer.stop()
        if not self.document.modified:
            self.journal.discard()
            return
        try:
            self.journal.write(self.document.workshop)
        except OSError as error:
            self.failed.emit(f"{self.journal.path}: {error.strerror or error}")

    def discard(self) -> None:
        """The document was saved or closed cleanly: no recovery copy is needed."""
        self.timer.stop()
        self.journal.discard()

    def _path_changed(self) -> None:
        self.journal.discard()
        self.journal = self._journal()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()
