"""Documents the desktop hands over: on macOS a double-clicked workshop or roadmap arrives as a
file-open event to the running app, not as an argument on its command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """Opens the file of every file-open event the application receives."""

    def __init__(self, open_path: Callable[[Path], object], parent: QObject) -> None:
        super().__init__(parent)
        self.open_path = open_path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take a file-open event: open its file in the window."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            if event.file():
                self.open_path(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


def follow_file_open(app: QObject, open_path: Callable[[Path], object]) -> FileOpenFilter:
    """Open in the window each file the desktop asks the running app to open."""
    watcher = FileOpenFilter(open_path, app)
    app.installEventFilter(watcher)
    return watcher
