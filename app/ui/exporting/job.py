"""One export of the roadmap PDF, run in a child process (app.report.worker).

A thread relays the child's progress lines; it never renders itself, so the window keeps its
GIL. The child writes atomically: a failed or cancelled export leaves no half PDF.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QThread, Signal

from app.domain.model import Workshop
from app.storage.workshop_file import SUFFIX, dumps_workshop
from app.ui.child_process import ChildProcess

Paper = Literal["a4", "letter"]
KILL_AFTER_S = 5.0
"""How long a cancelled renderer may take to stop before it is killed."""


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """How an export ended: written, cancelled, or failed with a reason."""

    path: Path
    paper: Paper
    error: str | None = None
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def written(self) -> bool:
        """The PDF is complete on disk."""
        return self.error is None and not self.cancelled


def _written(workshop: Workshop) -> Path:
    """`workshop` in a temporary file of its own, for the child to read (the caller removes it)."""
    handle, name = tempfile.mkstemp(prefix="bellwether-baseline-", suffix=SUFFIX)
    with os.fdopen(handle, "wb") as file:
        file.write(dumps_workshop(workshop).encode("utf-8"))
    return Path(name)


class ExportJob(QThread):
    """Runs one export in a child process and relays its progress; never renders itself."""

    progressed = Signal(int, int)

    def __init__(
        self,
        workshop: Workshop,
        path: Path,
        paper: Paper,
        lang: str = "en",
        baseline: Workshop | None = None,
    ) -> None:
        super().__init__()
        self.lang = lang
        self.baseline = baseline
        """The plan as the meeting opened it: the PDF says what changed since (None: nothing)."""
        self.workshop = workshop
        self.path = path
        self.paper: Paper = paper
        self.outcome = ExportOutcome(path, paper, cancelled=True)
        self._child = ChildProcess()
        self._shown = -1
        self._error: str | None = None

    def cancel(self) -> None:
        """Stop the child process; it removes its temporary file and nothing is written."""
        self._child.cancel(KILL_AFTER_S)

    def run(self) -> None:
        """Export in a child; the outcome is read from `outcome` once the thread has finished."""
        started = time.perf_counter()
        command = ["app.report.worker", str(self.path), self.paper, self.lang]
        baseline: Path | None = None
        try:
            if self.baseline is not None:
                baseline = _written(self.baseline)
                command.append(str(baseline))
            status, last = self._child.run(command, self.workshop, self._relay)
        except OSError as failure:
            self.outcome = ExportOutcome(self.path, self.paper, failure.strerror or str(failure))
            return
        finally:
            if baseline is not None:
                baseline.unlink(missing_ok=True)
        self.outcome = self._ending(status, last, time.perf_counter() - started)

    def _relay(self, words: str) -> None:
        """Emit the child's progress (never backwards); keep its error line, if any."""
        if words.startswith("error: "):
            self._error = words.removeprefix("error: ")
            return
        kind, _, numbers = words.partition(" ")
        done, _, total = numbers.partition(" ")
        if kind == "progress" and done.isdigit() and total.isdigit() and int(done) > self._shown:
            self._shown = int(done)
            self.progressed.emit(self._shown, int(total))

    def _ending(self, status: int, last: str, seconds: float) -> ExportOutcome:
        if status == 0:  # written, even when a cancel came too late to stop it
            return ExportOutcome(self.path, self.paper, seconds=seconds)
        if self._child.cancelled:
            return ExportOutcome(self.path, self.paper, cancelled=True)
        # The child died without a word: its last line on stderr, if any.
        error = self._error or last or self.tr("the renderer stopped (exit status %d)") % status
        return ExportOutcome(self.path, self.paper, error, seconds=seconds)
