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
class Flow:
    """How the board is folded for the room: which lane is open, how cards flow.

    `focus`: the department whose lane is open in full; the others are summary strips (None:
    every lane open, the desktop). `rows`: a crowded cell flows its cards side by side rather
    than stacking more than this many rows, while the board stays within `max_width`.
    `backlog_folded`: the backlog tray is folded to a narrow strip.
    """

    focus: str | None = None
    rows: int = 3
    max_width: float = 1e9
    backlog_folded: bool = False


DESKTOP = Flow()
COMPACT_H = 42.0
"""A summarised lane's height: one line of cell counts."""
FOLDED_BACKLOG_W = 120.0
"""The folded backlog tray: wide enough for its count, too narrow for a card."""


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
    flow: Flow = DESKTOP
    """Which lanes are open, and how crowded cells flow."""

    def is_open(self, department: str) -> bool:
        """True when the department's lane shows its cards (not a summary strip)."""
        return self.flow.focus is None or self.flow.focus == department

    def shows(self, department: str, phase: str | None) -> bool:
        """True when a card of this lane and phase is shown (not summarised or folded away)."""
        return self.is_open(department) and not (phase is None and self.flow.backlog_folded)

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


def _widths(
    workshop: Workshop, cells: dict[Cell, list[str]], week: float, flow: Flow
) -> list[float]:
    """Each column's width: by weeks, then wider where an open lane's cell is crowded.

    The room view (a lane in focus) starts every phase one card wide: the wall reads cells and
    their dates, and the width is worth more to a crowded cell than to the time axis.
    """
    widths = column_widths(workshop, week)
    if flow.focus is not None:
        widths = [widths[0]] + [MIN_COLUMN_W] * (len(widths) - 1)
    if flow.backlog_folded:
        widths[0] = FOLDED_BACKLOG_W
    crowd = [0] * len(widths)
    for (department, index), in_cell in cells.items():
        if flow.focus is None or department == flow.focus:
            crowd[index] = max(crowd[index], len(in_cell))
    room = flow.max_width - LANE_HEADER_W - sum(widths)
    for index, count in enumerate(crowd):
        if index == 0 and flow.backlog_folded:
            continue
        across = -(-count // max(1, flow.rows))
        extra = across * (CARD_W + GAP) + GAP - widths[index]
        while extra > 0 and extra > room and across > 1:  # the widest that still fits
            across -= 1
            extra = across * (CARD_W + GAP) + GAP - widths[index]
        if extra > 0:
            widths[index] += extra
            room -= extra
    return widths


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


def _columns(widths: list[float], workshop: Workshop) -> list[Column]:
    columns: list[Column] = []
    x = LANE_HEADER_W
    phases: list[str | None] = [None, *(phase.id for phase in workshop.phases)]
    for index, (phase, width) in enumerate(zip(phases, widths, strict=True)):
        columns.append(Column(index, phase, x, width))
        x += width
    return columns


def layout_board(
    workshop: Workshop,
    order: Sequence[str] | None = None,
    previous: BoardLayout | None = None,
    week: float = PX_PER_WEEK,
    card_h: float = CARD_H,
    flow: Flow = DESKTOP,
) -> BoardLayout:
    """Place every card: each cell fills row by row, in `order` (default: the file order).

    Given the `previous` layout, only cells whose cards or place changed are laid out again
    (a move touches two cells), and `placed` names the cards that may have moved. `week`:
    scene pixels per week of the timeline; `card_h`: a card's height; `flow`: which lanes are
    open and how crowded cells flow.
    """
    probe = _columns(column_widths(workshop, week), workshop)
    cells = _cells(workshop, probe, order)
    columns = _columns(_widths(workshop, cells, week, flow), workshop)
    if previous is not None and (
        previous.columns != tuple(columns) or previous.card_h != card_h or previous.flow != flow
    ):
        previous = None  # other columns, cards or lanes: every cell is laid out anew
    old_cells = previous.cells if previous is not None else {}
    old_lanes = {lane.department: lane for lane in previous.lanes} if previous is not None else {}
    cards = dict(previous.cards) if previous is not None else {}
    placed: set[str] = set()
    lanes: list[Lane] = []
    y = VISION_H + COLUMN_HEADER_H
    for department in workshop.departments:
        old_lane = old_lanes.get(department.id)
        same_y = old_lane is not None and old_lane.y == y
        rows = _place_lane(
            department.id, columns, cells, y, card_h, cards, placed, old_cells, same_y
        )
        open_lane = flow.focus is None or flow.focus == department.id
        height = rows * (card_h + GAP) + GAP if open_lane else COMPACT_H
        lanes.append(Lane(department.id, y, height))
        y += height
    x = columns[-1].x + columns[-1].width
    if previous is None:
        return BoardLayout(tuple(columns), tuple(lanes), cards, x, y, card_h, cells, None, flow)
    if len(cards) != len(workshop.requests):
        wanted = {request.id for request in workshop.requests}
        for gone in [request_id for request_id in cards if request_id not in wanted]:
            del cards[gone]
    return BoardLayout(
        tuple(columns), tuple(lanes), cards, x, y, card_h, cells, frozenset(placed), flow
    )


def _place_lane(
    department: str,
    columns: list[Column],
    cells: dict[Cell, list[str]],
    y: float,
    card_h: float,
    cards: dict[str, tuple[float, float]],
    placed: set[str],
    old_cells: dict[Cell, list[str]],
    same_y: bool,
) -> int:
    """Give a lane's cards their slots (skipping unchanged cells); the rows its fullest needs."""
    rows = 1
    for column in columns:
        key = (department, column.index)
        in_cell = cells.get(key)
        if not in_cell:
            continue
        across = column.per_row
        rows = max(rows, -(-len(in_cell) // across))
        if same_y and old_cells.get(key) == in_cell:
            continue
        left, top = column.x + GAP, y + GAP
        for slot, request_id in enumerate(in_cell):
            row, position = divmod(slot, across)
            cards[request_id] = (left + position * (CARD_W + GAP), top + row * (card_h + GAP))
        placed.update(in_cell)
    return rows


def drop_column(layout: BoardLayout, x: float, y: float) -> Column | None:
    """The column a card dropped at (x, y) snaps to; None outside the board (the card returns)."""
    if not layout.top <= y < layout.height:
        return None
    return layout.column_at(x)
