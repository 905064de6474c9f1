"""The import dialog's column map, effort unit and department for all, and the map remembered
for the next sheet with the same headers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.ui.importing.dialog import ImportDialog
from app.ui.importing.feature import ImportFeature
from app.ui.shell.main_window import MainWindow
from tests.sheet_fixtures import (
    danish_backlog_ods,
    danish_backlog_xls,
    danish_backlog_xlsx,
    finnish_service_desk_csv,
)
from tests.ui_helpers import shown_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample, its data folder in tmp_path."""
    return shown_window(qtbot, tmp_path, monkeypatch)


def preview(window: MainWindow, path: Path) -> ImportDialog:
    """Open the import preview of a file into the window's workshop."""
    found = window.findChild(ImportFeature)
    assert found is not None
    dialog = found.import_requests(path)
    assert dialog is not None and dialog.isVisible()
    return dialog


def ok_button(dialog: ImportDialog) -> Any:
    """The dialog's OK button."""
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def column(dialog: ImportDialog, index: int) -> list[str]:
    """One column of the preview table."""
    model = dialog.model
    return [model.index(row, index).data() for row in range(model.rowCount())]


def chosen(dialog: ImportDialog) -> dict[str, str]:
    """Header -> the field its chooser shows."""
    table = dialog.column_map
    return {h: table.combo(row).currentData() for row, h in enumerate(table.headers)}


def set_department(dialog: ImportDialog, name: str) -> None:
    """Type a department for rows without one, as the user would (Enter ends the edit)."""
    edit = dialog.choices.department_edit
    edit.setText(name)
    edit.editingFinished.emit()


def test_the_map_lists_every_column_prefilled_from_the_recognised_headers(
    window: MainWindow, tmp_path: Path
) -> None:
    dialog = preview(window, danish_backlog_xlsx(tmp_path / "backlog.xlsx"))
    assert chosen(dialog) == {
        "ID": "id",
        "As": "",
        "Story": "title",
        "Estimation": "effort",
        "Priority": "",
        "Sprint": "",
    }
    assert dialog.problems.item(0).text().startswith("no department column")
    assert not ok_button(dialog).isEnabled()


def test_choosing_a_columns_field_and_unit_imports_those_rows(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    document = window.document
    assert document is not None
    before = len(document.workshop.requests)
    dialog = preview(window, danish_backlog_xlsx(tmp_path / "backlog.xlsx"))
    dialog.column_map.choose("As", "department")
    assert column(dialog, 3) == ["Sælger", "Kundeservice", "Salgschef"]
    assert column(dialog, 4) == ["15", "7.5", "30"]  # days, until the unit is chosen
    dialog.choices.unit_combo.setCurrentIndex(dialog.choices.unit_combo.findData("hours"))
    assert column(dialog, 4) == ["2", "1", "4"]  # 7.5 hours a person-day
    assert dialog.sheet_result is not None
    assert any("in hours" in note for note in dialog.sheet_result.notes)
    dialog.create_box.setChecked(True)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    added = document.workshop.requests[before:]
    assert [r.title for r in added] == [
        "Som sælger vil jeg se kundens historik",
        "Som supporter vil jeg se åbne sager",
        "Som chef vil jeg se pipeline pr. måned",
    ]
    assert [r.effort for r in added] == [2.0, 1.0, 4.0]
    names = {d.id: d.name for d in document.workshop.departments}
    assert [names[r.department] for r in added] == ["Sælger", "Kundeservice", "Salgschef"]


def test_the_map_is_remembered_for_a_sheet_with_the_same_headers(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    first = preview(window, danish_backlog_xlsx(tmp_path / "backlog.xlsx"))
    assert not first.recalled.isVisible()
    first.column_map.choose("As", "department")
    first.column_map.choose("Priority", "description")
    first.choices.unit_combo.setCurrentIndex(first.choices.unit_combo.findData("hours"))
    first.create_box.setChecked(True)
    qtbot.mouseClick(ok_button(first), Qt.MouseButton.LeftButton)
    # The same headers in another file, made into a new workshop (its ids are free there).
    found = window.findChild(ImportFeature)
    assert found is not None
    second = found.new_from_sheet(danish_backlog_ods(tmp_path / "backlog-march.ods"))
    assert second is not None
    assert second.recalled.isVisible()
    assert chosen(second)["As"] == "department"
    assert chosen(second)["Priority"] == "description"
    assert second.choices.unit_combo.currentData() == "hours"
    assert column(second, 4) == ["2", "1", "4"]
    assert second.sheet_result is not None and second.sheet_result.errors == ()
    second.reject()
    other = tmp_path / "other.csv"
    other.write_text("Title,Department\nQuote templates,sales\n", encoding="utf-8")
    third = preview(window, other)
    assert not third.recalled.isVisible() and third.choices.is_default()


def test_one_department_for_a_sheet_without_a_department_column(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    document = window.document
    assert document is not None
    dialog = preview(window, finnish_service_desk_csv(tmp_path / "palvelupyynnot.csv"))
    assert not ok_button(dialog).isEnabled()
    assert dialog.choices.unit_combo.itemText(0) == "As the header says (hours)"
    assert dialog.choices.hours_spin.isEnabled()
    set_department(dialog, "Lupapiste")
    assert column(dialog, 3) == ["Lupapiste"] * 3
    assert column(dialog, 4) == ["2", "1", "0.4"]
    assert dialog.create_box.isVisible()
    dialog.create_box.setChecked(True)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert document.workshop.departments[-1].name == "Lupapiste"
    assert document.workshop.requests[-1].title == "Viranomaisen muistutukset"


def test_hours_in_a_person_day_can_be_changed(window: MainWindow, tmp_path: Path) -> None:
    dialog = preview(window, finnish_service_desk_csv(tmp_path / "palvelupyynnot.csv"))
    set_department(dialog, "Sales")
    dialog.choices.hours_spin.setValue(5)
    dialog.choices.hours_spin.editingFinished.emit()
    assert column(dialog, 4) == ["3", "1.5", "0.6"]
    assert column(dialog, 3) == ["Sales"] * 3  # an existing department, by its name


def test_a_recognised_column_can_be_left_out(window: MainWindow, tmp_path: Path) -> None:
    dialog = preview(window, finnish_service_desk_csv(tmp_path / "palvelupyynnot.csv"))
    set_department(dialog, "Sales")
    assert dialog.sheet_result is not None
    assert dialog.sheet_result.requests[0].description == "Hakija näkee luvat kartalla"
    dialog.column_map.choose("Kuvaus", "")
    assert dialog.sheet_result.requests[0].description == ""
    assert "“Kuvaus”" in dialog.columns_label.text()  # listed as not imported
    assert chosen(dialog)["Kuvaus"] == ""


def test_a_sheet_without_a_recognised_title_opens_to_choose_it(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text("Ticket,Opgave,Afdeling\nT-1,Ny rapport,sales\nT-2,Ny liste,service\n", "utf-8")
    dialog = preview(window, path)
    assert dialog.failure.isVisible() and "“Title”" in dialog.failure.text()
    assert dialog.model.rowCount() == 0 and not ok_button(dialog).isEnabled()
    assert dialog.column_map.headers == ("Ticket", "Opgave", "Afdeling")
    dialog.column_map.choose("Opgave", "title")
    assert column(dialog, 2) == ["Ny rapport", "Ny liste"]
    assert not dialog.failure.isVisible() and ok_button(dialog).isEnabled()
    dialog.column_map.choose("Opgave", "")
    assert dialog.failure.isVisible() and dialog.model.rowCount() == 0


def test_a_field_comes_from_one_column(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text("Title,Department,Team\nQuote templates,sales,finance\n", "utf-8")
    dialog = preview(window, path)
    assert column(dialog, 3) == ["Sales"]
    dialog.column_map.choose("Team", "department")
    assert column(dialog, 3) == ["Finance"]
    assert chosen(dialog) == {"Title": "title", "Department": "", "Team": "department"}
    dialog.column_map.choose("Department", "department")
    assert chosen(dialog) == {"Title": "title", "Department": "department", "Team": ""}
    assert dialog.column_map.overrides == {"Department": "department"}


def test_an_old_excel_file_imports_through_the_dialog(window: MainWindow, tmp_path: Path) -> None:
    dialog = preview(window, danish_backlog_xls(tmp_path / "backlog.xls"))
    assert dialog.sheet_combo.currentText() == "Backlog"
    dialog.column_map.choose("As", "department")
    dialog.choices.unit_combo.setCurrentIndex(dialog.choices.unit_combo.findData("hours"))
    assert column(dialog, 4) == ["2", "1", "4"]
    assert "row 6: a totals row, left out" in dialog.notes_label.text()


def test_the_dialog_speaks_danish(window: MainWindow, tmp_path: Path) -> None:
    from app.ui.language.translator import speak

    speak("da")
    try:
        dialog = preview(window, finnish_service_desk_csv(tmp_path / "palvelupyynnot.csv"))
        header = dialog.column_map.horizontalHeaderItem(1)
        assert header is not None and header.text() == "Importeres som"
        assert dialog.column_map.combo(0).itemText(0) == "Importeres ikke"
        assert dialog.choices.unit_combo.itemText(0) == "Som overskriften siger (timer)"
        assert dialog.problems.item(0).text().startswith("ingen afdelingskolonne")
        assert dialog.model.headerData(4, Qt.Orientation.Horizontal) == "Indsats (pd)"
    finally:
        speak("en")
