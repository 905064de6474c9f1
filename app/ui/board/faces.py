"""The faces of the board's headers, worked out from the workshop and its analysis."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.model import Workshop
from app.i18n import _
from app.ui.board.geometry import Column
from app.ui.board.headers import ColumnFace, LaneFace
from app.ui.board.texts import (
    calendar_texts,
    concerns_text,
    first_win_texts,
    first_win_tip,
    waiting,
    worst,
)
from app.ui.document import Analysis
from app.ui.theme import department_color

Preview = tuple[tuple[str, ...], str | None]
"""A drop preview's lines and the worst severity it would add."""


def lane_faces(
    workshop: Workshop,
    analysis: Analysis,
    highlighted: str | None,
    separators: tuple[float, ...],
    is_open: Callable[[str], bool] = lambda department: True,
) -> list[LaneFace]:
    """Each department's lane header, in the departments' order (`is_open`: not summarised)."""
    first_wins = {m.id: m.first_win_week for m in analysis.metrics.departments}
    heads = analysis.heads(workshop)
    signed = {head.department.id for head in heads if head.valid}
    stale = {head.department.id for head in heads if head.stale}
    faces = []
    for index, department in enumerate(workshop.departments):
        win = first_wins.get(department.id)
        faces.append(
            LaneFace(
                department.name,
                department.head,
                department_color(workshop, index).name(),
                first_win_texts(workshop.start, win),
                first_win_tip(workshop.start, win),
                "✔ signed"
                if department.id in signed
                else ("signed (stale)" if department.id in stale else ""),
                highlighted == department.id,
                separators,
                not is_open(department.id),
            )
        )
    return faces


def column_face(
    workshop: Workshop,
    analysis: Analysis,
    column: Column,
    severities: list[str],
    hovered: Preview | None,
    phase_highlighted: bool,
) -> ColumnFace:
    """A phase's (or the backlog's) header; `hovered`: the preview of a card dragged over it."""
    lines, preview_severity = hovered if hovered else ((), None)
    highlighted = hovered is not None
    if column.phase is None:
        backlog = analysis.metrics.plan.backlog
        return ColumnFace(
            _("Backlog"), waiting(backlog), "", "", 0.0, None, None, highlighted,
            lines, preview_severity,
        )  # fmt: skip
    phase = workshop.phase(column.phase)
    span = analysis.schedule.phases[phase.id]
    weeks, dates, iso_weeks = calendar_texts(workshop.start, span.start, span.end)
    return ColumnFace(
        phase.name,
        weeks,
        dates,
        iso_weeks,
        span.effort,
        phase.capacity,
        worst(severities),
        highlighted or phase_highlighted,
        lines,
        preview_severity,
        concerns_text(severities),
    )
