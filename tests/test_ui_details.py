"""The details a facilitator trips on: arrows, findings that lead the eye, keys, window memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from app.domain.edits import move_request
from app.domain.links import links_of
from app.domain.rules import Finding
from app.ui.board.links import _ends
from app.ui.files.recent import recent_label
from app.ui.shell.main_window import MainWindow
from tests.conftest import CRM_SAMPLE, SMALL_SAMPLE
from tests.ui_helpers import empty_window, mark_clean, open_copy, shown_window


def _parts(window: MainWindow):
    assert window.document and window.scene and window.view and window.links
    return window.document, window.scene, window.view, window.links


# --- dependency arrows ------------------------------------------------------------------------


def test_a_selected_card_shows_its_dependencies_both_ways(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    _, scene, _, links = _parts(window)
    assert links.links == [] and links.shown_items() == []
    scene.select_request("customer-register")
    pairs = {(link.request, link.dependency) for link in links.links}
    assert ("customer-register", "migration") in pairs, "what it depends on"
    assert ("outlook", "customer-register") in pairs, "and what depends on it"
    assert ("mobile-app", "customer-register") in pairs
    assert len(links.shown_items()) == len(links.links)
    assert all(item.isVisible() for item in links.shown_items())
    assert all(not link.wrong for link in links.links)
    scene.select_request(None)
    assert links.links == [] and links.shown_items() == []


def test_a_backwards_dependency_is_drawn_in_the_error_colour(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    document, scene, _, links = _parts(window)
    # Customer register after the case handling that needs it: backwards in time.
    document.push("later", move_request(document.workshop, "customer-register", "p3"))
    scene.select_request("case-handling")
    wrong = [link for link in links.links if link.wrong]
    assert [(link.request, link.dependency) for link in wrong] == [
        ("case-handling", "customer-register")
    ]
    places = scene.layout.cards
    start, one, two, end = _ends(
        places["case-handling"], places["customer-register"], scene.theme.card_height
    )
    middle = (start + one * 3 + two * 3 + end) / 8  # the curve's midpoint
    assert _has_colour(
        scene, QRectF(middle - QPointF(6, 6), middle + QPointF(6, 6)), scene.theme.error
    )


def test_a_dependency_waiting_in_the_backlog_is_wrong_and_all_arrows_show_on_request(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    document, _, _, links = _parts(window)
    document.push("backlog", move_request(document.workshop, "invoice-sync", None))
    assert links.links == []
    window.links_action.trigger()  # View > All dependencies
    assert len(links.links) == len(links_of(document.workshop)) == 7
    assert {(link.request, link.dependency) for link in links.links if link.wrong} == {
        ("credit-status", "invoice-sync")
    }
    assert [item.wrong for item in links.shown_items()].count(True) == 1
    window.links_action.trigger()
    assert links.links == []


def _has_colour(scene, area: QRectF, colour: QColor) -> bool:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 48, 48), area)
    painter.end()
    return any(_near(image.pixelColor(x, y), colour) for x in range(48) for y in range(48))


def _near(one: QColor, other: QColor) -> bool:
    return (
        abs(one.red() - other.red())
        + abs(one.green() - other.green())
        + abs(one.blue() - other.blue())
        < 40
    )


# --- findings lead the eye --------------------------------------------------------------------


def test_selecting_a_finding_scrolls_its_lane_into_view_and_another_card_clears_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1200, 700)
    window.show()
    open_copy(window, CRM_SAMPLE, tmp_path)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    document, scene, view, _ = _parts(window)
    view.verticalScrollBar().setValue(0)
    last = document.workshop.departments[-1].id
    lane = scene.layout.lane_of(last)
    finding = Finding(
        "first-win", "warning", "test:last-lane", "The last lane waits.", department=last
    )
    assert (
        not view.mapToScene(view.viewport().rect())
        .boundingRect()
        .intersects(QRectF(0, lane.y, 10, lane.height))
    ), "the last lane starts out of sight"
    window._finding_selected(finding)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.intersects(QRectF(0, lane.y, 10, lane.height))
    assert scene.highlight.department == last
    other = next(r.id for r in document.workshop.requests if r.department != last)
    scene.select_request(other)
    assert scene.highlight.department is None


def test_the_board_follows_the_selected_finding_through_an_edit_in_one_refresh(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    open_copy(window, CRM_SAMPLE, tmp_path)
    document, scene, _, _ = _parts(window)
    panel = window.findings
    assert panel is not None
    finding = next(f for f in document.analysis.findings if f.rule == "dependency-order")
    panel.tree.setCurrentItem(panel._rows[finding.key])
    assert scene.highlight.requests == frozenset(finding.requests)
    refreshes: list[int] = []
    real = scene.refresh

    def counted() -> None:
        refreshes.append(1)
        real()

    monkeypatch.setattr(scene, "refresh", counted)
    with qtbot.assertNotEmitted(panel.findingSelected):
        document.push("move", move_request(document.workshop, finding.requests[0], None))
    assert len(refreshes) == 1, "one edit redraws the board once"
    assert finding.key not in {f.key for f in document.analysis.findings}
    assert scene.highlight.requests == frozenset() and scene.highlight.key is None


def test_a_finding_in_the_panel_scrolls_its_cards_into_view(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1200, 700)
    window.show()
    open_copy(window, CRM_SAMPLE, tmp_path)
    qtbot.waitExposed(window)
    document, scene, view, _ = _parts(window)
    panel = window.findings
    assert panel is not None
    lowest = max(
        (f for f in document.analysis.findings if f.requests),
        key=lambda f: max(scene.card_rect(r).top() for r in f.requests),
    )
    view.verticalScrollBar().setValue(0)
    view.horizontalScrollBar().setValue(0)
    item = panel._rows[lowest.key]
    panel.tree.setCurrentItem(item)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert any(shown.intersects(scene.card_rect(r)) for r in lowest.requests)
    assert scene.highlight.requests == frozenset(lowest.requests)


# --- keys ----------------------------------------------------------------------------------


def _key(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A key pressed and released on the window, through Qt's shortcut machinery."""
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, key, modifiers)
    QApplication.processEvents()


@pytest.mark.parametrize("focus", ["board", "findings", "inspector"])
def test_ctrl_y_redoes_from_every_focus(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, focus: str
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    document, scene, view, _ = _parts(window)
    request = next(r for r in document.workshop.requests if r.phase is None)
    scene.move(request.id, "p1")
    document.undo_stack.undo()
    assert document.workshop.request(request.id).phase is None
    widget: QWidget
    if focus == "board":
        widget = view
    elif focus == "findings":
        assert window.findings is not None
        widget = window.findings.tree
    else:
        window.side.setCurrentIndex(1)
        assert window.inspector is not None
        widget = window.inspector
    widget.setFocus()
    QApplication.processEvents()
    redo = next(a for a in window.edit_menu.actions() if a.text().startswith("Redo"))
    # Whatever the desktop's own Redo keys (GNOME's lack Ctrl+Y), Ctrl+Y is among them.
    assert QKeySequence("Ctrl+Y") in redo.shortcuts()
    _key(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert document.workshop.request(request.id).phase == "p1", f"from the {focus}"
    _key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.workshop.request(request.id).phase is None


def test_escape_during_a_drag_leaves_the_plan_unchanged(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    document, scene, view, _ = _parts(window)
    request = next(r for r in document.workshop.requests if r.phase is None)
    before, count = document.workshop, document.undo_stack.count()
    card = scene.cards[request.id]
    home = card.pos()
    viewport = view.viewport()
    start = view.mapFromScene(scene.card_rect(request.id).center())
    end = view.mapFromScene(scene.column_center(2, request.department))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 7):
        QTest.mouseMove(viewport, start + (end - start) * step / 6)
        QApplication.processEvents()
    assert card.pos() != home, "the card follows the mouse"
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert card.pos() == home
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QApplication.processEvents()
    assert document.workshop is before and document.undo_stack.count() == count
    assert card.pos() == home


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
def test_a_card_dragged_into_another_lane_keeps_its_ghost_in_its_own(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    document, scene, view, _ = _parts(window)
    request = document.workshop.request("mobile-app")  # sales, in the backlog
    top, bottom = scene.lane_bounds(request.id)
    card = scene.cards[request.id]
    viewport = view.viewport()
    start = view.mapFromScene(scene.card_rect(request.id).center())
    end = view.mapFromScene(scene.column_center(1, "service"))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 7):
        QTest.mouseMove(viewport, start + (end - start) * step / 6)
        QApplication.processEvents()
        assert top <= card.pos().y() and card.pos().y() + scene.theme.card_height <= bottom + 1
    assert QToolTip.isVisible() and "department's lane" in QToolTip.text(), "a word why"
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QApplication.processEvents()
    moved = document.workshop.request(request.id)
    assert moved.department == "sales" and moved.phase == "p1", "its department's lane, phase 1"


# --- the window remembers -------------------------------------------------------------------


def test_geometry_docks_and_zoom_survive_a_restart(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.restore_window()
    window.showNormal()
    window.resize(700, 560)  # as small as the window goes on the offscreen screen
    open_copy(window, SMALL_SAMPLE, tmp_path)
    qtbot.waitExposed(window)
    size = window.size()
    window.chart_dock.toggleViewAction().trigger()  # View > Panels > Charts: hidden
    assert window.view is not None
    window._set_zoom(0.8)
    mark_clean(window)
    window.close()
    assert (tmp_path / "data" / "settings.ini").is_file(), "in the test's own settings folder"

    again = empty_window(qtbot, tmp_path, monkeypatch)
    again.restore_window()
    again.show()
    qtbot.waitExposed(again)
    assert again.height() == size.height() == 560
    open_copy(again, SMALL_SAMPLE, tmp_path)
    QApplication.processEvents()
    assert again.size() == size  # (the offscreen screen is 800 wide: the width is the least)
    assert again.side_dock.isVisible() and not again.chart_dock.isVisible()
    assert again.view is not None and again.view.zoom == pytest.approx(0.8)
    open_copy(again, SMALL_SAMPLE, tmp_path / "data")  # the next board fits anew, readable
    QApplication.processEvents()
    QApplication.processEvents()
    assert again.view is not None and again.view.zoom >= 12 / 13 - 1e-6
    assert not again.start_presenting


def test_the_first_start_on_a_small_screen_is_maximised(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    screen = window.screen()
    assert screen is not None
    small = screen.availableGeometry().width() < 1600 or screen.availableGeometry().height() < 1000
    window.restore_window()
    assert window.isMaximized() == small
    assert (window.width(), window.height()) == (1600, 1000) or small


def test_leaving_f11_returns_to_the_window_exactly_as_it_was(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch, size=(760, 640))
    QApplication.processEvents()
    _, _, view, _ = _parts(window)
    window._set_zoom(1.3)
    QApplication.processEvents()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    before = (
        window.size(),
        view.zoom,
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        window.side_dock.width(),
    )
    _key(window, Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)
    assert window.isFullScreen() and window.presentation_action.isChecked()
    _key(window, Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()
    assert not window.isFullScreen()
    after = (
        window.size(),
        view.zoom,
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        window.side_dock.width(),
    )
    assert after == before


def test_every_panel_is_shown_and_hidden_from_view_with_a_shortcut(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown_window(qtbot, tmp_path, monkeypatch)
    toggles = window.panels_menu.actions()
    assert len(toggles) >= 3
    assert all(not toggle.shortcut().isEmpty() for toggle in toggles)
    assert len({toggle.shortcut().toString() for toggle in toggles}) == len(toggles)
    assert window.side_dock.isVisible()
    _key(
        window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert not window.side_dock.isVisible()
    _key(
        window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert window.side_dock.isVisible()


def test_a_recent_file_shows_its_folder_elided_in_the_middle(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    deep = Path("/home/mette/Documents/committee/2027/rollout/spring/plans/crm.bellwether.json")
    label = recent_label(deep, widget.fontMetrics(), width=300)
    assert label.startswith("crm.bellwether.json — /home")
    assert label.endswith("plans") and "…" in label


# --- lists ------------------------------------------------------------------------------------


def test_the_votes_chart_says_top_n_of_m(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.voting.chart import votes_data
    from app.ui.voting.feature import VotingController

    window = shown_window(qtbot, tmp_path, monkeypatch)
    controller = window.findChild(VotingController)
    assert controller is not None and window.document is not None
    controller.mode_action.setChecked(True)
    chart = controller.chart
    assert chart is not None
    workshop = window.document.workshop
    chart.data = votes_data(workshop, chart.hidden, 2)
    assert chart._heading(workshop) == "Top 2 of 4 requests by dots"
    chart.data = votes_data(workshop, chart.hidden, 10)
    assert chart._heading(workshop) == "Top requests by dots", "all of them: no count"


def test_the_backlog_counts_in_the_singular_and_plural(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.board.texts import waiting

    assert (waiting(1), waiting(2), waiting(0)) == (
        "1 request waiting",
        "2 requests waiting",
        "0 requests waiting",
    )
    window = shown_window(qtbot, tmp_path, monkeypatch)
    _, scene, _, _ = _parts(window)
    face = scene.columns[0].face
    assert face is not None and face.weeks == "1 request waiting"


def test_a_recent_file_opens_with_one_click(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    path = open_copy(window, SMALL_SAMPLE, tmp_path)
    mark_clean(window)
    window.start_screen.refresh()
    window.start_screen.show()
    listing = window.start_screen.recent
    opened: list[Path] = []
    window.start_screen.recentRequested.disconnect()
    window.start_screen.recentRequested.connect(opened.append)
    item = listing.item(0)
    assert item is not None and item.text().startswith(path.name + " — ")
    QTest.mouseClick(
        listing.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        listing.visualItemRect(item).center(),
    )
    assert opened == [path.resolve()]
    listing.setCurrentItem(item)
    QTest.keyClick(listing, Qt.Key.Key_Return)
    assert opened == [path.resolve(), path.resolve()]
