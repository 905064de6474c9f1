"""File > Compare with… in the app: the meeting's start or another file, as a panel and ghosts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.edits import move_request
from app.storage.workshop_file import save_workshop
from app.ui.shell.main_window import MainWindow
from app.ui.suggest.compare import CompareFeature
from tests.ui_helpers import shown_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample."""
    return shown_window(qtbot, tmp_path, monkeypatch)


def _feature(window: MainWindow) -> CompareFeature:
    found = window.findChild(CompareFeature)
    assert isinstance(found, CompareFeature)
    return found


def _move_first(window: MainWindow) -> str:
    assert window.document is not None
    workshop = window.document.workshop
    request = workshop.requests[0]
    place = workshop.phases[-1].id if request.phase != workshop.phases[-1].id else None
    window.document.push("Move", move_request(workshop, request.id, place))
    return request.id


def test_the_menu_is_in_the_file_menu(window: MainWindow) -> None:
    feature = _feature(window)
    assert feature.menu.menuAction() in window.file_menu.actions()
    assert feature.menu.isEnabled()


def test_compared_with_the_meeting_start_it_shows_the_moves_and_follows_edits(
    window: MainWindow, qtbot: QtBot
) -> None:
    feature = _feature(window)
    assert window.document is not None
    before = window.document.workshop
    comparison = feature.with_meeting_start()
    assert comparison is not None and comparison.same_plan
    assert feature.overlay is not None and feature.overlay.ghosts == 0
    moved = _move_first(window)
    qtbot.waitUntil(lambda: feature.comparison is not None and bool(feature.comparison.moved))
    assert feature.comparison is not None
    assert [m.request for m in feature.comparison.moved] == [moved]
    assert feature.overlay.ghosts == 1
    assert f"({moved})" in feature.panel.text.toPlainText()
    feature.panel.close_button.click()
    assert not feature.dock.isVisible() and feature.overlay.ghosts == 0
    assert window.document.workshop != before


def test_compared_with_another_file_and_a_bad_file_is_refused(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = _feature(window)
    assert window.document is not None
    other = tmp_path / "other.bellwether.json"
    request = next(r for r in window.document.workshop.requests if r.phase is not None)
    save_workshop(other, move_request(window.document.workshop, request.id, None))
    comparison = feature.compare_file(other)
    assert comparison is not None
    assert [(m.request, m.before, m.after) for m in comparison.moved] == [
        (request.id, None, request.phase)
    ]
    assert feature.overlay is not None and feature.overlay.ghosts == 1
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    assert feature.compare_file(bad) is None
    assert len(shown) == 1 and shown[0].startswith("bad.json cannot be read: ")
