"""Dependency arrows on the board: for the selected card both ways, or for every card.

Each arrow is an item over the cards, redrawn when the selection or the plan changes; clicks
and tooltips pass through to the cards beneath.
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


class LinkItem(QGraphicsItem):
    """One arrow: the curve and its head, in the muted colour, or thicker in the error colour.

    An item per arrow, so that a repaint of a few cards redraws only the arrows over them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.path = QPainterPath()
        self.wrong = False
        self.theme: Theme | None = None
        self._bounds = QRectF()
        self.setZValue(2)  # over the cards, under the pinned headers and a card being dragged
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_path(self, path: QPainterPath, wrong: bool, theme: Theme) -> None:
        """Draw this arrow from now on (untouched when it is the same arrow)."""
        if wrong == self.wrong and theme is self.theme and path == self.path:
            return
        self.prepareGeometryChange()
        self.path, self.wrong, self.theme = path, wrong, theme
        self._bounds = path.boundingRect().adjusted(-4, -4, 4, 4)
        self.update()

    def boundingRect(self) -> QRectF:
        """Round the arrow and its pen."""
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The curve and its head."""
        theme = self.theme
        if theme is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        color, width = (theme.error, 3.0) if self.wrong else (theme.muted, 2.0)
        painter.setPen(QPen(color, width * theme.font_scale))
        painter.drawPath(self.path)


class LinkLayer(QObject):
    """Keeps the arrows in line with the board's selection and plan."""

    def __init__(self, scene: BoardScene, document: WorkshopDocument) -> None:
        super().__init__(scene)
        self.scene = scene
        self.document = document
        self.show_all = False
        self.shown = 0
        self.links: list[Link] = []
        self.items: list[LinkItem] = []
        """One per link shown, in the order of `links`; spare ones are kept hidden for reuse."""
        scene.selectedRequestChanged.connect(self.refresh)
        # Connected after the scene's own refresh, so the cards already stand where they go.
        document.changed.connect(self.refresh)

    def detach(self) -> None:
        """Stop following the board and the document (before either goes away)."""
        self.scene.selectedRequestChanged.disconnect(self.refresh)
        self.document.changed.disconnect(self.refresh)

    def set_show_all(self, on: bool) -> None:
        """Every card's arrows (True), or only the selected card's."""
        self.show_all = on
        self.refresh()

    def refresh(self) -> None:
        """Redraw the arrows for what is selected now."""
        scene = self.scene
        selected = scene.selected_request()
        if not (selected or self.show_all or self.shown):
            return  # nothing shown, nothing to show
        workshop = self.document.workshop
        if self.show_all:
            self.links = links_of(workshop)
        else:
            self.links = links_of(workshop, [selected]) if selected else []
        theme = scene.theme
        places = scene.layout.cards
        shown = 0
        for link in self.links:
            if link.request not in places or link.dependency not in places:
                continue
            path = QPainterPath()
            _add_arrow(
                path, _ends(places[link.request], places[link.dependency], theme.card_height)
            )
            if shown == len(self.items):
                item = LinkItem()
                self.scene.addItem(item)
                self.items.append(item)
            self.items[shown].show_path(path, link.wrong, theme)
            self.items[shown].show()
            shown += 1
        for spare in self.items[shown:]:
            spare.hide()
        self.shown = shown

    def shown_items(self) -> list[LinkItem]:
        """The arrows on the board now."""
        return self.items[: self.shown]
