"""Reading a user's file: one line for every way it can fail, and never more than a limit."""

from __future__ import annotations

from pathlib import Path


class FileReadError(ValueError):
    """A file that cannot be read; the message is one line without the path."""


def read_file(path: Path, what: str, limit: int | None = None) -> bytes:
    """The file's bytes, or FileReadError ("no such file", "it is a folder, not a PDF", ...).

    With a `limit`, a larger file is refused before it is read when its size is known, and the
    read itself is bounded too, for what has no size (a pipe, `/dev/zero`).
    """
    try:
        if limit is None:
            return path.read_bytes()
        raw = b""
        if path.stat().st_size <= limit:
            with path.open("rb") as handle:
                raw = handle.read(limit + 1)
            if len(raw) <= limit:
                return raw
    except FileNotFoundError:
        raise FileReadError("no such file") from None
    except IsADirectoryError:
        raise FileReadError(f"it is a folder, not {what}") from None
    except OSError as error:
        raise FileReadError(f"cannot be read ({error.strerror or error})") from None
    raise FileReadError(f"the file is larger than {limit / 2**20:,.0f} MiB, the most {what} may be")
