"""The whole plan on one landscape page: every lane and every phase, before the detailed sheets.

A reader who was not in the room sees at one glance what each department gets in each phase and
when it first wins. Columns are proportional to the phases' weeks (each at least a share of the
page), lanes share the page's height; a cell lists its requests' titles shortened to one line
each, as many as fit, then how many more there are. A star on the lane's line marks its first
win, with the date in the lane's label. The detailed sheets that follow show every card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color

from app.domain.model import Workshop
from app.domain.palette import department_color
from app.domain.schedule import Schedule, week_date
from app.i18n import _, ngettext
from app.i18n.dates import day, short_day
from app.report.fonts import BOLD, REGULAR, text_width
from app.report.formatting import fit, wrap
from app.report.roadmap_columns import OVER_MARK, fit_widths
from app.report.shapes import star
from app.report.style import ERROR, INK, MUTED, RULE, SHADE, hex_color, tint
from app.report.style import drawing as new_drawing

LABEL_W = 118.0
TITLE_H = 34.0
HEADER_H = 36.0
SIZE = 7.5
LEADING = 9.0
MIN_LANE_H = 2 * LEADING + 4
WIN_MARK = "★"


@dataclass(frozen=True, slots=True)
class _Grid:
    """Where the columns and lanes of the overview are."""

    lefts: tuple[float, ...]
    widths: tuple[float, ...]
    top: float
    lane_h: float
    header_h: float = HEADER_H
    """The header's height: taller by a line when a phase's name takes two."""

    def x(self, week: int, spans: Sequence[tuple[int, int]]) -> float | None:
        """The x of the start of `week`, or None past the plan."""
        for left, width, (start, end) in zip(self.lefts, self.widths, spans, strict=True):
            if start <= week < end:
                return left + (week - start) / max(end - start, 1) * width
        return None


def overview_fits(workshop: Workshop, height: float) -> bool:
    """Whether every lane gets at least two lines of the page's height."""
    lanes = max(len(workshop.departments), 1)
    return (height - TITLE_H - HEADER_H - LEADING) / lanes >= MIN_LANE_H


def overview_drawing(
    workshop: Workshop, schedule: Schedule, width: float, height: float, sheets: int
) -> Drawing:
    """The overview page: `width` x `height` points; `sheets` is how many detailed sheets follow."""
    drawing = new_drawing(width, height)
    drawing.add(_text(0, height - 15, _("The plan on one page"), 15, INK, bold=True))
    note = ngettext(
        "Every department and phase; the roadmap sheet that follows shows every request.",
        "Every department and phase; the {count} roadmap sheets that follow show every request.",
        sheets,
    ).format(count=sheets)
    note += " " + _("{star} marks each department's first win.").format(star=WIN_MARK)
    drawing.add(_text(0, height - 28, note, SIZE, MUTED))
    spans = [(schedule.phases[p.id].start, schedule.phases[p.id].end) for p in workshop.phases]
    room = width - LABEL_W
    minimum = room / max(len(spans), 1) * 0.4
    widths = fit_widths([max(e - s, 1) for s, e in spans], [minimum] * len(spans), room)
    lefts, x = [], LABEL_W
    for column_w in widths:
        lefts.append(x)
        x += column_w
    top = height - TITLE_H
    lanes = max(len(workshop.departments), 1)
    names = _names(workshop, widths)
    header_h = HEADER_H + (max(map(len, names), default=1) - 1) * LEADING
    grid = _Grid(tuple(lefts), tuple(widths), top, (top - header_h) / lanes, header_h)
    _headers(drawing, workshop, schedule, grid, names)
    for index in range(len(workshop.departments)):
        _lane(drawing, workshop, schedule, grid, index, spans)
    bottom = top - header_h - grid.lane_h * len(workshop.departments)
    drawing.add(Rect(0, bottom, width, top - bottom, fillColor=None, strokeColor=MUTED))
    for left in [*lefts, width]:
        drawing.add(Line(left, top, left, bottom, strokeColor=RULE, strokeWidth=0.6))
    return drawing


def _text(
    x: float, y: float, text: str, size: float, color: Color, bold: bool = False, **kw: object
) -> String:
    font = BOLD if bold else REGULAR
    return String(x, y, text, fontName=font, fontSize=size, fillColor=color, **kw)


def _names(workshop: Workshop, widths: Sequence[float]) -> list[list[str]]:
    """Each phase's number and name in at most two lines of its column."""
    return [
        wrap(f"{index + 1}. {phase.name}", BOLD, SIZE, width - 6, 2)
        for index, (phase, width) in enumerate(zip(workshop.phases, widths, strict=True))
    ]


def _headers(
    drawing: Drawing,
    workshop: Workshop,
    schedule: Schedule,
    grid: _Grid,
    names: Sequence[Sequence[str]],
) -> None:
    """Each phase's number and name, when it goes live, and a mark when it is over capacity."""
    top = grid.top
    drawing.add(
        Rect(
            0,
            top - grid.header_h,
            grid.lefts[-1] + grid.widths[-1] if grid.lefts else 0,
            grid.header_h,
            fillColor=SHADE,
            strokeColor=None,
        )
    )
    drawing.add(_text(4, top - 12, _("Department"), SIZE, INK, bold=True))
    accepted = {a.key for a in workshop.accepted}
    for phase, left, width, name in zip(
        workshop.phases, grid.lefts, grid.widths, names, strict=True
    ):
        room = width - 6
        load = schedule.phases[phase.id]
        for number, line in enumerate(name):
            drawing.add(_text(left + 3, top - 12 - number * LEADING, line, SIZE, INK, bold=True))
        top_line = top - 12 - (len(name) - 1) * LEADING
        live = _("live {date}").format(date=short_day(week_date(workshop.start, load.end)))
        drawing.add(
            _text(left + 3, top_line - LEADING, fit(live, REGULAR, SIZE, room), SIZE, MUTED)
        )
        if load.effort > phase.capacity:
            ok = f"phase-capacity:{phase.id}" in accepted
            words = _("over capacity, accepted") if ok else _("over capacity")
            over = fit(f"{OVER_MARK} {words}", BOLD, SIZE, room)
            color = INK if ok else ERROR
            drawing.add(_text(left + 3, top_line - 2 * LEADING, over, SIZE, color, bold=True))


def _lane(
    drawing: Drawing,
    workshop: Workshop,
    schedule: Schedule,
    grid: _Grid,
    index: int,
    spans: Sequence[tuple[int, int]],
) -> None:
    """One department: its label with the first win, its line and star, its requests per phase."""
    department = workshop.departments[index]
    color = hex_color(department_color(workshop, index))
    top = grid.top - grid.header_h - index * grid.lane_h
    right = grid.lefts[-1] + grid.widths[-1] if grid.lefts else LABEL_W
    drawing.add(
        Rect(
            0, top - grid.lane_h, right, grid.lane_h, fillColor=tint(color, 0.08), strokeColor=None
        )
    )
    drawing.add(Rect(0, top - grid.lane_h, 3, grid.lane_h, fillColor=color, strokeColor=None))
    drawing.add(
        Line(0, top - grid.lane_h, right, top - grid.lane_h, strokeColor=RULE, strokeWidth=0.5)
    )
    name = fit(department.name, BOLD, SIZE, LABEL_W - 10)
    drawing.add(_text(6, top - LEADING, name, SIZE, INK, bold=True))
    first = schedule.timelines[department.id].first_win
    if first is None:
        win, win_color = _("no win in this plan"), ERROR
    else:
        date = day(week_date(workshop.start, first))
        win, win_color = _("first win {date}").format(date=date), INK
        if text_width(win, REGULAR, SIZE) > LABEL_W - 10:
            win = f"{WIN_MARK} {date}"  # the words do not fit: the star says it, as on the lane
    drawing.add(_text(6, top - 2 * LEADING, fit(win, REGULAR, SIZE, LABEL_W - 10), SIZE, win_color))
    x = grid.x(first, spans) if first is not None else None
    if x is not None:
        drawing.add(star(x, top - 4, 4.0, color))
    _cells(drawing, workshop, grid, index, top)


def _cells(drawing: Drawing, workshop: Workshop, grid: _Grid, index: int, top: float) -> None:
    """The titles of the lane's requests in each phase, one line each, as many as fit."""
    department = workshop.departments[index].id
    lines = max(int((grid.lane_h - 8) // LEADING), 1)
    by_phase: dict[str, list[str]] = {}
    for request in workshop.requests:
        if request.department == department and request.phase is not None:
            by_phase.setdefault(request.phase, []).append(request.title)
    for phase, left, width in zip(workshop.phases, grid.lefts, grid.widths, strict=True):
        titles = by_phase.get(phase.id, [])
        shown = titles if len(titles) <= lines else titles[: lines - 1]
        y = top - 8 - SIZE
        for title in shown:
            drawing.add(_text(left + 3, y, fit(title, REGULAR, SIZE, width - 6), SIZE, INK))
            y -= LEADING
        if len(shown) < len(titles):
            more = len(titles) - len(shown)
            text = ngettext("+{count} more", "+{count} more", more).format(count=more)
            drawing.add(
                _text(left + 3, y, fit(text, BOLD, SIZE, width - 6), SIZE, MUTED, bold=True)
            )
