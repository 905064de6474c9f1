"""The board's headers: a column (phase) header with its dates and load, and a lane's head."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.i18n import _
from app.i18n.numbers import number, percent
from app.i18n.units import person_days
from app.ui.board.card import ELIDE, BoardHost, font
from app.ui.board.geometry import COLUMN_HEADER_H, LANE_HEADER_W
from app.ui.theme import Theme
from app.ui.widgets import plain_tooltip
from app.ui.wrapping import fitted_lines, wrapped


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

    def __init__(self, board: BoardHost, z: float) -> None:
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

    def __init__(self, board: BoardHost) -> None:
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
        weeks = _("ISO weeks {weeks}").format(weeks=face.iso_weeks)
        return f"{face.title}\n{face.weeks}\n{face.dates}\n{weeks}"

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
                # The first that fits: a narrow column leaves out the length or the ISO weeks,
                # or the year (only the first of two: a phase across New Year keeps the last).
                _shorter_dates(face.dates),
                [
                    f"{face.weeks} · {iso}",
                    iso,
                    face.weeks,
                ],
            ]
            if face.dates
            else [[face.weeks, face.weeks.split(" ")[0]]]  # the backlog: how many requests wait
        )
        if scale >= 1.5 and face.dates:
            details = details[:1]  # the room's type leaves one line under a two-line title
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
        effort, pd = number(face.effort), person_days()
        labels = (
            [
                f"{effort} / {number(capacity)} {pd} ({percent(ratio)})",
                f"{effort}/{number(capacity)} {pd} {percent(ratio)}",
                f"{effort}/{number(capacity)} {pd}",
            ]
            if capacity
            else [
                _("{effort} {unit}, no capacity").format(effort=effort, unit=pd),
                f"{effort} {pd}",
            ]
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
    compact: bool = False
    """A summarised lane in the room view: its name only, on one line."""


def _head_lines(head: str, metrics: QFontMetricsF, width: float) -> tuple[str, ...]:
    """The department head's name on one line, or on two where one is too narrow for it."""
    if metrics.horizontalAdvance(head) <= width or " " not in head:
        return (head,)
    words = head.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        first = " ".join(words[:cut])
        if metrics.horizontalAdvance(first) <= width:
            return (first, " ".join(words[cut:]))
    return (head,)


class LaneHeaderItem(_HeaderItem[LaneFace]):
    """A department's lane: its header on the left and the band behind its cards."""

    def __init__(self, board: BoardHost) -> None:
        super().__init__(board, -10)
        # The exposed part reaches `paint`: a card moved on the band skips the header's text.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

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
        painter.drawLines([QLineF(x, 0, x, self.height) for x in face.separators])
        painter.fillRect(QRectF(0, 0, 10, self.height), QColor(face.color))
        if face.highlighted:
            painter.setPen(QPen(theme.accent, 3))
            painter.drawRect(QRectF(1.5, 1.5, self.width - 3, self.height - 3))
        if option.exposedRect.left() >= LANE_HEADER_W:
            return  # only the band is repainted: the header's text is not in it
        inner = LANE_HEADER_W - 28
        painter.setPen(theme.text)
        painter.setFont(font(15 * theme.font_scale, bold=True))
        metrics = QFontMetricsF(painter.font())
        painter.drawText(
            QPointF(18, min(24 * theme.font_scale, (self.height + metrics.capHeight()) / 2)),
            metrics.elidedText(face.name, Qt.TextElideMode.ElideRight, inner),
        )
        if face.compact:
            return
        painter.setFont(font(12 * theme.font_scale))
        painter.setPen(theme.muted)
        small = QFontMetricsF(painter.font())
        fits = (text for text in face.first_win if small.horizontalAdvance(text) <= inner)
        rows = (*_head_lines(face.head, small, inner), next(fits, face.first_win[-1]), face.signed)
        for index, line in enumerate(row for row in rows if row):
            painter.drawText(
                QPointF(18, (24 + 20 + index * 17) * theme.font_scale),
                small.elidedText(line, Qt.TextElideMode.ElideRight, inner),
            )
