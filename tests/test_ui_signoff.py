"""Sign-off in the app: the dialog, one undoable command per signature, staleness after edits."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.fingerprint import signoff_validity
from app.report.approval import approval_status
from app.ui.exporting.pdf import ExportFeature
from app.ui.shell.main_window import MainWindow
from app.ui.signoff.feature import SignoffDialog, SignoffFeature, local_now
from tests.conftest import SMALL_SAMPLE, workshop_data
from tests.report_helpers import all_text
from tests.ui_helpers import empty_window, mark_clean, open_copy, shown_window

SIGNED_AT = datetime(2027, 1, 10, 10, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample, its data folder in tmp_path."""
    return shown_window(qtbot, tmp_path, monkeypatch)


def feature(window: MainWindow) -> SignoffFeature:
    """The sign-off feature installed in the window."""
    found = window.findChild(SignoffFeature)
    assert found is not None
    return found


def open_dialog(window: MainWindow) -> SignoffDialog:
    """The sign-off dialog, opened from the action, with a fixed clock."""
    feature(window).action.trigger()
    dialog = feature(window).dialog
    assert dialog is not None and dialog.isVisible()
    dialog.clock = lambda: SIGNED_AT
    return dialog


def sign_as(
    qtbot: QtBot, dialog: SignoffDialog, department_id: str, name: str | None = None
) -> None:
    """Choose a department in the list, (re)type the name when given, click Sign."""
    dialog.choose(department_id)
    if name is not None:
        dialog.name.setText(name)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def rows(dialog: SignoffDialog) -> list[list[str]]:
    """The dialog's table as text: department, head, sign-off state."""
    result = []
    for index in range(dialog.table.topLevelItemCount()):
        item = dialog.table.topLevelItem(index)
        assert item is not None
        result.append([item.text(column) for column in range(3)])
    return result


def status_bar(window: MainWindow) -> tuple[str, str]:
    """The approval status in the window's status bar: the words shown, the full line in its tip."""
    label = feature(window).status
    tip = html.unescape(re.sub("<[^>]*>", "", label.toolTip()))
    return label.text(), tip


def lane_signed(window: MainWindow, department_id: str) -> str:
    """What a department's lane header on the board says about its sign-off."""
    assert window.scene is not None
    face = window.scene.lanes[department_id].face
    assert face is not None
    return face.signed


def test_action_is_in_plan_menu_and_toolbar_and_off_without_a_document(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = empty_window(qtbot, tmp_path, monkeypatch)
    action = feature(main).action
    assert action in main.plan_menu.actions()
    assert action in main.toolbar.actions()
    assert not action.isEnabled()
    assert feature(main).open_dialog() is None
    open_copy(main, SMALL_SAMPLE, tmp_path)
    assert action.isEnabled()


def test_dialog_lists_departments_heads_and_states(window: MainWindow) -> None:
    dialog = open_dialog(window)
    assert rows(dialog) == [
        ["Sales", "Mette Larsen", "not signed"],
        ["Customer service", "Jonas Eriksen", "not signed"],
        ["Finance", "Aino Virtanen", "not signed"],
    ]
    assert dialog.department_id == "sales"
    assert dialog.name.text() == "Mette Larsen"
    assert dialog.status.text() == "Draft: not signed"


def test_signing_records_a_valid_signoff_as_one_undoable_command(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = window.document
    assert document is not None
    dialog = open_dialog(window)
    sign_as(qtbot, dialog, "sales")
    (signoff,) = document.workshop.signoffs
    assert (signoff.department, signoff.name, signoff.at) == ("sales", "Mette Larsen", SIGNED_AT)
    assert signoff.fingerprint == document.analysis.fingerprint
    assert signoff_validity(document.workshop) == [(signoff, True)]
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Sign-off by Mette Larsen (Sales)"
    assert rows(dialog)[0][2] == "✔ signed: Mette Larsen, 2027-01-10 10:00"
    assert lane_signed(window, "sales") == "✔ signed"
    status = approval_status(document.workshop)
    assert status == "Approved by 1 of 3 (Customer service, Finance have not signed)"
    assert dialog.status.text() == status
    assert status_bar(window) == ("Approved by 1 of 3", status)
    assert dialog.department_id == "service"  # on to the next head
    assert dialog.name.text() == "Jonas Eriksen"
    document.undo_stack.undo()
    assert not document.workshop.signoffs
    assert lane_signed(window, "sales") == ""
    assert rows(dialog)[0][2] == "not signed"
    assert status_bar(window) == ("Draft: not signed", "Draft: not signed")
    document.undo_stack.redo()
    assert document.workshop.signoffs == (signoff,)


def test_every_head_signs_in_turn_without_being_asked(qtbot: QtBot, window: MainWindow) -> None:
    """Signing changes no plan content, so it never warns about stale sign-offs."""
    document = window.document
    assert document is not None
    dialog = open_dialog(window)
    for _ in range(3):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert [s.department for s in document.workshop.signoffs] == ["sales", "service", "finance"]
    assert all(valid for _, valid in signoff_validity(document.workshop))
    assert status_bar(window)[0] == "Approved by all 3 department heads"
    assert document.undo_stack.count() == 3


def test_the_name_is_confirmed_and_editable(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    dialog = open_dialog(window)
    dialog.choose("finance")
    dialog.name.clear()
    assert not dialog.sign_button.isEnabled()
    qtbot.keyClicks(dialog.name, "   ")
    assert not dialog.sign_button.isEnabled()
    assert not dialog.sign()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Paivi Deputy")  # QTest types ASCII only
    assert dialog.sign_button.isEnabled()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert [(s.department, s.name) for s in document.workshop.signoffs] == [
        ("finance", "Paivi Deputy")
    ]
    assert document.undo_stack.undoText() == "Sign-off by Paivi Deputy (Finance)"


def test_enter_in_the_name_field_signs_once(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    dialog = open_dialog(window)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert [s.department for s in document.workshop.signoffs] == ["sales"]
    assert dialog.isVisible()


def test_signing_again_replaces_the_heads_earlier_signoff(qtbot: QtBot, window: MainWindow) -> None:
    document = window.document
    assert document is not None
    dialog = open_dialog(window)
    sign_as(qtbot, dialog, "sales")
    dialog.clock = lambda: SIGNED_AT + timedelta(hours=1)
    sign_as(qtbot, dialog, "sales", "Mette K. Larsen")
    (signoff,) = document.workshop.signoffs
    assert (signoff.name, signoff.at) == ("Mette K. Larsen", SIGNED_AT + timedelta(hours=1))


def test_a_signoff_is_made_at_a_timezone_aware_local_time() -> None:
    moment = local_now()
    assert moment.utcoffset() is not None
    assert moment.microsecond == 0
    assert abs(moment - datetime.now().astimezone()) < timedelta(seconds=5)


def test_text_from_the_file_is_shown_as_plain_text(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BELLWETHER_DATA_DIR", str(tmp_path / "data"))
    tricky = '<b>R&D</b> <a href="http://127.0.0.1/">x</a>'
    data: dict[str, Any] = workshop_data(title="<i>Roadmap</i>")
    data["departments"][0].update(name=tricky, head="<u>Ole</u>")
    path = tmp_path / "tricky.bellwether.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    main = MainWindow()
    qtbot.addWidget(main, before_close_func=mark_clean)
    assert main.open_path(path)
    dialog = open_dialog(main)
    labels = (dialog.heading, dialog.plan, dialog.status, dialog.signing, dialog.error)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert dialog.heading.text() == "Sign-off: <i>Roadmap</i>"
    assert tricky in dialog.signing.text()
    assert rows(dialog)[0][:2] == [tricky, "<u>Ole</u>"]
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert main.document is not None
    stack = main.document.undo_stack
    assert stack.command(stack.index() - 1).text() == f"Sign-off by <u>Ole</u> ({tricky})"
    # The Edit menu's text doubles the "&" so that the menu shows it rather than a shortcut.
    assert stack.undoText() == f"Sign-off by <u>Ole</u> ({tricky.replace('&', '&&')})"
    assert feature(main).status.textFormat() == Qt.TextFormat.PlainText


def sign_two_heads(qtbot: QtBot, window: MainWindow) -> None:
    """Sales and Customer service sign the plan as it is."""
    dialog = open_dialog(window)
    sign_as(qtbot, dialog, "sales")
    sign_as(qtbot, dialog, "service")
    dialog.close()


def backlog_request(window: MainWindow) -> str:
    """A request in the backlog of the small sample."""
    assert window.document is not None
    return next(r.id for r in window.document.workshop.requests if r.phase is None)


def answer_stale_question(monkeypatch: pytest.MonkeyPatch, answer: Any) -> list[str]:
    """Answer the "sign-offs will become stale" question; returns the texts asked."""
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> Any:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_an_edit_after_signing_asks_first_and_no_keeps_the_plan(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    document, scene = window.document, window.scene
    assert document is not None and scene is not None
    sign_two_heads(qtbot, window)
    signed = document.workshop
    asked = answer_stale_question(monkeypatch, QMessageBox.StandardButton.No)
    assert not scene.move(backlog_request(window), "p1")
    assert len(asked) == 1
    assert asked[0].startswith(
        "2 department heads signed this plan. Changing it makes their sign-offs stale."
    )
    assert document.workshop is signed
    assert all(valid for _, valid in signoff_validity(document.workshop))
    assert lane_signed(window, "sales") == "✔ signed"


def test_an_accepted_edit_makes_signoffs_stale_in_model_board_and_pdf(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    document, scene = window.document, window.scene
    assert document is not None and scene is not None
    sign_two_heads(qtbot, window)
    asked = answer_stale_question(monkeypatch, QMessageBox.StandardButton.Yes)
    request_id = backlog_request(window)
    assert scene.move(request_id, "p1")
    assert len(asked) == 1 and asked[0].startswith("2 department heads signed this plan.")
    assert document.workshop.request(request_id).phase == "p1"
    validity = signoff_validity(document.workshop)
    assert [(s.department, valid) for s, valid in validity] == [
        ("sales", False),
        ("service", False),
    ]
    assert [lane_signed(window, d) for d in ("sales", "service", "finance")] == [
        "signed (stale)",
        "signed (stale)",
        "",
    ]
    status = "Draft: not signed (2 sign-offs for an earlier version, now stale)"
    assert approval_status(document.workshop) == status
    assert status_bar(window) == ("Draft: not signed", status)
    assert rows(open_dialog(window))[0][2].startswith("stale: Mette Larsen")
    assert scene.move(request_id, None)  # nobody's sign-off is valid now: no question
    assert len(asked) == 1
    assert "stale" in exported_text(qtbot, window, monkeypatch, tmp_path / "stale.pdf")


def exported_text(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> str:
    """Export the open plan from the app and return the PDF's text."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Close)
    export = window.findChild(ExportFeature)
    assert export is not None
    with qtbot.waitSignal(export.exportFinished, timeout=60_000) as blocker:
        export.start(path, "a4")
    assert blocker.args[0].written
    return all_text(path.read_bytes())
