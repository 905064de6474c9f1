"""The window's Edit commands beside the undo stack: revert, and moving the selected card."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.domain.edits import column_of, phase_of_column
from app.ui.shell.parts import WindowParts


class EditCommands(WindowParts):
    """Editing the plan from the menu and keyboard, for the window."""

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
