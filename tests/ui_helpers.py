"""Helpers for GUI tests: a main window on a copy of a sample, real mouse drags, pixels."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollBar
from pytestqt.qtbot import QtBot

from app.ui.board.view import BoardView
from app.ui.shell.main_window import MainWindow
from app.ui.theme import Theme
from tests.conftest import SMALL_SAMPLE


def open_copy(window: MainWindow, sample: Path, folder: Path) -> Path:
    """Copy a sample into a temporary folder and open it in the window."""
    path = folder / sample.name
    shutil.copyfile(sample, path)
    assert window.open_path(path)
    return path


def to_view(view: BoardView, point: QPointF) -> QPoint:
    """A scene point in the view's viewport coordinates (it must be on screen)."""
    view.ensureVisible(point.x() - 5, point.y() - 5, 10, 10, 0, 0)
    return view.mapFromScene(point)


def drag(view: BoardView, start: QPointF, end: QPointF, steps: int = 6) -> None:
    """Press on `start`, move in steps and release on `end`, all on the real viewport."""
    viewport = view.viewport()
    a = view.mapFromScene(start)
    b = view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for step in range(1, steps + 1):
        x = a.x() + (b.x() - a.x()) * step // steps
        y = a.y() + (b.y() - a.y()) * step // steps
        QTest.mouseMove(viewport, QPoint(x, y))
        QApplication.processEvents()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    QApplication.processEvents()


def mark_clean(window: MainWindow) -> None:
    """Let the window close without asking to save (the test's edits are throwaway)."""
    if window.document is not None:
        window.document.undo_stack.setClean()


def empty_window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A main window with no workshop open, its data folder in tmp_path."""
    monkeypatch.setenv("BELLWETHER_DATA_DIR", str(tmp_path / "data"))
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=mark_clean)
    return window


def shown_window(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int] = (1600, 1000),
) -> MainWindow:
    """A shown main window on a copy of the small sample, its data folder in tmp_path."""
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(*size)
    window.show()
    open_copy(window, SMALL_SAMPLE, tmp_path)
    qtbot.waitExposed(window)
    return window


def unzoomed_window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on the small sample with its board at scale 1 (scene = pixels).

    The window fits the board to its width once more when the docks settle; that is let
    happen first, so the scale set here stays.
    """
    window = shown_window(qtbot, tmp_path, monkeypatch, size=(1900, 1200))
    QApplication.processEvents()
    assert window.view is not None
    window.view.resetTransform()
    return window


def assert_flat_scroll_bar(bar: QScrollBar, theme: Theme) -> None:
    """The bar is flat and in the theme's colours: the handle at its start, groove at its end.

    (Flat, not the style's gradients: these bars repaint on many moves.)
    """
    QApplication.processEvents()
    assert bar.isVisible() and bar.maximum() >= bar.pageStep(), "the handle is at most half"
    bar.setValue(0)
    image = bar.grab().toImage()
    along, across = (
        (image.height(), image.width())
        if bar.orientation() == Qt.Orientation.Vertical
        else (image.width(), image.height())
    )

    def at(position: int) -> str:
        point = (
            QPoint(across // 2, position)
            if bar.orientation() == Qt.Orientation.Vertical
            else QPoint(position, across // 2)
        )
        return image.pixelColor(point).name()

    assert (at(12), at(along - 4)) == (theme.grid.name(), theme.surface.name())
    assert across == round(12 * theme.font_scale)


def largest_difference(one: QImage, other: QImage) -> int:
    """The largest difference of any colour channel between two images of the same size."""
    assert one.size() == other.size()
    # The converted images must outlive the arrays: constBits() is a view of their memory.
    converted = [image.convertToFormat(QImage.Format.Format_RGB32) for image in (one, other)]
    first, second = (np.frombuffer(image.constBits(), np.uint8).astype(int) for image in converted)
    return int(np.abs(first - second).max())
