"""Dependency arrows on a roadmap sheet, between the cards that sheet shows.

The board's rule (`app.domain.links`): an arrow runs from a request to the request it depends
on; one that runs backwards in time is drawn in the error colour, dashed and thicker, so that it
reads in grey print too. A dependency on a card another sheet shows is not drawn: the findings
table names it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Path, Polygon

from app.domain.links import Link
from app.report.style import ERROR, MUTED

HEAD = 4.0
"""An arrowhead's length, in points."""


@dataclass(frozen=True, slots=True)
class Box:
    """Where a card stands on the sheet (PDF coordinates: y grows upwards)."""

    x: float
    bottom: float
    width: float
    height: float

    @property
    def middle(self) -> float:
        """The height of its middle."""
        return self.bottom + self.height / 2


Point = tuple[float, float]


def arrow_ends(
    request: Box, dependency: Box, right_edge: float = math.inf
) -> tuple[Point, Point, Point, Point]:
    """Start, two control points and end of the curve from a request's card to its dependency's.

    Edge to facing edge when the cards stand side by side; between cards one above the other,
    from right edge to right edge, bowing out to the right (beneath any card it passes), or on
    the left when a bow to the right would leave the sheet at `right_edge`.
    """
    if dependency.x + dependency.width <= request.x or request.x + request.width <= dependency.x:
        sign = 1.0 if dependency.x > request.x else -1.0
        start = (request.x + (request.width if sign > 0 else 0.0), request.middle)
        end = (dependency.x + (0.0 if sign > 0 else dependency.width), dependency.middle)
        bend = max(12.0, abs(end[0] - start[0]) / 3) * sign
        return start, (start[0] + bend, start[1]), (end[0] - bend, end[1]), end
    bow = min(8.0 + abs(request.middle - dependency.middle) * 0.15, 30.0)
    right = max(request.x + request.width, dependency.x + dependency.width)
    if right + bow <= right_edge:
        start = (request.x + request.width, request.middle)
        end = (dependency.x + dependency.width, dependency.middle)
        return start, (right + bow, start[1]), (right + bow, end[1]), end
    start, end = (request.x, request.middle), (dependency.x, dependency.middle)
    left = min(request.x, dependency.x) - bow
    return start, (left, start[1]), (left, end[1]), end


def _head(control: Point, end: Point, color: object) -> Polygon:
    """A filled arrowhead at `end`, pointing away from `control`."""
    angle = math.atan2(end[1] - control[1], end[0] - control[0])
    points = [end[0], end[1]]
    for side in (-0.45, 0.45):
        points += [end[0] - HEAD * math.cos(angle + side), end[1] - HEAD * math.sin(angle + side)]
    return Polygon(points, fillColor=color, strokeColor=None)


def draw_links(drawing: Drawing, links: Sequence[Link], boxes: Mapping[str, Box]) -> int:
    """Draw the arrows whose two cards are both on the sheet; how many were drawn."""
    drawn = 0
    for link in links:
        request, dependency = boxes.get(link.request), boxes.get(link.dependency)
        if request is None or dependency is None:
            continue
        start, first, second, end = arrow_ends(request, dependency, drawing.width)
        color = ERROR if link.wrong else MUTED
        path = Path(
            strokeColor=color,
            strokeWidth=1.0 if link.wrong else 0.5,
            strokeDashArray=[2.5, 1.5] if link.wrong else None,
            fillColor=None,
        )
        path.moveTo(*start)
        path.curveTo(*first, *second, *end)
        drawing.add(path)
        drawing.add(_head(second, end, color))
        drawn += 1
    return drawn
