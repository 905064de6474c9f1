"""The door between the room's server thread and the window's thread: two queued signals.

The server calls `cast` and `tell_presence` from its own thread; each emits a signal whose
queued connection runs the slot in the window's thread, where the workshop lives. The vote's
`done` is called there, and wakes the server's loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from app.room.ballot import Outcome, Vote


class QtBallotBox(QObject):
    """A `BallotBox` whose votes are judged in the window's thread."""

    castRequested = Signal(object, object)
    presenceChanged = Signal(object)
    """The number of phones listening per department id (a dict), after every change."""

    def __init__(self, judge: Callable[[Vote], Outcome], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.judge = judge
        self.castRequested.connect(self._cast, Qt.ConnectionType.QueuedConnection)

    def cast(self, vote: Vote, done: Callable[[Outcome], None]) -> None:
        """From the server's thread: judge `vote` in the window's thread, then call `done`."""
        self.castRequested.emit(vote, done)

    def tell_presence(self, counts: dict[str, int]) -> None:
        """From the server's thread: who is listening now."""
        self.presenceChanged.emit(dict(counts))

    def _cast(self, vote: Vote, done: Callable[[Outcome], None]) -> None:
        outcome = Outcome("closed")
        try:
            outcome = self.judge(vote)
        finally:
            done(outcome)
