"""Voting mode in a real window: mouse clicks on cards, keys, undo, hidden voting, the chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.domain.palette import department_color
from app.storage.workshop_file import dumps_workshop
from app.ui.shell.main_window import MainWindow
from app.ui.voting.feature import VotingController
from app.ui.voting.recorder import BURST_SECONDS
from tests.conftest import SMALL_SAMPLE
from tests.ui_helpers import drag, empty_window, open_copy, to_view, unzoomed_window

# The small sample: Sales and Service have spent all 10 dots, Finance none.
SALES, SERVICE, FINANCE = 0, 1, 2


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample, its board at scale 1."""
    return unzoomed_window(qtbot, tmp_path, monkeypatch)


def voting(window: MainWindow, department: int | None = FINANCE) -> VotingController:
    """The window's voting controller, in voting mode with a department picked."""
    controller = window.findChild(VotingController)
    assert controller is not None
    if department is not None:
        controller.mode_action.setChecked(True)
        controller.pick_index(department)
    return controller


def click(
    window: MainWindow,
    request_id: str,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A real mouse click on a card, on the board's viewport."""
    assert window.scene is not None and window.view is not None
    point = to_view(window.view, window.scene.card_rect(request_id).center())
    QTest.mouseClick(window.view.viewport(), button, modifier, point)


def votes(window: MainWindow) -> dict[str, dict[str, int]]:
    """The document's votes."""
    assert window.document is not None
    return window.document.workshop.votes


def test_v_turns_voting_mode_on_and_keys_pick_who_votes(window: MainWindow) -> None:
    controller = voting(window, None)
    view = window.view
    assert view is not None
    assert not controller.bar.isVisible()
    assert not controller.pick_actions[0].isEnabled()
    window.activateWindow()
    QTest.keyClick(view, Qt.Key.Key_V)
    assert controller.voting
    assert controller.bar.isVisible()
    assert controller.bar.budget.text() == "Sales: 0 of 10 dots left"
    QTest.keyClick(view, Qt.Key.Key_3)
    assert controller.department == "finance"
    assert controller.bar.budget.text() == "Finance: 10 of 10 dots left"
    assert controller.bar.buttons["finance"].isChecked()
    controller.bar.buttons["service"].click()
    assert controller.bar.budget.text() == "Customer service: 0 of 10 dots left"
    QTest.keyClick(view, Qt.Key.Key_V)
    assert not controller.mode_action.isChecked()
    assert not controller.bar.isVisible()


def test_a_click_on_a_card_gives_one_dot_of_the_voting_head(window: MainWindow) -> None:
    controller = voting(window)
    click(window, "migration")
    assert votes(window)["finance"] == {"migration": 1}
    assert controller.bar.budget.text() == "Finance: 9 of 10 dots left"
    assert window.document is not None and window.scene is not None
    assert window.document.workshop.request("migration").phase == "p1"
    face = window.scene.cards["migration"].face
    finance_color = department_color(window.document.workshop, FINANCE).lower()
    assert face is not None and face.dots == 1 and face.dot_colors == ((finance_color, 1),)
    assert window.scene.selected_request() == "migration"


def test_right_click_and_shift_click_take_a_dot_back(window: MainWindow) -> None:
    voting(window, SALES)
    assert votes(window)["sales"] == {"mobile-app": 6, "outlook": 4}
    click(window, "mobile-app", Qt.MouseButton.RightButton)
    assert votes(window)["sales"]["mobile-app"] == 5
    click(window, "mobile-app", modifier=Qt.KeyboardModifier.ShiftModifier)
    assert votes(window)["sales"]["mobile-app"] == 4
    before = dumps_workshop(window.document.workshop)
    click(window, "migration", Qt.MouseButton.RightButton)
    assert dumps_workshop(window.document.workshop) == before


def test_the_budget_cannot_be_exceeded(window: MainWindow) -> None:
    controller = voting(window, SALES)
    before = dumps_workshop(window.document.workshop)
    click(window, "migration")
    assert dumps_workshop(window.document.workshop) == before
    assert window.document.undo_stack.count() == 0
    assert "Sales has no dots left" in window.statusBar().currentMessage()
    controller.pick_index(FINANCE)
    for _ in range(12):
        click(window, "invoice-sync")
    assert votes(window)["finance"] == {"invoice-sync": 10}
    assert controller.bar.budget.text() == "Finance: 0 of 10 dots left"


def test_clicks_in_voting_mode_never_drag_a_card(window: MainWindow) -> None:
    voting(window)
    assert window.scene is not None and window.view is not None
    scene = window.scene
    drag(window.view, scene.card_rect("mobile-app").center(), scene.column_center(1, "sales"))
    assert window.document.workshop.request("mobile-app").phase is None
    assert votes(window)["finance"] == {"mobile-app": 1}


def test_undo_and_redo_restore_the_votes_exactly(window: MainWindow) -> None:
    voting(window)
    document = window.document
    assert document is not None
    opened = dumps_workshop(document.workshop)
    for request_id in ("migration", "outlook", "migration", "credit-status"):
        click(window, request_id)
    click(window, "outlook", Qt.MouseButton.RightButton)
    voted = dumps_workshop(document.workshop)
    assert votes(window)["finance"] == {"migration": 2, "credit-status": 1}
    assert document.undo_stack.count() == 5
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert dumps_workshop(document.workshop) == opened
    while document.undo_stack.canRedo():
        document.undo_stack.redo()
    assert dumps_workshop(document.workshop) == voted


def test_a_burst_of_clicks_on_one_card_is_one_command(window: MainWindow) -> None:
    controller = voting(window)
    now = [100.0]
    assert controller.recorder is not None
    controller.recorder.clock = lambda: now[0]
    document = window.document
    assert document is not None
    for _ in range(3):
        click(window, "outlook")
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Finance: 3 dots for “Outlook integration”"
    now[0] += BURST_SECONDS + 1
    click(window, "outlook")
    assert document.undo_stack.count() == 2
    click(window, "outlook", Qt.MouseButton.RightButton)
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert votes(window)["finance"] == {"outlook": 3}
    document.undo_stack.undo()
    assert "finance" not in votes(window)


def test_plus_and_minus_vote_on_the_selected_card(window: MainWindow) -> None:
    voting(window)
    assert window.scene is not None and window.view is not None
    window.scene.select_request("knowledge-base")
    window.activateWindow()
    QTest.keyClick(window.view, Qt.Key.Key_Plus)
    QTest.keyClick(window.view, Qt.Key.Key_Plus)
    assert votes(window)["finance"] == {"knowledge-base": 2}
    QTest.keyClick(window.view, Qt.Key.Key_Minus)
    assert votes(window)["finance"] == {"knowledge-base": 1}


def test_hidden_voting_hides_other_heads_and_reveal_shows_them(window: MainWindow) -> None:
    controller = voting(window)
    scene = window.scene
    assert scene is not None
    assert not controller.reveal_action.isEnabled()
    controller.hidden_action.setChecked(True)
    assert controller.reveal_action.isEnabled()
    face = scene.cards["mobile-app"].face
    assert face is not None and face.dots == 0 and face.dot_colors == ()
    assert controller.chart is not None and controller.chart.data.requests == ()
    click(window, "mobile-app")
    face = scene.cards["mobile-app"].face
    assert face is not None and face.dots == 1
    assert list(controller.chart.data.totals) == [1]
    controller.pick_index(SALES)
    face = scene.cards["mobile-app"].face
    assert face is not None and face.dots == 6
    controller.reveal_action.trigger()
    assert not controller.hidden_action.isChecked()
    face = scene.cards["mobile-app"].face
    assert face is not None and face.dots == 7 and len(face.dot_colors) == 2
    assert controller.chart.data.totals[0] == 7


def test_clear_votes_of_one_department_or_all_is_undoable(window: MainWindow) -> None:
    controller = voting(window)
    document = window.document
    assert document is not None
    opened = dumps_workshop(document.workshop)
    controller.clear_menu.aboutToShow.emit()
    actions = {action.text(): action for action in controller.clear_menu.actions()}
    assert not actions["Clear the votes of Finance"].isEnabled()
    actions["Clear the votes of Sales"].trigger()
    assert set(votes(window)) == {"service"}
    assert document.undo_stack.undoText() == "Clear the votes of Sales"
    controller.clear_menu.aboutToShow.emit()
    actions = {action.text(): action for action in controller.clear_menu.actions()}
    actions["Clear &all votes"].trigger()
    assert votes(window) == {}
    assert controller.chart is not None and controller.chart.data.requests == ()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert dumps_workshop(document.workshop) == opened


def test_sort_backlog_by_dots(window: MainWindow) -> None:
    controller = voting(window, None)
    scene = window.scene
    assert scene is not None
    for request_id in ("migration", "customer-register", "outlook"):
        scene.move(request_id, None)

    def backlog_order() -> list[str]:
        cards = scene.layout.cards
        backlog = ("migration", "customer-register", "outlook", "mobile-app")
        return sorted(backlog, key=lambda r: (cards[r][1], cards[r][0]))

    assert backlog_order() == ["migration", "customer-register", "outlook", "mobile-app"]
    controller.sort_action.setChecked(True)
    assert backlog_order() == ["mobile-app", "outlook", "migration", "customer-register"]
    assert window.scene is not None
    assert [scene.cards[r].pos().y() for r in ("mobile-app", "outlook")] == sorted(
        scene.cards[r].pos().y() for r in ("mobile-app", "outlook")
    )
    controller.sort_action.setChecked(False)
    assert backlog_order()[0] == "migration"


def test_votes_chart_stacks_the_top_requests_by_department(window: MainWindow) -> None:
    controller = voting(window)
    chart = controller.chart
    assert chart is not None
    assert chart.data.requests == ("case-handling", "mobile-app", "outlook", "knowledge-base")
    assert chart.data.totals == (7, 6, 4, 3)
    click(window, "outlook")
    click(window, "outlook")
    click(window, "outlook")
    assert chart.data.requests[:2] == ("outlook", "case-handling")
    assert chart.data.totals[:2] == (7, 7)
    assert chart.data.departments == ("sales", "service", "finance")
    finance = chart.data.dots[chart.data.departments.index("finance")]
    assert finance[0] == 3
    window.document.undo_stack.undo()
    assert chart.data.totals == (7, 6, 4, 3)


def test_actions_follow_the_document(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    main = empty_window(qtbot, tmp_path, monkeypatch)
    controller = voting(main, None)
    assert not controller.mode_action.isEnabled()
    assert not controller.clear_menu.menuAction().isEnabled()
    open_copy(main, SMALL_SAMPLE, tmp_path)
    assert controller.mode_action.isEnabled()
    assert controller.document is main.document and controller.board is main.scene
    assert main.scene is not None and main.scene.mode.hidden == controller.is_hidden


def test_a_newly_opened_workshop_is_voted_on_not_the_old_one(
    window: MainWindow, tmp_path: Path
) -> None:
    controller = voting(window)
    old = window.document
    click(window, "migration")
    assert old is not None
    old.undo_stack.setClean()
    second = tmp_path / "second"
    second.mkdir()
    open_copy(window, SMALL_SAMPLE, second)
    assert window.document is not old and controller.document is window.document
    assert controller.voting and controller.department == "finance"
    assert controller.chart is not None and controller.chart.document is window.document
    click(window, "outlook")
    assert votes(window)["finance"] == {"outlook": 1}
    assert window.document.undo_stack.count() == 1
