"""The room view's fold: one department's lane open, the others summarised, and the strips
(win marks, cell counts) that every lane carries.

The view tells the fold how much board it has room for; the fold says how the cards flow in
it (`Flow`), so that the whole plan fits the projector without shrinking the type.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QGraphicsScene

from app.domain.model import Workshop
from app.i18n.numbers import number
from app.i18n.units import person_days
from app.ui.board.card import BoardHost
from app.ui.board.geometry import (
    COLUMN_HEADER_H,
    COMPACT_H,
    DESKTOP,
    GAP,
    VISION_H,
    BoardLayout,
    Column,
    Flow,
)
from app.ui.board.strips import LaneStripItem, WeekAxis, strip_face
from app.ui.document import Analysis

ROOM_ZOOM = 1.15
"""The room view's zoom at most: its type sizes are chosen for this scale on a 1080p screen."""
ROOM_MARGIN = 8.0
"""The room view's margin right of and below the board: the wall has no room to spare."""
MIN_ROOM_ZOOM = 1.14
"""The least zoom the room view shrinks to: its smallest type (11 x 1.5 scene px) is 18.8 px
on the screen there and a card's title (13 x 1.5) 22.2 px."""


@dataclass(slots=True)
class LaneFold:
    """Which lane the room view has open, and how much board the view has room for."""

    focus: str | None = None
    area: tuple[float, float] | None = None
    """The view's size in scene units at `ROOM_ZOOM` (None: not yet shown)."""
    backlog_folded: bool = True
    """The room view starts with the backlog tray folded: its width goes to crowded phases."""

    def focused(self, workshop: Workshop) -> str | None:
        """The open lane: the chosen department, else the first."""
        ids = [department.id for department in workshop.departments]
        if self.focus in ids:
            return self.focus
        return ids[0] if ids else None

    def next_lane(self, workshop: Workshop, step: int) -> str | None:
        """The next (or previous) department's lane after the open one, round the board."""
        ids = [department.id for department in workshop.departments]
        current = self.focused(workshop)
        return None if current is None else ids[(ids.index(current) + step) % len(ids)]

    def flow(self, workshop: Workshop, room: bool, card_h: float) -> Flow:
        """How the cards flow: the desktop's, or the room's folded lanes within its area."""
        if not room:
            return DESKTOP
        width, height = self.area or (1920 / ROOM_ZOOM, 960 / ROOM_ZOOM)
        summarised = max(0, len(workshop.departments) - 1)
        spare = height - VISION_H - COLUMN_HEADER_H - summarised * COMPACT_H - GAP - ROOM_MARGIN
        rows = max(1, int(spare // (card_h + GAP)))
        return Flow(self.focused(workshop), rows, width - ROOM_MARGIN, self.backlog_folded)


def cell_summary(
    effort: dict[str, float], layout: BoardLayout, department: str
) -> Callable[[Column], str]:
    """A summarised lane's text per cell: how many cards, how many person-days (`effort`)."""

    def text(column: Column) -> str:
        in_cell = layout.cells.get((department, column.index), [])
        if not in_cell:
            return ""
        days = sum(effort[request_id] for request_id in in_cell)
        return f"{len(in_cell)} · {number(days)} {person_days()}"

    return text


def _tray_only(summary: Callable[[Column], str]) -> Callable[[Column], str]:
    """An open lane's summary: its folded backlog tray's count alone."""
    return lambda column: summary(column) if column.phase is None else ""


class StripLayer:
    """Every lane's strip item, kept in line with the layout."""

    def __init__(
        self, scene: QGraphicsScene, host: BoardHost, open_lane: Callable[[str], None]
    ) -> None:
        self.scene = scene
        self.host = host
        self.open_lane = open_lane
        self.items: dict[str, LaneStripItem] = {}
        self.drawn: dict[str, tuple[object, ...]] = {}
        """What each lane's strip was last drawn from."""

    def refresh(
        self, workshop: Workshop, analysis: Analysis, layout: BoardLayout, colors: dict[str, str]
    ) -> None:
        """Give each lane its strip: win marks, and cell counts where it is summarised.

        A lane whose cells, wins and place are as last drawn is skipped: a move concerns one
        lane's cells and a few departments' wins.
        """
        wanted = {department.id for department in workshop.departments}
        for gone in [d for d in self.items if d not in wanted]:
            self.scene.removeItem(self.items.pop(gone))
            self.drawn.pop(gone, None)
        folded = layout.flow.focus is not None
        efforts = tuple(request.effort for request in workshop.requests) if folded else ()
        effort: dict[str, float] | None = None
        axis: WeekAxis | None = None
        for department in workshop.departments:
            timeline = analysis.schedule.timelines.get(department.id)
            lane = layout.lane_of(department.id)
            key = (
                layout.columns, lane, layout.flow, colors[department.id], efforts,
                [layout.cells.get((department.id, column.index)) for column in layout.columns],
                dict(timeline.points_by_week) if timeline is not None else None,
                timeline.first_win if timeline is not None else None,
            )  # fmt: skip
            if self.drawn.get(department.id) == key:
                continue
            self.drawn[department.id] = key
            if effort is None:
                effort = {request.id: request.effort for request in workshop.requests}
                axis = WeekAxis(layout, analysis)
            summary: Callable[[Column], str] | None = None
            if not layout.is_open(department.id):
                summary = cell_summary(effort, layout, department.id)
            elif layout.flow.backlog_folded:
                summary = _tray_only(cell_summary(effort, layout, department.id))
            face = strip_face(layout, analysis, department.id, colors[department.id], summary, axis)
            self._item(department.id).setPos(0, lane.y)
            self._item(department.id).show_face(face, layout.width, lane.height)

    def _item(self, department: str) -> LaneStripItem:
        item = self.items.get(department)
        if item is None:
            item = self.items[department] = LaneStripItem(self.host, department, self.open_lane)
            self.scene.addItem(item)
        return item
