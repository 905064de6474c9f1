"""After a crash: offer the recovery copy that the last session left behind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.storage.recovery import RecoveryCopy, data_folder, pending_copies
from app.storage.workshop_file import WorkshopFileError, load_workshop
from app.ui.document import WorkshopDocument
from app.ui.window import Window


def tr(text: str) -> str:
    """The offer's words in the language spoken."""
    return QCoreApplication.translate("RecoveryOffer", text)


def offer_recovery(window: Window) -> bool:
    """Ask whether to restore the newest recovery copy; True when one was restored."""
    copies = pending_copies(data_folder())
    if not copies:
        return False
    copy = copies[0]
    where = str(copy.source) if copy.source else tr("an untitled workshop")
    answer = QMessageBox.question(
        window.widget(),
        tr("Restore unsaved changes?"),
        tr(
            "Bellwether did not close cleanly. It kept the changes to %s from %s.\n\n"
            "Yes restores them. Discard deletes them for good. "
            "Ignore leaves them for the next start."
        )
        % (where, copy.saved_at.astimezone().strftime("%d %b %Y %H:%M")),
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Ignore,
    )
    if answer == QMessageBox.StandardButton.Discard:
        for stale in copies:
            stale.path.unlink(missing_ok=True)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore(window, copy)
    return True


def restore(window: Window, copy: RecoveryCopy) -> None:
    """Open the file as it is on disk, then the recovered changes as one undoable edit."""
    base = copy.workshop
    if copy.source is not None:
        try:
            base = load_workshop(copy.source)
        except WorkshopFileError:
            base = copy.workshop
    document = WorkshopDocument(base, copy.source if base is not copy.workshop else None)
    window.set_document(document)
    document.push(tr("Restore unsaved changes"), copy.workshop)
    copy.path.unlink(missing_ok=True)
    window.write_recovery_copy()
