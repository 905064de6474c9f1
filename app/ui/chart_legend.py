"""The benefit chart's legend: a stroke in each department's colour and its name, in columns.

One item, painted from a cache, instead of pyqtgraph's legend of two items per department: it
lies over the step lines, which repaint on every move. Names are drawn as plain text (a name
from the file is never read as markup), and the columns are laid out to fit the plot's height,
so no name is cut off when presentation mode makes the type larger and the plot smaller.
"""

from __future__ import annotations

import math
import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.ui.chart_lines import WIDTH, StepLines
from app.ui.chart_markers import pen

STROKE = 20.0  # pixels of line drawn before each name
GAP = 6.0  # pixels between a stroke and its name
PADDING = 8.0  # pixels inside the frame
COLUMN_GAP = 16.0  # pixels between columns
OFFSET = 10.0  # pixels from the plot's top left corner
MAX_ROWS = 4  # wide rather than tall: the lines climb from the bottom left


class Legend(pg.GraphicsObject):  # type: ignore[misc]
    """The departments' keys in the plot's top left corner; a click on one hides its line."""

    def __init__(self, lines: StepLines) -> None:
        super().__init__()
        self.lines = lines
        self.entries: list[tuple[str, str]] = []
        """(department id, name) in department order."""
        self.font = QFont()
        self.text = QColor("#000000")
        self.backing = QColor("#ffffff")
        self.edge = QColor("#808080")
        self.room = 1e9  # the plot's height in pixels: the columns are cut to fit it
        self._cells: list[QRectF] = []  # per entry, where it is drawn
        self._size = QRectF()
        self.setPos(OFFSET, OFFSET)
        self.setZValue(10)  # over lines and markers
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        """The departments and their names, in order (laid out again only when they changed)."""
        if entries != self.entries:
            self.entries = entries
            self._lay_out()

    def set_look(self, font: QFont, text: QColor, backing: QColor, edge: QColor) -> None:
        """Type and colours (the theme's)."""
        self.font, self.text, self.backing, self.edge = QFont(font), text, backing, edge
        self._lay_out()

    def fit(self, room: float) -> None:
        """Fit the columns in `room` pixels of height."""
        if room != self.room:
            self.room = room
            self._lay_out()

    def cell(self, department: str) -> QRectF:
        """Where a department's key is, in the legend's own pixels."""
        index = [d for d, _ in self.entries].index(department)
        return QRectF(self._cells[index])

    def _lay_out(self) -> None:
        metrics = QFontMetricsF(self.font)
        line = max(metrics.height(), WIDTH) + 4
        fits = max(1, math.floor((self.room - 2 * OFFSET - 2 * PADDING) / line))
        rows = min(max(1, len(self.entries)), fits, MAX_ROWS)
        columns = [self.entries[i : i + rows] for i in range(0, len(self.entries), rows)]
        cells: list[QRectF] = []
        x = PADDING
        for column in columns:
            width = STROKE + GAP + max(metrics.horizontalAdvance(name) for _, name in column)
            cells += [QRectF(x, PADDING + row * line, width, line) for row in range(len(column))]
            x += width + COLUMN_GAP
        self.prepareGeometryChange()
        self._cells = cells
        height = rows * line if self.entries else 0.0
        self._size = QRectF(0, 0, x - COLUMN_GAP + PADDING, height + 2 * PADDING)
        self.update()

    def boundingRect(self) -> QRectF:
        """The frame around all columns."""
        return QRectF(self._size)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The frame, then per entry its stroke (dashed outline while hidden) and its name."""
        if not self.entries:
            return
        painter.setPen(QPen(self.edge, 1))
        painter.setBrush(self.backing)
        painter.drawRect(self._size.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setFont(self.font)
        for (department, name), cell in zip(self.entries, self._cells, strict=True):
            color = self.lines.lines.get(department, ("#808080", None))[0]
            middle = cell.center().y()
            if department in self.lines.hidden:
                painter.setPen(pen(color, 1.0, dashed=True))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(cell.x() + 2, middle - 5, STROKE - 4, 10))
            else:
                painter.setPen(pen(color, WIDTH))
                painter.drawLine(QPointF(cell.x(), middle), QPointF(cell.x() + STROKE, middle))
            painter.setPen(self.text)
            text = cell.adjusted(STROKE + GAP, 0, 0, 0)
            painter.drawText(text, int(Qt.AlignmentFlag.AlignVCenter), name)

    def mouseClickEvent(self, event: MouseClickEvent) -> None:
        """A left click on a key hides the department's line, the next shows it again."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        at = event.pos()
        for (department, _), cell in zip(self.entries, self._cells, strict=True):
            if cell.contains(at):
                self.lines.set_hidden(department, department not in self.lines.hidden)
                self.update()
                event.accept()
                return
