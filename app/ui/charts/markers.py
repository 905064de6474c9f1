"""The benefit chart's markers in one pyqtgraph item: ● at each win, ▲ at each first burden.

Kept apart from `charts.py` because it draws below pyqtgraph's item API: every marker is stamped
from a small atlas with one `QPainter.drawPixmapFragments` call.
"""

from __future__ import annotations

import math
import os
from functools import cache
from typing import cast

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
import shiboken6
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget


@cache
def brush(color: str) -> QBrush:
    """One brush per colour, made once."""
    return QBrush(QColor(color))


@cache
def pen(color: str, width: float = 1.0, dashed: bool = False) -> QPen:
    """One pen per colour and style, shared."""
    pen = QPen(QColor(color), width, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    pen.setCosmetic(True)  # as wide on the screen whatever the axes' scale
    return pen


class PaddedItem(pg.GraphicsObject):  # type: ignore[misc]
    """An item placed in data units that draws `PAD` pixels beyond its data (a mark, a stroke).

    Its bounding rectangle asks how big a pixel is in data units; Qt asks for the rectangle
    many times per repaint, so the answer is kept until the scale changes.
    """

    PAD = 0.0
    _pad: tuple[tuple[float, ...], tuple[float, float]] | None = None  # (scale, pad in data)

    def padded(self, extent: QRectF) -> QRectF:
        """`extent` grown by `PAD` pixels each way, in data units."""
        t = self.deviceTransform_()  # pyqtgraph's: None until the item is in a view
        if t is None:
            return QRectF(extent)
        scale = (t.m11(), t.m12(), t.m21(), t.m22())
        if self._pad is None or self._pad[0] != scale:
            across, up = self.pixelVectors()
            if across is None or up is None:
                return QRectF(extent)
            dx = self.PAD * math.hypot(across.x(), across.y())
            dy = self.PAD * math.hypot(up.x(), up.y())
            self._pad = (scale, (dx, dy))
        dx, dy = self._pad[1]
        return extent.adjusted(-dx, -dy, dx, dy)


class MarkerLayer(PaddedItem):
    """Every department's markers in one item: ● at each win on its line, ▲ at its first burden.

    A plan of 1,000 requests has some 600 wins. A ScatterPlotItem per department cost a Python
    paint each on every move, and one shared ScatterPlotItem with per-point brushes ~1.5 ms per
    `setData`; so each symbol is drawn once per colour into a small atlas and every marker is
    stamped from it with one `drawPixmapFragments` call, as ScatterPlotItem does inside.
    """

    WIN = 9.0  # pixels across a win's dot
    BURDEN = 13.0  # pixels across a first burden's triangle
    CELL = 16  # pixels per symbol in the atlas: room for the biggest symbol and its outline
    PAD = CELL / 2

    def __init__(self) -> None:
        super().__init__()
        self.wins: dict[str, tuple[str, np.ndarray]] = {}
        """Per department: its colour and its wins' places (x, y rows)."""
        self.burdens: dict[str, tuple[str, float]] = {}
        self.edges = ("#ffffff", "#000000")
        """Outline colours of the wins and of the burdens (the theme's background and text)."""
        self._table: np.ndarray | None = None  # x, y and atlas cell per marker; None: to build
        self._extent = QRectF()
        self._colors: tuple[str, ...] = ()
        self._atlas: tuple[object, QPixmap] | None = None

    def set_department(
        self, department: str, color: str, wins: list[tuple[float, float]], burden: float | None
    ) -> None:
        """Show one department's markers in its colour (replacing what it had)."""
        self.wins[department] = (color, np.array(wins, dtype=float).reshape(-1, 2))
        if burden is None:
            self.burdens.pop(department, None)
        else:
            self.burdens[department] = (color, burden)
        self._changed()

    def remove(self, department: str) -> None:
        """Drop a department that is gone."""
        self.wins.pop(department, None)
        self.burdens.pop(department, None)
        self._changed()

    def set_edges(self, win: str, burden: str) -> None:
        """The outline colours: the theme's background around wins, its text around burdens."""
        self.edges = (win, burden)
        self.update()

    def _changed(self) -> None:
        """Markers moved: the table is built once, at the next paint, however many changed."""
        self.prepareGeometryChange()
        self._table = None
        self.update()

    def _markers(self) -> np.ndarray:
        """x, y and atlas cell of every marker, in drawing order; built once per change."""
        if self._table is None:
            shown = [*self.wins.values(), *self.burdens.values()]
            self._colors = tuple(dict.fromkeys(color for color, _ in shown))
            cell = {color: 2 * index for index, color in enumerate(self._colors)}
            parts = [
                np.column_stack([points, np.full(len(points), cell[c])])
                for c, points in self.wins.values()
            ]
            burdens = [(x, 0.0, cell[c] + 1) for c, x in self.burdens.values()]  # on top
            parts.append(np.array(burdens, dtype=float).reshape(-1, 3))
            self._table = np.concatenate(parts)
            xy = self._table[:, :2] if len(self._table) else np.zeros((1, 2))
            (left, bottom), (right, top) = xy.min(axis=0), xy.max(axis=0)
            self._extent = QRectF(left, bottom, right - left, top - bottom)
        return self._table

    def viewTransformChanged(self) -> None:
        """The markers' size is in pixels: a new scale is a new bounding rectangle."""
        self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:
        """The markers' data extent plus half the biggest marker, in data units."""
        self._markers()
        return self.padded(self._extent)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Stamp every marker from the atlas at its place on the screen."""
        markers = self._markers()
        if not len(markers):
            return
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        side = round(self.CELL * dpr)  # a cell of the atlas, in its own pixels
        t = painter.transform()
        x, y = markers[:, 0], markers[:, 1]
        fragments = np.empty((len(markers), 10))  # the fields of QPainter.PixmapFragment:
        fragments[:, 0] = t.m11() * x + t.m21() * y + t.dx()  # the centre on the screen,
        fragments[:, 1] = t.m12() * x + t.m22() * y + t.dy()
        fragments[:, 2] = markers[:, 2] * side  # the source rectangle in the atlas,
        fragments[:, 3:6] = [0.0, side, side]
        fragments[:, 6:10] = [self.CELL / side, self.CELL / side, 0.0, 1.0]  # scale, turn, opacity
        painter.resetTransform()
        # The array's memory viewed as QPainter.PixmapFragment[n] (shiboken never frees it).
        first = cast(
            QPainter.PixmapFragment,
            shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment),
        )
        painter.drawPixmapFragments(first, len(fragments), self._atlas_pixmap(dpr, side))

    def _atlas_pixmap(self, dpr: float, side: int) -> QPixmap:
        """A ● and a ▲ in each department's colour, side by side, drawn once per look."""
        key = (self._colors, self.edges, dpr)
        if self._atlas is None or self._atlas[0] != key:
            image = QImage(
                side * 2 * len(self._colors), side, QImage.Format.Format_ARGB32_Premultiplied
            )
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            looks = (("o", self.WIN, self.edges[0]), ("t1", self.BURDEN, self.edges[1]))
            for index, color in enumerate(self._colors):
                for offset, (symbol, size, edge) in enumerate(looks):
                    painter.resetTransform()
                    painter.scale(side / self.CELL, side / self.CELL)
                    painter.translate((2 * index + offset + 0.5) * self.CELL, self.CELL / 2)
                    drawSymbol(painter, symbol, size, pen(edge), brush(color))
            painter.end()
            self._atlas = (key, QPixmap.fromImage(image))
        return self._atlas[1]
