"""What the board asks of the document: a drop or a key turned into one undoable command.

The scene draws and hit-tests; the controller turns a request, a phase and a place among a
cell's cards into an edit of the workshop with its undo text, and pushes it on the document's
stack. It knows no items and no painting, so the desktop board, the room view, the second
screen and the keyboard all move cards through the same few lines.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF

from app.domain.edits import move_request, place_request
from app.ui.board.preview import drop_preview
from app.ui.board.texts import move_text, order_text
from app.ui.document import WorkshopDocument


def drop_before(cell: Iterable[tuple[str, QRectF]], position: QPointF) -> str | None:
    """The card a drop lands before, among a cell's cards in their order (None: after the last).

    The cards fill the cell row by row: a drop above a card's row, or in its row left of its
    middle, lands before it.
    """
    for request_id, rect in cell:
        if position.y() < rect.top():
            return request_id
        if position.y() < rect.bottom() and position.x() < rect.center().x():
            return request_id
    return None


class BoardController:
    """Moves of one document's requests, each one undoable command (or nothing at all)."""

    def __init__(self, document: WorkshopDocument) -> None:
        self.document = document

    def move(self, request_id: str, phase_id: str | None) -> bool:
        """Move a request to a phase (None: the backlog), keeping its place in the file."""
        workshop = self.document.workshop
        if workshop.request(request_id).phase == phase_id:
            return False
        after = move_request(workshop, request_id, phase_id)
        return self.document.push(move_text(workshop, request_id, phase_id), after)

    def drop(self, request_id: str, phase_id: str | None, before: str | None) -> bool:
        """Put a request into a phase just before `before` (None: after the cell's last card).

        Within its own cell this reorders it (the order of priority within a phase); False when
        the drop leaves the plan as it was.
        """
        workshop = self.document.workshop
        after = place_request(workshop, request_id, phase_id, before)
        if after.requests == workshop.requests:
            return False
        if workshop.request(request_id).phase != phase_id:
            text = move_text(workshop, request_id, phase_id)
        else:
            text = order_text(workshop, request_id, before)
        return self.document.push(text, after)

    def preview(self, request_id: str, phase_id: str | None) -> tuple[tuple[str, ...], str | None]:
        """What dropping a request into a phase would do: the findings it adds, the worst."""
        document = self.document
        return drop_preview(document.workshop, document.analysis.findings, request_id, phase_id)
