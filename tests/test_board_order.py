"""Where in a cell a card lands follows the drop: the file's order is the order of priority."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from pytestqt.qtbot import QtBot

from app.domain.edits import EditError, place_request
from app.domain.model import Workshop
from app.storage.workshop_file import load_workshop
from app.ui.board.controller import drop_before
from app.ui.board.scene import BoardScene
from app.ui.shell.main_window import MainWindow
from tests.conftest import CRM_SAMPLE
from tests.ui_helpers import drag, empty_window, open_copy


def cell_of(workshop: Workshop, department: str, phase: str | None) -> list[str]:
    return [r.id for r in workshop.requests if r.department == department and r.phase == phase]


def crowded(workshop: Workshop, size: int = 3) -> tuple[str, str | None, list[str]]:
    """A scheduled cell of at least `size` cards: its department, phase and cards in order."""
    for request in workshop.requests:
        cell = cell_of(workshop, request.department, request.phase)
        if request.phase is not None and len(cell) >= size:
            return request.department, request.phase, cell
    raise AssertionError("the sample has no crowded cell")


# --- the edit ---------------------------------------------------------------------------------


def test_a_request_goes_before_the_card_named_and_the_rest_keep_their_order() -> None:
    workshop = load_workshop(CRM_SAMPLE)
    department, phase, cell = crowded(workshop)
    first, *_, last = cell
    after = place_request(workshop, last, phase, first)
    assert cell_of(after, department, phase) == [last, *cell[:-1]]
    others = [r.id for r in workshop.requests if r.id != last]
    assert [r.id for r in after.requests if r.id != last] == others
    assert after.request(last) == workshop.request(last)


def test_none_puts_it_after_the_cells_last_card_and_an_empty_cell_keeps_the_file_place() -> None:
    workshop = load_workshop(CRM_SAMPLE)
    department, phase, cell = crowded(workshop)
    assert cell_of(place_request(workshop, cell[0], phase, None), department, phase) == [
        *cell[1:],
        cell[0],
    ]
    into_backlog = place_request(workshop, cell[0], None, None)
    backlog = cell_of(workshop, department, None)
    assert cell_of(into_backlog, department, None)[-1] == cell[0] or not backlog
    empty = next(p.id for p in workshop.phases if not cell_of(workshop, department, p.id))
    moved = place_request(workshop, cell[0], empty, None)
    assert [r.id for r in moved.requests] == [r.id for r in workshop.requests]
    assert moved.request(cell[0]).phase == empty


def test_a_card_that_is_not_there_is_refused_by_name() -> None:
    workshop = load_workshop(CRM_SAMPLE)
    _, phase, cell = crowded(workshop)
    with pytest.raises(EditError, match='no request "nowhere"'):
        place_request(workshop, cell[0], phase, "nowhere")


def test_a_drop_lands_before_the_first_card_it_is_above_or_left_of() -> None:
    row = [("a", QRectF(0, 0, 100, 50)), ("b", QRectF(110, 0, 100, 50))]
    cell = [*row, ("c", QRectF(0, 60, 100, 50))]
    assert drop_before(cell, QPointF(10, 20)) == "a"
    assert drop_before(cell, QPointF(90, 20)) == "b", "right of a's middle"
    assert drop_before(cell, QPointF(200, 20)) == "c", "right of b's middle: the next row"
    assert drop_before(cell, QPointF(300, 55)) == "c", "between the rows"
    assert drop_before(cell, QPointF(80, 100)) is None, "right of the last card's middle"
    assert drop_before(cell, QPointF(10, 200)) is None, "below every card"


# --- on the board, with the mouse -------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1600, 1000)
    window.show()
    open_copy(window, CRM_SAMPLE, tmp_path)
    qtbot.waitExposed(window)
    return window


def _scene(window: MainWindow) -> BoardScene:
    assert window.scene is not None and window.view is not None and window.document is not None
    return window.scene


def test_a_card_dropped_low_in_its_cell_goes_last_and_undo_puts_it_back(
    window: MainWindow,
) -> None:
    scene, view, document = _scene(window), window.view, window.document
    assert view is not None and document is not None
    before = document.workshop
    department, phase, cell = crowded(before)
    index = next(c.index for c in scene.layout.columns if c.phase == phase)
    bottom = scene.cell_rect(index, department).bottomRight() - QPointF(12, 12)
    view.ensureVisible(scene.cell_rect(index, department))
    drag(view, scene.card_rect(cell[0]).center(), bottom)
    assert cell_of(document.workshop, department, phase) == [*cell[1:], cell[0]]
    assert document.undo_stack.undoText().startswith(f"Move '{before.request(cell[0]).title}'")
    last = scene.card_rect(cell[0])
    assert all(scene.card_rect(r).top() <= last.top() for r in cell[1:]), "it stands last"
    document.undo_stack.undo()
    assert document.workshop == before


def test_a_card_dropped_on_another_card_of_a_cell_goes_before_it(window: MainWindow) -> None:
    scene, view, document = _scene(window), window.view, window.document
    assert view is not None and document is not None
    workshop = document.workshop
    department, phase, cell = crowded(workshop)
    mover = next(r.id for r in workshop.requests if r.department == department and r.phase != phase)
    target = scene.card_rect(cell[1])
    view.ensureVisible(target)
    view.ensureVisible(scene.card_rect(mover))
    drag(view, scene.card_rect(mover).center(), target.topLeft() + QPointF(8, 8))
    assert cell_of(document.workshop, department, phase) == [cell[0], mover, *cell[1:]]
    assert document.workshop.request(mover).phase == phase


def test_a_card_dropped_on_its_own_place_changes_nothing(window: MainWindow) -> None:
    scene, view, document = _scene(window), window.view, window.document
    assert view is not None and document is not None
    before = document.workshop
    _, _, cell = crowded(before)
    start = scene.card_rect(cell[1]).center()
    view.ensureVisible(scene.card_rect(cell[1]))
    drag(view, start, start + QPointF(12, 4))
    assert document.workshop == before and document.undo_stack.count() == 0
