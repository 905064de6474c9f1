"""Reading a user's file: one line for every way it can fail, and never more than a limit.

Only a regular file is read. A FIFO would block the reader until some other program writes to
it, a device such as `/dev/zero` never ends, and a socket cannot be read as a file: each is
refused from its kind alone, without opening it for reading.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.i18n import _


class FileReadError(ValueError):
    """A file that cannot be read; the message is one line without the path."""


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in a user's words (None: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not a regular file")


def _refuse_kind(mode: int, what: str) -> None:
    kind = kind_of(mode)
    if kind is not None:
        raise FileReadError(_("it is {kind}, not {what}").format(kind=kind, what=what))


def read_file(path: Path, what: str, limit: int) -> bytes:
    """The file's bytes, or FileReadError ("no such file", "it is a folder, not a PDF", ...).

    A file larger than `limit` is refused before it is read, and the read itself stops at the
    limit, for a file that grows while it is read. `what` is one of "a workshop file", "a PDF"
    and "a spreadsheet", said in the language spoken now.
    """
    what = _(what)
    try:
        _refuse_kind(os.stat(path).st_mode, what)
        # O_NONBLOCK: should the path become a FIFO after the check, opening it cannot block.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            _refuse_kind(status.st_mode, what)
            raw = b"" if status.st_size > limit else handle.read(limit + 1)
        if status.st_size <= limit and len(raw) <= limit:
            return raw
    except FileNotFoundError:
        raise FileReadError(_("no such file")) from None
    except IsADirectoryError:
        raise FileReadError(_("it is a folder, not {what}").format(what=what)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileReadError(_("cannot be read ({reason})").format(reason=reason)) from None
    raise FileReadError(
        _("the file is larger than {size} MiB, the most {what} may be").format(
            size=f"{limit / 2**20:,.0f}", what=what
        )
    )
