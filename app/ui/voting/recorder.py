"""Dots as undo commands: one command per dot, and one per burst of clicks on the same card.

A burst is a run of dots by the same head on the same card in the same direction, each less than
`BURST_SECONDS` after the last, with nothing else done in between: the undo stack merges them
(`QUndoCommand.mergeWith` through the document's merge key), so one Ctrl+Z takes the whole burst
back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject

from app.domain.model import Workshop
from app.domain.voting import add_dot, clear_votes, remove_dot
from app.ui.document import WorkshopDocument

VOTE_MERGE_ID = 0x766F7465
"""The undo id shared by vote commands ("vote"), so a burst of clicks can merge."""
BURST_SECONDS = 2.0
"""Clicks on the same card by the same head closer together than this are one burst."""


@dataclass(frozen=True, slots=True)
class Burst:
    """Consecutive dots of one head on one card in one direction: one undo command."""

    department: str
    request: str
    step: int
    serial: int
    count: int = 1
    index: int = -1
    clock: float = 0.0

    @property
    def key(self) -> tuple[str, str, int, int]:
        """The undo merge key: commands merge only within the same burst."""
        return (self.department, self.request, self.step, self.serial)


def counted(count: int, one: str, many: str) -> str:
    """Pick the singular or plural form of a translated phrase."""
    return one if count == 1 else many


class VoteRecorder(QObject):
    """Records one document's votes as undoable commands."""

    def __init__(self, document: WorkshopDocument) -> None:
        super().__init__(document)
        self.document = document
        self.burst: Burst | None = None
        self.clock: Callable[[], float] = time.monotonic

    def vote(self, department: str, request_id: str, step: int) -> bool:
        """Give (+1) or take back (-1) one dot; False when nothing changed.

        Raises EditError (with a message for the room) when the head has no dots left.
        """
        workshop = self.document.workshop
        change = add_dot if step > 0 else remove_dot
        after = change(workshop, department, request_id)
        if after is workshop:
            return False
        burst = self._next_burst(department, request_id, step)
        if not self.document.push(self.text(workshop, burst), after, VOTE_MERGE_ID, burst.key):
            return False
        stack = self.document.undo_stack
        self.burst = replace(burst, index=stack.index(), clock=self.clock())
        return True

    def _next_burst(self, department: str, request_id: str, step: int) -> Burst:
        """The same burst when this dot can merge into the command on top of the undo stack."""
        last, stack = self.burst, self.document.undo_stack
        if (
            last is not None
            and (last.department, last.request, last.step) == (department, request_id, step)
            and stack.index() == last.index
            and not stack.isClean()
            and self.clock() - last.clock < BURST_SECONDS
        ):
            return replace(last, count=last.count + 1)
        return Burst(department, request_id, step, last.serial + 1 if last else 0)

    def text(self, workshop: Workshop, burst: Burst) -> str:
        """The undo text of a burst, e.g. "Sales: 3 dots for “Lead scoring”"."""
        name = workshop.department(burst.department).name
        title = workshop.request(burst.request).title
        if burst.step > 0:
            phrase = counted(
                burst.count,
                self.tr("{department}: 1 dot for “{title}”"),
                self.tr("{department}: {count} dots for “{title}”"),
            )
        else:
            phrase = counted(
                burst.count,
                self.tr("{department}: 1 dot taken back from “{title}”"),
                self.tr("{department}: {count} dots taken back from “{title}”"),
            )
        return phrase.format(department=name, title=title, count=burst.count)

    def end_burst(self) -> None:
        """The next dot starts a new command (another head took over, or another edit came)."""
        self.burst = None

    def clear(self, department_id: str | None) -> bool:
        """Take back all dots of one head, or of every head (None), as one undoable command."""
        workshop = self.document.workshop
        if department_id is None:
            text = self.tr("Clear all votes")
        else:
            text = self.tr("Clear the votes of {department}").format(
                department=workshop.department(department_id).name
            )
        self.end_burst()
        return self.document.push(text, clear_votes(workshop, department_id))
