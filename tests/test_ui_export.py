"""Export PDF… in the app: paper, file, a child process with progress, failure, opening PDFs."""

from __future__ import annotations

import io
import itertools
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.report import read_embedded_workshop
from app.report.document import render_pdf, write_pdf
from app.storage.workshop_file import load_workshop, save_workshop
from app.ui.exporting.job import ExportOutcome
from app.ui.exporting.pdf import ExportFeature, suggested_pdf_name
from app.ui.shell.main_window import MainWindow
from tests.conftest import SMALL_SAMPLE
from tests.report_helpers import small, with_more_requests
from tests.ui_helpers import empty_window, mark_clean, open_copy, shown_window

A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample, its data folder in tmp_path."""
    return shown_window(qtbot, tmp_path, monkeypatch)


@pytest.fixture
def big_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window on a plan big enough that rendering takes a noticeable time (a few s), drawn."""
    path = tmp_path / "big.bellwether.json"
    save_workshop(path, with_more_requests(small(), 1500))
    assert window.open_path(path)
    qtbot.wait(300)  # the first drawing of the board and charts is done before the export
    return window


def feature(window: MainWindow) -> ExportFeature:
    """The export feature installed in the window."""
    found = window.findChild(ExportFeature)
    assert found is not None
    return found


def boxes(
    monkeypatch: pytest.MonkeyPatch, answer: Any = QMessageBox.StandardButton.Close
) -> list[tuple[str, str, Qt.TextFormat]]:
    """Answer every QMessageBox shown with exec(); returns (title, text, format) of each."""
    shown: list[tuple[str, str, Qt.TextFormat]] = []

    def exec_(box: QMessageBox) -> Any:
        shown.append((box.windowTitle(), box.text(), box.textFormat()))
        return answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def choose_file(monkeypatch: pytest.MonkeyPatch, name: str) -> list[tuple[Any, ...]]:
    """Make the save dialog answer `name`; returns the arguments it was called with."""
    calls: list[tuple[Any, ...]] = []

    def get_save_file_name(*args: Any) -> tuple[str, str]:
        calls.append(args)
        return name, "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return calls


def page_size(path: Path) -> tuple[float, float]:
    """The size of the first page in points, rounded to a tenth."""
    box = PdfReader(io.BytesIO(path.read_bytes())).pages[0].mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def test_action_in_file_menu_toolbar_and_ctrl_e_off_without_a_document(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = empty_window(qtbot, tmp_path, monkeypatch)
    action = feature(main).action
    assert action in main.file_menu.actions()
    assert action in main.toolbar.actions()
    assert action.shortcut() == QKeySequence("Ctrl+E")
    assert not action.isEnabled()
    assert feature(main).export() is None
    open_copy(main, SMALL_SAMPLE, tmp_path)
    assert action.isEnabled()


def test_suggested_name_is_title_and_date_safe_for_a_file_system() -> None:
    assert (
        suggested_pdf_name(small(), date(2027, 1, 10))
        == "CRM rollout _small example_ 2027-01-10.pdf"
    )
    tricky = small().model_copy(update={"title": '<b>x</b> & a/b\\c:"d"'})
    name = suggested_pdf_name(tricky, date(2027, 1, 10))
    assert name.endswith(" 2027-01-10.pdf")
    assert not set('<>/\\:"&') & set(name)


def test_paper_then_file_then_a_letter_pdf_carrying_the_plan(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    export = feature(window)
    calls = choose_file(monkeypatch, str(tmp_path / "roadmap"))
    shown = boxes(monkeypatch)
    window.document.undo_stack.setClean()
    export.action.trigger()
    dialog = export.dialog
    assert dialog is not None and dialog.isVisible() and dialog.paper() == "a4"
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("letter"))
    with qtbot.waitSignal(export.exportFinished, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert not export.action.isEnabled()  # one export at a time
    outcome: ExportOutcome = blocker.args[0]
    target = tmp_path / "roadmap.pdf"
    assert (outcome.path, outcome.paper, outcome.written) == (target, "letter", True)
    suggested = Path(calls[0][2])
    assert suggested.parent == tmp_path  # next to the workshop file
    assert suggested.name == suggested_pdf_name(small())
    assert page_size(target) == LETTER
    assert read_embedded_workshop(target) == window.document.workshop
    assert [title for title, _, _ in shown] == ["Roadmap exported"]
    assert str(target) in shown[0][1] and shown[0][2] == Qt.TextFormat.PlainText
    assert export.action.isEnabled() and export.paper == "letter"


def test_offer_to_open_opens_the_exported_pdf(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    boxes(monkeypatch, QMessageBox.StandardButton.Open)
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    target = tmp_path / "a4.pdf"
    with qtbot.waitSignal(feature(window).exportFinished, timeout=60_000):
        feature(window).start(target, "a4")
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert page_size(target) == A4


def children(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record the command of every child process started; returns the list they go into."""
    commands: list[list[str]] = []
    real_popen = subprocess.Popen

    def popen(command: list[str], *args: Any, **kwargs: Any) -> Any:
        commands.append(command)
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", popen)
    return commands


def test_rendering_runs_in_a_child_process_and_the_window_keeps_painting(
    qtbot: QtBot, big_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    boxes(monkeypatch)
    export = feature(big_window)
    commands = children(monkeypatch)
    ticks: list[float] = []
    progress_seen: list[tuple[bool, int, int]] = []

    def tick() -> None:
        ticks.append(time.perf_counter())
        if export.progress is not None:
            dialog = export.progress
            progress_seen.append((dialog.isVisible(), dialog.value(), dialog.maximum()))

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    target = tmp_path / "big.pdf"
    with qtbot.waitSignal(export.exportFinished, timeout=120_000) as blocker:
        export.start(target, "a4")
    timer.stop()
    outcome: ExportOutcome = blocker.args[0]
    assert outcome.written
    (command,) = commands
    assert command[1:] == ["-m", "app.report.worker", str(target), "a4", "en"]
    # The same bytes as an export in this process: the plan and fingerprint went over whole.
    assert target.read_bytes() == render_pdf(big_window.document.workshop, "a4")
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 20, f"the GUI thread ticked only {len(ticks)} times in {outcome.seconds}s"
    assert max(gaps) < 0.1, f"the GUI thread stalled for {max(gaps):.3f}s"
    assert any(visible for visible, _, _ in progress_seen)  # shown for a long export
    values = [value for _, value, _ in progress_seen]
    assert values == sorted(values) and values[-1] > 0
    assert {maximum for _, _, maximum in progress_seen} - {100} != set()  # fed the real total
    assert export.progress is None  # gone when done


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing/roadmap.pdf", "No such file or directory"),
        ("a-folder.pdf", "it is a folder, not a file that can be replaced"),
    ],
)
def test_a_failed_export_says_why_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    reason: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a-folder.pdf").mkdir()  # a folder where the PDF should go cannot be replaced
    target = folder / name
    shown = boxes(monkeypatch, QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(feature(window).exportFinished, timeout=60_000) as blocker:
        feature(window).start(target, "a4")
    assert blocker.args[0].error == reason
    assert [p.name for p in folder.iterdir()] == ["a-folder.pdf"]  # no half PDF left behind
    assert list((folder / "a-folder.pdf").iterdir()) == []
    ((title, text, text_format),) = shown
    assert title == "Export failed" and text_format == Qt.TextFormat.PlainText
    assert f"Could not export the roadmap to {target}: {reason}." in text
    assert "unchanged" in text
    assert feature(window).action.isEnabled()


def test_cancelling_stops_the_export_and_writes_nothing(
    qtbot: QtBot, big_window: MainWindow, tmp_path: Path
) -> None:
    export = feature(big_window)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "cancelled.pdf"
    with qtbot.waitSignal(export.exportFinished, timeout=120_000) as blocker:
        assert export.start(target, "a4") is not None
        progress = export.progress
        assert progress is not None
        qtbot.waitUntil(lambda: progress.isVisible() and progress.value() > 0, timeout=60_000)
        (cancel,) = progress.findChildren(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert blocker.args[0].cancelled
    assert list(folder.iterdir()) == []  # neither the PDF nor a temporary file
    assert "cancelled" in big_window.statusBar().currentMessage()


def test_closing_the_window_stops_a_running_export(
    qtbot: QtBot, big_window: MainWindow, tmp_path: Path
) -> None:
    export = feature(big_window)
    folder = tmp_path / "out"
    folder.mkdir()
    job = export.start(folder / "closed.pdf", "a4")
    assert job is not None
    qtbot.waitUntil(lambda: (export.progress is not None) and export.progress.value() > 0)
    mark_clean(big_window)
    big_window.close()
    assert job.isFinished()
    assert job.outcome.cancelled and list(folder.iterdir()) == []
    qtbot.waitSignal(export.exportFinished, timeout=10_000).wait()


def test_plain_text_in_the_export_dialog_and_progress(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path
) -> None:
    document = window.document
    assert document is not None
    document.set_workshop(document.workshop.model_copy(update={"title": "<b>x</b> & y"}))
    dialog = feature(window).export()
    assert dialog is not None
    assert "<b>x</b> & y" in [label.text() for label in dialog.findChildren(type(dialog.status))]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in (dialog.status,))
    dialog.reject()
    boxes(monkeypatch)
    with qtbot.waitSignal(feature(window).exportFinished, timeout=60_000):
        feature(window).start(tmp_path / "plain.pdf", "a4")
        progress = feature(window).progress
        assert progress is not None
        label = progress.findChild(type(dialog.status))
        assert label is not None and label.textFormat() == Qt.TextFormat.PlainText
        assert "“<b>x</b> & y”" in label.text()


def test_opening_an_exported_pdf_shows_its_plan_on_the_board(
    window: MainWindow, tmp_path: Path
) -> None:
    exported = load_workshop(SMALL_SAMPLE)
    pdf = tmp_path / "ROADMAP.pdf"
    write_pdf(pdf, exported)
    mark_clean(window)
    assert window.open_path(pdf)
    document, scene = window.document, window.scene
    assert document is not None and scene is not None
    assert document.workshop == exported
    assert document.path is None  # a PDF is read for its plan, never written back to
    assert set(scene.cards) == {request.id for request in exported.requests}
    assert set(scene.lanes) == {department.id for department in exported.departments}
    assert feature(window).action.isEnabled()


def test_a_renderer_that_ignores_cancel_is_killed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import subprocess
    import sys

    from app.ui.exporting import job as export_pdf

    stubborn = "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    stubborn += "print('progress 1 10', flush=True); sys.stdin.read(); time.sleep(60)"
    real_popen = subprocess.Popen

    def popen(command: list[str], **kwargs: Any) -> Any:
        return real_popen([sys.executable, "-c", stubborn], **kwargs)

    monkeypatch.setattr(subprocess, "Popen", popen)
    monkeypatch.setattr(export_pdf, "KILL_AFTER_S", 0.3)
    assert window.document is not None
    job = export_pdf.ExportJob(window.document.workshop, tmp_path / "x.pdf", "a4")
    with qtbot.waitSignal(job.progressed, timeout=10_000):
        job.start()
    job.cancel()
    assert job.wait(5_000), "the stubborn renderer was killed and the export ended"
    assert job.outcome.cancelled
    assert not (tmp_path / "x.pdf").exists()


def test_the_pdf_is_written_in_the_language_chosen_in_the_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from app.i18n import language
    from app.report.embedding import LANGUAGE_KEY

    export = feature(window)
    choose_file(monkeypatch, str(tmp_path / "dansk"))
    boxes(monkeypatch)
    export.action.trigger()
    dialog = export.dialog
    assert dialog is not None and dialog.language() == language()  # the app's own by default
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("da"))
    with qtbot.waitSignal(export.exportFinished, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].written
    reader = PdfReader(tmp_path / "dansk.pdf")
    assert reader.metadata is not None and str(reader.metadata[LANGUAGE_KEY]) == "da"
    assert language() == "en", "the app keeps its own language"
    assert export.lang == "da"
    export.action.trigger()
    assert export.dialog is not None and export.dialog.language() == "da"  # remembered
    export.dialog.reject()


def test_an_export_after_changes_says_what_the_meeting_changed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.report_helpers import changed, flat, page_texts

    boxes(monkeypatch)
    export = feature(window)
    with qtbot.waitSignal(export.exportFinished, timeout=60_000):
        export.start(tmp_path / "unchanged.pdf", "a4")
    unchanged = flat(" ".join(page_texts((tmp_path / "unchanged.pdf").read_bytes())))
    assert "Changes in this meeting" not in unchanged  # nothing changed yet: no section
    document = window.document
    moved = next(r for r in document.workshop.requests if r.phase is not None)
    requests = [
        r.model_copy(update={"phase": None}) if r.id == moved.id else r
        for r in document.workshop.requests
    ]
    document.push("Move", changed(document.workshop, requests=requests))
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    with qtbot.waitSignal(export.exportFinished, timeout=60_000) as blocker:
        export.start(tmp_path / "changed.pdf", "a4")
    assert blocker.args[0].written
    text = flat(" ".join(page_texts((tmp_path / "changed.pdf").read_bytes())))
    assert "Changes in this meeting" in text and f"({moved.id})" in text
    assert not list(temporary.iterdir()), "the baseline's temporary file is removed"
