"""What every command shares: the exit codes, the one-line failure, a reader that went away."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TextIO, TypeAlias

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2

Handler = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def fail(message: str, stream: TextIO | None = None) -> int:
    """Print one line for the user and return the invalid-input exit code."""
    print(f"bellwether: {message}", file=stream or sys.stderr)
    return EXIT_INVALID


def stdout_closed() -> None:
    """The reader went away (`check FILE | head`): drop the rest quietly, without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
