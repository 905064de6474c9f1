"""The board's view: zoom, fit, and moving the selection with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from app.ui.board.fold import MIN_ROOM_ZOOM, ROOM_ZOOM
from app.ui.board.geometry import COLUMN_HEADER_H
from app.ui.board.scene import BoardScene
from app.ui.theme import Theme, scroll_bar_style

ZOOM_STEP = 1.2
ZOOM_LIMITS = (0.15, 4.0)


class BoardView(QGraphicsView):
    """Shows the board scene; arrows and Tab move the selection between cards."""

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Board"))
        self.setCornerWidget(QWidget())  # the square where the scroll bars meet
        self._room_size = QSize()
        """The view's size when the room view last folded its lanes to it."""
        self.set_theme(scene.theme)

    def set_theme(self, theme: Theme) -> None:
        """Scroll bars in the theme's colours (flat: they repaint whenever the board grows)."""
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setStyleSheet(scroll_bar_style(theme))
        corner = self.cornerWidget()
        if corner is not None:
            corner.setStyleSheet(f"background: {theme.surface.name()};")

    @property
    def zoom(self) -> float:
        """The current scale factor."""
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Zoom in (> 1) or out (< 1), within sensible limits."""
        low, high = ZOOM_LIMITS
        target = min(high, max(low, self.zoom * factor))
        self.scale(target / self.zoom, target / self.zoom)
        self.pin_headers()

    def zoom_to_fit(self) -> None:
        """Show the whole board, readable when it allows (never above 1.5x)."""
        rect: QRectF = self.board.itemsBoundingRect().adjusted(-10, -10, 10, 10)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.5:
            self.resetTransform()
            self.scale(1.5, 1.5)
        self.pin_headers()

    def zoom_to_width(self) -> None:
        """Fill the view's width with the board (scroll down for more lanes): readable first.

        The whole scene's width, margin included, so that no sideways scrolling is left over.
        The room view instead folds its lanes to the view and shows the whole board.
        """
        if self.board.room:
            self.zoom_to_room()
            return
        rect: QRectF = self.sceneRect()
        available = self.viewport().width() - 4  # the view keeps a pixel or two round the scene
        factor = min(1.5, max(ZOOM_LIMITS[0], available / max(rect.width(), 1.0)))
        bar = self.verticalScrollBar()
        if not bar.isVisible() and rect.height() * factor > self.viewport().height():
            # The board will scroll down, and the bar that appears takes its width from the view.
            available -= bar.sizeHint().width()
            factor = min(1.5, max(ZOOM_LIMITS[0], available / max(rect.width(), 1.0)))
        self.resetTransform()
        self.scale(factor, factor)
        self.centerOn(rect.center().x(), rect.top() + self.viewport().height() / factor / 2)
        self.pin_headers()

    def zoom_to_room(self) -> None:
        """The room view: fold the lanes to what the view holds at `ROOM_ZOOM`, then show it all.

        The zoom falls below `ROOM_ZOOM` only when the board cannot fold smaller, and never
        below `MIN_ROOM_ZOOM`: a plan too big for the wall even then scrolls.
        """
        self._room_size = self.size()
        viewport = self.viewport()
        self.board.set_room_area(viewport.width() / ROOM_ZOOM, viewport.height() / ROOM_ZOOM)
        rect = self.sceneRect()
        factor = min(
            ROOM_ZOOM,
            (viewport.width() - 4) / max(rect.width(), 1.0),
            (viewport.height() - 4) / max(rect.height(), 1.0),
        )
        # A plan too big to fold (hundreds of requests, a dozen phases) scrolls rather than
        # shrinks the type below what the room reads.
        factor = max(factor, MIN_ROOM_ZOOM)
        self.resetTransform()
        self.scale(factor, factor)
        self.centerOn(rect.center().x(), rect.top() + viewport.height() / factor / 2)
        self.pin_headers()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scroll, keeping the phase headers in sight."""
        super().scrollContentsBy(dx, dy)
        self.pin_headers()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Resize, keeping the phase headers in sight (the room view folds to the new size)."""
        super().resizeEvent(event)
        if self.board.room and self.size() != self._room_size:
            self.zoom_to_room()  # a new size of the view, not a scroll bar come or gone
        self.pin_headers()

    def pin_headers(self) -> None:
        """Put the phase headers at the top of what the view shows (`BoardScene.pin_headers`)."""
        self.board.pin_headers(self.mapToScene(0, 0).y())

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            return
        super().wheelEvent(event)

    def focusNextPrevChild(self, next_: bool) -> bool:
        """Tab walks the cards instead of leaving the board."""
        if self.board.cards:
            self.step_selection(1 if next_ else -1)
            return True
        return super().focusNextPrevChild(next_)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys select the nearest card in that direction."""
        directions = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        key = Qt.Key(event.key())
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        lanes = {
            Qt.Key.Key_PageUp: -1,
            Qt.Key.Key_PageDown: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
        }
        if self.board.room and plain and key == Qt.Key.Key_B:
            self.board.fold_backlog(not self.board.fold.backlog_folded)
            return
        if self.board.room and plain and key in lanes:
            # In the room view Up and Down walk the departments once the open lane has no
            # card further that way; Page Up and Page Down always do.
            if key in directions and self.select_towards(*directions[key]):
                return
            self.board.step_lane(lanes[key])
            return
        if key in directions and plain:
            self.select_towards(*directions[key])
            return
        super().keyPressEvent(event)

    def _places(self) -> dict[str, tuple[float, float]]:
        """The slots of the cards shown (a summarised lane's cards are not)."""
        places = self.board.layout.cards
        if not self.board.room:
            return places
        cards = self.board.cards
        return {r: place for r, place in places.items() if r in cards and cards[r].isVisible()}

    def _ordered(self) -> list[str]:
        places = self._places()
        return sorted(places, key=lambda r: (places[r][1], places[r][0]))

    def step_selection(self, step: int) -> None:
        """Select the next (or previous) card in reading order."""
        ordered = self._ordered()
        if not ordered:
            return
        current = self.board.selected_request()
        index = ordered.index(current) + step if current in ordered else 0
        self._select(ordered[index % len(ordered)])

    def select_towards(self, dx: int, dy: int) -> bool:
        """Select the nearest card whose centre lies in the direction (dx, dy); False: none."""
        places = self._places()
        current = self.board.selected_request()
        if current is None or current not in places:
            if places:
                self._select(self._ordered()[0])
            return bool(places)
        cx, cy = places[current]
        best: tuple[float, str] | None = None
        for request_id, (x, y) in places.items():
            ox, oy = x - cx, y - cy
            along = ox * dx + oy * dy
            if request_id == current or along <= 0:
                continue
            across = abs(ox * dy) + abs(oy * dx)
            score = along + 3 * across
            if best is None or score < best[0]:
                best = (score, request_id)
        if best is None:
            return False
        self._select(best[1])
        return True

    def _select(self, request_id: str) -> None:
        self.board.select_request(request_id)
        # Clear of the phase headers, which stand at the top of the view once it scrolled.
        above = round((COLUMN_HEADER_H + 20) * self.zoom)
        self.ensureVisible(self.board.card_rect(request_id), 40, max(40, above))
