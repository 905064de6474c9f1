"""File > Export plan as spreadsheet… in the app: the file asked for, what is written, failures."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

import app.storage.spreadsheet.export
from app.domain.model import Workshop
from app.domain.structure import update_request
from app.storage.spreadsheet import read_sheet
from app.ui.exporting.pdf import ExportFeature
from app.ui.exporting.sheet import SheetExportFeature, sheet_target, suggested_sheet_name
from app.ui.files.dialogs import blank_workshop
from app.ui.shell.main_window import MainWindow
from tests.conftest import ROOT, SMALL_SAMPLE
from tests.report_helpers import small
from tests.ui_helpers import empty_window, open_copy, shown_window

CSV_FILTER = "CSV (*.csv)"
XLSX_FILTER = "Excel workbook (*.xlsx)"
FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample, its data folder in tmp_path."""
    return shown_window(qtbot, tmp_path, monkeypatch)


def feature(window: MainWindow) -> SheetExportFeature:
    """The spreadsheet export installed in the window."""
    found = window.findChild(SheetExportFeature)
    assert found is not None
    return found


def choose_file(
    monkeypatch: pytest.MonkeyPatch, name: str, chosen: str = CSV_FILTER
) -> list[tuple[Any, ...]]:
    """Make the save dialog answer `name` with the filter `chosen`; returns its arguments."""
    calls: list[tuple[Any, ...]] = []

    def get_save_file_name(*args: Any) -> tuple[str, str]:
        calls.append(args)
        return name, chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return calls


def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, Qt.TextFormat]]:
    """Answer every QMessageBox shown with exec(); returns (title, text, format) of each."""
    shown: list[tuple[str, str, Qt.TextFormat]] = []

    def exec_(box: QMessageBox) -> Any:
        shown.append((box.windowTitle(), box.text(), box.textFormat()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def with_formula_title(window: MainWindow) -> Workshop:
    """Give a request a formula-looking title, as an unsaved edit; the edited workshop."""
    document = window.document
    assert document.push("Rename", update_request(document.workshop, "outlook", title=FORMULA))
    assert document.modified
    return document.workshop


def read_back(path: Path, workshop: Workshop) -> tuple[Any, ...]:
    """The requests in an exported plan, as the import reads them into an empty workshop."""
    empty = workshop.model_copy(update={"requests": (), "votes": {}})
    result = read_sheet(path, workshop=empty)
    assert (result.errors, result.new_departments) == ((), ())
    return result.requests, result.hints


def raw_title(path: Path, request_id: str) -> tuple[str, str]:
    """The title cell of a request as stored in the file, and its type ("s" for CSV text)."""
    if path.suffix == ".csv":
        text = path.read_bytes().decode("utf-8")
        assert text.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
        rows = csv.DictReader(io.StringIO(text[1:], newline=""))
        return next((row["Title"], "s") for row in rows if row["ID"] == request_id)
    sheet = openpyxl.load_workbook(path)["Plan"]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    return cells[request_id].value, cells[request_id].data_type


def test_action_follows_export_pdf_and_is_off_without_a_document(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = empty_window(qtbot, tmp_path, monkeypatch)
    calls = choose_file(monkeypatch, str(tmp_path / "plan.csv"))
    action = feature(main).action
    actions = main.file_menu.actions()
    pdf = main.findChild(ExportFeature)
    assert pdf is not None
    assert actions.index(action) == actions.index(pdf.action) + 1
    assert action.text().replace("&", "") == "Export plan as spreadsheet…"
    assert not action.isEnabled()
    action.trigger()
    assert feature(main).export() is None
    assert calls == []
    assert not (tmp_path / "plan.csv").exists()
    open_copy(main, SMALL_SAMPLE, tmp_path)
    assert action.isEnabled()


@pytest.mark.parametrize(
    ("name", "chosen", "written"),
    [
        ("plan", CSV_FILTER, "plan.csv"),
        ("plan", XLSX_FILTER, "plan.xlsx"),
        ("plan.XLSX", CSV_FILTER, "plan.XLSX"),  # a typed suffix wins over the filter
    ],
)
def test_export_writes_the_open_plan_with_a_formula_title_as_text(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    chosen: str,
    written: str,
) -> None:
    workshop = with_formula_title(window)
    calls = choose_file(monkeypatch, str(tmp_path / name), chosen)
    feature(window).action.trigger()

    path = tmp_path / written
    assert calls[0][2] == str(tmp_path / "CRM rollout _small example_ plan.csv")
    assert calls[0][3] == f"{CSV_FILTER};;{XLSX_FILTER}"
    requests, hints = read_back(path, workshop)
    assert requests == tuple(r.model_copy(update={"phase": None}) for r in workshop.requests)
    for request in workshop.requests:
        phase = workshop.phase(request.phase).name if request.phase else None
        votes = sum(heads.get(request.id, 0) for heads in workshop.votes.values())
        assert (hints[request.id].phase, hints[request.id].votes) == (phase, votes)
    title, kind = raw_title(path, "outlook")
    assert kind == "s"
    assert title == ("'" + FORMULA if path.suffix == ".csv" else FORMULA)
    message = window.statusBar().currentMessage()
    assert message == f"Exported the plan (8 requests) to {path}"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cancelling_the_file_dialog_writes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = sorted(tmp_path.iterdir())
    choose_file(monkeypatch, "")
    assert feature(window).export() is None
    assert sorted(tmp_path.iterdir()) == before
    assert window.statusBar().currentMessage() == ""


def test_an_untitled_workshop_suggests_the_home_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = empty_window(qtbot, tmp_path, monkeypatch)
    main.new_workshop(blank_workshop())
    calls = choose_file(monkeypatch, "")
    feature(main).action.trigger()
    assert calls[0][2] == str(Path.home() / "New workshop plan.csv")


@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx"])
def test_a_failed_write_says_why_and_leaves_the_old_file(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    old = b"ID,Title\r\nold,The plan the team already has\r\n"
    path.write_bytes(old)

    def refuse(target: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))

    monkeypatch.setattr(app.storage.spreadsheet.export, "atomic_write", refuse)
    choose_file(monkeypatch, str(path))
    shown = boxes(monkeypatch)
    assert feature(window).export() is None

    assert shown == [
        (
            "Export failed",
            f"Could not export the plan to {path}: Permission denied.\n\n"
            "No spreadsheet was written; a file already there is unchanged.",
            Qt.TextFormat.PlainText,
        )
    ]
    assert path.read_bytes() == old
    assert window.statusBar().currentMessage() == ""


def test_a_missing_folder_is_reported_and_nothing_is_created(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "gone" / "plan.csv"
    choose_file(monkeypatch, str(path))
    shown = boxes(monkeypatch)
    assert feature(window).export() is None
    assert len(shown) == 1
    assert str(path) in shown[0][1] and "No such file or directory" in shown[0][1]
    assert not path.parent.exists()


def test_suggested_name_and_target() -> None:
    assert suggested_sheet_name(small()) == "CRM rollout _small example_ plan.csv"
    tricky = small().model_copy(update={"title": '<b>x</b> & a/b\\c:"d"'})
    assert not set('<>/\\:"&') & set(suggested_sheet_name(tricky))
    assert sheet_target(Path("a/plan"), "xlsx") == (Path("a/plan.xlsx"), "xlsx")
    assert sheet_target(Path("a/plan.Csv"), "xlsx") == (Path("a/plan.Csv"), "csv")
    assert sheet_target(Path("a/plan.txt"), "csv") == (Path("a/plan.txt.csv"), "csv")


@pytest.mark.slow
def test_openpyxl_waits_for_the_first_xlsx_export(tmp_path: Path) -> None:
    """Starting the app, opening a plan and a CSV export never import openpyxl."""
    body = f"""
        import json, sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication, QFileDialog
        from app.ui.shell.main_window import MainWindow
        from app.ui.exporting.sheet import SheetExportFeature

        application = QApplication([])
        window = MainWindow()
        window.open_path(Path({str(SMALL_SAMPLE)!r}))
        seen = ["openpyxl" in sys.modules]
        for name in ("plan.csv", "plan.xlsx"):
            target = str(Path({str(tmp_path)!r}) / name)
            QFileDialog.getSaveFileName = staticmethod(lambda *args, t=target: (t, ""))
            window.findChild(SheetExportFeature).export()
            seen.append("openpyxl" in sys.modules)
        window.document.undo_stack.setClean()
        print(json.dumps(seen))
        """
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment["BELLWETHER_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(body)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [False, False, True]
    assert (tmp_path / "plan.xlsx").stat().st_size > 0
