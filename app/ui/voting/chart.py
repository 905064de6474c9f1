"""The votes chart (pyqtgraph): the requests with the most dots, stacked by department.

Redrawn from the document on every change, and when hidden voting changes what may be shown.
The plotted values are kept as plain data (`VotesData`) so tests can check what is shown
without reading pixels.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.model import Workshop
from app.domain.palette import department_color
from app.domain.voting import top_requests
from app.ui.document import WorkshopDocument
from app.ui.theme import Theme, desktop_theme

TOP = 10
BAR = 0.7
LABEL_CHARACTERS = 30


@dataclass(frozen=True, slots=True)
class VotesData:
    """The chart's values: the top requests (most dots first) and each department's share."""

    requests: tuple[str, ...]
    titles: tuple[str, ...]
    totals: tuple[int, ...]
    departments: tuple[str, ...]
    """Department ids with dots on any shown request, in the workshop's order."""
    colors: tuple[str, ...]
    dots: tuple[tuple[int, ...], ...]
    """Per department (as in `departments`), its dots on each shown request."""


def votes_data(
    workshop: Workshop, hidden: Callable[[str], bool] | None = None, limit: int = TOP
) -> VotesData:
    """The top requests by dots, counting only departments that are not hidden."""
    top = top_requests(workshop, limit, hidden)
    given = [dict(total.by_department) for total in top]
    used = {department for shares in given for department in shares}
    indexes = [i for i, d in enumerate(workshop.departments) if d.id in used]
    return VotesData(
        tuple(total.request for total in top),
        tuple(workshop.request(total.request).title for total in top),
        tuple(total.dots for total in top),
        tuple(workshop.departments[i].id for i in indexes),
        tuple(department_color(workshop, i) for i in indexes),
        tuple(
            tuple(shares.get(workshop.departments[i].id, 0) for shares in given) for i in indexes
        ),
    )


def short(title: str) -> str:
    """A request title short enough for an axis label."""
    return title if len(title) <= LABEL_CHARACTERS else title[: LABEL_CHARACTERS - 1] + "…"


def dot_step(most: int) -> int:
    """A whole tick step that gives at most about ten ticks: 1, 2, 5, 10, 20, 50..."""
    step = 1
    while most / step > 10:
        step = step * 5 // 2 if str(step).startswith("2") else step * 2
    return step


class VotesChart(QWidget):
    """Horizontal bars, one per top request, each stacked from its departments' dots.

    The legend is a row of Qt labels above the plot: department names are shown literally, and
    the legend never covers a bar.
    """

    def __init__(
        self,
        document: WorkshopDocument,
        hidden: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.hidden = hidden
        self.theme = desktop_theme()
        self._shown: tuple[object, ...] | None = None
        self.data = votes_data(document.workshop, hidden)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = QHBoxLayout()
        self.legend.setContentsMargins(8, 4, 8, 0)
        self.legend.addWidget(self.heading)
        self.legend.addStretch(1)
        self.keys: list[QLabel] = []
        self.tick_font = QFont()
        self.fit = TOP
        self.keys_style = ""
        self.legend_entries: list[tuple[str, str]] = []
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getPlotItem().invertY(True)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR)
        self.plot.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.legend)
        layout.addWidget(self.plot, 1)
        self.set_theme(self.theme)
        document.changed.connect(self.refresh)

    def set_theme(self, theme: Theme) -> None:
        """Colours and type size follow the board's theme."""
        self.theme = theme
        self._shown = None
        size = round(11 * theme.font_scale)
        self.plot.setBackground(theme.background)
        self.tick_font = QFont()
        self.tick_font.setPointSize(size)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(theme.grid)
            axis.setTextPen(theme.text)
            axis.setTickFont(self.tick_font)
        self.plot.setLabel("bottom", self.tr("dots"), color=theme.text.name())
        self.heading.setStyleSheet(f"QLabel {{ font-size: {size + 2}pt; font-weight: bold; }}")
        self.keys_style = f"QLabel {{ font-size: {size + 1}pt; }}"
        for key in self.keys[1::2]:
            key.setStyleSheet(self.keys_style)
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the document."""
        workshop = self.document.workshop
        self.fit = self.rows_that_fit()
        self.data = votes_data(workshop, self.hidden, self.fit)
        heading = self._heading(workshop)
        shown = (self.data, heading, self.theme.name)
        if shown == self._shown:
            return  # a move changes no votes: nothing to redraw
        self._shown = shown
        self.heading.setText(heading)
        self._draw_bars()
        self._draw_labels()
        self._draw_legend(workshop)
        ticks = [(float(i), short(title)) for i, title in enumerate(self.data.titles)]
        self.plot.getAxis("left").setTicks([ticks])
        most = max([*self.data.totals, 1])
        self.plot.getAxis("bottom").setTickSpacing(dot_step(most), dot_step(most))
        self.plot.setYRange(-0.6, max(len(ticks), 3) - 0.4, padding=0)
        self.plot.setXRange(0, most * 1.08 + 0.6, padding=0)

    def _heading(self, workshop: Workshop) -> str:
        voted = len(top_requests(workshop, len(workshop.requests), self.hidden))
        shown_rows = len(self.data.requests)
        heading = (
            (
                self.tr("Top %1 of %2 requests by dots")
                .replace("%1", str(shown_rows))
                .replace("%2", str(voted))
                if voted > shown_rows
                else self.tr("Top requests by dots")
            )
            if shown_rows
            else self.tr("No dots yet")
        )
        hidden = self.hidden
        if hidden is None or not any(hidden(d.id) for d in workshop.departments):
            return heading
        shown = [d.name for d in workshop.departments if not hidden(d.id)]
        return (
            heading
            + " · "
            + (
                self.tr("hidden until reveal: only %s shown") % ", ".join(shown)
                if shown
                else self.tr("hidden until reveal")
            )
        )

    def rows_that_fit(self) -> int:
        """How many bars the plot can show with readable labels (at most `TOP`, at least 3)."""
        line = QFontMetricsF(self.tick_font).height() * 1.25
        room = self.plot.height() - 2 * line  # the bottom axis and its label
        return max(3, min(TOP, int(room / line)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Show more or fewer bars when the dock grows or shrinks."""
        super().resizeEvent(event)
        if self.rows_that_fit() != self.fit:
            self.refresh()

    def _draw_bars(self) -> None:
        x0: list[float] = []
        ys: list[float] = []
        widths: list[float] = []
        brushes: list[object] = []
        left = [0.0] * len(self.data.requests)
        for color, dots in zip(self.data.colors, self.data.dots, strict=True):
            for row, count in enumerate(dots):
                if count:
                    x0.append(left[row])
                    ys.append(float(row))
                    widths.append(float(count))
                    brushes.append(pg.mkBrush(color))
                    left[row] += count
        pen = pg.mkPen(self.theme.background, width=1)
        self.bars.setOpts(x0=x0, y=ys, width=widths, height=BAR, brushes=brushes, pen=pen)

    def _draw_labels(self) -> None:
        while len(self.labels) > len(self.data.totals):
            self.plot.removeItem(self.labels.pop())
        while len(self.labels) < len(self.data.totals):
            label = pg.TextItem(anchor=(0, 0.5))
            self.plot.addItem(label)
            self.labels.append(label)
        label_font = QFont()
        label_font.setPointSize(round(11 * self.theme.font_scale))
        label_font.setBold(True)
        for row, (label, total) in enumerate(zip(self.labels, self.data.totals, strict=True)):
            label.setText(str(total), color=self.theme.text)
            label.setFont(label_font)
            label.setPos(total + 0.1, row)

    def _draw_legend(self, workshop: Workshop) -> None:
        names = {d.id: d.name for d in workshop.departments}
        wanted = [
            (names[d], color)
            for d, color in zip(self.data.departments, self.data.colors, strict=True)
        ]
        if wanted == self.legend_entries:
            return
        self.legend_entries = wanted
        for key in self.keys:
            self.legend.removeWidget(key)
            key.hide()
            key.deleteLater()
        self.keys = []
        for name, color in wanted:
            swatch = QLabel("■")
            swatch.setStyleSheet(
                f"QLabel {{ color: {color}; font-size: 18pt; margin-left: 12px; }}"
            )
            key = QLabel(name)
            key.setTextFormat(Qt.TextFormat.PlainText)
            key.setStyleSheet(self.keys_style)
            for label in (swatch, key):
                self.legend.insertWidget(len(self.keys) + 1, label)
                self.keys.append(label)
