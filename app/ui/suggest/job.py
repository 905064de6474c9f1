"""A suggestion searched by a child process (app.planning.worker), its progress relayed.

The child has its own GIL and loads OR-Tools itself, so the window keeps painting and the app
never imports the solver. Cancelling terminates the child: it writes nothing, and the document
was never touched, since only applying a finished suggestion changes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from PySide6.QtCore import QThread, Signal

from app.domain.model import Workshop
from app.ui.child_process import ChildProcess

KILL_AFTER_S = 5.0
"""How long a cancelled search may take to stop before it is killed."""


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """How a search ended: a placement, cancelled, or failed with a reason."""

    placement: dict[str, str | None] | None = None
    proved: bool = False
    clock: bool = False
    error: str | None = None
    cancelled: bool = False
    pins: tuple[str, ...] = field(default=())


class SuggestJob(QThread):
    """Runs one search in a child process; never searches itself."""

    progressed = Signal(float)

    def __init__(self, workshop: Workshop, seconds: float, pins: tuple[str, ...]) -> None:
        super().__init__()
        self.workshop = workshop
        self.seconds = seconds
        self.pins = pins
        self.outcome = SearchOutcome(cancelled=True, pins=pins)
        self._child = ChildProcess()
        self._answer: dict[str, str] = {}

    def cancel(self) -> None:
        """Stop the child; a child that does not stop within a few seconds is killed."""
        self._child.cancel(KILL_AFTER_S)

    def run(self) -> None:
        """Search in a child; the outcome is read from `outcome` once the thread has finished."""
        command = ["app.planning.worker", str(self.seconds), *self.pins]
        try:
            status, last = self._child.run(command, self.workshop, self._relay)
        except OSError as failure:
            self.outcome = SearchOutcome(error=failure.strerror or str(failure), pins=self.pins)
            return
        answer = self._answer
        if self._child.cancelled:
            self.outcome = SearchOutcome(cancelled=True, pins=self.pins)
        elif status == 0 and "placement" in answer:
            self.outcome = SearchOutcome(
                json.loads(answer["placement"]),
                answer.get("proved") == "1",
                answer.get("clock") == "1",
                pins=self.pins,
            )
        else:
            reason = answer.get("error") or last or f"exit status {status}"
            self.outcome = SearchOutcome(error=reason, pins=self.pins)

    def _relay(self, words: str) -> None:
        """Emit the child's progress; keep its other lines by their first word."""
        kind, _, rest = words.partition(" ")
        if kind == "progress":
            try:
                self.progressed.emit(float(rest))
            except ValueError:
                return
        else:
            self._answer[kind.removesuffix(":")] = rest
