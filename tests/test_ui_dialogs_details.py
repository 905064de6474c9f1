"""Dialogs that say what they do: the accept note, New…, sign-off's open concerns, file folders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from app.domain.edits import move_request
from app.ui.files.new_dialog import FROM_SHEET, NewWorkshopDialog
from app.ui.findings.accept_dialog import AcceptDialog
from app.ui.signoff.concerns import open_concerns
from app.ui.signoff.feature import SignoffDialog
from tests.conftest import SMALL_SAMPLE
from tests.ui_helpers import empty_window, open_copy, shown_window


def test_an_empty_accept_note_is_refused_with_a_word(qtbot: QtBot) -> None:
    dialog = AcceptDialog("Phase 2 is over capacity.")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible() and "note" in dialog.problem.text()
    QTest.keyClicks(dialog.note, "   ")
    dialog.ok_button.click()
    assert dialog.isVisible(), "blanks are no note either"
    QTest.keyClicks(dialog.note, "Finance lends two people")
    assert not dialog.problem.isVisible(), "the word goes once the note is being written"
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.text() == "Finance lends two people"


def test_signing_off_shows_the_open_errors_and_warnings(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    document = window.document
    assert document is not None
    document.push("backlog", move_request(document.workshop, "invoice-sync", None))
    dialog = SignoffDialog(document)
    qtbot.addWidget(dialog)
    text = dialog.concerns.text()
    errors = [f for f in document.analysis.findings if f.severity == "error" and not f.accepted]
    assert errors, "a dependency waits in the backlog: an error"
    assert "open error" in text and errors[0].message in text
    assert dialog.concerns.palette().color(dialog.concerns.foregroundRole()) == dialog.theme.error


def test_the_concerns_count_in_words_and_leave_out_accepted_findings() -> None:
    from app.domain.rules import Finding

    one = Finding("r", "warning", "a", "A waits.")
    many = [Finding("r", "error", f"e{i}", f"E{i}.") for i in range(7)]
    accepted = Finding("r", "error", "x", "Taken.", accepted=True, note="ok")
    assert open_concerns([accepted]) == ("The plan has no open errors or warnings.", None)
    text, worst = open_concerns([one])
    assert text.startswith("Signing approves the plan with 1 open warning:") and worst == "warning"
    text, worst = open_concerns([*many, one])
    assert text.startswith("Signing approves the plan with 7 open errors and 1 open warning:")
    assert text.endswith("… and 3 more") and worst == "error"


def test_new_asks_for_title_start_and_departments(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = NewWorkshopDialog(today=date(2027, 3, 3))
    qtbot.addWidget(dialog)
    assert dialog.start.date() == QDate(2027, 3, 8), "next Monday"
    dialog.title.setText("CRM rollout 2028")
    dialog.start.setDate(QDate(2028, 1, 3))
    dialog.departments.setPlainText("Salg\n\nØkonomi & løn\nSalg\n")
    workshop = dialog.workshop()
    assert workshop.title == "CRM rollout 2028" and workshop.start == date(2028, 1, 3)
    assert [(d.id, d.name) for d in workshop.departments] == [
        ("salg", "Salg"),
        ("oekonomi-loen", "Økonomi & løn"),
        ("salg-2", "Salg"),
    ]
    dialog.sheet_button.click()
    assert dialog.result() == FROM_SHEET

    window = empty_window(qtbot, tmp_path, monkeypatch)

    def answer(self: NewWorkshopDialog) -> int:
        self.title.setText("Board test")
        self.departments.setPlainText("Sales\nService")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewWorkshopDialog, "exec", answer)
    window.new_workshop()
    assert window.document is not None and window.document.workshop.title == "Board test"
    assert [d.name for d in window.document.workshop.departments] == ["Sales", "Service"]
    sheets: list[object] = []
    monkeypatch.setattr(NewWorkshopDialog, "exec", lambda self: FROM_SHEET)
    monkeypatch.setattr(window.importer, "new_from_sheet", lambda: sheets.append(1))
    window.document.undo_stack.setClean()
    window.new_workshop()
    assert sheets == [1]


def test_file_dialogs_start_in_the_files_folder_then_the_last_used(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    asked: list[str] = []
    chosen = {"name": ""}

    def record(parent: object, caption: str, folder: str, filter: str) -> tuple[str, str]:
        asked.append(folder)
        return chosen["name"], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(record))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(record))
    plans = tmp_path / "plans"
    plans.mkdir()
    path = open_copy(window, SMALL_SAMPLE, plans)
    window.open_dialog()
    assert asked[-1] == str(plans), "the open file's folder"
    window.save_as_dialog()
    assert asked[-1] == str(path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    chosen["name"] = str(elsewhere / "copy.bellwether.json")
    assert window.save_as_dialog()
    from app.ui.files.dialogs import blank_workshop

    window.new_workshop(blank_workshop())
    chosen["name"] = ""
    window.save_as_dialog()
    assert Path(asked[-1]).parent == elsewhere, "an untitled workshop: the last folder used"
