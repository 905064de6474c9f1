"""The recovery journal: a copy of the open workshop written after every edit.

If Bellwether stops without a clean save or close (a crash, a power cut, a killed process), the
next start finds the copy here and offers to restore it. Each open document has one slot, so
two windows never overwrite each other's copy. No Qt: the GUI decides when to write.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.domain.model import Workshop
from app.i18n import N_
from app.storage.atomic import atomic_write
from app.storage.reading import FileReadError, read_file
from app.storage.workshop_file import MAX_BYTES, WorkshopFileError, workshop_from_data

DATA_DIR_VARIABLE = "BELLWETHER_DATA_DIR"
RECORD_EXTRA = 64 * 1024
"""Room for the copy's source path and time beside the workshop itself."""


def data_folder() -> Path:
    """The user's application-data folder for Bellwether (overridable for tests)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("Bellwether", appauthor=False))


@dataclass(frozen=True, slots=True)
class RecoveryCopy:
    """A recovery copy found on disk."""

    path: Path
    workshop: Workshop
    source: Path | None
    saved_at: datetime


class RecoveryJournal:
    """One document's slot in the recovery folder."""

    def __init__(self, folder: Path, source: Path | None, session: str) -> None:
        self.folder = folder
        slot = str(source.resolve()) if source is not None else f"untitled:{session}"
        digest = hashlib.sha256(slot.encode("utf-8")).hexdigest()[:16]
        self.path = folder / f"recovery-{digest}.json"
        self.source = source

    def write(self, workshop: Workshop) -> None:
        """Write the recovery copy atomically (OSError propagates to the caller)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        source = str(self.source) if self.source is not None else None
        saved_at = datetime.now(UTC).isoformat(timespec="seconds")
        # pydantic writes the workshop's JSON in one call, twice as fast as data then json.dumps:
        # this runs on the window's thread 250 ms after each edit, so it should not drop a frame.
        record = (
            f'{{"source": {json.dumps(source, ensure_ascii=False)}, "saved_at": "{saved_at}", '
            f'"workshop": {workshop.model_dump_json()}}}'
        )
        atomic_write(self.path, record.encode("utf-8"))

    def discard(self) -> None:
        """Remove the copy: the document was saved or closed cleanly.

        A copy that cannot be removed (a read-only data folder) stays where it is; the next
        start offers it, which is better than a window that cannot close.
        """
        with contextlib.suppress(OSError):
            self.path.unlink()


def pending_copies(folder: Path) -> list[RecoveryCopy]:
    """Recovery copies left by earlier sessions, newest first; unreadable ones are skipped."""
    found: list[RecoveryCopy] = []
    if not folder.is_dir():
        return found
    for path in folder.glob("recovery-*.json"):
        copy = _read(path)
        if copy is not None:
            found.append(copy)
    return sorted(found, key=lambda copy: copy.saved_at, reverse=True)


def _read(path: Path) -> RecoveryCopy | None:
    try:
        raw = read_file(path, N_("a workshop file"), MAX_BYTES + RECORD_EXTRA)
        record = json.loads(raw.decode("utf-8"))
        workshop = workshop_from_data(record["workshop"])
        source = Path(record["source"]) if record.get("source") else None
        saved_at = datetime.fromisoformat(record["saved_at"])
    except (OSError, ValueError, KeyError, TypeError, WorkshopFileError, FileReadError):
        return None
    return RecoveryCopy(path, workshop, source, saved_at)
