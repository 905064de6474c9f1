"""The benefit chart's step lines in one pyqtgraph item, and their legend keys.

A step line spans the whole plot, so a move that changes one department's line repaints every
line. One PlotCurveItem per department cost a Python paint each (~80 µs, ten of them per move);
this item draws all of them in one paint, a `drawPolyline` per department.
"""

from __future__ import annotations

import math
import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from app.ui.chart_markers import pen

WIDTH = 2.5
"""Pixels across a step line."""


class StepLines(pg.GraphicsObject):  # type: ignore[misc]
    """Every department's step line, in its colour, drawn in department order."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, tuple[str, QPolygonF]] = {}
        """Per department: its colour and the line's points in data coordinates."""
        self.hidden: set[str] = set()
        """Departments whose line a click on the legend hid."""
        self._extent: QRectF | None = None

    def set_line(self, department: str, color: str, xs: list[float], ys: list[float]) -> None:
        """Show one department's line (replacing what it had)."""
        points = [QPointF(x, y) for x, y in zip(xs, ys, strict=True)]
        self.lines[department] = (color, QPolygonF(points))
        self._changed()

    def remove(self, department: str) -> None:
        """Drop a department that is gone."""
        self.lines.pop(department, None)
        self.hidden.discard(department)
        self._changed()

    def set_hidden(self, department: str, hidden: bool) -> None:
        """Hide or show one department's line."""
        if hidden:
            self.hidden.add(department)
        else:
            self.hidden.discard(department)
        self.update()

    def data(self, department: str) -> tuple[list[float], list[float]]:
        """A department's line as x and y lists (what tests compare with the schedule)."""
        points = self.lines[department][1].toList()
        return [p.x() for p in points], [p.y() for p in points]

    def _changed(self) -> None:
        self.prepareGeometryChange()
        self._extent = None
        self.update()

    def viewTransformChanged(self) -> None:
        """The lines' width is in pixels: a new scale is a new bounding rectangle."""
        self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:
        """The lines' data extent plus half a line's width, in data units."""
        if self._extent is None:
            extent = QRectF()
            for _, polygon in self.lines.values():
                extent = extent.united(polygon.boundingRect())
            self._extent = extent
        across, up = self.pixelVectors()
        if across is None or up is None:
            return QRectF(self._extent)
        pad = WIDTH
        dx, dy = pad * math.hypot(across.x(), across.y()), pad * math.hypot(up.x(), up.y())
        return self._extent.adjusted(-dx, -dy, dx, dy)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """One polyline per shown department."""
        for department, (color, polygon) in self.lines.items():
            if department not in self.hidden:
                painter.setPen(pen(color, WIDTH))
                painter.drawPolyline(polygon)


class LineKey(ItemSample):  # type: ignore[misc]
    """A department's legend key: a stroke in its line's colour; a click hides or shows the line."""

    def __init__(self, lines: StepLines, department: str) -> None:
        # The legend finds a key's label by the key's `item`: the key stands for itself.
        super().__init__(self)
        self.lines = lines
        self.department = department

    def paint(self, painter: QPainter, *args: object) -> None:
        """The stroke, or a dashed outline while the line is hidden."""
        color, _ = self.lines.lines.get(self.department, ("#808080", None))
        if self.department in self.lines.hidden:
            painter.setPen(pen(color, 1.0, dashed=True))
            painter.drawRect(QRectF(2, 4, 16, 14))
            return
        painter.setPen(pen(color, WIDTH))
        painter.drawLine(QPointF(0, 11), QPointF(20, 11))

    def mouseClickEvent(self, event: MouseClickEvent) -> None:
        """A left click hides the department's line, the next shows it again."""
        if event.button() == Qt.MouseButton.LeftButton:
            hidden = self.department in self.lines.hidden
            self.lines.set_hidden(self.department, not hidden)
            self.update()
        event.accept()
