"""The cover and summary: what the plan is, where it ends, and who approved it."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from app.domain.metrics import Metrics
from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, Finding
from app.domain.schedule import iso_week, week_date
from app.report.approval import approval_status, approvals, meeting_date
from app.report.formatting import day
from app.report.style import (
    BODY,
    CELL,
    CELL_BOLD,
    INK,
    MUTED,
    OK,
    SHADE,
    SMALL,
    STATUS,
    SUBTITLE,
    TABLE_FONT,
    TITLE,
    WARNING,
    labelled,
    para,
)


def cover(
    workshop: Workshop, measured: Metrics, found: list[Finding], plan: str, width: float
) -> list[Flowable]:
    """The first page: title, vision, the approval status in one line, and the key numbers."""
    story: list[Flowable] = [Spacer(1, 36)]
    if workshop.organisation.strip():
        story += [para(workshop.organisation, SUBTITLE), Spacer(1, 6)]
    story += [
        para(workshop.title, TITLE),
        Spacer(1, 4),
        para("Rollout roadmap of the steering committee", SUBTITLE),
        Spacer(1, 22),
    ]
    if workshop.vision.strip():
        story += [_vision(workshop.vision, width), Spacer(1, 18)]
    story += [para(approval_status(workshop), STATUS, _status_color(workshop)), Spacer(1, 4)]
    story += _stale_note(workshop)
    story += [Spacer(1, 14), _facts(workshop, measured, found, width), Spacer(1, 10)]
    story += [labelled("Plan fingerprint:", plan, BODY), Spacer(1, 18)]
    story.append(para(_guide(), SMALL))
    return story


def _status_color(workshop: Workshop) -> Color:
    heads = approvals(workshop)
    if heads and all(head.valid for head in heads):
        return OK
    return WARNING if any(head.valid for head in heads) else INK


def _stale_note(workshop: Workshop) -> list[Flowable]:
    stale = [head for head in approvals(workshop) if head.stale]
    if not stale:
        return []
    names = ", ".join(f"{h.department.name} ({h.signoff.name})" for h in stale if h.signoff)
    text = (
        f"Stale sign-offs, made for an earlier version of this plan and not counted: {names}. "
        "See the sign-off page."
    )
    return [para(text, SMALL)]


def _vision(vision: str, width: float) -> Table:
    table = Table([[para("Think big: the vision", CELL_BOLD)], [para(vision, BODY)]], [width])
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
            ]
        )
    )
    return table


def _facts(workshop: Workshop, measured: Metrics, found: list[Finding], width: float) -> Table:
    summary = measured.plan
    met = meeting_date(workshop)
    end = week_date(workshop.start, summary.end_week)
    rows = [
        ("Meeting date", day(met) if met else "not recorded (nobody has signed yet)"),
        ("Plan starts", f"{day(workshop.start)} ({iso_week(workshop.start, 0)}), week 0"),
        (
            "Plan ends",
            f"week {summary.end_week}, {day(end)} ({iso_week(workshop.start, summary.end_week)})",
        ),
        (
            "Requests",
            f"{summary.scheduled} scheduled in {len(workshop.phases)} phases, "
            f"{summary.backlog} deferred to the backlog",
        ),
        (
            "Benefit-weighted mean win week",
            _mean_win(workshop, summary.benefit_weighted_mean_win_week),
        ),
        ("Findings", _finding_counts(found)),
    ]
    data = [[para(label, CELL_BOLD), para(value, CELL)] for label, value in rows]
    table = Table(data, [width * 0.32, width * 0.68])
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, MUTED),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _mean_win(workshop: Workshop, mean: float | None) -> str:
    if mean is None:
        return "no benefit is scheduled yet"
    around = day(week_date(workshop.start, round(mean)))
    return f"week {mean:.1f} (around {around}); the lower, the sooner value arrives"


def _finding_counts(found: list[Finding]) -> str:
    open_ = [f for f in found if not f.accepted]
    parts = []
    for severity in SEVERITIES:
        count = sum(1 for f in open_ if f.severity == severity)
        if count:
            parts.append(f"{count} open {severity}{'s' if count != 1 else ''}")
    accepted = sum(1 for f in found if f.accepted)
    text = ", ".join(parts) if parts else "no open findings"
    if accepted:
        text += f"; {accepted} accepted risk{'s' if accepted != 1 else ''}"
    return text


def _guide() -> str:
    return (
        "This document stands alone. The roadmap drawing shows each department's requests in "
        "the phase at whose end they go live, and when each department first gains. The charts "
        "show the load of each phase against its capacity and the benefit each department "
        "collects over time. Decisions and risks lists what the committee knowingly accepted, "
        "and why. The tables give every number; the last page records who signed. The plan's "
        "workshop file is embedded in this PDF: `bellwether verify` checks that it is the plan "
        "printed here."
    )
