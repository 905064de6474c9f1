"""Files in the GUI: save and open, a failed save, recovery after a crash, the start screen."""

from __future__ import annotations

import errno
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.storage.recovery import pending_copies
from app.storage.workshop_file import dumps_workshop, load_workshop
from app.ui.files.dialogs import blank_workshop
from app.ui.files.recovery_offer import offer_recovery
from app.ui.shell.main_window import MainWindow
from tests.conftest import CRM_SAMPLE, ROOT, SMALL_SAMPLE
from tests.ui_helpers import open_copy


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (recovery copies, recent files) for this test only."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BELLWETHER_DATA_DIR", str(folder))
    return folder


def new_window(qtbot: QtBot) -> MainWindow:
    """A main window that closes without asking, whatever the test left unsaved."""
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=_discard)
    return window


def _discard(window: MainWindow) -> None:
    if window.document is not None:
        window.document.undo_stack.setClean()


def move_one(window: MainWindow) -> str:
    """Move the first request between the backlog and the first phase; return its id."""
    assert window.document is not None and window.scene is not None
    workshop = window.document.workshop
    request = workshop.requests[0]
    target = workshop.phases[0].id if request.phase is None else None
    assert window.scene.move(request.id, target)
    return request.id


def test_save_and_open_round_trip(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> None:
    window = new_window(qtbot)
    path = open_copy(window, SMALL_SAMPLE, tmp_path)
    request_id = move_one(window)
    assert window.document is not None
    edited = dumps_workshop(window.document.workshop)
    target = tmp_path / "saved.bellwether.json"
    assert window.save_to(target)
    assert not window.document.modified
    assert target.read_text(encoding="utf-8") == edited
    assert path.read_text(encoding="utf-8") != edited
    other = new_window(qtbot)
    assert other.open_path(target)
    assert other.document is not None
    assert dumps_workshop(other.document.workshop) == edited
    assert other.document.workshop.request(request_id) == window.document.workshop.request(
        request_id
    )


def test_failed_save_shows_error_and_keeps_old_file(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = new_window(qtbot)
    path = open_copy(window, SMALL_SAMPLE, tmp_path)
    before = path.read_bytes()
    move_one(window)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))

    def read_only(*args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("app.storage.atomic.os.replace", read_only)
    assert not window.save()
    assert path.read_bytes() == before
    assert len(shown) == 1 and "Permission denied" in shown[0] and str(path) in shown[0]
    assert window.document is not None and window.document.modified
    assert not list(tmp_path.glob(".*.tmp")), "the temporary file is cleaned up"


def test_save_into_missing_folder_is_refused(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = new_window(qtbot)
    open_copy(window, SMALL_SAMPLE, tmp_path)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    assert not window.save_to(tmp_path / "no-such-folder" / "x.bellwether.json")
    assert shown and "no-such-folder" in shown[0]


def click(text: str, asked: list[str] | None = None) -> Callable[[QMessageBox], int]:
    """A stand-in for QMessageBox.exec that clicks the button named `text` (which must exist)."""

    def answer(box: QMessageBox) -> int:
        names = sorted(button.text() for button in box.buttons())
        assert names == ["Decide later", "Discard", "Restore"], "buttons named for what they do"
        if asked is not None:
            asked.append(box.text())
        next(button for button in box.buttons() if button.text() == text).click()
        return 0

    return answer


def test_unclean_exit_leaves_recovery_copy_that_is_restored(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = new_window(qtbot)
    path = open_copy(crashed, SMALL_SAMPLE, tmp_path)
    move_one(crashed)
    assert crashed.document is not None and crashed.autosaver is not None
    edited = dumps_workshop(crashed.document.workshop)
    qtbot.waitUntil(lambda: bool(pending_copies(data_dir)), timeout=3000)
    assert crashed.autosaver.journal.path.exists()
    # The "crash": the window is never closed; a new window starts and finds the copy.
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", click("Restore", asked))
    fresh = new_window(qtbot)
    assert offer_recovery(fresh)
    assert asked and str(path) in asked[0]
    assert fresh.document is not None
    assert dumps_workshop(fresh.document.workshop) == edited
    assert fresh.document.path == path and fresh.document.modified
    fresh.document.undo_stack.undo()
    assert dumps_workshop(fresh.document.workshop) == dumps_workshop(load_workshop(path))


def test_clean_close_and_save_remove_the_recovery_copy(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = new_window(qtbot)
    open_copy(window, SMALL_SAMPLE, tmp_path)
    move_one(window)
    qtbot.waitUntil(lambda: bool(pending_copies(data_dir)), timeout=3000)
    assert window.save()
    assert not pending_copies(data_dir)
    move_one(window)
    qtbot.waitUntil(lambda: bool(pending_copies(data_dir)), timeout=3000)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Discard)
    )
    assert window.close()
    assert not pending_copies(data_dir)


def test_close_with_changes_can_be_cancelled(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = new_window(qtbot)
    window.show()
    open_copy(window, SMALL_SAMPLE, tmp_path)
    move_one(window)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Cancel)
    )
    assert not window.close()
    assert window.isVisible()


def test_declining_recovery_discards_the_copy(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = new_window(qtbot)
    open_copy(crashed, SMALL_SAMPLE, tmp_path)
    move_one(crashed)
    qtbot.waitUntil(lambda: bool(pending_copies(data_dir)), timeout=3000)
    monkeypatch.setattr(QMessageBox, "exec", click("Decide later"))
    assert not offer_recovery(new_window(qtbot)), "Decide later opens nothing..."
    assert pending_copies(data_dir), "...and keeps the copy for the next start"
    monkeypatch.setattr(QMessageBox, "exec", click("Discard"))
    assert not offer_recovery(new_window(qtbot))
    assert not pending_copies(data_dir)


def test_bad_file_is_refused_with_its_reason(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.bellwether.json"
    broken.write_text('{"format": "bellwether/1", "title": ""}', encoding="utf-8")
    before = broken.read_bytes()
    window = new_window(qtbot)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    assert not window.open_path(broken)
    assert window.document is None
    assert shown and "title" in shown[0]
    assert broken.read_bytes() == before


def test_start_screen_lists_recent_files(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> None:
    window = new_window(qtbot)
    assert window.stack.currentWidget() is window.start_screen
    path = open_copy(window, SMALL_SAMPLE, tmp_path)
    other = new_window(qtbot)
    names = [
        other.start_screen.recent.item(i).text() for i in range(other.start_screen.recent.count())
    ]
    assert any(path.name in name for name in names)
    other.start_screen.sample_button.click()
    assert other.document is not None
    assert other.document.workshop == load_workshop(CRM_SAMPLE)
    assert other.document.path is None, "the sample opens as an untitled copy: Save asks where"


def test_new_workshop_starts_untitled(qtbot: QtBot, data_dir: Path) -> None:
    window = new_window(qtbot)
    window.new_workshop(blank_workshop())
    assert window.document is not None and window.document.path is None
    assert "untitled" in window.windowTitle()
    assert window.document.modified, "a new workshop is unsaved work: closing it asks first"


@pytest.mark.slow
def test_screenshot_command_writes_a_1920x1080_png(tmp_path: Path) -> None:
    png = tmp_path / "board.png"
    env = {
        "BELLWETHER_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(png), str(SMALL_SAMPLE)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "propagateSizeHints" not in result.stderr, "the offscreen platform's notice is quiet"
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1920, 1080)
    assert len({image.pixel(x, y) for x in range(0, 1920, 97) for y in range(0, 1080, 53)}) > 8


@pytest.mark.slow
def test_screenshot_of_a_refused_file_exits_2_with_the_reason(tmp_path: Path) -> None:
    # No one is there to close an error dialog: the reason goes to stderr, and no PNG is made.
    broken = tmp_path / "broken.bellwether.json"
    broken.write_text(
        SMALL_SAMPLE.read_text(encoding="utf-8").replace('"effort": 8', '"effort": -8')
    )
    assert broken.read_text(encoding="utf-8") != SMALL_SAMPLE.read_text(encoding="utf-8")
    png = tmp_path / "board.png"
    env = {
        "BELLWETHER_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    for path, reason in ((broken, ".effort: must be >= 0"), (tmp_path / "missing.json", "no such")):
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--screenshot", str(png), str(path)],
            capture_output=True, text=True, timeout=60, env=env, check=False,
        )  # fmt: skip
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"bellwether: cannot open {path.name}: "), result.stderr
        assert reason in result.stderr and "Traceback" not in result.stderr
        assert not png.exists()


def test_board_opened_before_showing_is_fitted_when_shown(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    window = new_window(qtbot)
    open_copy(window, SMALL_SAMPLE, tmp_path)  # as `main.py FILE` does, before show()
    assert window.view is not None
    window.resize(1800, 1000)
    window.show()
    qtbot.waitExposed(window)
    width = window.view.viewport().width()
    board = window.view.board.itemsBoundingRect().width()
    qtbot.waitUntil(lambda: abs(window.view.zoom - min(1.5, (width) / (board + 20))) < 0.05)


@pytest.mark.slow
def test_start_up_imports_the_qt_free_layers_before_pyside6(tmp_path: Path) -> None:
    """PySide6 inspects every import after its own: pydantic and the domain must come first."""
    env = {
        "BELLWETHER_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    png = tmp_path / "board.png"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--screenshot", str(png),
         str(SMALL_SAMPLE)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    order = [
        line.rpartition("|")[2].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ]
    qt = order.index("PySide6.QtCore")
    for module in ("pydantic", "app.domain.model", "app.domain.rules", "app.storage.recovery"):
        assert order.index(module) < qt, f"{module} is imported after PySide6"
