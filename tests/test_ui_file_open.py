"""A workshop double-clicked on macOS reaches the running app as a file-open event: it opens."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.shell.file_open import follow_file_open
from app.ui.shell.main_window import MainWindow
from tests.conftest import SMALL_SAMPLE
from tests.ui_helpers import empty_window


def shown(window: MainWindow) -> Path | None:
    """The path of the workshop the window shows, if any."""
    return window.document.path if window.document is not None else None


def test_a_file_open_event_opens_the_workshop(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    path = tmp_path / SMALL_SAMPLE.name
    shutil.copyfile(SMALL_SAMPLE, path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    watcher = follow_file_open(app, window.open_path)
    try:
        assert shown(window) is None
        QApplication.sendEvent(app, QFileOpenEvent(str(path)))
        assert shown(window) == path
    finally:
        app.removeEventFilter(watcher)
        watcher.deleteLater()
