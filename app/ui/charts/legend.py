"""The benefit chart's legend: a stroke in each department's colour and its name, above the plot.

One item, painted from a cache, instead of pyqtgraph's legend of two items per department. It
takes its own row between the title and the plot, so it never hides a line or a marker, and it
wraps its keys into as many rows as the plot's width needs, so no name is cut off when
presentation mode makes the type larger. Names are drawn as plain text (a name from the file is
never read as markup).
"""

from __future__ import annotations

import math
import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.ui.charts.lines import WIDTH, StepLines
from app.ui.charts.markers import pen

STROKE = 20.0  # pixels of line drawn before each name
GAP = 6.0  # pixels between a stroke and its name
KEY_GAP = 18.0  # pixels between one key's name and the next key's stroke
ROW_GAP = 2.0  # pixels between rows of keys


class Legend(pg.GraphicsWidget):  # type: ignore[misc]
    """The departments' keys in rows over the plot; a click on one hides or shows its line."""

    def __init__(self, lines: StepLines) -> None:
        super().__init__()
        self.lines = lines
        self.entries: list[tuple[str, str]] = []
        """(department id, name) in department order."""
        self.font = QFont()
        self.text = QColor("#000000")
        self.room = math.inf  # the plot's width in pixels: the keys wrap to fit it
        self._cells: list[QRectF] = []  # per entry, where it is drawn
        self._height = 0.0  # of all rows, in pixels
        self.setFixedHeight(0.0)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        """The departments and their names, in order (laid out again only when they changed)."""
        if entries != self.entries:
            self.entries = entries
            self._lay_out()

    def set_look(self, font: QFont, text: QColor) -> None:
        """Type and colour (the theme's)."""
        self.font, self.text = QFont(font), text
        self._lay_out()

    def fit(self, room: float) -> bool:
        """Wrap the keys to `room` pixels of width; whether that changed the legend's height."""
        if room == self.room:
            return False
        self.room = room
        height = self._height
        self._lay_out()
        return self._height != height

    def cell(self, department: str) -> QRectF:
        """Where a department's key is, in the legend's own pixels."""
        index = [d for d, _ in self.entries].index(department)
        return QRectF(self._cells[index])

    def _lay_out(self) -> None:
        metrics = QFontMetricsF(self.font)
        line = max(metrics.height(), WIDTH) + 4
        cells: list[QRectF] = []
        x = y = 0.0
        for _, name in self.entries:
            width = STROKE + GAP + metrics.horizontalAdvance(name)
            if x > 0 and x + width > self.room:
                x, y = 0.0, y + line + ROW_GAP
            cells.append(QRectF(x, y, width, line))
            x += width + KEY_GAP
        self._cells = cells
        height = y + line + ROW_GAP if cells else 0.0
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)  # the plot's layout gives the row this height
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Per entry its stroke (a dashed outline while the line is hidden) and its name."""
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
