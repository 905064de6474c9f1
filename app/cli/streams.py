"""A command's output when its reader goes away, and Ctrl+C: quiet ends, no tracebacks.

`verify ROADMAP.pdf | head -1` closes the pipe after one line; the command still finishes its
work and ends with its own exit code, the rest of its output dropped. Ctrl+C ends a command
with exit code 130, as a shell expects of an interrupted program.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

from app.cli.common import fail
from app.i18n import _

EXIT_INTERRUPTED = 130


class _Guarded:
    """A text stream whose writes never raise once its reader has gone: they go nowhere."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._gone = False

    def _quietly(self, action: Callable[[], Any], default: Any) -> Any:
        if self._gone:
            return default
        try:
            return action()
        except (BrokenPipeError, ConnectionResetError):
            self._gone = True
            _silence(self._stream)
            return default
        except ValueError:  # the stream was closed under us
            self._gone = True
            return default

    def write(self, text: str) -> int:
        """Write `text`, or drop it when the reader has gone."""
        return int(self._quietly(lambda: self._stream.write(text), len(text)))

    def flush(self) -> None:
        """Flush, or drop what is left when the reader has gone."""
        self._quietly(self._stream.flush, None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _silence(stream: TextIO) -> None:
    """Point the stream's descriptor at the null device, so that exiting flushes nowhere."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def guard_streams() -> None:
    """Make stdout and stderr safe to write to whatever happens to their readers."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:  # started with the descriptor closed (`check FILE >&-`)
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        elif not isinstance(stream, _Guarded):
            setattr(sys, name, _Guarded(stream))


def run_guarded(run: Callable[[], int]) -> int:
    """Run a command with guarded streams: its own exit code, or 130 on Ctrl+C.

    Running out of memory (a machine with little to spare, a limit set on the process) ends
    the command with one line and exit 2, as any other input it cannot take does.
    """
    guard_streams()
    try:
        code = run()
        sys.stdout.flush()
        sys.stderr.flush()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except MemoryError:
        return fail(_("not enough memory for this input on this machine; nothing was written"))
    return code
