"""The charts under the board follow every change: bars, step lines, markers, boundaries, theme.

Expected values are worked out here from the workshop itself (phase ends, weeks to benefit),
not read back from the charts' own helpers, and the markers are checked on screen by colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QTransform
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.edits import move_request, revalidated
from app.domain.model import Workshop
from app.ui.charts.legend import GAP, STROKE
from app.ui.charts.lines import segment_rects
from app.ui.charts.panel import BenefitLine, ChartsPanel, nice_top, pairs, win_points
from app.ui.document import WorkshopDocument
from app.ui.shell.main_window import MainWindow
from app.ui.theme import department_color
from app.ui.wrapping import fitted_lines
from tests.builders import replace_request
from tests.conftest import CRM_SAMPLE, workshop_data
from tests.ui_helpers import empty_window, open_copy, shown_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown main window on a copy of the small sample."""
    return shown_window(qtbot, tmp_path, monkeypatch, size=(1900, 1200))


def charts_of(window: MainWindow) -> ChartsPanel:
    """The window's charts, built and painted."""
    charts = window.charts
    assert charts is not None
    QApplication.processEvents()
    return charts


def phase_ends(workshop: Workshop) -> dict[str, int]:
    """The week each phase ends (phases run back to back from week 0)."""
    ends, week = {}, 0
    for phase in workshop.phases:
        week += phase.weeks
        ends[phase.id] = week
    return ends


def expected_wins(workshop: Workshop, department: str) -> list[tuple[float, float]]:
    """(week, total points reached) at each week in which the department gains something."""
    ends = phase_ends(workshop)
    gains: dict[int, float] = {}
    for request in workshop.requests:
        if request.phase is not None and department in request.benefit:
            week = ends[request.phase] + request.weeks_to_benefit
            gains[week] = gains.get(week, 0.0) + request.benefit[department]
    total, wins = 0.0, []
    for week in sorted(gains):
        total += gains[week]
        wins.append((float(week), total))
    return wins


def expected_efforts(workshop: Workshop) -> list[float]:
    """Person-days planned in each phase."""
    return [
        sum(r.effort for r in workshop.requests if r.phase == phase.id) for phase in workshop.phases
    ]


def flat(points: Iterable[Iterable[float]]) -> list[float]:
    """Points as one flat list, for pytest.approx."""
    return [float(value) for point in points for value in point]


def assert_charts_show(charts: ChartsPanel, workshop: Workshop) -> None:
    """Bars, lines, markers and boundaries all match the workshop."""
    assert list(charts.bars.opts["height"]) == pytest.approx(expected_efforts(workshop))
    for department in workshop.departments:
        wins = expected_wins(workshop, department.id)
        _, shown = charts.markers.wins[department.id]
        assert flat(shown) == pytest.approx(flat(wins))
        x, y = charts.lines.data(department.id)
        steps = list(zip(x[1:-1:2], y[2:-1:2], strict=True))  # the top of each step
        assert flat(steps) == pytest.approx(flat(wins)), "the line steps up at each win"
    ends = sorted(phase_ends(workshop).values())
    x, _ = charts.boundaries.getData()
    assert sorted(set(x)) == pytest.approx(ends)


def on_screen(plot: pg.PlotWidget, x: float, y: float) -> QPoint:
    """Where a data point of the plot is, in the plot widget's pixels."""
    scene_point = plot.getPlotItem().vb.mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene_point)


def close(color: QColor, wanted: QColor, tolerance: int = 6) -> bool:
    """The same colour, give or take antialiasing."""
    channels = zip(
        (color.red(), color.green(), color.blue()),
        (wanted.red(), wanted.green(), wanted.blue()),
        strict=True,
    )
    return all(abs(a - b) <= tolerance for a, b in channels)


def painted(image: QImage, spot: QPoint, wanted: QColor) -> bool:
    """The colour fills some of the 2x2 pixels at `spot` (a marker may sit a pixel either way)."""
    around = [spot + QPoint(dx, dy) for dx in (-1, 0) for dy in (-1, 0)]
    return any(close(image.pixelColor(point), wanted) for point in around)


def apart(charts: ChartsPanel, spots: dict[str, list[QPoint]]) -> dict[str, QPoint]:
    """Per department, one of its spots that no other department's spot is near, off the legend."""
    plot = charts.benefit_plot
    legend = plot.mapFromScene(charts.legend.sceneBoundingRect()).boundingRect()
    found = {}
    for department, mine in spots.items():
        others = [spot for d, theirs in spots.items() if d != department for spot in theirs]
        for spot in mine:
            alone = all((spot - other).manhattanLength() > 24 for other in others)
            if alone and not legend.contains(spot) and plot.rect().contains(spot):
                found[department] = spot
                break
    return found


def win_spots(charts: ChartsPanel) -> dict[str, QPoint]:
    """A pixel inside one win marker per department, up and left of its centre: off the line."""
    plot = charts.benefit_plot
    spots = {
        department: [on_screen(plot, x, y) for x, y in points]
        for department, (_, points) in charts.markers.wins.items()
    }
    return {d: spot + QPoint(-2, -2) for d, spot in apart(charts, spots).items()}


def burden_spots(charts: ChartsPanel) -> dict[str, QPoint]:
    """A pixel inside one first-burden triangle per department, above the lines along 0 and
    the axis's tick marks (which pyqtgraph draws over the plot, 5 pixels high)."""
    plot = charts.benefit_plot
    spots = {d: [on_screen(plot, x, 0.0)] for d, (_, x) in charts.markers.burdens.items()}
    return {d: spot + QPoint(0, -4) for d, spot in apart(charts, spots).items()}


# --- plain helpers ---------------------------------------------------------------------------


def test_a_department_without_wins_is_a_flat_line_to_the_plan_end(qtbot: QtBot) -> None:
    workshop = Workshop.model_validate(
        workshop_data(requests=[{"id": "r1", "title": "R1", "department": "sales"}])
    )
    panel = ChartsPanel(WorkshopDocument(workshop))
    qtbot.addWidget(panel)
    end = float(panel.document.analysis.schedule.end)
    assert [(line.weeks, line.points, line.wins) for line in panel.benefit] == [
        ((0.0, end), (0.0, 0.0), ()) for _ in workshop.departments
    ]


def test_win_points_sit_on_the_line_at_each_win() -> None:
    line = BenefitLine("sales", (0.0, 4.0, 4.0, 9.0, 9.0, 20.0), (0.0, 0.0, 3.0, 3.0, 8.0, 8.0),
                       (4, 9), None)  # fmt: skip
    assert win_points(line) == [(4.0, 3.0), (9.0, 8.0)]


def test_nice_top_leaves_headroom_and_ignores_small_changes() -> None:
    for value in (0.0, 0.4, 7.0, 38.0, 99.0, 101.0, 1234.0):
        assert nice_top(value) >= max(1.0, value) * 1.1
        assert nice_top(value) <= max(1.0, value) * 1.1 * 1.35
    assert nice_top(37.0) == nice_top(38.0), "a small change keeps the axis"


def test_pairs_make_one_vertical_segment_per_position() -> None:
    assert pairs([4.0, 10.0], [0.0, 50.0]) == ([4.0, 4.0, 10.0, 10.0], [0.0, 50.0, 0.0, 50.0])


def test_segment_rects_cover_each_level_and_upright_segment_on_the_screen() -> None:
    points = np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 3.0], [9.0, 3.0]])
    to_screen = QTransform(10.0, 0.0, 0.0, -5.0, 100.0, 200.0)  # y grows upwards in data
    rects = segment_rects(points, to_screen, 1.5)
    assert rects.tolist() == [
        [98.5, 198.5, 43.0, 3.0],  # x 100..140 at y 200
        [138.5, 183.5, 3.0, 18.0],  # up from y 200 to y 185 at x 140
        [138.5, 183.5, 53.0, 3.0],  # x 140..190 at y 185
    ]


# --- the charts in a window ------------------------------------------------------------------


def test_charts_follow_a_move_and_its_undo(window: MainWindow) -> None:
    charts = charts_of(window)
    assert window.document is not None and window.scene is not None
    before = window.document.workshop
    assert_charts_show(charts, before)
    request = next(r for r in before.requests if r.phase is None and r.benefit)
    assert window.scene.move(request.id, before.phases[0].id)
    after = window.document.workshop
    assert after != before
    assert_charts_show(charts, after)
    week = float(phase_ends(after)[before.phases[0].id] + request.weeks_to_benefit)
    for department in request.benefit:
        assert week in [x for x, _ in charts.markers.wins[department][1]]
    window.document.undo_stack.undo()
    assert_charts_show(charts, before)


def test_boundaries_and_lines_follow_a_longer_phase(window: MainWindow) -> None:
    charts = charts_of(window)
    assert window.document is not None
    workshop = window.document.workshop
    first = workshop.phases[0]
    longer = (first.model_copy(update={"weeks": first.weeks + 3}), *workshop.phases[1:])
    assert window.document.push("Longer phase", revalidated(workshop, phases=longer))
    after = window.document.workshop
    assert_charts_show(charts, after)
    x, y = charts.boundaries.getData()
    assert float(first.weeks + 3) in list(x)
    assert max(y) == pytest.approx(charts.benefit_plot.getPlotItem().vb.viewRange()[1][1])


def test_markers_are_painted_in_their_department_colour(window: MainWindow) -> None:
    charts = charts_of(window)
    assert window.document is not None
    workshop = window.document.workshop
    colors = {d.id: department_color(workshop, i) for i, d in enumerate(workshop.departments)}
    for department_id, color in colors.items():
        assert charts.markers.wins[department_id][0] == color.name()
    image = charts.benefit_plot.grab().toImage()
    for spots in (win_spots(charts), burden_spots(charts)):
        assert len(spots) >= 2, "the sample has markers of several departments apart"
        for department_id, spot in spots.items():
            assert painted(image, spot, colors[department_id]), f"{department_id} near {spot}"


def test_a_moved_win_marker_is_painted_at_its_new_place(window: MainWindow) -> None:
    charts = charts_of(window)
    assert window.document is not None and window.scene is not None
    workshop = window.document.workshop
    request = next(r for r in workshop.requests if r.phase is None and r.benefit)
    last = workshop.phases[-1].id
    window.document.push("Move", move_request(workshop, request.id, last))
    QApplication.processEvents()
    department = next(iter(request.benefit))
    index = [d.id for d in workshop.departments].index(department)
    week = float(phase_ends(workshop)[last] + request.weeks_to_benefit)
    reached = dict(expected_wins(window.document.workshop, department))[week]
    image = charts.benefit_plot.grab().toImage()
    spot = on_screen(charts.benefit_plot, week, reached) + QPoint(-2, -2)  # off the line
    assert painted(image, spot, department_color(workshop, index))


def test_an_edit_that_changes_no_chart_redraws_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    charts = charts_of(window)
    assert window.document is not None
    touched: list[str] = []
    monkeypatch.setattr(charts.lines, "set_line", lambda d, *a: touched.append(d))
    monkeypatch.setattr(charts.bars, "setOpts", lambda **k: touched.append("bars"))
    workshop = window.document.workshop
    request = workshop.requests[0]
    window.document.push("Retitle", replace_request(workshop, request.id, title="Renamed"))
    assert window.document.workshop.request(request.id).title == "Renamed"
    assert touched == []


def test_theme_change_restyles_the_charts(window: MainWindow) -> None:
    charts = charts_of(window)
    window.presentation_action.trigger()
    QApplication.processEvents()
    theme = charts.theme
    assert theme.name == "presentation"
    assert charts.markers.edges == (theme.background.name(), theme.text.name())
    assert charts.boundaries.opts["pen"].color().name() == theme.grid.name()
    assert charts.capacity_marks.opts["pen"].color().name() == theme.text.name()
    assert charts.legend.text == theme.text
    assert charts.legend.font.pointSizeF() == pytest.approx(9 * theme.font_scale)
    image = charts.benefit_plot.grab().toImage()
    assert close(image.pixelColor(image.width() - 3, 3), theme.background)
    window.presentation_action.trigger()
    QApplication.processEvents()
    assert charts.theme.name != "presentation"
    image = charts.benefit_plot.grab().toImage()
    assert close(image.pixelColor(image.width() - 3, 3), charts.theme.background)


def test_legend_shows_department_names_as_text_even_when_renamed(window: MainWindow) -> None:
    charts = charts_of(window)
    assert window.document is not None
    workshop = window.document.workshop
    tricky = "<b>Sales</b> & co"
    renamed = (
        workshop.departments[0].model_copy(update={"name": tricky}),
        *workshop.departments[1:],
    )
    assert window.document.push("Rename", revalidated(workshop, departments=renamed))
    department = workshop.departments[0].id
    assert (department, tricky) in charts.legend.entries  # drawn with drawText: never markup
    room = QFontMetricsF(charts.legend.font).horizontalAdvance(tricky)
    assert charts.legend.cell(department).width() >= STROKE + GAP + room, "room for all of it"


@pytest.mark.parametrize("presenting", [False, True])
@pytest.mark.parametrize("opened_before_shown", [False, True])
def test_the_legend_sits_above_the_plot_and_every_name_fits(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    presenting: bool,
    opened_before_shown: bool,
) -> None:
    # Larger type in presentation mode: the keys wrap into more rows rather than cut names off,
    # and the plot below them keeps its axis inside the widget. Opened before it is shown (as
    # `main.py FILE` does), the window builds its charts after the first paint.
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1920, 1080)
    if not opened_before_shown:
        window.show()
    open_copy(window, CRM_SAMPLE, tmp_path)
    if presenting:  # at the window's size: the offscreen screen is smaller than a projector's
        window.presentation_action.setChecked(True)
        window.toggle_presentation(full_screen=False)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(4):  # the charts, the legend's height, then the plot's layout
        QApplication.processEvents()
    charts = charts_of(window)
    plot_item = charts.benefit_plot.getPlotItem()
    view = plot_item.getViewBox()
    legend = charts.legend
    assert len(legend.entries) >= 6
    metrics = QFontMetricsF(legend.font)
    for department, name in legend.entries:
        cell = legend.cell(department)
        assert cell.width() >= STROKE + GAP + metrics.horizontalAdvance(name)
        assert legend.boundingRect().contains(cell)
    above = legend.sceneBoundingRect()
    assert above.bottom() <= view.sceneBoundingRect().top(), "the legend never covers a line"
    widget = QRectF(charts.benefit_plot.viewport().rect())
    assert widget.contains(above)
    assert widget.contains(plot_item.getAxis("bottom").sceneBoundingRect()), "no axis cut off"
    assert view.height() >= 80, "the plot keeps room to be read"


def test_the_legend_wraps_when_the_plot_narrows_and_gives_the_room_back(
    window: MainWindow, tmp_path: Path
) -> None:
    open_copy(window, CRM_SAMPLE, tmp_path)
    charts = charts_of(window)
    legend, view = charts.legend, charts.benefit_plot.getPlotItem().getViewBox()
    window.resize(1920, 1080)
    QApplication.processEvents()
    one_row, tall = legend.boundingRect().height(), view.height()
    assert {legend.cell(d).top() for d, _ in legend.entries} == {0.0}, "one row when it fits"
    window.resize(1000, 1080)
    for _ in range(3):
        QApplication.processEvents()
    assert len({legend.cell(d).top() for d, _ in legend.entries}) >= 2
    assert view.height() < tall, "the plot gives the legend its rows"
    assert QRectF(charts.benefit_plot.viewport().rect()).contains(view.sceneBoundingRect())
    window.resize(1920, 1080)
    for _ in range(3):
        QApplication.processEvents()
    assert legend.boundingRect().height() == one_row and view.height() == tall


def colour_count(image: QImage, wanted: QColor) -> int:
    """How many pixels of the image have the colour (every other pixel, for speed)."""
    return sum(
        close(image.pixelColor(x, y), wanted, tolerance=2)
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_a_click_on_a_legend_key_hides_and_shows_the_line(window: MainWindow, qtbot: QtBot) -> None:
    charts = charts_of(window)
    assert window.document is not None
    workshop = window.document.workshop
    department = max(workshop.departments, key=lambda d: len(charts.lines.data(d.id)[0]))
    color = department_color(workshop, workshop.departments.index(department))
    plot = charts.benefit_plot
    key = charts.legend.mapToScene(charts.legend.cell(department.id).center())
    at = plot.mapFromScene(key)
    shown = colour_count(plot.grab().toImage(), color)
    assert shown > 20, "the line is drawn in the department's colour"
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert department.id in charts.lines.hidden
    hidden = colour_count(plot.grab().toImage(), color)
    assert hidden < shown / 2, "only the markers keep the colour"
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert department.id not in charts.lines.hidden
    assert colour_count(plot.grab().toImage(), color) == shown


def test_a_move_works_out_only_the_lines_of_the_departments_it_concerns(
    window: MainWindow,
) -> None:
    charts = charts_of(window)
    assert window.document is not None and window.scene is not None
    workshop = window.document.workshop
    request = next(r for r in workshop.requests if r.phase is None and r.benefit)
    before = {line.department: line for line in charts.benefit}
    assert window.scene.move(request.id, workshop.phases[0].id)
    assert_charts_show(charts, window.document.workshop)
    named = request.burden.keys() | request.benefit.keys()
    for line in charts.benefit:
        assert (line is before[line.department]) == (line.department not in named)


def test_phase_names_under_the_bars_have_room_for_descenders(window: MainWindow) -> None:
    charts = charts_of(window)
    for _ in range(2):  # presentation mode's larger type, then the desktop's
        window.presentation_action.trigger()
        QApplication.processEvents()
        axis = charts.load_plot.getAxis("bottom")
        assert axis.height() >= QFontMetricsF(charts.tick_font).height() + 2


def test_long_phase_names_take_fitted_lines_under_their_bars(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The CRM sample's "Marketing og kampagner" is too long for its bar in presentation type:
    # it wraps (between words, or a word between syllables), and the axis is tall enough.
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.resize(1920, 1080)
    window.show()
    open_copy(window, CRM_SAMPLE, tmp_path)
    window.presentation_action.setChecked(True)
    window.toggle_presentation(full_screen=False)
    for _ in range(3):
        QApplication.processEvents()
    charts = charts_of(window)
    axis = charts.load_plot.getAxis("bottom")
    labels = [label for _, label in axis._tickLevels[0]]  # the ticks `setTicks` gave it
    metrics = QFontMetricsF(charts.tick_font)
    room = axis.width() / len(labels)
    assert any("\n" in label for label in labels), labels
    for label in labels:
        assert all(metrics.horizontalAdvance(line) <= room for line in label.split("\n"))
    assert "Kundeservice" in labels[1].replace("-\n", ""), "a word broken with a hyphen"
    names = [phase.name for phase in window.document.workshop.phases]  # cut to today's width:
    assert labels == ["\n".join(fitted_lines(name, metrics, room - 10)) for name in names]
    assert axis.height() >= metrics.height() + metrics.lineSpacing()


def test_the_load_chart_and_the_status_bar_say_what_they_show(window: MainWindow) -> None:
    # The capacity lines had no legend, and "plan 5abba2b2de54" in the status bar no word.
    charts = charts_of(window)
    title = charts.load_plot.getPlotItem().titleLabel.text
    assert "person-days" in title and "capacity" in title
    assert "fingerprint" in window.status.toolTip() and "PDF" in window.status.toolTip()
