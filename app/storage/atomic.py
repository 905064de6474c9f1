"""Atomic file replacement: the old file stays whole until the new one is complete on disk.

Writing goes to the file a path names: through a symbolic link to the file it points to (the
link stays a link), into a temporary file beside that file, then renamed over it. Only a
regular file is ever replaced: a folder, a FIFO, a device, a socket or a link to nothing is
refused before anything is written. The temporary file's name carries the writer's process id
(`.plan.json.4242-k3j9x.tmp`), so a later write to the same file removes what a killed writer
left behind, and never what a live one is still writing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from pathlib import Path

from app.i18n import _
from app.storage.reading import kind_of

LEFTOVER_AGE = 24 * 3600
"""A temporary file this many seconds old is a leftover whatever its writer (another machine
writing to a shared folder, or a name from before writers signed theirs)."""


class OutputError(OSError):
    """A path that must not be written to; `strerror` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(errno.EINVAL, reason)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


_NEW_FILE_MODE = 0o666 & ~_umask()


def target_of(path: Path) -> Path:
    """The file that writing to `path` replaces: `path`, or the file its links point to.

    Raises OutputError for a folder, a FIFO, a device, a socket, or a link to nothing.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            raise OutputError(
                _("it is a symbolic link to {target}, which does not exist").format(
                    target=os.readlink(path)
                )
            ) from None
        return target
    except OSError as error:
        raise OutputError(error.strerror or str(error)) from None
    kind = kind_of(mode)
    if kind is not None:
        raise OutputError(_("it is {kind}, not a file that can be replaced").format(kind=kind))
    return target


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (through links, or as two names of it)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def remove_leftovers(target: Path) -> None:
    """Remove the temporary files that dead writers left beside `target`."""
    folder = target.parent
    own = re.compile(rf"\.{re.escape(target.name)}\.(?:(\d+)-)?[^.]+\.tmp")
    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for name in names:
        found = own.fullmatch(name)
        if found is None:
            continue
        leftover = folder / name
        with contextlib.suppress(OSError):
            writer = int(found.group(1)) if found.group(1) else None
            old = now - os.lstat(leftover).st_mtime > LEFTOVER_AGE
            if old or (writer is not None and not _alive(writer)):
                os.unlink(leftover)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder, flushed and fsynced.

    On any failure the temporary file is removed and the original is left byte for byte; the
    OSError propagates with its reason (an OutputError for what must not be replaced). An
    existing file's permissions are kept.
    """
    target = target_of(path)
    folder = target.parent
    remove_leftovers(target)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=folder
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = _NEW_FILE_MODE
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (not possible on every platform)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
