"""The door between the room's server thread and the window's thread: queued signals.

The server calls `cast` and `tell_presence` from its own thread. Votes wait in a queue that the
window's thread drains a few milliseconds at a time: between two turns the window paints and its
timers run, so twenty phones voting at once never freeze the wall. A turn's votes are judged
inside the document's `held`, so the views follow once per turn, not once per vote. Each vote's
`done` is called in the window's thread, and wakes the server's loop.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.room.ballot import Outcome, Vote

TURN_SECONDS = 0.008
"""How long one turn of recording votes may hold the window's thread (half a frame)."""

Pending = tuple[Vote, Callable[[Outcome], None]]


class QtBallotBox(QObject):
    """A `BallotBox` whose votes are judged in the window's thread, in arrival order."""

    wake = Signal()
    presenceChanged = Signal(object)
    """The number of phones listening per department id (a dict), after every change."""

    def __init__(
        self,
        judge: Callable[[Vote], Outcome],
        parent: QObject | None = None,
        hold: Callable[[], AbstractContextManager[object]] = nullcontext,
    ) -> None:
        """``hold``: what one turn's votes are judged inside (the document's `held`, so the
        views follow once per turn rather than once per vote)."""
        super().__init__(parent)
        self.judge = judge
        self.hold = hold
        self._pending: deque[Pending] = deque()
        self._lock = threading.Lock()
        self._next_turn = QTimer(self)
        self._next_turn.setSingleShot(True)
        self._next_turn.setInterval(0)
        self._next_turn.timeout.connect(self.drain)
        self.wake.connect(self.drain, Qt.ConnectionType.QueuedConnection)

    def cast(self, vote: Vote, done: Callable[[Outcome], None]) -> None:
        """From the server's thread: judge `vote` in the window's thread, then call `done`."""
        with self._lock:
            self._pending.append((vote, done))
            first = len(self._pending) == 1
        if first:
            self.wake.emit()

    def tell_presence(self, counts: dict[str, int]) -> None:
        """From the server's thread: who is listening now."""
        self.presenceChanged.emit(dict(counts))

    def drain(self) -> None:
        """Record waiting votes for one turn; the rest after the window has painted."""
        began = time.perf_counter()
        with self.hold():
            while time.perf_counter() - began < TURN_SECONDS:
                with self._lock:
                    if not self._pending:
                        return
                    vote, done = self._pending.popleft()
                self._cast(vote, done)
        with self._lock:
            more = bool(self._pending)
        if more:
            self._next_turn.start()

    def _cast(self, vote: Vote, done: Callable[[Outcome], None]) -> None:
        outcome = Outcome("closed")
        try:
            outcome = self.judge(vote)
        finally:
            done(outcome)
