"""The roadmap's columns: phases (and the weeks after the plan) on the time axis, their widths
and their headers. Pure geometry, like `roadmap_layout.py`, which cuts the lanes into sheets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.model import Workshop
from app.domain.schedule import Schedule
from app.i18n import _
from app.i18n.numbers import number
from app.report.fonts import BOLD, REGULAR, text_width
from app.report.formatting import wrap
from app.report.weeks import date_span, iso_span, plan_weeks, together

LABEL_W = 100.0
MIN_COLUMN_W = 84.0
AFTER_MIN_W = 70.0
CARD_MIN_W = 56.0
GAP = 4.0
CARD_SIZE, CARD_LEADING, CARD_PAD, CARD_BAR = 7.5, 8.8, 3.0, 2.5
TITLE_LINES = 4
MARKER_H = 15.0
TITLE_H = 48.0
HEADER_PAD = 4.0
LABEL_NAME_SIZE, LABEL_HEAD_SIZE = 8.5, 7.5
MULTI_SHEET_WEEK_W = 14.0


@dataclass(frozen=True, slots=True)
class HeaderLine:
    """One line of a column header."""

    text: str
    size: float
    bold: bool = False
    alert: bool = False

    @property
    def leading(self) -> float:
        """The line's height."""
        return self.size * 1.22


@dataclass(frozen=True, slots=True)
class Column:
    """A phase (or the weeks after the plan, number 0) on the time axis."""

    number: int
    start: int
    end: int
    width: float
    slots: int
    header: tuple[HeaderLine, ...]

    def card_width(self, slots: int) -> float:
        """The width of one card when `slots` cards stand side by side in this column."""
        return (self.width - GAP * (slots + 1)) / slots


def fit_widths(weeks: Sequence[int], minimums: Sequence[float], available: float) -> list[float]:
    """Column widths proportional to weeks, each at least its minimum, filling `available`.

    When the minimums alone are too wide for one page the plan needs several sheets across, and
    a fixed week width is used instead (a column is never wider than a page).
    """
    if not weeks:
        return []
    if sum(minimums) > available:
        scale = MULTI_SHEET_WEEK_W
    else:
        low, high = 0.0, available / min(weeks)
        for _ in range(50):
            middle = (low + high) / 2
            total = sum(max(w * middle, m) for w, m in zip(weeks, minimums, strict=True))
            low, high = (middle, high) if total <= available else (low, middle)
        scale = low
    return [min(max(w * scale, m), available) for w, m in zip(weeks, minimums, strict=True)]


def group_columns(widths: Sequence[float], available: float) -> list[range]:
    """Consecutive columns packed into sheets across, each group at most `available` wide."""
    groups: list[range] = []
    first, used = 0, 0.0
    for index, width in enumerate(widths):
        if index > first and used + width > available + 0.01:
            groups.append(range(first, index))
            first, used = index, 0.0
        used += width
    if widths:
        groups.append(range(first, len(widths)))
    return groups


Wordings = tuple[tuple[str, ...], float] | tuple[tuple[str, ...], float, bool, bool]
"""A header line: its wordings (longest first), its size and, optionally, bold and alert."""
OVER_MARK = "▲"
"""Marks a phase over capacity in its header, so the print says it without colour."""


def _header(lines: Sequence[Wordings], width: float) -> tuple[HeaderLine, ...]:
    """Each line's first wording that fits the column on one line, else its last one wrapped.

    A narrow column says "plan weeks 0–6" where a wider one says "Phase 1 · plan weeks 0–6", so
    the header (and with it every lane) is no taller than it must be.
    """
    room = width - 2 * HEADER_PAD
    result: list[HeaderLine] = []
    for wordings, size, *flags in lines:
        bold, alert = (bool(flags[0]), bool(flags[1])) if flags else (False, False)
        font = BOLD if bold else REGULAR
        text = next((w for w in wordings if text_width(w, font, size) <= room), wordings[-1])
        for line in wrap(text, font, size, room, 3):
            result.append(HeaderLine(line, size, bold, alert))
    return tuple(result)


def _phase_header(
    workshop: Workshop, schedule: Schedule, index: int, width: float
) -> tuple[HeaderLine, ...]:
    phase = workshop.phases[index]
    load = schedule.phases[phase.id]
    weeks = plan_weeks(load.start, load.end)
    iso = iso_span(workshop.start, load.start, load.end)
    return _header(
        [
            ((phase.name,), 8.0, True, False),
            ((_("Phase {number} · {weeks}").format(number=index + 1, weeks=weeks), weeks), 7.5),
            ((date_span(workshop.start, load.start, load.end),), 7.5),
            ((f"{together(_('ISO weeks'))} {iso}", f"{_('ISO')} {iso}"), 7.5),
            *_effort_lines(workshop, phase.id, load.effort, phase.capacity),
        ],
        width,
    )


def _effort_lines(workshop: Workshop, phase: str, effort: float, capacity: float) -> list[Wordings]:
    """The effort against capacity; over capacity it says so in words and a mark, not only in
    red (a black-and-white print loses the red), and whether the committee accepted it."""
    amounts = _("{effort} of {capacity} person-days").format(
        effort=number(effort), capacity=number(capacity)
    )
    if effort <= capacity:
        return [((amounts,), 7.5, False, False)]
    accepted = f"phase-capacity:{phase}" in {a.key for a in workshop.accepted}
    state = _("over capacity, accepted") if accepted else _("over capacity")
    return [
        ((f"{OVER_MARK} {amounts}",), 7.5, True, not accepted),
        ((f"{OVER_MARK} {state}",), 7.5, True, not accepted),
    ]


def _after_header(workshop: Workshop, start: int, end: int, width: float) -> tuple[HeaderLine, ...]:
    weeks = plan_weeks(start, end)
    return _header(
        [
            ((_("After the plan"),), 8.0, True, False),
            ((_("wins in {weeks}").format(weeks=weeks), weeks), 7.5),
            ((date_span(workshop.start, start, end),), 7.5),
        ],
        width,
    )


def _slots(width: float) -> int:
    return max(1, int((width - GAP) // (CARD_MIN_W + GAP)))


def build_columns(workshop: Workshop, schedule: Schedule, available: float) -> list[Column]:
    """The phases, and the weeks after the plan when a first win falls there.

    The weeks after the plan get a narrow column of fixed width: a win two years after the last
    phase must not squeeze the phases.
    """
    spans = [(schedule.phases[p.id].start, schedule.phases[p.id].end) for p in workshop.phases]
    first_wins = [t.first_win for t in schedule.timelines.values() if t.first_win is not None]
    late = max(first_wins, default=0)
    after = bool(spans) and late >= schedule.end
    room = available - AFTER_MIN_W if after else available
    widths = fit_widths([end - start for start, end in spans], [MIN_COLUMN_W] * len(spans), room)
    columns = []
    for index, ((start, end), width) in enumerate(zip(spans, widths, strict=True)):
        header = _phase_header(workshop, schedule, index, width)
        columns.append(Column(index + 1, start, end, width, _slots(width), header))
    if after:
        header = _after_header(workshop, schedule.end, late + 1, AFTER_MIN_W)
        columns.append(Column(0, schedule.end, late + 1, AFTER_MIN_W, 1, header))
    return columns


def header_height(columns: Sequence[Column]) -> float:
    """The height of the header row: the tallest column header."""
    tallest = max((sum(line.leading for line in c.header) for c in columns), default=0.0)
    return max(tallest + 2 * HEADER_PAD, 28.0)  # at least the "Department / head" label
