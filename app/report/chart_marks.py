"""How the benefit chart's lines are told apart without colour: a dash pattern and a marker
shape per line, and a number at the line's end that the legend repeats.

A black-and-white print turns every department's colour into about the same grey; the dash and
the marker survive it, and so does the number at the end of a line that another one hides.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Polygon, Rect, Shape
from reportlab.lib.colors import Color, white

DASHES: tuple[tuple[float, ...], ...] = (
    (),
    (6, 2),
    (1.5, 1.5),
    (6, 2, 1.5, 2),
    (3, 3),
    (9, 3),
    (1.5, 3),
    (9, 2, 1.5, 2, 1.5, 2),
)
MARKERS = ("circle", "square", "diamond", "triangle", "down", "bar")
"""Eight dashes and six markers: the first 24 lines of a chart differ in both together."""


def line_style(index: int) -> tuple[tuple[float, ...], str]:
    """The dash pattern and the marker of a chart's `index`-th line."""
    return DASHES[index % len(DASHES)], MARKERS[index % len(MARKERS)]


def marker(shape: str, x: float, y: float, color: Color, radius: float = 2.6) -> Shape:
    """A filled marker centred on (x, y), outlined in white so it stands out on its line."""
    style = {"fillColor": color, "strokeColor": white, "strokeWidth": 0.5}
    r = radius
    if shape == "circle":
        return Circle(x, y, r * 0.95, **style)
    if shape == "square":
        return Rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7, **style)
    if shape == "bar":
        return Rect(x - r * 0.45, y - r * 1.1, r * 0.9, r * 2.2, **style)
    return Polygon(_points(shape, x, y, r * 1.2), **style)


def _points(shape: str, x: float, y: float, r: float) -> list[float]:
    if shape == "diamond":
        return [x, y + r, x + r, y, x, y - r, x - r, y]
    if shape == "triangle":
        return [x - r, y - r * 0.8, x + r, y - r * 0.8, x, y + r]
    return [x - r, y + r * 0.8, x + r, y + r * 0.8, x, y - r]  # "down"


def spread(ys: Sequence[float], gap: float, low: float) -> list[float]:
    """`ys` moved apart (upwards, keeping their order) so no two are closer than `gap`.

    The labels at the lines' ends: lines that end at the same value get labels one above the
    other instead of one on top of the other.
    """
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    placed = list(ys)
    floor = low
    for i in order:
        placed[i] = max(ys[i], floor)
        floor = placed[i] + gap
    return placed
