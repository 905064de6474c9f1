"""The recent-files list, kept in Bellwether's own settings file in the user's data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from app.ui.settings import settings

MAX_RECENT = 8


def recent_files() -> list[Path]:
    """Recently opened or saved workshops that still exist, newest first."""
    value = settings().value("recent", [])
    paths = (
        [value]
        if isinstance(value, str)
        else [str(p) for p in value]
        if isinstance(value, list)
        else []
    )
    return [Path(p) for p in paths if Path(p).exists()]


def remember(path: Path) -> None:
    """Put a file at the top of the recent list."""
    resolved = str(path.resolve())
    paths = [resolved] + [str(p) for p in recent_files() if str(p) != resolved]
    settings().setValue("recent", paths[:MAX_RECENT])


def recent_label(path: Path, metrics: QFontMetrics, width: int = 520) -> str:
    """A recent file as a list shows it: its name, then its folder elided in the middle."""
    folder = metrics.elidedText(
        str(path.parent),
        Qt.TextElideMode.ElideMiddle,
        max(80, width - metrics.horizontalAdvance(path.name)),
    )
    return f"{path.name} — {folder}"


def last_folder() -> Path | None:
    """The folder a file was last opened from or saved to, if it still exists."""
    value = settings().value("last-folder")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else None


def remember_folder(path: Path) -> None:
    """Remember the folder of a file just chosen in a file dialog."""
    settings().setValue("last-folder", str(path.resolve().parent))


def start_folder(current: Path | None) -> Path:
    """Where a file dialog opens: the current file's folder, else the last used, else home."""
    if current is not None and current.parent.is_dir():
        return current.parent
    return last_folder() or Path.home()
