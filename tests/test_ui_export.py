"""Export PDF… in the app: paper, file, a worker thread with progress, failure, opening PDFs."""

from __future__ import annotations

import io
import itertools
import os
import threading
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

import app.report.document
from app.report import read_embedded_workshop
from app.report.document import write_pdf
from app.storage.workshop_file import load_workshop, save_workshop
from app.ui.export_pdf import ExportFeature, ExportOutcome, suggested_pdf_name
from app.ui.main_window import MainWindow
from tests.conftest import SMALL_SAMPLE
from tests.report_helpers import small, with_more_requests
from tests.ui_helpers import mark_clean, open_copy, shown_window

A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample, its data folder in tmp_path."""
    return shown_window(qtbot, tmp_path, monkeypatch)


@pytest.fixture
def big_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window on a plan big enough that rendering takes a noticeable time (~1 s), drawn."""
    path = tmp_path / "big.bellwether.json"
    save_workshop(path, with_more_requests(small(), 600))
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
    monkeypatch.setenv("BELLWETHER_DATA_DIR", str(tmp_path / "data"))
    main = MainWindow()
    qtbot.addWidget(main, before_close_func=mark_clean)
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


def test_rendering_runs_off_the_gui_thread_and_the_window_keeps_painting(
    qtbot: QtBot, big_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    boxes(monkeypatch)
    export = feature(big_window)
    render_threads: list[int] = []
    real_render = app.report.document.render_pdf

    def spy(*args: Any, **kwargs: Any) -> bytes:
        render_threads.append(threading.get_ident())
        return real_render(*args, **kwargs)

    monkeypatch.setattr(app.report.document, "render_pdf", spy)
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
    with qtbot.waitSignal(export.exportFinished, timeout=120_000) as blocker:
        export.start(tmp_path / "big.pdf", "a4")
    timer.stop()
    outcome: ExportOutcome = blocker.args[0]
    assert outcome.written
    assert render_threads and render_threads[0] != threading.get_ident()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 20, f"the GUI thread ticked only {len(ticks)} times in {outcome.seconds}s"
    assert max(gaps) < 0.5, f"the GUI thread stalled for {max(gaps):.3f}s"
    assert any(visible for visible, _, _ in progress_seen)  # shown for a long export
    values = [value for _, value, _ in progress_seen]
    assert values == sorted(values) and values[-1] > 0
    assert {maximum for _, _, maximum in progress_seen} - {100} != set()  # fed the real total
    assert export.progress is None  # gone when done


def test_a_failed_export_says_why_and_leaves_the_existing_file_untouched(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "roadmap.pdf"
    target.write_bytes(b"%PDF- the good old roadmap")
    real_replace = os.replace

    def refuse(source: Any, destination: Any) -> None:
        if str(destination).endswith(".pdf"):
            raise PermissionError(13, "Permission denied", str(destination))
        real_replace(source, destination)

    # We run as root, so a read-only folder would not stop us: the final rename fails instead,
    # which is how app.storage.atomic moves a complete file into place.
    monkeypatch.setattr(os, "replace", refuse)
    shown = boxes(monkeypatch, QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(feature(window).exportFinished, timeout=60_000) as blocker:
        feature(window).start(target, "a4")
    assert blocker.args[0].error == "Permission denied"
    assert target.read_bytes() == b"%PDF- the good old roadmap"
    assert [p.name for p in folder.iterdir()] == ["roadmap.pdf"]  # no half PDF left behind
    ((title, text, text_format),) = shown
    assert title == "Export failed" and text_format == Qt.TextFormat.PlainText
    assert f"Could not export the roadmap to {target}: Permission denied." in text
    assert "unchanged" in text
    assert feature(window).action.isEnabled()


def slow_render(monkeypatch: pytest.MonkeyPatch, pause: float = 0.02) -> None:
    """Make every step of the rendering take `pause` seconds longer (a slow machine)."""
    real_render = app.report.document.render_pdf

    def render(workshop: Any, paper: Any = "a4", progress: Any = None) -> bytes:
        def slowly(done: int, total: int) -> None:
            time.sleep(pause)
            progress(done, total)

        return real_render(workshop, paper, slowly if progress else None)

    monkeypatch.setattr(app.report.document, "render_pdf", render)


def test_cancelling_stops_the_export_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    slow_render(monkeypatch)
    export = feature(window)
    target = tmp_path / "cancelled.pdf"
    with qtbot.waitSignal(export.exportFinished, timeout=120_000) as blocker:
        assert export.start(target, "a4") is not None
        progress = export.progress
        assert progress is not None
        qtbot.waitUntil(lambda: progress.isVisible() and progress.value() > 0, timeout=60_000)
        (cancel,) = progress.findChildren(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert blocker.args[0].cancelled
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_closing_the_window_stops_a_running_export(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    slow_render(monkeypatch)
    export = feature(window)
    target = tmp_path / "closed.pdf"
    job = export.start(target, "a4")
    assert job is not None
    qtbot.waitUntil(lambda: (export.progress is not None) and export.progress.value() > 0)
    mark_clean(window)
    window.close()
    assert job.isFinished()
    assert job.outcome.cancelled and not target.exists()
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
