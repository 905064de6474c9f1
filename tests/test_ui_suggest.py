"""Plan > Suggest a plan… in the app: ghosts, the panel, one undo command, cancel, discard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.edits import move_request
from app.domain.fingerprint import fingerprint
from app.planning.placement import with_moves
from app.planning.suggest import Suggestion, suggest
from app.ui.shell.main_window import MainWindow
from app.ui.suggest.feature import SuggestFeature
from tests.ui_helpers import shown_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample."""
    return shown_window(qtbot, tmp_path, monkeypatch)


def _feature(window: MainWindow) -> SuggestFeature:
    found = window.findChild(SuggestFeature)
    assert isinstance(found, SuggestFeature)
    return found


def _shown(window: MainWindow) -> tuple[SuggestFeature, Suggestion]:
    feature = _feature(window)
    assert window.document is not None
    suggestion = suggest(window.document.workshop, seconds=5)
    assert len(suggestion.moves) >= 3
    feature.show(suggestion)
    return feature, suggestion


def test_the_action_is_in_the_plan_menu(window: MainWindow) -> None:
    feature = _feature(window)
    assert feature.action in window.plan_menu.actions()
    assert feature.action.isEnabled()


def test_a_suggestion_shows_ghosts_and_both_scores_without_touching_the_plan(
    window: MainWindow,
) -> None:
    assert window.document is not None
    before = window.document.workshop
    feature, suggestion = _shown(window)
    assert feature.dock.isVisible()
    assert feature.overlay is not None and feature.overlay.ghosts == len(suggestion.moves)
    table = feature.panel.table
    assert table.item(0, 0).text() == "Open errors"
    assert table.item(0, 1).text() == str(suggestion.score_before.errors)
    assert table.item(1, 2).text() == str(suggestion.score_after.dots)
    assert window.document.workshop is before
    assert window.document.undo_stack.count() == 0


def test_applying_the_ticked_moves_is_one_undo_command_that_undo_takes_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.document is not None
    document = window.document
    before = document.workshop
    feature, suggestion = _shown(window)
    feature.panel.moves.item(0).setCheckState(Qt.CheckState.Unchecked)
    ticked = list(suggestion.moves[1:])
    assert feature.overlay is not None and feature.overlay.ghosts == len(ticked)
    assert feature.panel.apply_button.text() == f"Apply {len(ticked)} moves"
    qtbot.mouseClick(feature.panel.apply_button, Qt.MouseButton.LeftButton)
    assert document.workshop == with_moves(before, ticked)
    assert document.workshop.request(suggestion.moves[0].request).phase == (
        suggestion.moves[0].before
    )
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == f"Apply suggestion: {len(ticked)} moves"
    assert not feature.dock.isVisible() and feature.overlay.ghosts == 0
    document.undo_stack.undo()
    assert document.workshop == before
    assert fingerprint(document.workshop) == fingerprint(before)
    document.undo_stack.redo()
    assert document.workshop == with_moves(before, ticked)


def test_unticking_every_move_turns_apply_off_and_the_after_column_back(
    window: MainWindow,
) -> None:
    feature, _suggestion = _shown(window)
    feature.panel.set_all(False)
    assert not feature.panel.apply_button.isEnabled()
    assert feature.overlay is not None and feature.overlay.ghosts == 0
    table = feature.panel.table
    assert [table.item(r, 2).text() for r in range(6)] == [
        table.item(r, 1).text() for r in range(6)
    ]
    assert not feature.apply([])


def test_discard_and_an_edit_drop_the_suggestion_and_leave_the_plan(window: MainWindow) -> None:
    assert window.document is not None
    document = window.document
    before = document.workshop
    feature, suggestion = _shown(window)
    qt_click = feature.panel.discard_button
    qt_click.click()
    assert feature.suggestion is None and not feature.dock.isVisible()
    assert document.workshop is before and document.undo_stack.count() == 0
    feature.show(suggestion)
    request = before.requests[0]
    other = None if request.phase is not None else before.phases[0].id
    document.push("Move", move_request(before, request.id, other))
    assert feature.suggestion is None
    assert feature.overlay is not None and feature.overlay.ghosts == 0


@pytest.mark.slow
def test_a_search_runs_in_a_child_process_and_shows_its_suggestion(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.document is not None
    before = window.document.workshop
    feature = _feature(window)
    job = feature.start(3)
    assert job is not None and not feature.action.isEnabled()
    qtbot.waitUntil(lambda: feature.job is None, timeout=60_000)
    assert feature.suggestion is not None
    assert feature.suggestion.after == suggest(before, seconds=3).after
    assert window.document.workshop is before
    assert feature.action.isEnabled()


@pytest.mark.slow
def test_a_cancelled_search_leaves_the_document_untouched(window: MainWindow, qtbot: QtBot) -> None:
    assert window.document is not None
    before = window.document.workshop
    feature = _feature(window)
    assert feature.start(60) is not None
    qtbot.wait(300)
    feature.cancel()
    qtbot.waitUntil(lambda: feature.job is None, timeout=20_000)
    assert feature.suggestion is None and not feature.dock.isVisible()
    assert window.document.workshop is before
    assert window.document.undo_stack.count() == 0
    assert "cancelled" in window.statusBar().currentMessage()
