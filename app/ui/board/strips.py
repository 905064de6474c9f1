"""A lane's strip: the weeks its department wins along the lane's foot, and, for a lane the
room view summarises, one count per cell in place of the cards.

The win strip is the one the PDF's roadmap draws (a mark at each win week, a star at the first
win), so who wins when is read on the board itself, without the benefit chart.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.i18n.numbers import number
from app.i18n.units import person_days
from app.ui.board.card import ELIDE, BoardHost, font
from app.ui.board.geometry import LANE_HEADER_W, BoardLayout, Column
from app.ui.document import Analysis

WIN_STRIP_H = 10.0
"""The win strip's height at the lane's foot (scene units, times the theme's font scale)."""


@dataclass(frozen=True, slots=True)
class StripFace:
    """What a lane's strip shows: win marks and, when summarised, each cell's count."""

    color: str
    wins: tuple[float, ...]
    """Where the win marks stand, left to right."""
    first_win: float | None
    cells: tuple[tuple[float, float, str], ...] = ()
    """(x, width, text) per cell of a summarised lane; empty for an open lane."""


class WeekAxis:
    """Where on the board a plan week lies: inside its phase's column, by its share of weeks."""

    def __init__(self, layout: BoardLayout, analysis: Analysis) -> None:
        self.spans: list[tuple[int, int, float, float]] = []
        for column in layout.columns[1:]:
            span = analysis.schedule.phases.get(column.phase or "")
            if span is not None:
                end = max(span.end, span.start + 1)
                self.spans.append((span.start, end, column.x, column.width))
        self.spans.sort()
        self.starts = [start for start, *_ in self.spans]

    def x(self, week: int) -> float | None:
        """The x of a week's start, or None outside every phase."""
        index = bisect.bisect_right(self.starts, week) - 1
        if index < 0:
            return None
        start, end, x, width = self.spans[index]
        if week >= end:
            return None
        return x + (week - start) / (end - start) * width


def cell_text(count: int, effort: float) -> str:
    """A summarised cell: its cards and their person-days, e.g. "3 · 32 pd"."""
    return f"{count} · {number(effort)} {person_days()}"


def strip_face(
    layout: BoardLayout,
    analysis: Analysis,
    department: str,
    color: str,
    summary: Callable[[Column], str] | None,
    axis: WeekAxis | None = None,
) -> StripFace:
    """A lane's strip face from the layout and the schedule (`summary`: a cell's text)."""
    axis = axis or WeekAxis(layout, analysis)
    timeline = analysis.schedule.timelines.get(department)
    # The weeks with points are the win weeks, one key each: cheaper than the wins' list.
    weeks = sorted(timeline.points_by_week) if timeline is not None else []
    xs = tuple(sorted(x for x in map(axis.x, weeks) if x is not None))  # sorted: paint bisects
    first = timeline.first_win if timeline is not None else None
    first_x = axis.x(first) if first is not None else None
    cells: tuple[tuple[float, float, str], ...] = ()
    if summary is not None:
        cells = tuple(
            (column.x, column.width, text) for column in layout.columns if (text := summary(column))
        )
    return StripFace(color, xs, first_x, cells)


def _star(center: QPointF, radius: float) -> QPolygonF:
    points = []
    for index in range(10):
        angle = -math.pi / 2 + index * math.pi / 5
        r = radius if index % 2 == 0 else radius * 0.45
        points.append(QPointF(center.x() + r * math.cos(angle), center.y() + r * math.sin(angle)))
    return QPolygonF(points)


class LaneStripItem(QGraphicsItem):
    """A lane's win strip and, when summarised, its cell counts; a click opens the lane."""

    def __init__(self, board: BoardHost, department: str, open_lane: Callable[[str], None]) -> None:
        super().__init__()
        self.board = board
        self.department = department
        self._open_lane = open_lane
        self.face: StripFace | None = None
        self.width = 0.0
        self.height = 0.0
        self.setZValue(-5)  # above the lane's band, below the cards
        # The exposed part reaches `paint`: a move repaints a cell, not every win of the lane.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def show_face(self, face: StripFace, width: float, height: float) -> None:
        """Redraw with a new face or size (nothing when both are unchanged)."""
        if face == self.face and (width, height) == (self.width, self.height):
            return
        if (width, height) != (self.width, self.height):
            self.prepareGeometryChange()
        self.face, self.width, self.height = face, width, height
        self.setAcceptedMouseButtons(
            Qt.MouseButton.LeftButton if face.cells else Qt.MouseButton.NoButton
        )
        self.update()

    def boundingRect(self) -> QRectF:
        """The lane right of its header."""
        return QRectF(LANE_HEADER_W, 0, max(0.0, self.width - LANE_HEADER_W), self.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the cells' counts, then the win marks along the foot."""
        face = self.face
        if face is None:
            return
        theme = self.board.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if face.cells:
            painter.setPen(theme.text)
            painter.setFont(font(12 * theme.font_scale, bold=True))
            metrics = painter.fontMetrics()
            for x, width, text in face.cells:
                rect = QRectF(x + 8, 0, width - 16, self.height - WIN_STRIP_H * theme.font_scale)
                shown = metrics.elidedText(text, ELIDE, int(rect.width()))
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, shown)
        y = self.height - WIN_STRIP_H * theme.font_scale / 2 - 1
        color = QColor(face.color)
        painter.setPen(QPen(color, 2.0))
        mark = 3.5 * theme.font_scale
        exposed = option.exposedRect
        left, right = exposed.left() - mark, exposed.right() + mark
        low, high = bisect.bisect_left(face.wins, left), bisect.bisect_right(face.wins, right)
        painter.drawLines([QLineF(x, y - mark, x, y + mark) for x in face.wins[low:high]])
        if face.first_win is not None:
            painter.setPen(QPen(theme.background, 1.0))
            painter.setBrush(color)
            painter.drawPolygon(_star(QPointF(face.first_win, y), 1.6 * mark))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """A click on a summarised lane opens it."""
        event.accept()
        self._open_lane(self.department)
