"""The charts under the board (pyqtgraph): phase load, and benefit over time per department.

Both are redrawn from the document on every change. The plotted values are kept as plain data
(`load`, `benefit`, and each marker's place in `markers`) so tests can check what is shown
without reading pixels.

A move repaints the whole benefit plot (a step line spans it), so its cost is the number of items
painted: one item for all step lines, one for all markers, one curve for all phase boundaries,
and one legend painted from a cache.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from itertools import chain

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QWidget

from app.domain.model import Workshop
from app.domain.schedule import DepartmentTimeline, cumulative_points
from app.ui.charts.legend import Legend
from app.ui.charts.lines import StepLines
from app.ui.charts.markers import MarkerLayer, brush, pen
from app.ui.document import WorkshopDocument
from app.ui.theme import Theme, department_color, desktop_theme
from app.ui.wrapping import fitted_lines


@dataclass(frozen=True, slots=True)
class LoadData:
    """The phase load chart's values."""

    names: tuple[str, ...]
    effort: tuple[float, ...]
    capacity: tuple[float, ...]
    over: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class BenefitLine:
    """One department's cumulative benefit as a step line."""

    department: str
    weeks: tuple[float, ...]
    points: tuple[float, ...]
    wins: tuple[int, ...]
    first_burden: int | None


def load_data(workshop: Workshop, document: WorkshopDocument) -> LoadData:
    """Effort against capacity per phase."""
    phases = document.analysis.metrics.phases
    return LoadData(
        tuple(p.name for p in workshop.phases),
        tuple(m.effort for m in phases),
        tuple(m.capacity for m in phases),
        tuple(m.effort > m.capacity for m in phases),
    )


def benefit_line(department: str, timeline: DepartmentTimeline, plan_end: int) -> BenefitLine:
    """One department's cumulative benefit as step coordinates up to the plan's end."""
    steps = cumulative_points(timeline)  # in week order
    wins = tuple(week for week, _ in steps)
    weeks = [float(week) for week in wins]
    reached = [total for _, total in steps]
    before = [0.0, *reached]
    end = max([plan_end, *wins[-1:]])
    return BenefitLine(
        department,
        (0.0, *chain.from_iterable(zip(weeks, weeks, strict=True)), float(end)),
        (0.0, *chain.from_iterable(zip(before[:-1], reached, strict=True)), before[-1]),
        wins,
        timeline.first_burden,
    )


def win_points(line: BenefitLine) -> list[tuple[float, float]]:
    """Where a department's win markers sit: on its line, at each win."""
    return [(float(week), total) for week, total in zip(line.wins, line.points[2::2], strict=False)]


def nice_top(value: float) -> float:
    """An axis top a little above `value`, on a coarse grid so small changes keep the same top.

    A new range relays out the axis and repaints everything under it; most moves then keep it.
    """
    wanted = max(1.0, value) * 1.1
    step = 10.0 ** math.floor(math.log10(wanted)) / 4
    return math.ceil(wanted / step) * step


def pairs(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    """Vertical segments at `xs` from ys[0] to ys[1], as a connect="pairs" curve takes them."""
    return [x for x in xs for _ in (0, 1)], ys * len(xs)


class ChartsPanel(QWidget):
    """Phase load and benefit timeline side by side."""

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.theme = desktop_theme()
        self.load_plot = pg.PlotWidget()
        self.benefit_plot = pg.PlotWidget()
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, pen=None)
        self.capacity_marks = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True)
        self.lines = StepLines()
        self.legend = Legend(self.lines)
        self.boundaries = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True)
        self.markers = MarkerLayer()
        self._add_items()
        self.load = LoadData((), (), (), ())
        self.benefit: list[BenefitLine] = []
        self._forget_drawn()
        self._ranges: dict[int, tuple[float, float, float, float]] = {}
        self._lines_from: dict[str, tuple[DepartmentTimeline, int, BenefitLine]] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.load_plot, 2)
        layout.addWidget(self.benefit_plot, 3)
        self.set_theme(self.theme)
        # The axis settles its width after the widget's resize: re-cut the names when it does.
        self.load_plot.getAxis("bottom").geometryChanged.connect(self._set_ticks)
        document.changed.connect(self.refresh)

    def _add_items(self) -> None:
        """The fixed items; the departments' lines, markers and keys come and go with them."""
        for plot in (self.load_plot, self.benefit_plot):
            plot.setMenuEnabled(False)
            plot.disableAutoRange()
            for side in ("left", "bottom"):
                # A change to the bars or lines repaints the axes beside them too: from a pixmap.
                plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.load_plot.setMouseEnabled(x=False, y=False)
        self.load_plot.addItem(self.bars)
        self.load_plot.addItem(self.capacity_marks)
        self.boundaries.setZValue(-1)  # under the lines
        self.markers.setZValue(1)  # over every line
        for item in (self.boundaries, self.lines, self.markers):
            self.benefit_plot.addItem(item)
        # The legend takes the row of the top axis (never shown): between the title and the plot.
        plot_item = self.benefit_plot.getPlotItem()
        plot_item.layout.removeItem(plot_item.getAxis("top"))
        plot_item.layout.addItem(self.legend, 1, 1)
        plot_item.getViewBox().sigResized.connect(self._fit_legend)

    def _fit_legend(self) -> None:
        """Wrap the legend to the plot's width, and give the plot the room the legend left."""
        plot_item = self.benefit_plot.getPlotItem()
        if self.legend.fit(plot_item.getViewBox().width()):
            # A taller legend may have pushed the plot past the widget's bottom edge, and a
            # shorter one does not pull it back by itself.
            plot_item.setGeometry(QRectF(self.benefit_plot.viewport().rect()))

    def _forget_drawn(self) -> None:
        """What was last drawn: a change redraws only what differs (a move touches 1-3 lines)."""
        self._drawn: dict[str, tuple[BenefitLine, str, str]] = {}
        self._load_shown: tuple[object, ...] | None = None
        self._marks_shown: tuple[object, ...] | None = None
        self._boundaries_shown: tuple[object, ...] | None = None
        self._ticks_for: tuple[object, ...] | None = None

    def set_theme(self, theme: Theme) -> None:
        """Colours and type size follow the board's theme."""
        self.theme = theme
        size = round(11 * theme.font_scale)
        self.tick_font = QFont()
        self.tick_font.setPointSize(size)
        for plot, title in (
            (self.load_plot, self.tr("Phase load (person-days; line: capacity)")),
            (self.benefit_plot, self.tr("Benefit over time (● a win, ▲ first new work)")),
        ):
            plot.setBackground(theme.background)
            plot.setTitle(title, color=theme.text.name(), size=f"{size + 2}pt")
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(theme.grid)
                axis.setTextPen(theme.text)
                axis.setTickFont(self.tick_font)
        self.benefit_plot.setLabel(
            "bottom", self.tr("weeks from the start"), color=theme.text.name()
        )
        legend_font = QFont()
        legend_font.setPointSizeF(9 * theme.font_scale)
        self.legend.set_look(legend_font, theme.text)
        self.markers.set_edges(theme.background.name(), theme.text.name())
        self._forget_drawn()
        self.refresh()

    def refresh(self) -> None:
        """Redraw both charts from the document."""
        workshop = self.document.workshop
        self._refresh_load(workshop)
        self._refresh_benefit(workshop)

    def _refresh_load(self, workshop: Workshop) -> None:
        self.load = load_data(workshop, self.document)
        theme = self.theme
        near = {f.phase for f in self.document.analysis.findings if f.rule == "phase-near-capacity"}
        colors = tuple(
            (theme.error if over else theme.caution if phase.id in near else theme.accent).name()
            for over, phase in zip(self.load.over, workshop.phases, strict=True)
        )
        shown = (self.load, colors, theme.name)
        if shown == self._load_shown:
            return
        self._load_shown = shown
        xs = list(range(len(self.load.names)))
        top = nice_top(max([0.0, *self.load.effort, *self.load.capacity]))
        self._set_range(self.load_plot, -0.6, max(0.6, len(xs) - 0.4), top)
        self.bars.setOpts(x=xs, height=list(self.load.effort), brushes=[brush(c) for c in colors])
        self._draw_capacity(xs)
        self._set_ticks()

    def _draw_capacity(self, xs: list[int]) -> None:
        """A line across each bar at the phase's capacity."""
        shown = (self.load.capacity, self.theme.name)
        if shown == self._marks_shown:
            return
        self._marks_shown = shown
        marks_x = [x + side for x in xs for side in (-0.42, 0.42)]
        marks_y = [capacity for capacity in self.load.capacity for _ in (0, 1)]
        self.capacity_marks.setData(marks_x, marks_y, pen=pen(self.theme.text.name(), 3))

    def _set_ticks(self) -> None:
        """Phase names under the bars, in two lines where one is too narrow for them."""
        axis = self.load_plot.getAxis("bottom")
        per_bar = (axis.width() or self.load_plot.width()) / max(1, len(self.load.names))
        wanted = (self.load.names, per_bar, self.tick_font.pointSize())
        if wanted == self._ticks_for:  # new ticks make pyqtgraph lay the whole axis out again
            return
        self._ticks_for = wanted
        metrics = QFontMetricsF(self.tick_font)
        room = max(24.0, per_bar - 10)
        labels = [fitted_lines(name, metrics, room) for name in wanted[0]]
        axis.setTicks([[(float(x), "\n".join(lines)) for x, lines in enumerate(labels)]])
        # pyqtgraph sizes the axis to its digits' height; names have descenders (Salg) and
        # may take two lines.
        rows = max((len(lines) for lines in labels), default=1)
        axis.setHeight(math.ceil(metrics.height() + (rows - 1) * metrics.lineSpacing()) + 4)

    def _set_range(self, plot: pg.PlotWidget, left: float, right: float, top: float) -> None:
        """Fixed axis ranges, set only when they change (auto-range costs a frame per change)."""
        wanted = (left, right, 0.0, top)
        if self._ranges.get(id(plot)) != wanted:
            self._ranges[id(plot)] = wanted
            plot.setRange(xRange=(left, right), yRange=(0.0, top), padding=0)

    def _refresh_benefit(self, workshop: Workshop) -> None:
        self.benefit = self._benefit_lines(workshop)
        colors = [department_color(workshop, i).name() for i in range(len(self.benefit))]
        names = {d.id: d.name for d in workshop.departments}
        self._update_legend(names)
        right = max([1.0, *(line.weeks[-1] for line in self.benefit)]) + 1
        top = nice_top(max([0.0, *(line.points[-1] for line in self.benefit)]))
        self._set_range(self.benefit_plot, 0.0, right, top)
        for line, color in zip(self.benefit, colors, strict=True):
            self._draw_line(line, color, names[line.department])
        self._draw_boundaries(top)

    def _benefit_lines(self, workshop: Workshop) -> list[BenefitLine]:
        """Every department's line, worked out again only where its timeline is a new one.

        After a move the schedule shares the timelines of the departments it does not concern
        (a schedule is never changed once built), so most lines are the ones already drawn.
        """
        schedule = self.document.analysis.schedule
        lines = []
        for department in workshop.departments:
            timeline = schedule.timelines[department.id]
            known = self._lines_from.get(department.id)
            if known is None or known[0] is not timeline or known[1] != schedule.end:
                line = benefit_line(department.id, timeline, schedule.end)
                known = self._lines_from[department.id] = (timeline, schedule.end, line)
            lines.append(known[2])
        return lines

    def _update_legend(self, names: dict[str, str]) -> None:
        """Drop the lines of departments that are gone; name the others in the legend."""
        for department in [d for d in self.lines.lines if d not in names]:
            self._drawn.pop(department, None)
            self._lines_from.pop(department, None)
            self.lines.remove(department)
            self.markers.remove(department)
        self.legend.set_entries(
            [(line.department, names[line.department]) for line in self.benefit]
        )

    def _draw_line(self, line: BenefitLine, color: str, name: str) -> None:
        """One department's step line, touched only when it changed."""
        before = self._drawn.get(line.department)
        if before == (line, color, name):
            return
        self._drawn[line.department] = (line, color, name)
        self.lines.set_line(line.department, color, list(line.weeks), list(line.points))
        if before is None or before[1] != color:
            self.legend.update()  # the key's stroke takes the new colour
        self.markers.set_department(line.department, color, win_points(line), line.first_burden)

    def _draw_boundaries(self, top: float) -> None:
        """A dashed line at each phase's end, the full height of the plot."""
        ends = [float(span.end) for span in self.document.analysis.schedule.phases.values()]
        shown = (ends, top, self.theme.name)
        if shown == self._boundaries_shown:
            return
        self._boundaries_shown = shown
        self.boundaries.setData(
            *pairs(ends, [0.0, top]), pen=pen(self.theme.grid.name(), dashed=True)
        )
