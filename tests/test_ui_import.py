"""File > Import requests… and New workshop from spreadsheet…: the preview and what OK does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.storage.workshop_file import dumps_workshop
from app.ui.importing.dialog import ImportDialog
from app.ui.importing.feature import ImportFeature
from app.ui.shell.main_window import MainWindow
from tests.conftest import SMALL_SAMPLE
from tests.ui_helpers import empty_window, open_copy, shown_window

GOOD_AND_BAD = (
    "Title,Department,Effort,Benefit,Depends on\n"
    "Quote templates,sales,4.5,sales:3,\n"
    "Phone routing,service,lots,service:2,\n"
    "<b>Dunning</b> & reminders,Finance,6,finance:2,quote-templates\n"
)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample, its data folder in tmp_path."""
    return shown_window(qtbot, tmp_path, monkeypatch)


def feature(window: MainWindow) -> ImportFeature:
    """The window's import feature."""
    found = window.findChild(ImportFeature)
    assert found is not None
    return found


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """A sheet written for the test."""
    path = folder / name
    path.write_text(text, encoding=encoding)
    return path


def preview(window: MainWindow, path: Path) -> ImportDialog:
    """Open the import preview of a file into the window's workshop."""
    dialog = feature(window).import_requests(path)
    assert dialog is not None and dialog.isVisible()
    return dialog


def ok_button(dialog: ImportDialog) -> Any:
    """The dialog's OK button."""
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def record_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Let message boxes "open": their texts are recorded instead."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def titles(dialog: ImportDialog) -> list[str]:
    """The Title column of the preview table."""
    model = dialog.model
    return [model.index(row, 2).data() for row in range(model.rowCount())]


def test_preview_shows_rows_problems_and_columns(
    window: MainWindow, tmp_path: Path, qtmodeltester: Any
) -> None:
    dialog = preview(window, write(tmp_path, "requests.csv", GOOD_AND_BAD))
    qtmodeltester.check(dialog.model)
    assert titles(dialog) == ["Quote templates", "<b>Dunning</b> & reminders"]
    row = [dialog.model.index(0, column).data() for column in range(8)]
    assert row == ["2", "quote-templates", "Quote templates", "Sales", "4.5", "Sales 3", "", ""]
    assert dialog.model.index(1, 7).data() == "quote-templates"
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == ['row 3, column "Effort": "lots" is not a number']
    assert "title ← “Title”" in dialog.columns_label.text()
    assert "effort ← “Effort”" in dialog.columns_label.text()
    assert dialog.summary.text().startswith("2 requests will be added to the backlog. 1 row has")
    assert not ok_button(dialog).isEnabled()
    assert dialog.skip_box.isVisible() and dialog.skip_box.text() == "Skip the bad row (3)"


def test_ok_adds_the_rows_to_the_backlog_as_one_undoable_command(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    document = window.document
    assert document is not None
    before = dumps_workshop(document.workshop)
    dialog = preview(window, write(tmp_path, "requests.csv", GOOD_AND_BAD))
    dialog.skip_box.setChecked(True)
    assert ok_button(dialog).isEnabled() and ok_button(dialog).text() == "Add 2 requests"
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    added = document.workshop.requests[-2:]
    assert [r.title for r in added] == ["Quote templates", "<b>Dunning</b> & reminders"]
    assert all(r.phase is None for r in added)
    assert added[1].depends_on == ("quote-templates",)
    assert added[1].department == "finance"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Import 2 requests from requests.csv"
    assert window.scene is not None and "quote-templates" in window.scene.cards
    document.undo_stack.undo()
    assert dumps_workshop(document.workshop) == before
    document.undo_stack.redo()
    assert len(document.workshop.requests) == len(SMALL_REQUESTS) + 2


SMALL_REQUESTS = (
    "migration",
    "customer-register",
    "outlook",
    "case-handling",
    "knowledge-base",
    "invoice-sync",
    "credit-status",
    "mobile-app",
)


def test_unknown_departments_are_listed_and_created_only_when_asked(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    sheet = "Titel;Afdeling;Indsats\nRuteplanlægning;Logistik;12,5\nLagerstatus;Logistik;3\n"
    dialog = preview(window, write(tmp_path, "ønsker.csv", sheet, "cp1252"))
    assert titles(dialog) == ["Ruteplanlægning", "Lagerstatus"]
    assert dialog.model.index(0, 4).data() == "12.5"
    assert dialog.create_box.text() == "Create 1 department the workshop does not have: Logistik"
    assert not ok_button(dialog).isEnabled()
    dialog.create_box.setChecked(True)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    workshop = window.document.workshop
    assert workshop.departments[-1].name == "Logistik"
    assert {r.department for r in workshop.requests[-2:]} == {workshop.departments[-1].id}
    window.document.undo_stack.undo()
    assert [d.id for d in window.document.workshop.departments] == ["sales", "service", "finance"]


def test_the_department_column_can_be_chosen_and_rereads(
    window: MainWindow, tmp_path: Path
) -> None:
    sheet = (
        "Summary,Issue key,Squad,Module,Sprint,Sprint\n"
        'Lead scoring,CRM-1,sales,finance,S1,S2\n"Case\nrouting",CRM-2,service,finance,S1,\n'
    )
    dialog = preview(window, write(tmp_path, "jira.csv", sheet))
    assert dialog.model.rowCount() == 0
    assert dialog.problems.item(0).text().startswith("no department column")
    assert not ok_button(dialog).isEnabled()
    assert dialog.column_map.headers == ("Summary", "Issue key", "Squad", "Module", "Sprint")
    dialog.column_map.choose("Squad", "department")
    assert titles(dialog) == ["Lead scoring", "Case routing"]  # a title is one line
    departments = [dialog.model.index(row, 3).data() for row in range(2)]
    assert departments == ["Sales", "Customer service"]
    assert ok_button(dialog).isEnabled()
    dialog.column_map.choose("Module", "department")
    assert [dialog.model.index(row, 3).data() for row in range(2)] == ["Finance", "Finance"]
    assert "department ← “Module”" in dialog.columns_label.text()


def test_a_workbook_sheet_can_be_chosen(window: MainWindow, tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Collected at the kick-off"])
    requests = book.create_sheet("Requests")
    requests.append(["Title", "Department", "Effort"])
    requests.append(["Field sales app", "sales", 20])
    path = tmp_path / "requests.xlsx"
    book.save(path)
    dialog = preview(window, path)
    assert dialog.failure.isVisible() and "choose another sheet" in dialog.failure.text().lower()
    assert not ok_button(dialog).isEnabled()
    dialog.sheet_combo.setCurrentText("Requests")
    assert titles(dialog) == ["Field sales app"]
    assert not dialog.failure.isVisible()
    assert ok_button(dialog).isEnabled()


def test_an_unreadable_file_is_refused_with_its_reason_and_changes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = record_message_boxes(monkeypatch)
    document = window.document
    assert document is not None
    before = dumps_workshop(document.workshop)
    path = tmp_path / "notes.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    assert feature(window).import_requests(path) is None
    assert len(shown) == 1 and shown[0].startswith("notes.xlsx: not a readable XLSX file")
    assert shown[0].endswith("Nothing was changed.")
    assert dumps_workshop(document.workshop) == before
    assert document.undo_stack.count() == 0


def test_a_cancelled_or_bad_import_changes_nothing(window: MainWindow, tmp_path: Path) -> None:
    document = window.document
    assert document is not None
    before = dumps_workshop(document.workshop)
    dialog = preview(window, write(tmp_path, "requests.csv", GOOD_AND_BAD))
    dialog.accept()
    assert dialog.isVisible()
    dialog.reject()
    assert dumps_workshop(document.workshop) == before
    assert document.undo_stack.count() == 0


def test_new_workshop_from_a_spreadsheet(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    old = window.document
    sheet = "Otsikko,Osasto,Työmäärä,Hyöty\nAsiakasrekisteri,Myynti,8,myynti:3\n"
    path = write(tmp_path, "toiveet.csv", "\ufeff" + sheet)
    dialog = feature(window).new_from_sheet(path)
    assert dialog is not None
    assert dialog.create_box.isChecked() and not dialog.create_box.isEnabled()
    dialog.title_edit.setText("CRM-käyttöönotto")
    assert ok_button(dialog).text() == "Create workshop with 1 request"
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    document = window.document
    assert document is not None and document is not old and document.path is None
    assert document.workshop.title == "CRM-käyttöönotto"
    assert [d.name for d in document.workshop.departments] == ["Myynti"]
    assert [r.title for r in document.workshop.requests] == ["Asiakasrekisteri"]
    assert document.workshop.start.weekday() == 0
    assert document.modified and window.isWindowModified()
    assert feature(window).dialog is None


def test_the_file_menu_actions(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    main = empty_window(qtbot, tmp_path, monkeypatch)
    imports = feature(main)
    assert imports.import_action in main.file_menu.actions()
    assert imports.new_action in main.file_menu.actions()
    assert not imports.import_action.isEnabled() and imports.new_action.isEnabled()
    open_copy(main, SMALL_SAMPLE, tmp_path)
    assert imports.import_action.isEnabled()
    monkeypatch.setattr(
        "app.ui.importing.feature.QFileDialog.getOpenFileName", lambda *args, **kwargs: ("", "")
    )
    imports.import_action.trigger()
    assert imports.dialog is None


def test_an_import_into_a_workshop_changed_meanwhile_is_refused(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = record_message_boxes(monkeypatch)
    document = window.document
    assert document is not None and window.scene is not None
    dialog = preview(window, write(tmp_path, "requests.csv", GOOD_AND_BAD))
    dialog.skip_box.setChecked(True)
    window.scene.move("mobile-app", "p1")
    moved = dumps_workshop(document.workshop)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert shown == ["The workshop changed meanwhile; import again."]
    assert dumps_workshop(document.workshop) == moved
    assert document.undo_stack.count() == 1
