"""The charts under the board (pyqtgraph): phase load, and benefit over time per department.

Both are redrawn from the document on every change. The plotted values are kept as plain data
(`load_data`, `benefit_data`) so tests can check what is shown without reading pixels.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.domain.model import Workshop
from app.domain.schedule import cumulative_benefit
from app.ui.document import WorkshopDocument
from app.ui.theme import Theme, department_color, desktop_theme


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


def benefit_lines(workshop: Workshop, document: WorkshopDocument) -> list[BenefitLine]:
    """Cumulative benefit points per department, as step coordinates up to the plan's end."""
    schedule = document.analysis.schedule
    cumulative = cumulative_benefit(workshop, schedule)
    lines = []
    for department in workshop.departments:
        steps = cumulative[department.id]
        end = max([schedule.end, *(week for week, _ in steps)])
        weeks, values, total = [0.0], [0.0], 0.0
        for week, reached in steps:
            weeks += [float(week), float(week)]
            values += [total, reached]
            total = reached
        weeks.append(float(end))
        values.append(total)
        timeline = schedule.timelines[department.id]
        lines.append(
            BenefitLine(
                department.id,
                tuple(weeks),
                tuple(values),
                tuple(week for week, _ in steps),
                timeline.first_burden,
            )
        )
    return lines


class ChartsPanel(QWidget):
    """Phase load and benefit timeline side by side."""

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.theme = desktop_theme()
        self.load_plot = pg.PlotWidget()
        self.benefit_plot = pg.PlotWidget()
        self.load_plot.setMenuEnabled(False)
        self.benefit_plot.setMenuEnabled(False)
        self.legend = self.benefit_plot.addLegend(offset=(10, 10))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.capacity_marks = pg.PlotDataItem(connect="pairs")
        self.load_plot.addItem(self.bars)
        self.load_plot.addItem(self.capacity_marks)
        self.load_plot.setMouseEnabled(x=False, y=False)
        self.lines: dict[str, tuple[pg.PlotDataItem, pg.ScatterPlotItem, pg.ScatterPlotItem]] = {}
        self.boundaries: list[pg.InfiniteLine] = []
        self.load = LoadData((), (), (), ())
        self.benefit: list[BenefitLine] = []
        # What was last drawn: a change redraws only what differs (a move touches 1-3 lines).
        self._drawn: dict[str, tuple[BenefitLine, str]] = {}
        self._load_shown: tuple[object, ...] | None = None
        self._boundaries_shown: tuple[list[int], str] | None = None
        self._ticks: list[tuple[float, str]] = []
        self._ranges: dict[int, tuple[float, float, float, float]] = {}
        for plot in (self.load_plot, self.benefit_plot):
            plot.disableAutoRange()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.load_plot, 2)
        layout.addWidget(self.benefit_plot, 3)
        self.set_theme(self.theme)
        self.load_plot.installEventFilter(self)
        document.changed.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-cut the phase names when the load chart changes width."""
        if watched is self.load_plot and event.type() == QEvent.Type.Resize:
            self._set_ticks()
        return False

    def set_theme(self, theme: Theme) -> None:
        """Colours and type size follow the board's theme."""
        self.theme = theme
        size = round(11 * theme.font_scale)
        self.tick_font = QFont()
        self.tick_font.setPointSize(size)
        for plot, title in (
            (self.load_plot, "Phase load (person-days)"),
            (self.benefit_plot, "Benefit over time (● a win, ▲ first new work)"),
        ):
            plot.setBackground(theme.background)
            plot.setTitle(title, color=theme.text.name(), size=f"{size + 2}pt")
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(theme.grid)
                axis.setTextPen(theme.text)
                axis.setTickFont(self.tick_font)
        self.benefit_plot.setLabel("bottom", "week", color=theme.text.name())
        self.legend.setLabelTextColor(theme.text)
        backing = QColor(theme.background)
        backing.setAlpha(210)
        self.legend.setBrush(pg.mkBrush(backing))
        self.legend.setPen(pg.mkPen(theme.grid))
        self._drawn.clear()
        self._load_shown = self._boundaries_shown = None
        self._ticks = []
        self.refresh()

    def refresh(self) -> None:
        """Redraw both charts from the document."""
        workshop = self.document.workshop
        self._refresh_load(workshop)
        self._refresh_benefit(workshop)

    def _refresh_load(self, workshop: Workshop) -> None:
        self.load = load_data(workshop, self.document)
        xs = list(range(len(self.load.names)))
        theme = self.theme
        near = {f.phase for f in self.document.analysis.findings if f.rule == "phase-near-capacity"}
        brushes = [
            theme.error if over else (theme.caution if phase.id in near else theme.accent)
            for over, phase in zip(self.load.over, workshop.phases, strict=True)
        ]
        shown = (self.load, tuple(b.name() for b in brushes), theme.name)
        if shown == self._load_shown:
            return
        self._load_shown = shown
        top = max([1.0, *self.load.effort, *self.load.capacity]) * 1.12
        self._set_range(self.load_plot, -0.6, max(0.6, len(xs) - 0.4), top)
        self.bars.setOpts(x=xs, height=list(self.load.effort), width=0.6, brushes=brushes, pen=None)
        marks_x, marks_y = [], []
        for x, capacity in zip(xs, self.load.capacity, strict=True):
            marks_x += [x - 0.42, x + 0.42]
            marks_y += [capacity, capacity]
        self.capacity_marks.setData(marks_x, marks_y, pen=pg.mkPen(theme.text, width=3))
        self._set_ticks()

    def _set_ticks(self) -> None:
        """Phase names under the bars, cut to the room each bar has."""
        ticks = [(float(x), self._short(name)) for x, name in enumerate(self.load.names)]
        if ticks != self._ticks:  # new ticks make pyqtgraph lay the whole axis out again
            self._ticks = ticks
            self.load_plot.getAxis("bottom").setTicks([ticks])

    def _set_range(self, plot: pg.PlotWidget, left: float, right: float, top: float) -> None:
        """Fixed axis ranges, set only when they change (auto-range costs a frame per change)."""
        wanted = (left, right, 0.0, top)
        if self._ranges.get(id(plot)) != wanted:
            self._ranges[id(plot)] = wanted
            plot.setXRange(left, right, padding=0)
            plot.setYRange(0.0, top, padding=0)

    def _short(self, name: str) -> str:
        """A phase name cut to the width its bar has, so neighbouring labels never overlap."""
        axis = self.load_plot.getAxis("bottom")
        per_bar = (axis.width() or self.load_plot.width()) / max(1, len(self.load.names))
        metrics = QFontMetricsF(self.tick_font)
        return metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(24.0, per_bar - 10))

    def _refresh_benefit(self, workshop: Workshop) -> None:
        self.benefit = benefit_lines(workshop, self.document)
        wanted = {line.department for line in self.benefit}
        for department in [d for d in self.lines if d not in wanted]:
            self._drawn.pop(department, None)
            for item in self.lines.pop(department):
                self.benefit_plot.removeItem(item)
        names = {d.id: d.name for d in workshop.departments}
        columns = 1 + (len(self.benefit) - 1) // 4 if self.benefit else 1
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)  # at most four rows: all departments fit
        right = max([1.0, *(line.weeks[-1] for line in self.benefit)]) + 1
        top = max([1.0, *(line.points[-1] for line in self.benefit)]) * 1.1
        self._set_range(self.benefit_plot, 0.0, right, top)
        for index, line in enumerate(self.benefit):
            color = department_color(workshop, index)
            if self._drawn.get(line.department) == (line, color.name()):
                continue
            self._drawn[line.department] = (line, color.name())
            items = self.lines.get(line.department)
            if items is None:
                # pyqtgraph renders legend names as HTML: the file's text is escaped.
                items = (
                    pg.PlotDataItem(name=html.escape(names[line.department])),
                    pg.ScatterPlotItem(),
                    pg.ScatterPlotItem(),
                )
                for item in items:
                    self.benefit_plot.addItem(item)
                self.lines[line.department] = items
            self._draw_line(items, line, color)
        self._draw_boundaries()

    def _draw_line(
        self,
        items: tuple[pg.PlotDataItem, pg.ScatterPlotItem, pg.ScatterPlotItem],
        line: BenefitLine,
        color: QColor,
    ) -> None:
        curve, wins, burden = items
        curve.setData(list(line.weeks), list(line.points), pen=pg.mkPen(color, width=2.5))
        cumulative = dict(zip(line.weeks[2::2], line.points[2::2], strict=False))
        wins.setData(
            [float(w) for w in line.wins],
            [cumulative.get(float(w), 0.0) for w in line.wins],
            symbol="o", size=9, brush=pg.mkBrush(color), pen=pg.mkPen(self.theme.background),
        )  # fmt: skip
        first = line.first_burden
        burden.setData(
            [] if first is None else [float(first)],
            [] if first is None else [0.0],
            symbol="t1", size=13, brush=pg.mkBrush(color), pen=pg.mkPen(self.theme.text),
        )  # fmt: skip

    def _draw_boundaries(self) -> None:
        ends = [span.end for span in self.document.analysis.schedule.phases.values()]
        if (ends, self.theme.name) == self._boundaries_shown:
            return
        self._boundaries_shown = (ends, self.theme.name)
        while len(self.boundaries) > len(ends):
            self.benefit_plot.removeItem(self.boundaries.pop())
        while len(self.boundaries) < len(ends):
            boundary = pg.InfiniteLine(angle=90, movable=False)
            self.benefit_plot.addItem(boundary)
            self.boundaries.append(boundary)
        pen = pg.mkPen(self.theme.grid, width=1, style=pg.QtCore.Qt.PenStyle.DashLine)
        for boundary, end in zip(self.boundaries, ends, strict=True):
            boundary.setPen(pen)
            boundary.setValue(end)
