"""After a crash: offer the recovery copy that the last session left behind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from app.i18n.dates import day
from app.storage.recovery import RecoveryCopy, data_folder, pending_copies
from app.storage.workshop_file import WorkshopFileError, load_workshop
from app.ui.document import WorkshopDocument
from app.ui.window import Window


def tr(text: str) -> str:
    """The offer's words in the language spoken."""
    return QCoreApplication.translate("RecoveryOffer", text)


def ask(window: Window, where: str, when: str) -> str:
    """Restore, discard or decide later: the button's role ("restore", "discard", "later")."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Restore unsaved changes?"),
        tr(
            "Bellwether did not close cleanly. It kept the changes to %s from %s.\n\n"
            "Restore opens them. Discard deletes them for good. "
            "Decide later leaves them for the next start."
        )
        % (where, when),
        QMessageBox.StandardButton.NoButton,
        window.widget(),
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore_button = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard_button = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    later_button = box.addButton(tr("Decide later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore_button)
    box.setEscapeButton(later_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore_button:
        return "restore"
    return "discard" if clicked is discard_button else "later"


def offer_recovery(window: Window) -> bool:
    """Ask whether to restore the newest recovery copy; True when one was restored."""
    copies = pending_copies(data_folder())
    if not copies:
        return False
    copy = copies[0]
    where = str(copy.source) if copy.source else tr("an untitled workshop")
    saved = copy.saved_at.astimezone()
    answer = ask(window, where, f"{day(saved.date())} {saved:%H:%M}")
    if answer == "discard":
        for stale in copies:
            stale.path.unlink(missing_ok=True)
    if answer != "restore":
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
