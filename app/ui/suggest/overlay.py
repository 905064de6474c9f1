"""Ghost cards and arrows on the board: where each move would put a card.

Drawn over the board as items of its own (never the board's cards), so the plan and the board
stay as they are until a suggestion is applied; cleared and drawn again whenever the moves
shown change or the board redraws.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsItemGroup,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsSimpleTextItem,
)

from app.domain.model import Workshop
from app.planning.placement import Move
from app.ui.theme import Theme
from app.ui.window import Board

GHOST_Z = 50.0
STACK_STEP = 14.0
"""How far apart ghosts landing in the same cell are drawn, so each stays visible."""


def _arrow(start: QPointF, end: QPointF, color: QColor, width: float) -> list[QGraphicsItem]:
    line = QPainterPath(start)
    line.lineTo(end)
    shaft = QGraphicsPathItem(line)
    shaft.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    size = 6 + 2 * width
    wing = [
        QPointF(end.x() - size * math.cos(angle - s), end.y() - size * math.sin(angle - s))
        for s in (0.45, -0.45)
    ]
    head = QGraphicsPolygonItem(QPolygonF([end, *wing]))
    head.setBrush(QBrush(color))
    head.setPen(QPen(Qt.PenStyle.NoPen))
    return [shaft, head]


class GhostOverlay:
    """The ghosts of some moves on one board."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.group: QGraphicsItemGroup | None = None

    @property
    def ghosts(self) -> int:
        """How many ghost cards are drawn now."""
        if self.group is None:
            return 0
        return sum(1 for item in self.group.childItems() if item.data(0) == "ghost")

    def clear(self) -> None:
        """Take every ghost off the board."""
        if self.group is not None:
            self.board.removeItem(self.group)
            self.group = None

    def show(self, workshop: Workshop, moves: Sequence[Move], theme: Theme) -> None:
        """Draw a ghost card where each move puts its card, with an arrow from the card."""
        self.clear()
        group = QGraphicsItemGroup()
        group.setZValue(GHOST_Z)
        group.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        stacked: dict[tuple[int, str], int] = {}
        phases = [phase.id for phase in workshop.phases]
        for move in moves:
            request = workshop.request(move.request)
            target = 0 if move.after is None else 1 + phases.index(move.after)
            cell = (target, request.department)
            depth = stacked.get(cell, 0)
            stacked[cell] = depth + 1
            for item in self._ghost(move, request.title, request.department, target, depth, theme):
                group.addToGroup(item)
        self.board.addItem(group)
        self.group = group

    def _ghost(
        self, move: Move, title: str, department: str, target: int, depth: int, theme: Theme
    ) -> list[QGraphicsItem]:
        card = self.board.card_rect(move.request)
        cell = self.board.cell_rect(target, department)
        # From the bottom of the cell up, where a cell's own cards (stacked from the top) end.
        rect = QRectF(card)
        rect.moveCenter(QPointF(cell.center().x(), 0))
        rect.moveBottom(cell.bottom() - 8 - depth * STACK_STEP)
        outline = QPainterPath()
        outline.addRoundedRect(rect, 6, 6)
        ghost = QGraphicsPathItem(outline)
        fill = QColor(theme.surface)
        fill.setAlpha(230)
        ghost.setBrush(QBrush(fill))
        ghost.setPen(QPen(theme.accent, 2, Qt.PenStyle.DashLine))
        ghost.setData(0, "ghost")
        ghost.setToolTip(title)
        label = QGraphicsSimpleTextItem()
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * theme.font_scale)
        label.setFont(font)
        label.setText(
            QFontMetricsF(label.font()).elidedText(
                title, Qt.TextElideMode.ElideRight, rect.width() - 12
            )
        )
        label.setBrush(QBrush(theme.text))
        label.setPos(rect.left() + 6, rect.top() + 4)
        start = card.center()
        end = QLineF(start, rect.center()).pointAt(0.92)
        return [ghost, label, *_arrow(start, end, theme.accent, 2.5)]
