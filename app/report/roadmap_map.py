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


def draw_map(drawing: Drawing, place: SheetPlace, right: float, top: float) -> float:
    """The map of all sheets, its right edge at `right`; returns its left edge."""
    tallest = max(place.pages, default=1)
    cell_h = min(4.0, 16.0 / tallest)
    cell_w = 7.0
    left = right - len(place.pages) * (cell_w + 1)
    for group, count in enumerate(place.pages):
        for down in range(count):
            mine = (group, down) == place.at
            drawing.add(
                Rect(
                    left + group * (cell_w + 1),
                    top - (down + 1) * (cell_h + 0.6),
                    cell_w,
                    cell_h,
                    fillColor=INK if mine else None,
                    strokeColor=INK if mine else MUTED,
                    strokeWidth=0.4,
                )
            )
    return left
