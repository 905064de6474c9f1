"""A card on the board: its face (plain values from the document), painted and dragged.

A card holds only what it was last told to draw; the scene tells it again after every change.
Dragging is reported to the board host (the scene), which decides what a drop means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from app.i18n.numbers import number
from app.i18n.units import person_days
from app.ui.board.geometry import CARD_W
from app.ui.sizes import CARD_H
from app.ui.theme import Theme
from app.ui.widgets import plain_tooltip
from app.ui.wrapping import fitted_lines

ELIDE = Qt.TextElideMode.ElideRight
TITLE_PX = 13.0
"""A card title's type size in scene pixels (before the theme's scale)."""


def font(pixels: float, bold: bool = False) -> QFont:
    """A UI font at a pixel size (scene units), so text scales with the board's zoom."""
    result = QFont(QApplication.font())
    result.setPixelSize(max(6, round(pixels)))
    result.setBold(bold)
    return result


class BoardHost(Protocol):
    """What the items ask of the board they stand on: its theme, and where clicks and drags go.

    The scene is one; the items never import it, so the arrow runs from the scene to them.
    """

    @property
    def theme(self) -> Theme: ...

    def card_clicked(self, card: CardItem, event: QGraphicsSceneMouseEvent) -> bool: ...

    def drag_moved(self, card: CardItem, position: QPointF) -> None: ...

    def drag_finished(self, card: CardItem, position: QPointF) -> None: ...

    def lane_bounds(self, request_id: str) -> tuple[float, float]: ...


@dataclass(frozen=True, slots=True)
class CardFace:
    """What a card shows: derived from the document, compared to skip needless repaints."""

    title: str
    effort: float
    benefit: float
    dots: int
    dot_colors: tuple[tuple[str, int], ...]
    color: str
    severity: str | None
    highlighted: bool
    theme: str


def _card_bounds(height: float) -> QRectF:
    """A card's extent, with room for the selection outline."""
    return QRectF(-3, -3, CARD_W + 6, height + 6)


_CARD_BOUNDS = {CARD_H: _card_bounds(CARD_H)}
"""One shared value per card height: Qt asks for it hundreds of times per move."""


class CardItem(QGraphicsItem):
    """A request on the board; dragged with the mouse and snapped to a column on release."""

    def __init__(self, request_id: str, board: BoardHost) -> None:
        super().__init__()
        self.request_id = request_id
        self.board = board
        self.face: CardFace | None = None
        self.home = QPointF()
        self._slot: tuple[float, float] | None = None
        self.source: object = None
        self.inputs: tuple[object, ...] = ()
        self._lines: list[str] = []
        self._height = CARD_H
        self._bounds = _CARD_BOUNDS[CARD_H]
        self._press: QPointF | None = None
        self._dragging = False
        self._lane = (0.0, 0.0)
        self._told = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def show_face(self, face: CardFace, theme: Theme) -> None:
        """Draw this face from now on (repaints only when it differs)."""
        if face == self.face:
            return
        if self.face is None or face.title != self.face.title or face.theme != self.face.theme:
            metrics = QFontMetricsF(font(TITLE_PX * theme.font_scale, bold=True))
            self._lines = fitted_lines(
                face.title, metrics, CARD_W - 22, CARD_W - 36, theme.title_lines
            )
            self.setToolTip(plain_tooltip(face.title))
        if theme.card_height != self._height:
            self.prepareGeometryChange()
            self._height = theme.card_height
            self._bounds = _CARD_BOUNDS.setdefault(self._height, _card_bounds(self._height))
        self.face = face
        self.update()

    def place(self, x: float, y: float) -> None:
        """Move to the card's slot (its home, where a cancelled drag returns to)."""
        if (x, y) == self._slot and not self._dragging:
            return  # compared in Python: asking Qt for pos() on 1,000 cards costs a frame
        self._slot = (x, y)
        self.home = QPointF(x, y)
        if not self._dragging:
            self.setPos(self.home)

    def boundingRect(self) -> QRectF:
        """The card's extent, with room for the selection outline."""
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the card from its face."""
        face = self.face
        if face is None:
            return
        theme = self.board.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_body(painter, theme, face)
        self._paint_text(painter, theme, face)
        if face.severity is not None:
            self._paint_badge(painter, theme, face.severity)

    def _paint_body(self, painter: QPainter, theme: Theme, face: CardFace) -> None:
        rect = QRectF(0, 0, CARD_W, self._height)
        surface = QColor(theme.surface)
        if theme.dark:
            surface = surface.lighter(135)
        outline = theme.accent if self.isSelected() or face.highlighted else theme.grid
        painter.setPen(QPen(outline, 3.0 if self.isSelected() or face.highlighted else 1.0))
        painter.setBrush(QBrush(surface))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(face.color))
        painter.drawRoundedRect(QRectF(0, 0, 7, self._height), 3, 3)

    def _paint_text(self, painter: QPainter, theme: Theme, face: CardFace) -> None:
        painter.setPen(theme.text)
        painter.setFont(font(TITLE_PX * theme.font_scale, bold=True))
        line_height = 16 * theme.font_scale
        for index, line in enumerate(self._lines):
            painter.drawText(QPointF(14, 20 + index * line_height), line)
        facts_font = font(12 * theme.font_scale)
        painter.setFont(facts_font)
        painter.setPen(theme.muted)
        facts = f"{number(face.effort)} {person_days()}  ★ {number(face.benefit)}  ● {face.dots}"
        painter.drawText(QPointF(14, self._height - 9), facts)
        used = 14 + QFontMetricsF(facts_font).horizontalAdvance(facts) + 8
        self._paint_dots(painter, face, used)

    def _paint_dots(self, painter: QPainter, face: CardFace, left: float) -> None:
        """One coloured dot per vote, right-aligned on the facts line, as many as fit."""
        x = CARD_W - 10.0
        painter.setPen(Qt.PenStyle.NoPen)
        for color, count in reversed(face.dot_colors):
            painter.setBrush(QColor(color))
            for _ in range(count):
                if x < left:
                    return
                painter.drawEllipse(QPointF(x, self._height - 13), 4, 4)
                x -= 9

    def _paint_badge(self, painter: QPainter, theme: Theme, severity: str) -> None:
        center = QPointF(CARD_W - 14, 14)
        painter.setPen(QPen(theme.background, 1.5))
        painter.setBrush(theme.severity(severity))
        painter.drawEllipse(center, 10, 10)
        painter.setPen(QColor("#000000"))
        painter.setFont(font(12 * theme.font_scale, bold=True))
        painter.drawText(
            QRectF(center.x() - 10, center.y() - 10, 20, 20), Qt.AlignmentFlag.AlignCenter, "!"
        )

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        """Tell the board when the selection moves, so the inspector can follow."""
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.update()
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Show the open hand while hovering."""
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        super().hoverEnterEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Start a possible drag (or a vote, in voting mode)."""
        if self.board.card_clicked(self, event):
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.scenePos()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Follow the mouse once it has moved far enough to count as a drag."""
        if self._press is None:
            return
        delta = event.scenePos() - self._press
        if not self._dragging and delta.manhattanLength() < QApplication.startDragDistance():
            return
        if not self._dragging:
            self._dragging = True
            self._lane = self.board.lane_bounds(self.request_id)
            self.setZValue(100)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.setPos(self._in_lane(self.home + delta))
        self._say_why(event)
        self.board.drag_moved(self, event.scenePos())

    def _in_lane(self, position: QPointF) -> QPointF:
        """The ghost stays in its department's lane: a request never changes department."""
        top, bottom = self._lane
        lowest = max(top, bottom - self._height)
        return QPointF(position.x(), min(max(position.y(), top), lowest))

    def _say_why(self, event: QGraphicsSceneMouseEvent) -> None:
        """With the pointer over another lane, a word at the pointer on why the card stays."""
        top, bottom = self._lane
        outside = not top <= event.scenePos().y() < bottom
        if outside and not self._told:
            QToolTip.showText(
                event.screenPos(),
                QCoreApplication.translate(
                    "CardItem",
                    "A request stays in its department's lane: it moves between phases only.",
                ),
            )
        elif not outside and self._told:
            QToolTip.hideText()
        self._told = outside

    @property
    def dragging(self) -> bool:
        """Whether the card is being dragged (a window's Escape cancels the drag first)."""
        return self._dragging

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape during a drag puts the card back where it was, changing nothing."""
        if event.key() == Qt.Key.Key_Escape and self._dragging:
            self.cancel_drag()
            event.accept()
            return
        super().keyPressEvent(event)

    def cancel_drag(self) -> None:
        """End the drag without a drop: home again, the board's preview cleared."""
        self._dragging, self._press = False, None
        self.setZValue(0)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setPos(self.home)
        # Dropped on its own place: the board sees no move and clears the preview.
        self.board.drag_finished(self, self.sceneBoundingRect().center())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Drop: the board snaps the card to a column, or sends it home."""
        dragging, self._dragging, self._press = self._dragging, False, None
        if self._told:
            QToolTip.hideText()
            self._told = False
        self.setZValue(0)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if dragging:
            self.setPos(self.home)
            self.board.drag_finished(self, event.scenePos())
        super().mouseReleaseEvent(event)
