"""The room view: the whole plan on a 1080p projector, readable from the back of the room."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from app.ui.board.card import CardItem
from app.ui.board.scene import BoardScene
from app.ui.board.strips import LaneStripItem
from app.ui.board.view import BoardView
from app.ui.roomview.feature import RoomViewController
from app.ui.shell.main_window import MainWindow
from app.ui.widgets import plain_tooltip
from bench.workshops import generate
from tests.conftest import CRM_SAMPLE
from tests.ui_helpers import drag, empty_window, open_copy


class SizingPainter(QPainter):
    """A painter that remembers the on-screen pixel size of every text drawn, and its text."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.sizes: list[tuple[float, bool, str]] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        pixels = self.font().pixelSize() * self.worldTransform().m22()
        self.sizes.append((pixels, self.font().bold(), str(args[-1])))
        super().drawText(*args)  # type: ignore[call-overload]


def drawn_sizes(item: QGraphicsItem, zoom: float) -> list[tuple[float, bool, str]]:
    """What an item draws, at the view's zoom: (screen pixels, bold, text) per text."""
    bounds = item.boundingRect()
    image = QImage(
        int(bounds.right() * zoom) + 2, int(bounds.bottom() * zoom) + 2, QImage.Format.Format_ARGB32
    )
    painter = SizingPainter(image)
    painter.scale(zoom, zoom)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = bounds
    item.paint(painter, option, None)
    painter.end()
    return [size for size in painter.sizes if size[2].strip()]


def presenting(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: Path = CRM_SAMPLE
) -> MainWindow:
    """A 1920x1080 window in the room view on a copy of `sample`."""
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1920, 1080)
    window.show()
    open_copy(window, sample, tmp_path)
    qtbot.waitExposed(window)
    window.presentation_action.setChecked(True)
    window.toggle_presentation(full_screen=False)  # the offscreen screen is smaller than 1080p
    for _ in range(3):
        QApplication.processEvents()
    window.zoom_to_width()
    QApplication.processEvents()
    return window


def parts(window: MainWindow) -> tuple[BoardScene, BoardView, RoomViewController]:
    assert window.scene is not None and window.view is not None
    return window.scene, window.view, window.roomview


def shown_cards(scene: BoardScene) -> list[CardItem]:
    return [card for card in scene.cards.values() if card.isVisible()]


def test_the_whole_crm_plan_fits_1080p_in_type_read_from_the_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = presenting(qtbot, tmp_path, monkeypatch)
    scene, view, room = parts(window)
    assert view.horizontalScrollBar().maximum() == 0 and view.verticalScrollBar().maximum() == 0
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(QPointF(scene.layout.width, scene.layout.height)), "the last lane too"
    workshop = window.document.workshop
    assert len(scene.layout.lanes) == len(workshop.departments)
    assert len(scene.layout.columns) == len(workshop.phases) + 1, "every phase and the backlog"
    assert not window.side_dock.isVisible() and not window.chart_dock.isVisible()
    items: list[QGraphicsItem] = [*scene.cards.values(), *scene.columns, *scene.lanes.values()]
    items += [*scene.strips.items.values(), scene._corner]
    sizes = [size for item in items if item.isVisible() for size in drawn_sizes(item, view.zoom)]
    assert len(sizes) > 60
    smallest = min(sizes)
    assert smallest[0] >= 18, f"{smallest[2]!r} is drawn at {smallest[0]:.1f} px"
    assert scene._vision.font().pixelSize() * view.zoom >= 18
    for card in shown_cards(scene):
        titles = [size for size in drawn_sizes(card, view.zoom) if size[1] and size[2] != "!"]
        assert titles and min(titles)[0] >= 22, card.request_id
    assert room.ribbon is not None and room.ribbon.text_px() >= 18
    for department in workshop.departments:  # whichever lane is open, all of it is on the wall
        scene.open_lane(department.id)
        view.zoom_to_room()
        QApplication.processEvents()
        bars = (view.horizontalScrollBar(), view.verticalScrollBar())
        assert all(bar.maximum() == 0 for bar in bars), department.name
        assert view.zoom >= 1.14


def test_cards_flow_side_by_side_in_the_open_lanes_crowded_cell(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = presenting(qtbot, tmp_path, monkeypatch)
    scene, _, _ = parts(window)
    focus = scene.fold.focused(scene.document.workshop)
    crowded = max(
        (cell for key, cell in scene.layout.cells.items() if key[0] == focus and key[1]), key=len
    )
    assert len(crowded) > scene.layout.flow.rows
    xs = {scene.layout.cards[request_id][0] for request_id in crowded}
    assert len(xs) > 1, "side by side, not one tall stack"


def test_arrow_keys_walk_the_lanes_and_a_click_opens_a_summarised_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = presenting(qtbot, tmp_path, monkeypatch)
    scene, view, room = parts(window)
    workshop = scene.document.workshop
    ids = [department.id for department in workshop.departments]
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_PageDown)
    assert scene.fold.focused(workshop) == ids[1]
    shown = {card.request_id for card in shown_cards(scene)}
    wanted = {r.id for r in workshop.requests if r.department == ids[1] and r.phase is not None}
    assert shown == wanted, "the open lane's cards, and only those"
    assert "6" in room.ribbon.notice.text(), "the ribbon says that six lanes are summarised"
    scene.clearSelection()
    QTest.keyClick(view, Qt.Key.Key_Up)  # selects a card of the open lane first
    assert scene.selected_request() in wanted
    for _ in range(4):  # Up past the lane's top card opens the lane above
        QTest.keyClick(view, Qt.Key.Key_Up)
        if scene.fold.focused(workshop) != ids[1]:
            break
    assert scene.fold.focused(workshop) == ids[0]
    strip = scene.strips.items[ids[3]]
    assert strip.face is not None and strip.face.cells, "a summarised lane shows cell counts"
    point = view.mapFromScene(strip.sceneBoundingRect().center())
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    assert scene.fold.focused(workshop) == ids[3]


def _marketing(window: MainWindow) -> tuple[BoardScene, BoardView, str]:
    scene, view, _ = parts(window)
    workshop = scene.document.workshop
    department = next(d.id for d in workshop.departments if d.name == "Marketing")
    scene.open_lane(department)
    QApplication.processEvents()
    return scene, view, department


def test_a_drag_in_another_lane_moves_the_card_and_the_ribbon_and_wins_follow(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = presenting(qtbot, tmp_path, monkeypatch)
    scene, view, department = _marketing(window)
    room = window.roomview
    assert room.ribbon is not None
    document = scene.document
    before = document.workshop
    counts, strips = room.ribbon.counts.text(), {d: s.face for d, s in scene.strips.items.items()}
    request = next(r for r in before.requests if r.department == department and r.phase is not None)
    card = scene.cards[request.id]
    assert card.isVisible()
    last = len(scene.layout.columns) - 1
    target = scene.column_center(last, department)
    drag(view, scene.card_rect(request.id).center(), target)
    assert document.workshop.request(request.id).phase == before.phases[-1].id
    assert (
        room.ribbon.counts.text() != counts
        or scene.strips.items[department].face != strips[department]
    ), "the ribbon or the lane's win strip shows the move"
    assert scene.card_rect(request.id).intersects(scene.cell_rect(last, department))
    document.undo_stack.undo()
    assert document.workshop == before
    assert room.ribbon.counts.text() == counts
    assert {d: s.face for d, s in scene.strips.items.items()} == strips


def test_keyboard_moves_in_the_room_view_are_undoable(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = presenting(qtbot, tmp_path, monkeypatch)
    scene, view, department = _marketing(window)
    document = scene.document
    before = document.workshop
    request = next(
        r for r in before.requests if r.department == department and r.phase == before.phases[2].id
    )
    view.setFocus()
    scene.select_request(request.id)
    window.activateWindow()
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert document.workshop.request(request.id).phase == before.phases[3].id
    assert scene.cards[request.id].isVisible()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.workshop == before


def test_the_backlog_tray_folds_and_one_key_brings_the_panels_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = presenting(qtbot, tmp_path, monkeypatch)
    scene, view, _ = parts(window)
    workshop = scene.document.workshop
    waiting = [
        r.id
        for r in workshop.requests
        if r.phase is None and r.department == workshop.departments[0].id
    ]
    assert waiting and not any(scene.cards[r].isVisible() for r in waiting), "folded"
    folded = scene.layout.columns[0].width
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_B)
    assert all(scene.cards[r].isVisible() for r in waiting)
    assert scene.layout.columns[0].width > folded
    QTest.keyClick(view, Qt.Key.Key_B)
    assert not any(scene.cards[r].isVisible() for r in waiting)
    window.roomview.panels_action.trigger()
    assert window.side_dock.isVisible() and window.chart_dock.isVisible()
    window.roomview.panels_action.trigger()
    assert not window.side_dock.isVisible()
    window.presentation_action.trigger()  # back to the desktop: every lane, the panels
    assert window.side_dock.isVisible() and not window.roomview.bar.isVisible()
    assert all(card.isVisible() for card in scene.cards.values())


def test_the_second_screen_is_a_second_view_of_the_same_document(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1600, 1000)
    window.show()
    open_copy(window, CRM_SAMPLE, tmp_path)
    second = window.roomview.present()
    assert second is not None
    qtbot.addWidget(second)
    qtbot.waitExposed(second)
    scene, view = second.scene, second.view
    assert scene.room and scene.document is window.document
    document = scene.document
    before = document.workshop
    request = next(
        r for r in before.requests if r.phase is not None and scene.cards[r.id].isVisible()
    )
    drag(view, scene.card_rect(request.id).center(), scene.column_center(0, request.department))
    assert document.workshop.request(request.id).phase is None
    desk = window.scene
    assert desk is not None
    assert desk.card_rect(request.id).intersects(desk.cell_rect(0, request.department))
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[arg-type]
    assert document.workshop == before, "undo on the laptop"
    home = before.phases.index(before.phase(request.phase or ""))
    assert scene.card_rect(request.id).intersects(scene.cell_rect(home + 1, request.department))
    assert desk.move(request.id, None)
    assert scene.card_rect(request.id).intersects(scene.cell_rect(0, request.department))
    second.activateWindow()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.workshop == before, "undo on the projector's window undoes the laptop's move"
    second.close()
    assert window.roomview.second is None


def test_a_thousand_requests_summarise_lanes_and_keep_the_open_lane_whole(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.bellwether.json"
    path.write_text(json.dumps(generate(1000)), encoding="utf-8")
    (tmp_path / "open").mkdir()
    window = presenting(qtbot, tmp_path / "open", monkeypatch, path)
    scene, view, room = parts(window)
    workshop = scene.document.workshop
    focus = scene.fold.focused(workshop)
    summarised = [d.id for d in workshop.departments if not scene.layout.is_open(d.id)]
    assert len(summarised) == len(workshop.departments) - 1
    wanted = {r.id for r in workshop.requests if r.department == focus and r.phase is not None}
    assert {card.request_id for card in shown_cards(scene)} == wanted, "the open lane is whole"
    lane = scene.layout.lane_of(focus or "")
    for request_id in wanted:
        rect = scene.card_rect(request_id)
        assert lane.y <= rect.top() and rect.bottom() <= lane.y + lane.height
    assert room.ribbon is not None
    assert room.ribbon.notice.text().startswith("Summarising")
    assert view.zoom >= 1.14, "the board summarises rather than shrinking the type"
    for strip in (scene.strips.items[d] for d in summarised):
        assert isinstance(strip, LaneStripItem) and strip.face is not None and strip.face.cells


def test_the_ribbons_worst_finding_ends_in_an_ellipsis_where_the_wall_cuts_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = presenting(qtbot, tmp_path, monkeypatch)
    _, _, room = parts(window)
    ribbon = room.ribbon
    assert ribbon is not None
    worst = ribbon.worst
    assert worst.full and worst.toolTip() == plain_tooltip(worst.full), "the whole of it, on hover"
    window.resize(1300, 1080)
    for _ in range(3):
        QApplication.processEvents()
    shown = worst.text()
    assert shown.endswith("…") and shown[:-1] in worst.full
    assert worst.fontMetrics().horizontalAdvance(shown) <= worst.contentsRect().width()
    window.resize(1920, 1080)
    for _ in range(3):
        QApplication.processEvents()
    assert len(worst.text()) > len(shown), "a wider ribbon shows more of it"


def test_escape_in_the_second_screen_cancels_a_drag_before_it_closes_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1600, 1000)
    window.show()
    open_copy(window, CRM_SAMPLE, tmp_path)
    second = window.roomview.present()
    assert second is not None
    qtbot.addWidget(second)
    qtbot.waitExposed(second)
    second.activateWindow()
    scene, view = second.scene, second.view
    before = scene.document.workshop
    request = next(
        r for r in before.requests if r.phase is not None and scene.cards[r.id].isVisible()
    )
    card = scene.cards[request.id]
    home = QPointF(card.pos())
    viewport = view.viewport()
    start = view.mapFromScene(scene.card_rect(request.id).center())
    end = view.mapFromScene(scene.column_center(0, request.department))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 7):
        QTest.mouseMove(viewport, start + (end - start) * step / 6)
        QApplication.processEvents()
    assert card.dragging and card.pos() != home
    handle = second.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_Escape)  # through Qt's shortcut machinery, as a user
    QApplication.processEvents()
    assert window.roomview.second is second and second.isVisible(), "the drag ends, not the view"
    assert not scene.cards[request.id].dragging and card.pos() == home
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QApplication.processEvents()
    assert scene.document.workshop == before, "a cancelled drag moves nothing"
    QTest.keyClick(handle, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert window.roomview.second is None, "the next Escape closes the room view"


def _focused(scene: BoardScene) -> str | None:
    return scene.fold.focused(scene.document.workshop)


def test_a_finding_selected_in_the_room_view_opens_its_lane_here_and_on_the_second_screen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = presenting(qtbot, tmp_path, monkeypatch)
    scene, _, room = parts(window)
    panel = window.findings
    assert panel is not None and window.document is not None
    second = room.present()
    assert second is not None
    qtbot.addWidget(second)
    workshop = window.document.workshop
    open_now = _focused(scene)
    finding = next(
        f
        for f in window.document.analysis.findings
        if f.requests and workshop.request(f.requests[0]).department != open_now
    )
    lane = workshop.request(finding.requests[0]).department
    assert not scene.layout.is_open(lane) and _focused(second.scene) != lane
    panel.tree.setCurrentItem(panel._rows[finding.key])
    QApplication.processEvents()
    assert _focused(scene) == lane and scene.layout.is_open(lane), "the laptop's room view"
    assert _focused(second.scene) == lane, "and the projector follow the finding"
    assert all(scene.cards[r].isVisible() for r in finding.requests if r in scene.cards)
    assert scene.highlight.key == finding.key and second.scene.highlight.key == finding.key
    second.close()
