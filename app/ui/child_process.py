"""One child Bellwether process that works on a workshop while the window keeps painting.

The PDF export and the plan search each run in a child of their own: it has its own GIL, it
loads the heavy libraries (reportlab, OR-Tools) itself, and cancelling it cannot leave the
window's state half-changed. The child reads the workshop's JSON on stdin and reports on
stdout, one line at a time; its stderr is drained alongside, so it never blocks on a full pipe.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from app.domain.model import Workshop
from app.i18n import language
from app.i18n.choice import child_environment
from app.storage.workshop_file import dumps_workshop

APP_ROOT = Path(__file__).resolve().parents[2]


class ChildProcess:
    """Runs ``python -m MODULE ARGS`` on a workshop; cancellable from any thread."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None

    @property
    def cancelled(self) -> bool:
        """Whether `cancel` was called."""
        return self._stop.is_set()

    def cancel(self, kill_after: float) -> None:
        """Ask the child to stop; one that has not stopped after ``kill_after`` s is killed.

        So closing the window can never hang on a child (whose temporary file may then be left
        behind for its next run to remove).
        """
        with self._lock:
            self._stop.set()
            if self._child is not None and self._child.poll() is None:
                self._child.terminate()
        killer = threading.Timer(kill_after, self._kill)
        killer.daemon = True
        killer.start()

    def _kill(self) -> None:
        with self._lock:
            if self._child is not None and self._child.poll() is None:
                self._child.kill()

    def run(
        self, command: Sequence[str], workshop: Workshop, line: Callable[[str], None]
    ) -> tuple[int, str]:
        """Run the child to its end, handing each stdout line to ``line``.

        Returns its exit status and its last line on stderr ("" when none); OSError when it
        cannot be started.
        """
        child = self._start([sys.executable, "-m", *command], workshop)
        errors: deque[bytes] = deque(maxlen=1)
        drain = threading.Thread(target=lambda: errors.extend(_lines(child.stderr)), daemon=True)
        with child:  # closes the pipes and waits for the child
            drain.start()
            for raw in _lines(child.stdout):
                line(raw.decode("utf-8", "replace").rstrip("\n"))
            drain.join()
        last = errors[-1].decode("utf-8", "replace").strip() if errors else ""
        return child.returncode, last

    def _start(self, command: list[str], workshop: Workshop) -> subprocess.Popen[bytes]:
        pipe = subprocess.PIPE
        child = subprocess.Popen(
            command,
            stdin=pipe,
            stdout=pipe,
            stderr=pipe,
            cwd=APP_ROOT,
            env=child_environment(language()),
        )
        with self._lock:
            self._child = child
            if self._stop.is_set():
                child.terminate()
        assert child.stdin is not None
        try:
            child.stdin.write(dumps_workshop(workshop).encode("utf-8"))
            child.stdin.close()
        except OSError:
            pass  # the child ended early (cancelled or failed); its exit says why
        return child


def _lines(stream: IO[bytes] | None) -> list[bytes] | IO[bytes]:
    """The lines of a child's pipe as they come (none when there is no pipe)."""
    return [] if stream is None else stream
