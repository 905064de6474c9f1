"""Dependency arrows on the board: for the selected card both ways, or for every card.

The arrows are one item over the cards that draws two paths (the right way round, and in the
error colour the wrong way round), rebuilt when the selection or the plan changes. Clicks and
tooltips pass through it to the cards beneath.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.domain.links import Link, links_of
from app.ui.board.geometry import CARD_W
from app.ui.document import WorkshopDocument
from app.ui.theme import Theme

if TYPE_CHECKING:
    from app.ui.board.scene import BoardScene

HEAD = 9.0
"""An arrowhead's length, in scene pixels."""


def _ends(
    request: tuple[float, float], dependency: tuple[float, float], height: float
) -> tuple[QPointF, QPointF, QPointF, QPointF]:
    """Start, two control points and end of the curve from a request's card to its dependency's.

    Side to side when the cards stand in different columns, else from the bottom or top edge.
    """
    (rx, ry), (dx, dy) = request, dependency
    if abs(dx - rx) >= CARD_W / 2:
        sign = 1.0 if dx > rx else -1.0
        start = QPointF(rx + CARD_W / 2 + sign * CARD_W / 2, ry + height / 2)
        end = QPointF(dx + CARD_W / 2 - sign * CARD_W / 2, dy + height / 2)
        bend = max(30.0, abs(end.x() - start.x()) / 3) * sign
        return start, start + QPointF(bend, 0), end - QPointF(bend, 0), end
    sign = 1.0 if dy > ry else -1.0
    start = QPointF(rx + CARD_W / 2, ry + height / 2 + sign * height / 2)
    end = QPointF(dx + CARD_W / 2, dy + height / 2 - sign * height / 2)
    # Beside the column, not through the cards between: the curve bows out to the right.
    bow = QPointF(CARD_W * 0.75, 0)
    return start, start + bow, end + bow, end


def _add_arrow(path: QPainterPath, ends: tuple[QPointF, QPointF, QPointF, QPointF]) -> None:
    start, first, second, end = ends
    path.moveTo(start)
    path.cubicTo(first, second, end)
    angle = math.atan2(end.y() - second.y(), end.x() - second.x())
    for side in (-0.45, 0.45):
        path.moveTo(end)
        path.lineTo(
            end.x() - HEAD * math.cos(angle + side), end.y() - HEAD * math.sin(angle + side)
        )


class LinksItem(QGraphicsItem):
    """The arrows, drawn from two prepared paths."""

    def __init__(self) -> None:
        super().__init__()
        self.right = QPainterPath()
        self.wrong = QPainterPath()
        self.theme: Theme | None = None
        self._bounds = QRectF()
        self.setZValue(50)  # over the cards, under a card being dragged
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_paths(self, right: QPainterPath, wrong: QPainterPath, theme: Theme) -> None:
        """Draw these paths from now on."""
        self.prepareGeometryChange()
        self.right, self.wrong, self.theme = right, wrong, theme
        self._bounds = right.boundingRect().united(wrong.boundingRect()).adjusted(-4, -4, 4, 4)
        self.update()

    def boundingRect(self) -> QRectF:
        """Round both paths."""
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The right ones in the muted colour, the wrong ones thicker in the error colour."""
        if self.theme is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        scale = self.theme.font_scale
        painter.setPen(QPen(self.theme.muted, 2.0 * scale))
        painter.drawPath(self.right)
        painter.setPen(QPen(self.theme.error, 3.0 * scale))
        painter.drawPath(self.wrong)


class LinkLayer(QObject):
    """Keeps the arrows in line with the board's selection and plan."""

    def __init__(self, scene: BoardScene, document: WorkshopDocument) -> None:
        super().__init__(scene)
        self.scene = scene
        self.document = document
        self.show_all = False
        self.links: list[Link] = []
        self.item = LinksItem()
        scene.addItem(self.item)
        scene.selectedRequestChanged.connect(self.refresh)
        # Connected after the scene's own refresh, so the cards already stand where they go.
        document.changed.connect(self.refresh)

    def set_show_all(self, on: bool) -> None:
        """Every card's arrows (True), or only the selected card's."""
        self.show_all = on
        self.refresh()

    def refresh(self) -> None:
        """Redraw the arrows for what is selected now."""
        scene = self.scene
        selected = scene.selected_request()
        workshop = self.document.workshop
        if self.show_all:
            self.links = links_of(workshop)
        else:
            self.links = links_of(workshop, [selected]) if selected else []
        theme = scene.theme
        places = scene.layout.cards
        right, wrong = QPainterPath(), QPainterPath()
        for link in self.links:
            if link.request in places and link.dependency in places:
                ends = _ends(places[link.request], places[link.dependency], theme.card_height)
                _add_arrow(wrong if link.wrong else right, ends)
        self.item.show_paths(right, wrong, theme)
