"""The two charts, as vector drawings: phase load against capacity, and benefit over time.

They show the same values as the app's charts: effort per phase against its capacity (bars over
capacity in the error colour), and each department's cumulative benefit points as a step line,
with a dot at every win and a triangle where its users first take on new work.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, white

from app.domain.model import Workshop
from app.domain.palette import department_color
from app.domain.rules import Finding
from app.domain.schedule import Schedule, cumulative_benefit, load_level
from app.i18n import _
from app.i18n.dates import day
from app.i18n.numbers import number, percent
from app.report.chart_marks import line_style, marker, spread
from app.report.fonts import BOLD, REGULAR, text_width
from app.report.formatting import fit, wrap
from app.report.style import ERROR, INK, MUTED, NEAR_BAR, NEUTRAL_BAR, RULE, hex_color
from app.report.style import drawing as new_drawing

BAR_ROW_H = 22.0
BAR_LABEL_W = 150.0
VALUE_W = 118.0
PHASES_PER_CHART = 24
DEPARTMENTS_PER_CHART = 12
PLOT_H = 210.0
END_LABEL_W = 22.0
LEGEND_ITEM_PAD = 40.0


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about `ticks` ticks."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return float(10 * power)


def _text(x: float, y: float, text: str, size: float, color: Color = INK, **kw: object) -> String:
    font = BOLD if kw.pop("bold", False) else REGULAR
    return String(x, y, text, fontName=font, fontSize=size, fillColor=color, **kw)


@dataclass(frozen=True, slots=True)
class _LoadRow:
    label: str
    effort: float
    capacity: float
    color: Color
    accepted: bool


def load_charts(
    workshop: Workshop, schedule: Schedule, found: Sequence[Finding], width: float
) -> list[Drawing]:
    """Effort against capacity per phase, as horizontal bars (several charts for many phases)."""
    accepted = {f.phase for f in found if f.rule == "phase-capacity" and f.accepted}
    caution = workshop.settings.caution_load
    rows = []
    for index, phase in enumerate(workshop.phases):
        effort = schedule.phases[phase.id].effort
        level = load_level(effort, phase.capacity, caution)
        color = ERROR if level == "over" else NEAR_BAR if level == "near" else NEUTRAL_BAR
        label = f"{index + 1}  {phase.name}"
        rows.append(_LoadRow(label, effort, phase.capacity, color, phase.id in accepted))
    top = max([1.0, *(max(r.effort, r.capacity) for r in rows)])
    scale_max = math.ceil(top * 1.05 / nice_step(top)) * nice_step(top)
    chunks = [rows[i : i + PHASES_PER_CHART] for i in range(0, len(rows), PHASES_PER_CHART)]
    return [_load_chart(chunk, scale_max, width) for chunk in chunks]


def _load_chart(rows: Sequence[_LoadRow], scale_max: float, width: float) -> Drawing:
    plot_w = width - BAR_LABEL_W - VALUE_W
    height = 18 + len(rows) * BAR_ROW_H + 30
    drawing = new_drawing(width, height)
    _load_legend(drawing, height - 10)
    top = height - 18
    bottom = top - len(rows) * BAR_ROW_H
    _bar_axis(drawing, scale_max, plot_w, top, bottom)
    for index, row in enumerate(rows):
        y = top - (index + 1) * BAR_ROW_H
        _bar_row(drawing, row, y, plot_w / scale_max)
    return drawing


def _load_legend(drawing: Drawing, y: float) -> None:
    """The bars' colours and the capacity mark, above the plot; moved left where the words
    would run past the drawing's right edge."""
    items = (
        (NEUTRAL_BAR, _("within capacity")),
        (NEAR_BAR, _("near capacity")),
        (ERROR, _("over capacity")),
    )
    capacity = _("capacity of the project team")
    needed = sum(26 + text_width(text, REGULAR, 7.5) for _color, text in items)
    needed += 9 + text_width(capacity, REGULAR, 7.5)
    x = max(0.0, min(BAR_LABEL_W, drawing.width - needed))
    for color, text in items:
        drawing.add(Rect(x, y - 1, 9, 7, fillColor=color, strokeColor=None))
        drawing.add(_text(x + 12, y, text, 7.5, MUTED))
        x += 12 + text_width(text, REGULAR, 7.5) + 14
    drawing.add(Line(x + 4, y - 2, x + 4, y + 7, strokeColor=INK, strokeWidth=1.6))
    drawing.add(_text(x + 9, y, capacity, 7.5, MUTED))


def _bar_axis(drawing: Drawing, scale_max: float, plot_w: float, top: float, bottom: float) -> None:
    step = nice_step(scale_max)
    value = 0.0
    while value <= scale_max + 1e-9:
        x = BAR_LABEL_W + value / scale_max * plot_w
        drawing.add(Line(x, top, x, bottom, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(_text(x, bottom - 10, number(value), 7.5, MUTED, textAnchor="middle"))
        value += step
    drawing.add(Line(BAR_LABEL_W, top, BAR_LABEL_W, bottom, strokeColor=MUTED, strokeWidth=0.8))
    caption = _("person-days of effort planned in the phase")
    drawing.add(_text(BAR_LABEL_W, bottom - 22, caption, 7.5, MUTED))


def _bar_row(drawing: Drawing, row: _LoadRow, y: float, per_day: float) -> None:
    lines = wrap(row.label, REGULAR, 7.5, BAR_LABEL_W - 8, 2)
    first = y + BAR_ROW_H / 2 + (len(lines) - 1) * 4.5 - 2.5
    for index, line in enumerate(lines):
        drawing.add(_text(0, first - index * 9, line, 7.5))
    bar_w = row.effort * per_day
    drawing.add(
        Rect(BAR_LABEL_W, y + 5, bar_w, BAR_ROW_H - 10, fillColor=row.color, strokeColor=None)
    )
    cap_x = BAR_LABEL_W + row.capacity * per_day
    drawing.add(Line(cap_x, y + 2, cap_x, y + BAR_ROW_H - 2, strokeColor=INK, strokeWidth=1.6))
    load = percent(row.effort / row.capacity) if row.capacity > 0 else _("no capacity")
    value = _("{effort} of {capacity} ({load})").format(
        effort=number(row.effort), capacity=number(row.capacity), load=load
    )
    if row.effort > row.capacity:
        value += ", " + _("OVER CAPACITY")
    if row.accepted:
        value += ", " + _("accepted")
    color = ERROR if row.color == ERROR else INK
    x = max(bar_w, cap_x - BAR_LABEL_W) + BAR_LABEL_W + 5
    lines = wrap(value, REGULAR, 7.5, drawing.width - x, 2)  # two lines where words are long
    first = y + BAR_ROW_H / 2 - 2.5 + (len(lines) - 1) * 4.5
    for index, line in enumerate(lines):
        drawing.add(_text(x, first - index * 9, line, 7.5, color))


@dataclass(frozen=True, slots=True)
class BenefitSteps:
    """One department's cumulative benefit: (week, total after that week's wins)."""

    name: str
    color: Color
    steps: tuple[tuple[int, float], ...]
    first_burden: int | None

    def value_at(self, week: float) -> float:
        """The cumulative points at `week`."""
        total = 0.0
        for at, value in self.steps:
            if at > week:
                break
            total = value
        return total


def benefit_steps(workshop: Workshop, schedule: Schedule) -> list[BenefitSteps]:
    """Each department's wins summed per week and accumulated, in the workshop's order."""
    cumulative = cumulative_benefit(workshop, schedule)
    result = []
    for index, department in enumerate(workshop.departments):
        steps = cumulative[department.id]
        color = hex_color(department_color(workshop, index))
        first = schedule.timelines[department.id].first_burden
        result.append(BenefitSteps(department.name, color, tuple(steps), first))
    return result


class _Plot:
    """The benefit chart's frame: weeks to x, points to y."""

    def __init__(self, width: float, bottom: float, weeks: int, points: float) -> None:
        self.left, self.right = 34.0, width - END_LABEL_W
        self.bottom, self.top = bottom, bottom + PLOT_H
        self.weeks = max(weeks, 1)
        self.y_step = nice_step(points)
        self.points = max(math.ceil(points / self.y_step) * self.y_step, self.y_step)

    def x(self, week: float) -> float:
        """The x of a week."""
        return self.left + week / self.weeks * (self.right - self.left)

    def y(self, points: float) -> float:
        """The y of a number of benefit points."""
        return self.bottom + points / self.points * (self.top - self.bottom)


def benefit_charts(workshop: Workshop, schedule: Schedule, width: float) -> list[Drawing]:
    """Cumulative benefit points per department over the weeks, with the phase boundaries.

    One chart for every `DEPARTMENTS_PER_CHART` departments, all on the same scales: more
    lines than that cannot be told apart, and their legend would not fit a page.
    """
    lines = benefit_steps(workshop, schedule)
    last_win = max((s[-1][0] for line in lines if (s := line.steps)), default=0)
    highest = max((line.steps[-1][1] for line in lines if line.steps), default=0.0)
    scales = (max(schedule.end, last_win) + 1, max(highest, 1.0))
    size = DEPARTMENTS_PER_CHART
    chunks = [lines[i : i + size] for i in range(0, len(lines), size)] or [[]]
    return [_benefit_chart(workshop, schedule, chunk, scales, width) for chunk in chunks]


def _benefit_chart(
    workshop: Workshop,
    schedule: Schedule,
    lines: Sequence[BenefitSteps],
    scales: tuple[int, float],
    width: float,
) -> Drawing:
    legend_rows = _legend_rows(lines, width)
    legend_h = 14 * (len(legend_rows) + 2)
    height = legend_h + 30 + PLOT_H + 16
    drawing = new_drawing(width, height)
    plot = _Plot(width, legend_h + 30, *scales)
    _benefit_axes(
        drawing,
        plot,
        _("weeks from the plan's start on {day}").format(day=day(workshop.start)),
    )
    _phase_lines(drawing, workshop, schedule, plot)
    for index, line in enumerate(lines):
        _step_line(drawing, line, index, plot)
    _end_labels(drawing, lines, plot)
    _benefit_legend(drawing, legend_rows, legend_h)
    return drawing


def _benefit_axes(drawing: Drawing, plot: _Plot, weeks: str) -> None:
    value = 0.0
    while value <= plot.points + 1e-9:
        y = plot.y(value)
        drawing.add(Line(plot.left, y, plot.right, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(_text(plot.left - 4, y - 2.5, number(value), 7.5, MUTED, textAnchor="end"))
        value += plot.y_step
    step = max(1, int(nice_step(plot.weeks, 10)))
    for week in range(0, plot.weeks + 1, step):
        x = plot.x(week)
        drawing.add(Line(x, plot.bottom, x, plot.bottom - 3, strokeColor=MUTED, strokeWidth=0.6))
        drawing.add(_text(x, plot.bottom - 12, str(week), 7.5, MUTED, textAnchor="middle"))
    drawing.add(Line(plot.left, plot.bottom, plot.right, plot.bottom, strokeColor=MUTED))
    drawing.add(Line(plot.left, plot.bottom, plot.left, plot.top, strokeColor=MUTED))
    caption = _("{weeks}; up: benefit points collected so far").format(weeks=weeks)
    drawing.add(_text(plot.left, plot.bottom - 24, caption, 7.5, MUTED))


def _phase_lines(drawing: Drawing, workshop: Workshop, schedule: Schedule, plot: _Plot) -> None:
    for index, phase in enumerate(workshop.phases):
        load = schedule.phases[phase.id]
        x = plot.x(load.end)
        dash = [] if index == len(workshop.phases) - 1 else [2, 2]
        drawing.add(
            Line(
                x,
                plot.bottom,
                x,
                plot.top,
                strokeColor=MUTED,
                strokeWidth=0.6,
                strokeDashArray=dash,
            )
        )
        middle = (plot.x(load.start) + x) / 2
        if x - plot.x(load.start) >= 14:
            label = f"P{index + 1}"
            drawing.add(_text(middle, plot.top + 4, label, 7.5, MUTED, textAnchor="middle"))


def _step_line(drawing: Drawing, line: BenefitSteps, index: int, plot: _Plot) -> None:
    points = [plot.x(0), plot.y(0)]
    previous = 0.0
    for week, total in line.steps:
        points += [plot.x(week), plot.y(previous), plot.x(week), plot.y(total)]
        previous = total
    points += [plot.right, plot.y(previous)]
    dash, shape = line_style(index)
    drawing.add(
        PolyLine(
            points,
            strokeColor=line.color,
            strokeWidth=1.5,
            strokeLineJoin=1,
            strokeDashArray=list(dash) or None,
        )
    )
    for week, total in line.steps:
        drawing.add(marker(shape, plot.x(week), plot.y(total), line.color))
    if line.first_burden is not None:
        x, y = plot.x(line.first_burden), plot.y(line.value_at(line.first_burden))
        drawing.add(_triangle(x, y, line.color))


def _end_labels(drawing: Drawing, lines: Sequence[BenefitSteps], plot: _Plot) -> None:
    """Each line's number at its right end (spread apart where lines end at the same value)."""
    ends = [plot.y(line.steps[-1][1] if line.steps else 0.0) for line in lines]
    for index, y in enumerate(spread(ends, 8.0, plot.bottom)):
        label = str(index + 1)
        drawing.add(_text(plot.right + 4, y - 2.5, label, 7.5, INK, bold=True))


def _triangle(x: float, y: float, color: Color) -> Polygon:
    return Polygon(
        [x - 3.5, y - 3, x + 3.5, y - 3, x, y + 3.5],
        fillColor=white,
        strokeColor=color,
        strokeWidth=1.2,
    )


LegendItem = tuple[int, tuple["BenefitSteps", str]]


def _legend_rows(lines: Sequence[BenefitSteps], width: float) -> list[list[LegendItem]]:
    rows: list[list[LegendItem]] = [[]]
    used = 0.0
    for number_, line in enumerate(lines, 1):
        label = fit(f"{number_} {line.name}", REGULAR, 7.5, 150)
        item_w = LEGEND_ITEM_PAD + text_width(label, REGULAR, 7.5)
        if rows[-1] and used + item_w > width:
            rows.append([])
            used = 0.0
        rows[-1].append((number_, (line, label)))
        used += item_w
    return rows


def _benefit_legend(drawing: Drawing, rows: Sequence[Sequence[LegendItem]], height: float) -> None:
    y = height - 10
    for row in rows:
        x = 0.0
        for number_, (line, label) in row:
            dash, shape = line_style(number_ - 1)
            sample = Line(x, y + 2.5, x + 22, y + 2.5, strokeColor=line.color, strokeWidth=1.8)
            sample.strokeDashArray = list(dash) or None
            drawing.add(sample)
            drawing.add(marker(shape, x + 11, y + 2.5, line.color))
            drawing.add(_text(x + 26, y, label, 7.5))
            x += LEGEND_ITEM_PAD + text_width(label, REGULAR, 7.5)
        y -= 14
    drawing.add(Circle(4, y + 2.5, 2.4, fillColor=INK, strokeColor=None))
    win = _("a win (benefit points arrive); each line its own mark")
    drawing.add(_text(10, y, win, 7.5, MUTED))
    x = 10 + text_width(win, REGULAR, 7.5) + 14
    drawing.add(_triangle(x, y + 2.5, INK))
    burden = _("first new work for the department's users (burden)")
    drawing.add(_text(x + 7, y, burden, 7.5, MUTED))
    phases = _("P1, P2 …: the phases; dashed lines: where a phase ends; solid: the end of the plan")
    drawing.add(_text(0, y - 12, phases, 7.5, MUTED))
