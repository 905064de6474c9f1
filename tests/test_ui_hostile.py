"""The window against what it cannot trust: a roadmap edited after export, a data folder it
cannot write to, a screenshot to a device.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pytestqt.qtbot import QtBot

from app.report.document import write_pdf
from app.storage.recovery import RecoveryJournal
from app.storage.workshop_file import load_workshop, workshop_data
from app.ui.shell.main_window import MainWindow
from tests.conftest import ROOT, SMALL_SAMPLE
from tests.ui_helpers import open_copy


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setenv("BELLWETHER_DATA_DIR", str(tmp_path / "data"))
    shown = MainWindow()
    qtbot.addWidget(shown, before_close_func=_discard)
    return shown


def _discard(window: MainWindow) -> None:
    if window.document is not None:
        window.document.undo_stack.setClean()


def _errors(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    return shown


@pytest.fixture
def roadmap(tmp_path: Path) -> Path:
    path = tmp_path / "roadmap.pdf"
    write_pdf(path, load_workshop(SMALL_SAMPLE))
    return path


def test_a_genuine_roadmap_opens_its_plan(
    window: MainWindow, roadmap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(roadmap), _errors(window, monkeypatch)
    assert window.document is not None
    assert window.document.workshop == load_workshop(SMALL_SAMPLE)


def test_a_roadmap_whose_plan_was_swapped_is_refused_before_it_is_shown(
    window: MainWindow, roadmap: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = PdfWriter(clone_from=PdfReader(roadmap))
    swapped = workshop_data(load_workshop(SMALL_SAMPLE))
    swapped["requests"][0]["phase"] = None  # quietly moved to the backlog after printing
    for attachment in writer.attachment_list:
        attachment.content = json.dumps(swapped, ensure_ascii=False).encode("utf-8")
    tampered = tmp_path / "tampered.pdf"
    writer.write(tampered)
    shown = _errors(window, monkeypatch)
    assert not window.open_path(tampered)
    assert window.document is None
    (message,) = shown
    assert message.startswith("was changed after it was exported, so its plan is not opened: ")
    assert "verify command lists every difference" in message


def test_a_data_folder_that_cannot_be_written_never_crashes_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The recovery copy's place is taken by a folder: writing it and removing it both fail."""
    open_copy(window, SMALL_SAMPLE, tmp_path)
    autosaver = window.autosaver
    assert autosaver is not None and window.document is not None and window.scene is not None
    blocked = autosaver.journal.path
    blocked.mkdir(parents=True)
    (blocked / "inside").write_text("not removable as a file")
    request = window.document.workshop.requests[0]
    assert window.scene.move(
        request.id, None if request.phase else window.document.workshop.phases[0].id
    )
    autosaver.write_now()
    assert "Recovery copy not written: " in window.statusBar().currentMessage()
    window.document.undo_stack.setClean()  # a clean document removes its copy: that fails too
    window.close()
    assert blocked.is_dir()
    assert isinstance(autosaver.journal, RecoveryJournal)


@pytest.mark.slow
def test_a_screenshot_to_a_device_is_refused_and_the_device_stays(tmp_path: Path) -> None:
    env = {
        "BELLWETHER_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", "/dev/full", str(SMALL_SAMPLE)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "bellwether: /dev/full: cannot be written (it is a device, not a file that can be replaced)"
    )
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_the_inspector_refuses_a_start_that_runs_past_the_calendar(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDate

    from app.ui.document import WorkshopDocument
    from app.ui.inspector.panel import InspectorPanel

    document = WorkshopDocument(load_workshop(SMALL_SAMPLE))
    panel = InspectorPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    form = panel.workshop_form
    panel.tabs.setCurrentWidget(form)
    before = document.workshop
    form.start.edit.setDate(QDate(9999, 12, 27))
    form.start.edit.editingFinished.emit()
    assert document.workshop == before
    assert form.start.error.text().startswith("start: the plan would run past 9999-12-31")
