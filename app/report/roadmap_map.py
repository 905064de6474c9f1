"""Where a roadmap sheet sits among the others, and which sheet continues it.

A large plan's roadmap runs to many sheets: down (more departments) and across (later phases).
Each sheet names the departments and phases it shows, the sheet that continues it, and draws a
small map of all sheets with its own filled in, so a reader who laid them out on a table knows
where each goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Rect

from app.i18n import _
from app.report.roadmap_layout import Sheet
from app.report.style import INK, MUTED


@dataclass(frozen=True, slots=True)
class SheetPlace:
    """One sheet's place: its number, what it shows, what continues it, and the map."""

    number: int
    count: int
    shows: str
    next: str
    pages: tuple[int, ...]
    """How many sheets down each group of phases has (the map's columns)."""
    at: tuple[int, int]
    """This sheet's (group, sheet within the group), from 0."""


def sheet_places(sheets: Sequence[Sheet]) -> list[SheetPlace]:
    """The place of every sheet of the roadmap."""
    pages: list[int] = []
    for sheet in sheets:
        while len(pages) <= sheet.group:
            pages.append(0)
        pages[sheet.group] += 1
    places, seen = [], [0] * len(pages)
    for index, sheet in enumerate(sheets):
        down = seen[sheet.group]
        seen[sheet.group] += 1
        following = sheets[index + 1] if index + 1 < len(sheets) else None
        places.append(
            SheetPlace(
                index + 1,
                len(sheets),
                _shows(sheet),
                _next(index + 2, following, sheet),
                tuple(pages),
                (sheet.group, down),
            )
        )
    return places


def _shows(sheet: Sheet) -> str:
    lanes = [band.lane.name[0] for band in sheet.bands if not band.continued] or [
        band.lane.name[0] for band in sheet.bands[:1]
    ]
    phases = [column.number for column in sheet.columns if column.number]
    parts = []
    if lanes:
        who = lanes[0] if len(lanes) == 1 else f"{lanes[0]} – {lanes[-1]}"
        parts.append(_("departments: {names}").format(names=who))
    if phases:
        span = str(phases[0]) if len(phases) == 1 else f"{phases[0]}–{phases[-1]}"
        parts.append(_("phases {span}").format(span=span))
    return " · ".join(parts)


def _next(number: int, following: Sheet | None, sheet: Sheet) -> str:
    if following is None:
        return _("the last sheet")
    if following.group == sheet.group:
        return _("continued below on sheet {number}").format(number=number)
    return _("the next phases on sheet {number}").format(number=number)


FULL_MAP_CELLS = 48
"""Up to this many sheets the map draws each; a larger plan gets one outline per column of
sheets with this sheet's place in it, so a map costs the same on every sheet of any plan."""


def draw_map(drawing: Drawing, place: SheetPlace, right: float, top: float) -> float:
    """The map of all sheets, its right edge at `right`; returns its left edge."""
    tallest = max(place.pages, default=1)
    full = sum(place.pages) <= FULL_MAP_CELLS
    cell_w = 7.0
    height = 16.0 if full else 18.0
    cell_h = min(4.0, height / tallest)
    left = right - len(place.pages) * (cell_w + 1)
    for group, count in enumerate(place.pages):
        x = left + group * (cell_w + 1)
        if full:
            for down in range(count):
                if (group, down) != place.at:
                    drawing.add(_cell(x, top - (down + 1) * (cell_h + 0.6), cell_w, cell_h, False))
        else:
            outline = count / tallest * height
            drawing.add(_cell(x, top - outline, cell_w, outline, False))
    group, down = place.at
    mark_h = cell_h if full else max(cell_h, 1.5)
    step = cell_h + 0.6 if full else height / tallest
    x = left + group * (cell_w + 1)
    drawing.add(_cell(x, top - (down + 1) * step + (step - mark_h), cell_w, mark_h, True))
    return left


def _cell(x: float, y: float, width: float, height: float, mine: bool) -> Rect:
    return Rect(
        x,
        y,
        width,
        height,
        fillColor=INK if mine else None,
        strokeColor=INK if mine else MUTED,
        strokeWidth=0.4,
    )
