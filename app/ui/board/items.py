"""The items on the board: cards, column headers, lane headers.

Items hold only what they were last told to draw (a face: plain values derived from the
document); the scene tells them again after every change. Dragging is reported to the scene,
which decides what a drop means.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.ui.board.geometry import CARD_H, CARD_W, COLUMN_HEADER_H, LANE_HEADER_W
from app.ui.theme import Theme
from app.ui.wrapping import fitted_lines, wrapped

if TYPE_CHECKING:
    from app.ui.board.scene import BoardScene


ELIDE = Qt.TextElideMode.ElideRight


def plain_tooltip(text: str) -> str:
    """A tooltip that shows file text literally: Qt would otherwise guess it is rich text."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def number(value: float) -> str:
    """12, 12.5: never 12.0."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def font(pixels: float, bold: bool = False) -> QFont:
    """A UI font at a pixel size (scene units), so text scales with the board's zoom."""
    result = QFont(QApplication.font())
    result.setPixelSize(max(6, round(pixels)))
    result.setBold(bold)
    return result


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

    def __init__(self, request_id: str, board: BoardScene) -> None:
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
            metrics = QFontMetricsF(font(13 * theme.font_scale, bold=True))
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
        painter.setFont(font(13 * theme.font_scale, bold=True))
        line_height = 16 * theme.font_scale
        for index, line in enumerate(self._lines):
            painter.drawText(QPointF(14, 20 + index * line_height), line)
        facts_font = font(12 * theme.font_scale)
        painter.setFont(facts_font)
        painter.setPen(theme.muted)
        facts = f"{number(face.effort)} pd  ★ {number(face.benefit)}  ● {face.dots}"
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
        painter.setFont(font(14, bold=True))
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
            self.setZValue(100)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.setPos(self.home + delta)
        self.board.drag_moved(self, event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Drop: the board snaps the card to a column, or sends it home."""
        dragging, self._dragging, self._press = self._dragging, False, None
        self.setZValue(0)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if dragging:
            self.setPos(self.home)
            self.board.drag_finished(self, event.scenePos())
        super().mouseReleaseEvent(event)


@dataclass(frozen=True, slots=True)
class ColumnFace:
    """What a column header shows."""

    title: str
    weeks: str
    dates: str
    iso_weeks: str
    effort: float
    capacity: float | None
    severity: str | None
    highlighted: bool
    preview: tuple[str, ...]
    preview_severity: str | None
    concerns: str = ""
    """What colours the load bar, e.g. "1 warning": the worst finding on the phase."""


FaceT = TypeVar("FaceT")


class _HeaderItem(QGraphicsItem, Generic[FaceT]):
    """A header drawn from a face and a size, repainted only when either changes."""

    def __init__(self, board: BoardScene, z: float) -> None:
        super().__init__()
        self.board = board
        self.width = 0.0
        self.height = 0.0
        self.face: FaceT | None = None
        self.setZValue(z)

    def show_face(self, face: FaceT, width: float, height: float) -> None:
        """Redraw with new values (and size, when the lanes grew).

        Only a new extent tells the scene's index; a new text repaints just the part it is in,
        so a lane's new "first win" does not repaint every card standing on the lane's band.
        """
        if face == self.face and width == self.width and height == self.height:
            return
        old, old_face = self.boundingRect(), self.face
        self.face, self.width, self.height = face, width, height
        new = self.boundingRect()
        if new != old:
            self.face = old_face
            self.prepareGeometryChange()
            self.face = face
        if face == old_face and new == old:
            return  # a new height that does not reach the drawing (a header not highlighted)
        tooltip = self.tooltip(face)
        if old_face is None or tooltip != self.tooltip(old_face):
            self.setToolTip(plain_tooltip(tooltip))
        self.update(self.changed_area(old_face, face) if new == old else new)

    def changed_area(self, old: FaceT | None, new: FaceT) -> QRectF:
        """The part to repaint when the face changed but not the extent (default: all)."""
        return self.boundingRect()

    def tooltip(self, face: FaceT) -> str:
        """The header's full text, for when it is cut short."""
        raise NotImplementedError


LOAD_TOP = 90.0
"""Where a column header's load strip (figure and bar) begins: the part a move changes.

The names above end by y 86, and the strip's own text starts below 90 even in presentation type:
a repaint of the strip, rounded out to whole pixels, stays clear of the names at any zoom from
0.25 up (and at lower zooms the whole header is drawn).
"""
LOAD_MARGIN = 4.0


def _short_iso(span: str) -> str:
    """ISO weeks without their years ("W01–W06"), for a header whose dates give the year."""
    return re.sub(r"\b\d{4}-(W\d\d)", r"\1", span)


def _shorter_dates(dates: str) -> list[str]:
    """ "4 Jan – 14 Feb 2027", shorter where a column is narrow: without the spaces round the
    dash, then without a year that another year follows, and without the year within one year.
    """
    tight = dates.replace(" – ", "–")
    years = re.findall(r" \d{4}\b", dates)
    shorter = [dates, tight]
    if len(years) == 2:
        shorter.append(tight.replace(years[0], "", 1))
    elif years:
        shorter.append(tight.replace(years[0], ""))
    return shorter


def _load_only(old: ColumnFace, new: ColumnFace) -> bool:
    """Whether two faces differ only in the load figure, bar and concerns (no glow, no preview)."""
    return (
        old.title == new.title
        and old.weeks == new.weeks
        and old.dates == new.dates
        and old.iso_weeks == new.iso_weeks
        and not (old.highlighted or new.highlighted or old.preview or new.preview)
    )


class ColumnHeaderItem(_HeaderItem[ColumnFace]):
    """A phase's (or the backlog's) header: name, weeks, dates, ISO weeks and the load bar."""

    def __init__(self, board: BoardScene) -> None:
        super().__init__(board, 5)
        # A changed header's repaint spills into its neighbours: they are copied, not drawn.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # The exposed part reaches `paint`: a new load redraws the load, not the names.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def changed_area(self, old: ColumnFace | None, new: ColumnFace) -> QRectF:
        """Only the load strip when only the load changed (what most moves change)."""
        if old is not None and _load_only(old, new):
            return QRectF(0, LOAD_TOP, self.width, COLUMN_HEADER_H - LOAD_TOP)
        return self.boundingRect()

    def tooltip(self, face: ColumnFace) -> str:
        """The phase's name and, in full, its weeks and dates."""
        if not face.dates:
            return face.title
        return f"{face.title}\nplan {face.weeks}\n{face.dates}\nISO weeks {face.iso_weeks}"

    def boundingRect(self) -> QRectF:
        """The header; the whole column only while highlighted or previewing a drop.

        Kept small otherwise, so a new load figure repaints the header, not the column's cards.
        """
        face = self.face
        if face is not None and (face.highlighted or face.preview):
            return QRectF(0, 0, self.width, self.height)
        return QRectF(0, 0, self.width, COLUMN_HEADER_H)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the header, its load bar and, while a card hovers, the drop preview."""
        face = self.face
        if face is None:
            return
        theme = self.board.theme
        # Opaque: scrolled down, the header stands over the lanes' cards.
        painter.fillRect(QRectF(0, 0, self.width, COLUMN_HEADER_H), theme.background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if face.highlighted:
            glow = QColor(theme.accent)
            glow.setAlpha(45)
            painter.fillRect(QRectF(0, 0, self.width, self.height), glow)
            painter.setPen(QPen(theme.accent, 3))
            painter.drawRect(QRectF(1.5, 1.5, self.width - 3, self.height - 3))
        painter.setPen(QPen(theme.grid, 1))
        painter.drawLine(QPointF(self.width, 0), QPointF(self.width, COLUMN_HEADER_H))
        painter.drawLine(QPointF(0, COLUMN_HEADER_H), QPointF(self.width, COLUMN_HEADER_H))
        inner = self.width - 16
        if option.exposedRect.top() >= LOAD_TOP - LOAD_MARGIN and not (
            face.highlighted or face.preview
        ):
            # Only the load strip is new: the item's cache keeps the names as they were drawn.
            if face.capacity is not None:
                self._paint_load(painter, theme, face, inner)
            return
        self._paint_names(painter, theme, face, inner)
        if face.capacity is not None:
            self._paint_load(painter, theme, face, inner)
        if face.preview:
            self._paint_preview(painter, theme, face)

    def _paint_names(self, painter: QPainter, theme: Theme, face: ColumnFace, inner: float) -> None:
        """The name in up to two lines at the top; dates, then weeks, just above the load strip.

        Each line keeps its height in every column, so the dates of all phases read as one row.
        """
        scale = theme.font_scale
        painter.setPen(theme.text)
        painter.setFont(font(15 * scale, bold=True))
        metrics = QFontMetricsF(painter.font())
        for index, line in enumerate(fitted_lines(face.title, metrics, inner)):
            painter.drawText(QPointF(8, 3 + 13.5 * scale + index * 16 * scale), line)
        painter.setFont(font(11.5 * scale))
        painter.setPen(theme.muted)
        small = QFontMetricsF(painter.font())
        iso = _short_iso(face.iso_weeks)
        details = (
            [
                # The first that fits: a narrow column writes "wk", or leaves out the ISO weeks
                # or the year (only the first of two: a phase across New Year keeps the last).
                _shorter_dates(face.dates),
                [
                    f"{face.weeks} · {iso}",
                    f"{face.weeks.replace('weeks', 'wk')} · {iso}",
                    face.weeks.replace("weeks", "wk"),
                ],
            ]
            if face.dates
            else [[face.weeks]]  # the backlog: how many requests wait
        )
        for index, choices in enumerate(reversed(details)):
            line = next((c for c in choices if small.horizontalAdvance(c) <= inner), choices[-1])
            shown = small.elidedText(line, ELIDE, inner)
            painter.drawText(QPointF(8, LOAD_TOP - 8 - index * 13.5 * scale), shown)

    def _paint_load(self, painter: QPainter, theme: Theme, face: ColumnFace, inner: float) -> None:
        capacity = face.capacity or 0.0
        ratio = face.effort / capacity if capacity else (0.0 if face.effort == 0 else 2.0)
        bar = QRectF(8, LOAD_TOP + 19, inner, 12)
        painter.setPen(QPen(theme.grid, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.severity(face.severity))
        painter.drawRect(QRectF(bar.x(), bar.y(), bar.width() * min(ratio, 1.0), bar.height()))
        painter.setPen(theme.text)
        painter.setFont(font(11 * theme.font_scale))
        metrics = QFontMetricsF(painter.font())
        effort = number(face.effort)
        labels = (
            [
                f"{effort} / {number(capacity)} pd ({ratio:.0%})",
                f"{effort}/{number(capacity)} pd {ratio:.0%}",
                f"{effort}/{number(capacity)} pd",
            ]
            if capacity
            else [f"{effort} pd, no capacity", f"{effort} pd"]
        )
        # "3 findings", or on a narrow column "⚠ 3": the bar's colour tells how bad.
        marks = [face.concerns, f"⚠ {face.concerns.split()[0]}"] if face.concerns else [""]
        label, mark = next(
            (
                (label, mark)
                for label, mark in itertools.product(labels, marks)
                if metrics.horizontalAdvance(f"{label}  {mark}") <= inner
            ),
            (labels[-1], marks[-1]),
        )
        painter.drawText(QPointF(8, LOAD_TOP + 15), metrics.elidedText(label, ELIDE, inner))
        room = inner - metrics.horizontalAdvance(label) - 8
        if mark and room > metrics.horizontalAdvance(mark):
            painter.setPen(theme.severity(face.severity))
            painter.drawText(
                QPointF(8 + inner - metrics.horizontalAdvance(mark), LOAD_TOP + 15), mark
            )

    def _paint_preview(self, painter: QPainter, theme: Theme, face: ColumnFace) -> None:
        """What a drop here would do, in a box below the header; long lines wrap."""
        painter.setFont(font(12.5 * theme.font_scale, bold=True))
        metrics = QFontMetricsF(painter.font())
        room = self.width - 28
        lines = [part for line in face.preview for part in wrapped(line, metrics, room)]
        step = metrics.lineSpacing()
        box = QRectF(6, COLUMN_HEADER_H + 4, self.width - 12, 10 + step * len(lines))
        painter.setPen(QPen(theme.severity(face.preview_severity), 2))
        painter.setBrush(theme.background)
        painter.drawRoundedRect(box, 5, 5)
        painter.setPen(theme.text)
        for index, line in enumerate(lines):
            painter.drawText(
                QPointF(box.x() + 8, box.y() + 5 + metrics.ascent() + step * index), line
            )


@dataclass(frozen=True, slots=True)
class LaneFace:
    """What a lane header shows."""

    name: str
    head: str
    color: str
    first_win: tuple[str, ...]
    """The first win, longest first: the first that fits the header is shown."""
    first_win_tip: str
    signed: str
    highlighted: bool
    separators: tuple[float, ...]


class LaneHeaderItem(_HeaderItem[LaneFace]):
    """A department's lane: its header on the left and the band behind its cards."""

    def __init__(self, board: BoardScene) -> None:
        super().__init__(board, -10)

    def tooltip(self, face: LaneFace) -> str:
        """The department, its head and its first win."""
        return f"{face.name}\n{face.head}\n{face.first_win_tip}"

    def boundingRect(self) -> QRectF:
        """The whole lane, header and band."""
        return QRectF(0, 0, self.width, self.height)

    def changed_area(self, old: LaneFace | None, new: LaneFace) -> QRectF:
        """Only the header when only its text changed; the band when its look changed."""
        band = (new.color, new.highlighted, new.separators)
        if old is not None and (old.color, old.highlighted, old.separators) == band:
            return QRectF(0, 0, LANE_HEADER_W, self.height)
        return self.boundingRect()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the band, the colour swatch, name, head and first win."""
        face = self.face
        if face is None:
            return
        theme = self.board.theme
        band = QColor(face.color)
        band.setAlpha(60 if face.highlighted else 22)
        painter.fillRect(QRectF(0, 0, self.width, self.height), band)
        painter.setPen(QPen(theme.grid, 1))
        painter.drawLine(QPointF(0, self.height), QPointF(self.width, self.height))
        for x in face.separators:
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height))
        painter.fillRect(QRectF(0, 0, 10, self.height), QColor(face.color))
        if face.highlighted:
            painter.setPen(QPen(theme.accent, 3))
            painter.drawRect(QRectF(1.5, 1.5, self.width - 3, self.height - 3))
        inner = LANE_HEADER_W - 28
        painter.setPen(theme.text)
        painter.setFont(font(15 * theme.font_scale, bold=True))
        metrics = QFontMetricsF(painter.font())
        painter.drawText(
            QPointF(18, 24), metrics.elidedText(face.name, Qt.TextElideMode.ElideRight, inner)
        )
        painter.setFont(font(12 * theme.font_scale))
        painter.setPen(theme.muted)
        small = QFontMetricsF(painter.font())
        fits = (text for text in face.first_win if small.horizontalAdvance(text) <= inner)
        rows = (face.head, next(fits, face.first_win[-1]), face.signed)
        for index, line in enumerate(row for row in rows if row):
            painter.drawText(
                QPointF(18, 44 + index * 17 * theme.font_scale),
                small.elidedText(line, Qt.TextElideMode.ElideRight, inner),
            )


CARD_KEY = (
    ("pd", "person-days"),
    ("★", "benefit points"),
    ("●", "dots (votes)"),
    ("!", "an open finding"),
)
"""What the signs on a card mean: a card has no room to say it, the corner above the lanes has."""


class CornerKeyItem(QGraphicsRectItem):
    """The corner left of the phase headers, opaque like a frozen pane's, with the cards' key."""

    def __init__(self, board: BoardScene) -> None:
        super().__init__(0, 0, LANE_HEADER_W, COLUMN_HEADER_H + 1)
        self.board = board
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(5)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The background, then "On a card:" and one line per sign, down to the header rows."""
        super().paint(painter, option, widget)
        theme = self.board.theme
        scale = theme.font_scale
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font(11.5 * scale, bold=True))
        painter.setPen(theme.muted)
        painter.drawText(QPointF(18, 3 + 13.5 * scale), "On a card:")
        painter.setFont(font(11.5 * scale))
        metrics = QFontMetricsF(painter.font())
        signs = 18 + max(metrics.horizontalAdvance(sign) for sign, _ in CARD_KEY) + 6 * scale
        step = 14.5 * scale
        for index, (sign, meaning) in enumerate(CARD_KEY):
            y = COLUMN_HEADER_H - 10 - (len(CARD_KEY) - 1 - index) * step
            if sign == "!":  # drawn as the card draws it
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(theme.warning)
                radius = 6 * scale
                painter.drawEllipse(QPointF(18 + radius, y - 4 * scale), radius, radius)
                painter.setPen(QColor("#000000"))
                painter.drawText(
                    QRectF(18, y - 4 * scale - radius, 2 * radius, 2 * radius),
                    Qt.AlignmentFlag.AlignCenter,
                    sign,
                )
            else:
                painter.setPen(theme.muted)
                painter.drawText(QPointF(18, y), sign)
            painter.setPen(theme.muted)
            room = LANE_HEADER_W - 8 - signs
            painter.drawText(QPointF(signs, y), metrics.elidedText(meaning, ELIDE, room))
