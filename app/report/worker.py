"""The roadmap PDF rendered in a process of its own, for the app's Export PDF….

`python -m app.report.worker OUT.pdf a4|letter [en|da|fi [BASELINE]]` reads a workshop file's
bytes from stdin and writes the PDF atomically, in the language given (English by default),
with a section on what changed against the BASELINE workshop file when one is given. A child
process has its own GIL, so rendering never stalls the window. It speaks in lines on stdout:
`progress DONE TOTAL` as it goes (throttled), and on failure one `error: <reason>` line and
exit status 1. SIGTERM stops it cleanly: the temporary file is removed and no half PDF is left.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import TextIO

from app.i18n import LANGUAGES, language, set_language
from app.i18n.choice import inherited_language
from app.report.document import PAPERS, Paper, write_pdf
from app.report.failure import RenderError, render_error
from app.report.visible import speaking
from app.storage.workshop_file import WorkshopFileError, load_workshop, parse_workshop

# Often enough for a smooth progress bar, rarely enough that the app is not kept busy relaying.
PROGRESS_INTERVAL_S = 0.05


class Reporter:
    """Prints `progress DONE TOTAL` lines at most every PROGRESS_INTERVAL_S, always the last."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.last = float("-inf")

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < PROGRESS_INTERVAL_S:
            return
        self.last = now
        print(f"progress {done} {total}", file=self.out, flush=True)


STOPPED = 143
_stopping = False


def _stop(_signum: int, _frame: FrameType | None) -> None:
    """SIGTERM: unwind like an exception, so atomic_write removes its temporary file.

    Remembered too: reportlab's paragraph parser re-raises what interrupts it with its own
    text (even as SystemExit("... caused exception 143"), which would exit 1 with that text),
    and a stop must not turn into a reported failure.
    """
    global _stopping
    _stopping = True
    raise SystemExit(STOPPED)


def export(
    path: Path, paper: Paper, raw: bytes, out: TextIO, lang: str = "en", baseline: str = ""
) -> int:
    """Render `raw` (a workshop file's bytes) to `path` in language `lang`, against the workshop
    file `baseline` when one is named; the exit status."""
    try:
        before = load_workshop(Path(baseline)) if baseline else None
        with speaking(lang):
            write_pdf(path, parse_workshop(raw), paper, Reporter(out), before)
    except SystemExit:
        if _stopping:
            return STOPPED
        raise
    except Exception as failure:  # a bad file or a renderer bug ends in a line, not a traceback
        if _stopping:
            return STOPPED
        if isinstance(failure, OSError):
            return _error(out, failure.strerror or str(failure))
        if not isinstance(failure, RenderError | WorkshopFileError):
            failure = render_error(failure)  # the user reads a sentence, not an internal's text
        return _error(out, str(failure))
    return 0


def _error(out: TextIO, reason: str) -> int:
    print(f"error: {' '.join(reason.split())}", file=out, flush=True)
    return 1


def main(argv: list[str]) -> int:
    """Entry point: `OUT.pdf a4|letter [LANG [BASELINE]]`, the workshop on stdin; without LANG
    the language the app passed down (its own)."""
    set_language(inherited_language())
    signal.signal(signal.SIGTERM, _stop)
    lang = argv[2] if len(argv) >= 3 else language()
    if not 2 <= len(argv) <= 4 or argv[1] not in PAPERS or lang not in LANGUAGES:
        usage = "usage: python -m app.report.worker OUT.pdf a4|letter [en|da|fi [BASELINE]]"
        return _error(sys.stdout, usage)
    paper: Paper = "letter" if argv[1] == "letter" else "a4"
    baseline = argv[3] if len(argv) == 4 else ""
    return export(Path(argv[0]), paper, sys.stdin.buffer.read(), sys.stdout, lang, baseline)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
