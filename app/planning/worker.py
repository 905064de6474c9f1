"""A suggestion searched in a process of its own, for the app's Plan > Suggest a plan….

`python -m app.planning.worker SECONDS [PIN ...]` reads a workshop file's bytes from stdin and
searches for `SECONDS`. The search runs with its own GIL, so the window keeps painting, and
OR-Tools is loaded only here, never in the app. It speaks in lines on stdout:
`progress FRACTION` as it goes, then `placement JSON` (request id -> phase id or null),
`proved 0|1` and `clock 0|1`; on failure one `error: <reason>` line and exit status 1.
SIGTERM stops it at once (exit 143): it writes nothing anywhere.
"""

from __future__ import annotations

import json
import signal
import sys
from typing import TextIO

from app.i18n import set_language
from app.i18n.choice import inherited_language
from app.planning.placement import placement_of
from app.planning.suggest import SuggestError, suggest
from app.storage.workshop_file import WorkshopFileError, parse_workshop

STOPPED = 143


def run(seconds: float, pins: list[str], raw: bytes, out: TextIO) -> int:
    """Search a suggestion for the workshop in `raw`; the exit status."""
    try:
        workshop = parse_workshop(raw)
        suggestion = suggest(
            workshop,
            seconds,
            pins,
            progress=lambda _stage, done: print(f"progress {done:.3f}", file=out, flush=True),
        )
    except (WorkshopFileError, SuggestError) as error:
        return _error(out, str(error))
    print("placement " + json.dumps(placement_of(suggestion.after)), file=out)
    print(f"proved {int(suggestion.proved)}", file=out)
    print(f"clock {int(suggestion.stopped_by_clock)}", file=out, flush=True)
    return 0


def _error(out: TextIO, reason: str) -> int:
    print(f"error: {' '.join(reason.split())}", file=out, flush=True)
    return 1


def main(argv: list[str]) -> int:
    """Entry point: `SECONDS [PIN ...]`, the workshop on stdin."""
    set_language(inherited_language())
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(STOPPED))
    try:
        seconds = float(argv[0])
    except (IndexError, ValueError):
        return _error(sys.stdout, "usage: python -m app.planning.worker SECONDS [PIN ...]")
    return run(seconds, argv[1:], sys.stdin.buffer.read(), sys.stdout)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
