"""The note a committee gives when it accepts a finding: asked for, and never left empty."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import desktop_theme


class AcceptDialog(QDialog):
    """Why the committee accepts a finding; OK with an empty note says a note is needed."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept finding"))
        question = QLabel(self.tr("Why does the committee accept this?"))
        finding = QLabel(message)
        finding.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {desktop_theme().error.name()};")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        for widget in (question, finding, self.note, self.problem, buttons):
            layout.addWidget(widget)
        self.note.textChanged.connect(self.problem.hide)

    def accept(self) -> None:
        """Close only with a note; else say what is missing and stay open."""
        if not self.note.toPlainText().strip():
            self.problem.setText(
                self.tr("Write why the committee accepts this: the note goes into the PDF.")
            )
            self.problem.show()
            self.note.setFocus()
            return
        super().accept()

    def text(self) -> str:
        """The note, trimmed."""
        return self.note.toPlainText().strip()


def ask_note(parent: QWidget, message: str) -> str | None:
    """The committee's note for accepting a finding, or None when cancelled."""
    dialog = AcceptDialog(message, parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
