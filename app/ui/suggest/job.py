"""A suggestion searched by a child process (app.planning.worker), its progress relayed.

The child has its own GIL and loads OR-Tools itself, so the window keeps painting and the app
never imports the solver. Cancelling terminates the child: it writes nothing, and the document
was never touched, since only applying a finished suggestion changes it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from PySide6.QtCore import QThread, Signal

from app.domain.model import Workshop
from app.storage.workshop_file import dumps_workshop

KILL_AFTER_S = 5.0
"""How long a cancelled search may take to stop before it is killed."""
APP_ROOT = Path(__file__).resolve().parents[3]


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
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None

    def cancel(self) -> None:
        """Stop the child; a child that does not stop within a few seconds is killed."""
        with self._lock:
            self._stop.set()
            if self._child is not None and self._child.poll() is None:
                self._child.terminate()
        killer = threading.Timer(KILL_AFTER_S, self._kill)
        killer.daemon = True
        killer.start()

    def _kill(self) -> None:
        with self._lock:
            if self._child is not None and self._child.poll() is None:
                self._child.kill()

    def run(self) -> None:
        """Search in a child; the outcome is read from `outcome` once the thread has finished."""
        try:
            child = self._start_child()
        except OSError as failure:
            self.outcome = SearchOutcome(error=failure.strerror or str(failure), pins=self.pins)
            return
        errors: deque[bytes] = deque(maxlen=1)
        drain = threading.Thread(target=lambda: errors.extend(_lines(child.stderr)), daemon=True)
        with child:
            drain.start()
            answer = self._relay(child)
            drain.join()
        if self._stop.is_set():
            self.outcome = SearchOutcome(cancelled=True, pins=self.pins)
        elif child.returncode == 0 and "placement" in answer:
            self.outcome = SearchOutcome(
                json.loads(answer["placement"]),
                answer.get("proved") == "1",
                answer.get("clock") == "1",
                pins=self.pins,
            )
        else:
            last = errors[-1].decode("utf-8", "replace").strip() if errors else ""
            reason = answer.get("error") or last or f"exit status {child.returncode}"
            self.outcome = SearchOutcome(error=reason, pins=self.pins)

    def _start_child(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "app.planning.worker", str(self.seconds), *self.pins]
        pipe = subprocess.PIPE
        child = subprocess.Popen(
            command, stdin=pipe, stdout=pipe, stderr=pipe, cwd=APP_ROOT, env=os.environ
        )
        with self._lock:
            self._child = child
            if self._stop.is_set():
                child.terminate()
        assert child.stdin is not None
        try:
            child.stdin.write(dumps_workshop(self.workshop).encode("utf-8"))
            child.stdin.close()
        except OSError:
            pass  # the child ended early (cancelled or failed); its exit says why
        return child

    def _relay(self, child: subprocess.Popen[bytes]) -> dict[str, str]:
        """Emit the child's progress until it ends; its other lines by their first word."""
        answer: dict[str, str] = {}
        for line in _lines(child.stdout):
            words = line.decode("utf-8", "replace").rstrip("\n")
            kind, _, rest = words.partition(" ")
            if kind == "progress":
                try:
                    self.progressed.emit(float(rest))
                except ValueError:
                    continue
            else:
                answer[kind.removesuffix(":")] = rest
        return answer


def _lines(stream: IO[bytes] | None) -> list[bytes] | IO[bytes]:
    return [] if stream is None else stream
