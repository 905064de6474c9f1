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
from app.domain.model import Workshop
from app.i18n import _
from app.ui.board.preview import drop_preview
from app.ui.board.texts import move_text, order_text
from app.ui.document import Analysis, WorkshopDocument


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
    """Moves of one document's requests, each one undoable command (or nothing at all).

    A drag previews each column it crosses by analysing the plan a drop there would make. Those
    analyses are kept until the plan changes; a drop that makes one of those very plans hands
    its analysis to the document, so the drop costs no second pass of the rules.
    """

    def __init__(self, document: WorkshopDocument) -> None:
        self.document = document
        self._previews: dict[tuple[str, str | None], Analysis] = {}
        self._base: Analysis | None = None
        """The analysis the kept previews were worked out from."""

    def move(self, request_id: str, phase_id: str | None) -> bool:
        """Move a request to a phase (None: the backlog), keeping its place in the file."""
        workshop = self.document.workshop
        if workshop.request(request_id).phase == phase_id:
            return False
        after = move_request(workshop, request_id, phase_id)
        return self._push(move_text(workshop, request_id, phase_id), after, request_id, phase_id)

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
        return self._push(text, after, request_id, phase_id)

    def preview(self, request_id: str, phase_id: str | None) -> tuple[tuple[str, ...], str | None]:
        """What dropping a request at the end of a phase's cell would do: the lines, the worst."""
        document = self.document
        if document.workshop.request(request_id).phase == phase_id:
            return ((_("Drop here: no change"),), None)
        return drop_preview(document.analysis, self._would_be(request_id, phase_id), phase_id)

    def _kept(self) -> dict[tuple[str, str | None], Analysis]:
        """The previews worked out from the plan as it is now (older ones are dropped)."""
        if self._base is not self.document.analysis:
            self._previews.clear()
            self._base = self.document.analysis
        return self._previews

    def _would_be(self, request_id: str, phase_id: str | None) -> Analysis:
        """The analysis of the plan a drop at the end of the phase's cell would make."""
        kept = self._kept()
        key = (request_id, phase_id)
        if key not in kept:
            after = place_request(self.document.workshop, request_id, phase_id, None)
            kept[key] = Analysis(after, self.document.analysis)
        return kept[key]

    def _push(self, text: str, after: Workshop, request_id: str, phase_id: str | None) -> bool:
        """Push the edit, with the preview's analysis when the preview saw this very plan."""
        previewed = self._kept().get((request_id, phase_id))
        if previewed is not None and previewed.workshop.requests == after.requests:
            return self.document.push(text, previewed.workshop, analysis=previewed)
        return self.document.push(text, after)
