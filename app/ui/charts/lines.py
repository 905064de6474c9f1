"""The benefit chart's step lines in one pyqtgraph item.

A step line spans the whole plot, so a move that changes one department's line repaints every
line. One PlotCurveItem per department cost a Python paint each (~80 µs, ten of them per move),
and even one polyline per department is slow to stroke 2.5 pixels wide. A step line is made of
level and upright segments only, so each segment is filled as a rectangle on the screen: one
`drawRects` per department, from a table of rectangles worked out with numpy.
"""

from __future__ import annotations

import os
from typing import cast

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from app.ui.charts.markers import PaddedItem, brush

WIDTH = 2.5
"""Pixels across a step line."""


class StepLines(PaddedItem):
    """Every department's step line, in its colour, drawn in department order."""

    PAD = WIDTH

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, tuple[str, np.ndarray]] = {}
        """Per department: its colour and the line's points (x, y rows) in data units."""
        self.hidden: set[str] = set()
        """Departments whose line a click on the legend hid."""
        self._extent: QRectF | None = None
        self._rects: tuple[object, np.ndarray, dict[str, tuple[int, int]]] | None = None

    def set_line(self, department: str, color: str, xs: list[float], ys: list[float]) -> None:
        """Show one department's line (replacing what it had)."""
        self.lines[department] = (color, np.column_stack([xs, ys]).astype(float).reshape(-1, 2))
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
        points = self.lines[department][1]
        return points[:, 0].tolist(), points[:, 1].tolist()

    def _changed(self) -> None:
        self.prepareGeometryChange()
        self._extent = None
        self._rects = None
        self.update()

    def viewTransformChanged(self) -> None:
        """The lines' width is in pixels: a new scale is a new bounding rectangle."""
        self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:
        """The lines' data extent plus half a line's width, in data units."""
        if self._extent is None:
            table = self._table()
            if len(table):
                (left, bottom), (right, top) = table.min(axis=0), table.max(axis=0)
                self._extent = QRectF(left, bottom, right - left, top - bottom)
            else:
                self._extent = QRectF()
        return self.padded(self._extent)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Each shown department's segments, filled as rectangles on the screen.

        (A plot's axes are never turned: data to screen is a scale and a shift.)
        """
        shown = [d for d in self.lines if d not in self.hidden]
        t = painter.transform()
        painter.resetTransform()
        painter.setPen(Qt.PenStyle.NoPen)
        rects, spans = self._screen_rects(t)
        for department in shown:
            start, end = spans[department]
            if end > start:
                painter.setBrush(brush(self.lines[department][0]))
                # The rows' memory viewed as QRectF[n] (shiboken never frees it).
                first = shiboken6.wrapInstance(rects[start:end].ctypes.data, QRectF)
                painter.drawRects(cast(QRectF, first), end - start)

    def _table(self) -> np.ndarray:
        """Every department's points, one line after another."""
        return np.concatenate([points for _, points in self.lines.values()] + [np.zeros((0, 2))])

    def _screen_rects(self, t: QTransform) -> tuple[np.ndarray, dict[str, tuple[int, int]]]:
        """Every department's segment rectangles in one table, and each one's rows in it.

        Worked out for all lines at once (numpy's cost is per call, not per row), and kept
        while neither the lines nor the axes change.
        """
        key = (t.m11(), t.m22(), t.dx(), t.dy())
        if self._rects is None or self._rects[0] != key:
            spans: dict[str, tuple[int, int]] = {}
            at = 0
            for department, (_, points) in self.lines.items():
                spans[department] = (at, at + max(0, len(points) - 1))
                at += len(points)
            self._rects = (key, segment_rects(self._table(), t, WIDTH / 2), spans)
        return self._rects[1], self._rects[2]


def segment_rects(points: np.ndarray, t: QTransform, half: float) -> np.ndarray:
    """The screen rectangles (x, y, width, height) covering a line's segments `half` each way.

    `points`: x and y in data units, each segment level or upright; `t` maps them to the screen.
    Row i joins points i and i + 1 (where several lines follow each other, the row joining the
    last point of one to the first of the next is not drawn).
    """
    x = t.m11() * points[:, 0] + t.dx()
    y = t.m22() * points[:, 1] + t.dy()
    rects = np.empty((max(0, len(points) - 1), 4))
    rects[:, 0] = np.minimum(x[:-1], x[1:]) - half
    rects[:, 1] = np.minimum(y[:-1], y[1:]) - half
    rects[:, 2] = np.abs(x[1:] - x[:-1]) + 2 * half
    rects[:, 3] = np.abs(y[1:] - y[:-1]) + 2 * half
    return rects
