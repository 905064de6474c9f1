"""Marks the roadmap and its overview share."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Polygon
from reportlab.lib.colors import Color

from app.report.style import INK


def star(x: float, y: float, radius: float, color: Color) -> Polygon:
    """A five-pointed star centred on (x, y): a department's first win."""
    points: list[float] = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + index * math.pi / 5
        points += [x + r * math.cos(angle), y + r * math.sin(angle)]
    return Polygon(points, fillColor=color, strokeColor=INK, strokeWidth=0.5)
