"""The tables: phases, departments, every scheduled request by phase, and the backlog.

Long tables break across pages with their header row repeated. Numbers are plain strings (drawn
as they are); text from the workshop goes through `para()`, so it is printed literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from app.domain.metrics import Metrics
from app.domain.model import Request, Workshop
from app.domain.schedule import Schedule
from app.i18n import _
from app.i18n.numbers import number, percent
from app.report.fonts import BOLD, text_width
from app.report.formatting import BREAKING_SPACE, named, reference
from app.report.style import (
    CELL,
    CELL_BOLD,
    ERROR,
    H1,
    H2,
    HEADER_CELL,
    MUTED,
    RULE,
    SHADE,
    SMALL,
    TABLE_FONT,
    Text,
    para,
)
from app.report.weeks import NBSP, date_span, iso_span, week_on

Cell: TypeAlias = Any  # a Flowable, or a plain string drawn as it is


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    numeric: Sequence[int] = (),
) -> Table:
    """A table with a shaded header row that is repeated on every page it runs over."""
    data: list[Sequence[Cell]] = [[para(text, HEADER_CELL) for text in header], *rows]
    fitted = fit_columns(widths, [_unbroken(column, header, rows) for column in range(len(header))])
    table = Table(data, colWidths=fitted, repeatRows=1, splitInRow=1)
    style = [
        TABLE_FONT,
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("ALIGN", (column, 1), (column, -1), "RIGHT") for column in numeric]
    table.setStyle(TableStyle(style))
    return table


CELL_PADDING = 6.0
"""A cell's left and right padding together."""


def _unbroken(column: int, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> float:
    """The width a column needs so that no word of its header and no number, date or week span
    of its cells is broken across lines (other words may be, between syllables)."""
    need = max(
        (text_width(w, BOLD, HEADER_CELL.fontSize) for w in header[column].split()), default=0
    )
    for row in rows:
        cell = row[column] if column < len(row) else ""
        text = cell if isinstance(cell, str) else getattr(cell, "text", "")
        style = getattr(cell, "style", CELL)
        for word in BREAKING_SPACE.split(text):
            if any(c.isdigit() for c in word):
                need = max(need, text_width(word, style.fontName, style.fontSize))
    return need + CELL_PADDING + 0.5


def fit_columns(widths: Sequence[float], needs: Sequence[float]) -> list[float]:
    """The columns' widths, each at least what it needs, taken from the columns with room to
    spare in proportion to their spare room; the total stays the same (as asked, when the
    needs together are more than the total)."""
    total = sum(widths)
    short = sum(max(0.0, n - w) for w, n in zip(widths, needs, strict=True))
    spare = sum(max(0.0, w - n) for w, n in zip(widths, needs, strict=True))
    if short == 0 or short > spare:
        return list(widths)
    fitted = [
        max(w, n) if n >= w else w - (w - n) * short / spare
        for w, n in zip(widths, needs, strict=True)
    ]
    return [f * total / sum(fitted) for f in fitted]


def _week(workshop: Workshop, week: int | None) -> str:
    return _("never") if week is None else week_on(workshop.start, week)


def phases_table(workshop: Workshop, measured: Metrics, width: float) -> list[Flowable]:
    """Each phase: its length, dates, ISO weeks, effort against capacity, load, who starts."""
    names = {d.id: d.name for d in workshop.departments}
    rows: list[list[Cell]] = []
    for index, (phase, m) in enumerate(zip(workshop.phases, measured.phases, strict=True)):
        over = m.effort > m.capacity
        load = _("no capacity") if m.load is None else percent(m.load)
        rows.append(
            [
                str(index + 1),
                para(phase.name, CELL_BOLD),
                str(m.end - m.start),
                para(date_span(workshop.start, m.start, m.end), CELL),
                para(iso_span(workshop.start, m.start, m.end), CELL),
                f"{number(m.effort)} / {number(m.capacity)}",
                para(load, CELL, ERROR if over else None),
                para(", ".join(names[d] for d in m.onboarding) or "–", CELL),
            ]
        )
    header = [
        "#",
        _("Phase"),
        _("Weeks"),
        _("Dates"),
        _("ISO weeks"),
        _("Effort / capacity (person-days)"),
        _("Load"),
        _("Departments starting"),
    ]
    fractions = [0.035, 0.2, 0.07, 0.2, 0.14, 0.11, 0.07, 0.175]
    widths = [f * width for f in fractions]
    return [para(_("Phases"), H2), *_weeks_note(measured), grid(header, rows, widths, (2, 5))]


def _weeks_note(measured: Metrics) -> list[Flowable]:
    """What a phase's weeks and days mean."""
    if not measured.phases:
        return []
    text = _(
        "A phase runs from its first day to its last; its requests go live at its end. ISO "
        "weeks are the calendar's week numbers."
    )
    return [para(text, SMALL)]


def departments_table(workshop: Workshop, measured: Metrics, width: float) -> list[Flowable]:
    """Each department: head, first new work, first win, wins, benefit points, dots given."""
    rows: list[list[Cell]] = []
    for department, m in zip(workshop.departments, measured.departments, strict=True):
        rows.append(
            [
                para(department.name, CELL_BOLD),
                para(department.head or "–", CELL),
                para(_week(workshop, m.first_burden_week), CELL),
                para(_week(workshop, m.first_win_week), CELL),
                str(m.wins),
                number(m.benefit_points),
                str(m.dots_given),
            ]
        )
    header = [
        _("Department"),
        _("Head"),
        _("First new work"),
        _("First win"),
        _("Wins"),
        _("Benefit points"),
        _("Dots given"),
    ]
    fractions = [0.14, 0.17, 0.23, 0.23, 0.07, 0.09, 0.07]
    note = para(
        _(
            "First new work: when the department's users first take on work for the system "
            "(training, data entry). First win: when they first gain from it."
        ),
        SMALL,
    )
    return [
        para(_("Departments"), H2),
        note,
        grid(header, rows, [f * width for f in fractions], (4, 5, 6)),
    ]


class _Names:
    """Department and request names for the request tables."""

    def __init__(self, workshop: Workshop) -> None:
        self.departments = {d.id: d.name for d in workshop.departments}
        self.requests = {r.id: named(r.title, r.id) for r in workshop.requests}
        self.backlog = {r.id for r in workshop.requests if r.phase is None}
        self.votes: dict[str, int] = {}
        for given in workshop.votes.values():
            for request, dots in given.items():
                self.votes[request] = self.votes.get(request, 0) + dots

    def points(self, values: dict[str, float], unit: str = "") -> Text:
        """Department names with their points (or hours), "Salg 5, Marketing 1"; a number
        stays on the line of its department and its unit."""
        text = ", ".join(
            f"{reference(self.departments[d])}{NBSP}{number(v)}{unit}" for d, v in values.items()
        )
        return para(text or "–", CELL)

    def depends(self, request: Request) -> Text:
        """The requests `request` depends on, by title and id; one left in the backlog is
        marked, since the dependent request cannot go live before it."""
        titles = (
            self.requests[r] + (" " + _("(in the backlog)") if r in self.backlog else "")
            for r in request.depends_on
        )
        return para("; ".join(titles) or "–", CELL)


def requests_tables(workshop: Workshop, schedule: Schedule, width: float) -> list[Flowable]:
    """Every scheduled request, one table per phase.

    A phase's table starts on a new page rather than leave its first rows under its heading and
    the rest on a page that does not say which phase they belong to; only a table longer than a
    page is split.
    """
    names = _Names(workshop)
    by_phase: dict[str, list[Request]] = {p.id: [] for p in workshop.phases}
    for request in workshop.requests:
        if request.phase is not None:
            by_phase[request.phase].append(request)
    story: list[Flowable] = [para(_("Requests by phase"), H1)]
    header = [
        _("Request"),
        _("Department"),
        _("Effort"),
        _("Benefit (points)"),
        _("Burden (hours per user)"),
        _("Votes"),
        _("Depends on"),
    ]
    widths = [f * width for f in (0.23, 0.12, 0.065, 0.17, 0.15, 0.065, 0.2)]
    for index, phase in enumerate(workshop.phases):
        live = week_on(workshop.start, schedule.phases[phase.id].end)
        heading = para(
            _("{number}. {phase}: live at {live}").format(
                number=index + 1, phase=phase.name, live=live
            ),
            H2,
        )
        rows = [_request_row(r, names) for r in by_phase[phase.id]]
        table = grid(header, rows, widths, (2, 5)) if rows else para(_("No requests."), SMALL)
        story.append(KeepTogether([heading, table]))
    return story


def _request_row(request: Request, names: _Names) -> list[Cell]:
    return [
        para(names.requests[request.id], CELL),
        para(names.departments[request.department], CELL),
        number(request.effort),
        names.points(request.benefit),
        names.points(request.burden, f"{NBSP}h"),
        str(names.votes.get(request.id, 0)),
        names.depends(request),
    ]


def backlog_table(workshop: Workshop, width: float) -> list[Flowable]:
    """What was deferred, most voted first (on a new page rather than split, if it fits one)."""
    names = _Names(workshop)
    deferred = [r for r in workshop.requests if r.phase is None]
    story: list[Flowable] = [para(_("Backlog: deferred"), H1)]
    if not deferred:
        return [*story, para(_("Nothing was deferred: every request is in a phase."), SMALL)]
    deferred.sort(key=lambda r: -names.votes.get(r.id, 0))
    rows = [
        [
            para(names.requests[r.id], CELL),
            para(names.departments[r.department], CELL),
            number(r.effort),
            names.points(r.benefit),
            str(names.votes.get(r.id, 0)),
            names.depends(r),
        ]
        for r in deferred
    ]
    header = [
        _("Request"),
        _("Department"),
        _("Effort"),
        _("Benefit (points)"),
        _("Votes"),
        _("Depends on"),
    ]
    widths = [f * width for f in (0.28, 0.13, 0.07, 0.19, 0.07, 0.26)]
    return [KeepTogether([*story, grid(header, rows, widths, (2, 4))])]
