"""The board redraws only what an edit concerns: it must end up as a board drawn afresh.

After every edit of a random sequence (moves, undo, redo, votes, accepted findings, highlights,
request edits and removals), each card's place and face, each header's face and the layout must
equal those of a new `BoardScene` built on the same document.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem
from pytestqt.qtbot import QtBot

from app.domain.edits import accept, move_request, set_votes
from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, findings
from app.domain.structure import remove_request, update_request
from app.ui.board.geometry import COLUMN_HEADER_H, LANE_HEADER_W, VISION_H, layout_board
from app.ui.board.scene import BoardScene
from app.ui.board.view import BoardView
from app.ui.document import WorkshopDocument
from app.ui.theme import presentation_theme
from app.ui.window import MOVING, BoardMode
from bench.workshops import generate
from tests.ui_helpers import largest_difference


def assert_same_board(scene: BoardScene) -> None:
    """The scene shows exactly what a board drawn from scratch shows."""
    fresh = BoardScene(scene.document, scene.theme)
    fresh.highlight = scene.highlight
    fresh.mode = scene.mode
    fresh.refresh()
    assert scene.layout == fresh.layout
    assert scene.layout.cards == fresh.layout.cards
    assert set(scene.cards) == set(fresh.cards)
    for request_id, card in scene.cards.items():
        other = fresh.cards[request_id]
        assert card.pos() == other.pos(), request_id
        assert card.home == other.home, request_id
        assert card.face == other.face, request_id
    assert [c.face for c in scene.columns] == [c.face for c in fresh.columns]
    assert {d: lane.face for d, lane in scene.lanes.items()} == {
        d: lane.face for d, lane in fresh.lanes.items()
    }


def edit(document: WorkshopDocument, scene: BoardScene, rng: random.Random) -> None:
    """One random edit, as the app would push it (or an undo, redo or highlight)."""
    workshop = document.workshop
    request = rng.choice(workshop.requests)
    columns: list[str | None] = [None, *(p.id for p in workshop.phases)]
    kind = rng.choice(("move", "move", "move", "undo", "redo", "vote", "accept", "highlight"))
    kind = rng.choice((kind, "title", "effort", "remove")) if rng.random() < 0.2 else kind
    after: Workshop | None = None
    if kind == "move":
        scene.move(request.id, rng.choice([c for c in columns if c != request.phase]))
    elif kind == "undo":
        document.undo_stack.undo()
    elif kind == "redo":
        document.undo_stack.redo()
    elif kind == "vote":
        department = rng.choice(workshop.departments).id
        after = set_votes(workshop, department, request.id, rng.randrange(3))
    elif kind == "accept":
        open_ones = [f for f in document.analysis.findings if not f.accepted]
        if open_ones:
            after = accept(workshop, rng.choice(open_ones).key, "agreed")
    elif kind == "highlight":
        found = findings(workshop)
        scene.show_highlight(rng.choice([None, *found]) if found else None)
    elif kind == "title":
        after = update_request(workshop, request.id, title=f"Renamed {rng.randrange(99)}")
    elif kind == "effort":
        after = update_request(workshop, request.id, effort=float(rng.randrange(1, 60)))
    else:
        after = remove_request(workshop, request.id).workshop
    if after is not None:
        document.push(kind, after)


@pytest.fixture
def board(qtbot: QtBot) -> BoardScene:
    """A board on a generated workshop of 150 requests (12 phases, 10 departments)."""
    document = WorkshopDocument(Workshop.model_validate(generate(150)))
    return BoardScene(document)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10_000))
def test_after_any_edits_the_board_equals_a_fresh_one(board: BoardScene, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(12):
        edit(board.document, board, rng)
        assert_same_board(board)


def test_a_move_places_only_the_cells_it_touches(board: BoardScene) -> None:
    workshop = board.document.workshop
    request = next(r for r in workshop.requests if r.phase is not None)
    board.move(request.id, None)
    placed = board.layout.placed
    assert placed is not None and request.id in placed
    departments = {workshop.request(r).department for r in placed}
    assert len(placed) < len(workshop.requests) / 4, "a move lays out two cells, not the board"
    assert (
        departments == {request.department} or board.layout.lanes != layout_board(workshop).lanes
    ), "cards of other lanes move only when a lane's height changes"
    assert_same_board(board)


def test_a_vote_redraws_the_card_without_laying_out_the_board(board: BoardScene) -> None:
    workshop = board.document.workshop
    request = workshop.requests[0]
    department = workshop.departments[0].id
    before = board.cards[request.id].face
    board.document.push("vote", set_votes(workshop, department, request.id, 2))
    assert board.layout.placed == frozenset()
    assert board.cards[request.id].face != before
    assert_same_board(board)


def test_sorting_by_dots_reorders_every_cell(board: BoardScene) -> None:
    workshop = board.document.workshop
    board.set_mode(BoardMode(order=lambda w: [r.id for r in reversed(w.requests)]))
    assert_same_board(board)
    board.set_mode(MOVING)
    assert_same_board(board)
    moved = move_request(workshop, workshop.requests[3].id, workshop.phases[0].id)
    board.document.push("move", moved)
    assert_same_board(board)


def shown_view(qtbot: QtBot, scene: BoardScene) -> BoardView:
    """A view of the board's top left (the headers and first lanes), shown and painted."""
    view = BoardView(scene)
    view.setSceneRect(QRectF(0, 0, 4000, 4000))  # fixed: edits do not scroll the view
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitExposed(view)
    view.resetTransform()  # the room view fits itself to the view when shown
    view.scale(0.8, 0.8)
    view.centerOn(700 / 0.8, 350 / 0.8)
    QApplication.processEvents()
    return view


def headers_painted(view: BoardView) -> list[QImage]:
    """What the view shows of the column headers (across the top) and lane headers (left)."""
    image = view.viewport().grab().toImage()
    top = view.mapFromScene(QPointF(0, VISION_H + COLUMN_HEADER_H)).y()
    left = view.mapFromScene(QPointF(LANE_HEADER_W, 0)).x()
    return [image.copy(0, 0, image.width(), top - 1), image.copy(0, top, left - 1, image.height())]


@pytest.mark.parametrize("presenting", [False, True])
def test_headers_repainted_in_parts_look_as_when_repainted_whole(
    board: BoardScene, qtbot: QtBot, presenting: bool
) -> None:
    # After an edit a column header repaints only its load strip, and a lane only its header
    # text, over pixels the item cache keeps: nothing stale may stay, nothing may darken.
    # (Cards are left out: a cached card moved by a fraction of a pixel may land a pixel apart.)
    if presenting:
        board.set_theme(presentation_theme())  # larger type: the strip must still clear it
    view = shown_view(qtbot, board)
    rng = random.Random(21)
    shown = [column.face for column in board.columns]
    for _ in range(25):
        edit(board.document, board, rng)
        QApplication.processEvents()
    board.show_highlight(None)
    QApplication.processEvents()
    assert [column.face for column in board.columns] != shown, "the loads changed"
    in_parts = headers_painted(view)
    items: list[QGraphicsItem] = [*board.columns, *board.lanes.values()]
    for item in items:
        item.update()  # the whole item, cache and all
    QApplication.processEvents()
    # A strip drawn under a clip lands its antialiased edges a shade apart, never more.
    for whole, part in zip(headers_painted(view), in_parts, strict=True):
        assert largest_difference(whole, part) <= 2
        assert text_pixels(part, board.theme.text) > 100, "the names are drawn at all"


def text_pixels(image: QImage, text: QColor) -> int:
    """How many pixels have the text colour (every other row and column)."""
    return sum(
        image.pixelColor(x, y) == text
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_each_card_badge_shows_the_worst_open_finding_about_it(board: BoardScene) -> None:
    document = board.document
    open_finding = next(f for f in document.analysis.findings if f.severity == "error")
    document.push("accept", accept(document.workshop, open_finding.key, "agreed"))
    concerns: dict[str, list[int]] = {}
    for finding in document.analysis.findings:
        if not finding.accepted:
            for request_id in finding.requests:
                concerns.setdefault(request_id, []).append(SEVERITIES.index(finding.severity))
    assert len({min(ranks) for ranks in concerns.values()}) == 3, "all three kinds appear"
    for request_id, card in board.cards.items():
        ranks = concerns.get(request_id)
        assert card.face.severity == (SEVERITIES[min(ranks)] if ranks else None), request_id


def test_a_highlight_on_a_removed_request_can_be_cleared(board: BoardScene) -> None:
    # Found by the property test above: a finding selected on the panel keeps pointing at a
    # request the inspector then removes; selecting something else must not look for its card.
    document = board.document
    finding = next(f for f in document.analysis.findings if f.requests)
    board.show_highlight(finding)
    document.push("remove", remove_request(document.workshop, finding.requests[0]).workshop)
    assert finding.requests[0] not in board.cards
    board.show_highlight(None)
    assert_same_board(board)
