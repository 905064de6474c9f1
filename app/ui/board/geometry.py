"""Where everything on the board goes: plain arithmetic, no Qt, tested on its own.

Scene units are pixels at zoom 1. The left strip holds the lane headers, the top strip the vision
and the column headers; column 0 is the backlog, column i + 1 is phase i, its width proportional
to its weeks with a minimum that fits one card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.model import Workshop

CARD_W = 164.0
CARD_H = 74.0
GAP = 8.0
LANE_HEADER_W = 200.0
VISION_H = 64.0
COLUMN_HEADER_H = 112.0
PX_PER_WEEK = 32.0
MIN_COLUMN_W = CARD_W + 2 * GAP
BACKLOG_W = 2 * CARD_W + 3 * GAP
MIN_LANE_H = CARD_H + 2 * GAP


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


@dataclass(frozen=True, slots=True)
class BoardLayout:
    """The whole board's geometry for one state of the workshop."""

    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    cards: dict[str, tuple[float, float]]
    width: float
    height: float

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


def column_widths(workshop: Workshop) -> list[float]:
    """Backlog first, then each phase by its weeks (never narrower than one card)."""
    return [BACKLOG_W] + [max(MIN_COLUMN_W, phase.weeks * PX_PER_WEEK) for phase in workshop.phases]


def layout_board(workshop: Workshop, order: Sequence[str] | None = None) -> BoardLayout:
    """Place every card: each cell fills row by row, in `order` (default: the file order)."""
    columns: list[Column] = []
    x = LANE_HEADER_W
    phases: list[str | None] = [None, *(phase.id for phase in workshop.phases)]
    for index, (phase, width) in enumerate(zip(phases, column_widths(workshop), strict=True)):
        columns.append(Column(index, phase, x, width))
        x += width
    column_of = {column.phase: column for column in columns}
    cells: dict[tuple[str, int], list[str]] = {}
    requests = {request.id: request for request in workshop.requests}
    for request_id in order if order is not None else requests:
        request = requests[request_id]
        cells.setdefault((request.department, column_of[request.phase].index), []).append(
            request.id
        )
    lanes: list[Lane] = []
    cards: dict[str, tuple[float, float]] = {}
    y = VISION_H + COLUMN_HEADER_H
    for department in workshop.departments:
        rows = 1
        for column in columns:
            placed = cells.get((department.id, column.index), [])
            for slot, request_id in enumerate(placed):
                row, position = divmod(slot, column.per_row)
                cards[request_id] = (
                    column.x + GAP + position * (CARD_W + GAP),
                    y + GAP + row * (CARD_H + GAP),
                )
            rows = max(rows, -(-len(placed) // column.per_row))
        height = max(MIN_LANE_H, rows * (CARD_H + GAP) + GAP)
        lanes.append(Lane(department.id, y, height))
        y += height
    return BoardLayout(tuple(columns), tuple(lanes), cards, x, y)


def drop_column(layout: BoardLayout, x: float, y: float) -> Column | None:
    """The column a card dropped at (x, y) snaps to; None outside the board (the card returns)."""
    if not layout.top <= y < layout.height:
        return None
    return layout.column_at(x)
