"""Where everything on the board goes: plain arithmetic, no Qt, tested on its own.

Scene units are pixels at zoom 1. The left strip holds the lane headers, the top strip the vision
and the column headers; column 0 is the backlog, column i + 1 is phase i, its width proportional
to its weeks with a minimum that fits one card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain.model import Workshop
from app.ui.sizes import CARD_H, PX_PER_WEEK

CARD_W = 164.0
GAP = 8.0
LANE_HEADER_W = 200.0
VISION_H = 64.0
COLUMN_HEADER_H = 128.0
MIN_COLUMN_W = CARD_W + 2 * GAP
BACKLOG_W = 2 * CARD_W + 3 * GAP


@dataclass(frozen=True, slots=True)
class Column:
    """One column: the backlog (phase None) or a phase."""

    index: int
    phase: str | None
    x: float
    width: float

    @property
    def per_row(self) -> int:
        """How many cards stand side by side in this column."""
        return max(1, int((self.width - GAP) // (CARD_W + GAP)))


@dataclass(frozen=True, slots=True)
class Lane:
    """One department's swimlane."""

    department: str
    y: float
    height: float


Cell = tuple[str, int]
"""A lane and a column index: where a group of cards stands."""


@dataclass(frozen=True, slots=True)
class BoardLayout:
    """The whole board's geometry for one state of the workshop."""

    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    cards: dict[str, tuple[float, float]]
    width: float
    height: float
    card_h: float = CARD_H
    cells: dict[Cell, list[str]] = field(default_factory=dict, compare=False, repr=False)
    """The requests in each cell, in order (what the next layout compares against)."""
    placed: frozenset[str] | None = field(default=None, compare=False, repr=False)
    """The cards whose slot may differ from the previous layout's (None: any card)."""

    @property
    def top(self) -> float:
        """The y where the lanes begin."""
        return VISION_H + COLUMN_HEADER_H

    def column_at(self, x: float) -> Column | None:
        """The column under scene x, or None left or right of the board."""
        for column in self.columns:
            if column.x <= x < column.x + column.width:
                return column
        return None

    def lane_of(self, department: str) -> Lane:
        """The lane of a department."""
        for lane in self.lanes:
            if lane.department == department:
                return lane
        raise KeyError(department)


def column_widths(workshop: Workshop, week: float = PX_PER_WEEK) -> list[float]:
    """Backlog first, then each phase by its weeks (never narrower than one card).

    `week`: scene pixels per week of the timeline.
    """
    return [BACKLOG_W] + [max(MIN_COLUMN_W, phase.weeks * week) for phase in workshop.phases]


def _cells(
    workshop: Workshop, columns: list[Column], order: Sequence[str] | None
) -> dict[Cell, list[str]]:
    index_of = {column.phase: column.index for column in columns}
    cells: dict[Cell, list[str]] = {}
    if order is None:
        for request in workshop.requests:
            key = (request.department, index_of[request.phase])
            if key in cells:
                cells[key].append(request.id)
            else:
                cells[key] = [request.id]
        return cells
    requests = {request.id: request for request in workshop.requests}
    for request_id in order:
        request = requests[request_id]
        cells.setdefault((request.department, index_of[request.phase]), []).append(request_id)
    return cells


def layout_board(
    workshop: Workshop,
    order: Sequence[str] | None = None,
    previous: BoardLayout | None = None,
    week: float = PX_PER_WEEK,
    card_h: float = CARD_H,
) -> BoardLayout:
    """Place every card: each cell fills row by row, in `order` (default: the file order).

    Given the `previous` layout, only cells whose cards or place changed are laid out again
    (a move touches two cells), and `placed` names the cards that may have moved. `week`:
    scene pixels per week of the timeline; `card_h`: a card's height.
    """
    columns: list[Column] = []
    x = LANE_HEADER_W
    phases: list[str | None] = [None, *(phase.id for phase in workshop.phases)]
    for index, (phase, width) in enumerate(zip(phases, column_widths(workshop, week), strict=True)):
        columns.append(Column(index, phase, x, width))
        x += width
    cells = _cells(workshop, columns, order)
    if previous is not None and (previous.columns != tuple(columns) or previous.card_h != card_h):
        previous = None  # other columns or cards: every cell is laid out anew
    old_cells = previous.cells if previous is not None else {}
    old_lanes = {lane.department: lane for lane in previous.lanes} if previous is not None else {}
    cards = dict(previous.cards) if previous is not None else {}
    placed: set[str] = set()
    lanes: list[Lane] = []
    y = VISION_H + COLUMN_HEADER_H
    per_row = [column.per_row for column in columns]
    for department in workshop.departments:
        rows = 1
        old_lane = old_lanes.get(department.id)
        same_y = old_lane is not None and old_lane.y == y
        for column in columns:
            key = (department.id, column.index)
            in_cell = cells.get(key)
            if not in_cell:
                continue
            across = per_row[column.index]
            rows = max(rows, -(-len(in_cell) // across))
            if same_y and old_cells.get(key) == in_cell:
                continue
            left, top = column.x + GAP, y + GAP
            for slot, request_id in enumerate(in_cell):
                row, position = divmod(slot, across)
                cards[request_id] = (left + position * (CARD_W + GAP), top + row * (card_h + GAP))
            placed.update(in_cell)
        height = rows * (card_h + GAP) + GAP
        lanes.append(Lane(department.id, y, height))
        y += height
    if previous is None:
        return BoardLayout(tuple(columns), tuple(lanes), cards, x, y, card_h, cells, None)
    if len(cards) != len(workshop.requests):
        wanted = {request.id for request in workshop.requests}
        for gone in [request_id for request_id in cards if request_id not in wanted]:
            del cards[gone]
    return BoardLayout(tuple(columns), tuple(lanes), cards, x, y, card_h, cells, frozenset(placed))


def drop_column(layout: BoardLayout, x: float, y: float) -> Column | None:
    """The column a card dropped at (x, y) snaps to; None outside the board (the card returns)."""
    if not layout.top <= y < layout.height:
        return None
    return layout.column_at(x)
