"""The window as it was left: geometry, docks, zoom and mode, kept in Bellwether's settings.

Saved when the window closes and restored before it is first shown. The first time, on a
screen too small for the default size, the window opens maximised.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtWidgets import QMainWindow

from app.ui.settings import settings

DEFAULT_SIZE = QSize(1600, 1000)
GROUP = "window"


@dataclass
class Snapshot:
    """The window's look at one moment, to return to exactly (leaving F11)."""

    geometry: QByteArray
    state: QByteArray
    maximized: bool
    zoom: float | None
    scroll: tuple[int, int] | None


def save_window(
    window: QMainWindow, zoom: float | None, presentation: bool, docks: QByteArray | None
) -> None:
    """Remember the window as it is now, for the next start (docks: None keeps the last)."""
    store = settings()
    store.beginGroup(GROUP)
    store.setValue("geometry", window.saveGeometry())
    if docks is not None:
        store.setValue("state", docks)
    store.setValue("presentation", presentation)
    if zoom is not None:
        store.setValue("zoom", zoom)
    store.endGroup()
    store.sync()


def restore_window(window: QMainWindow) -> tuple[bool, float | None, QByteArray | None]:
    """Put the window back where and as large as it was left.

    Returns whether it was presenting, its zoom, and its docks' state (for when a board is
    open: on the start screen the docks stay hidden). Nothing saved yet: the default size, or
    maximised when the screen is smaller than that.
    """
    store = settings()
    store.beginGroup(GROUP)
    geometry, state = store.value("geometry"), store.value("state")
    presentation = str(store.value("presentation", "false")).lower() == "true"
    zoom = _float(store.value("zoom"))
    store.endGroup()
    docks = state if isinstance(state, QByteArray) else None
    if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
        return presentation, zoom, docks
    window.resize(DEFAULT_SIZE)
    screen = window.screen()
    available = screen.availableGeometry().size() if screen is not None else DEFAULT_SIZE
    if available.width() < DEFAULT_SIZE.width() or available.height() < DEFAULT_SIZE.height():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return presentation, zoom, docks


def _float(value: object) -> float | None:
    """A zoom read back from the INI file (a string there), or None when absent or garbled."""
    try:
        return float(str(value)) if value is not None else None
    except ValueError:
        return None
