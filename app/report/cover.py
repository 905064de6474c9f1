"""The cover and summary: what the plan is, where it ends, and who approved it."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.domain.approval import approvals
from app.domain.metrics import Metrics
from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, Finding
from app.domain.schedule import Schedule, iso_week, week_date
from app.i18n import _, ngettext
from app.i18n.dates import day
from app.report.approval import approval_status, meeting_date, open_errors_note
from app.report.cover_decisions import decided, risks, who_signed
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
from app.report.weeks import week_on


def cover(
    workshop: Workshop,
    analysis: tuple[Schedule, Metrics, list[Finding]],
    plan: str,
    width: float,
) -> list[Flowable]:
    """The first pages: title, vision, approval in context, what was decided, key numbers."""
    schedule, measured, found = analysis
    heads = approvals(workshop, plan)
    story: list[Flowable] = [Spacer(1, 36)]
    if workshop.organisation.strip():
        story += [para(workshop.organisation, SUBTITLE), Spacer(1, 6)]
    story += [
        para(workshop.title, TITLE),
        Spacer(1, 4),
        para(_("Rollout roadmap of the steering committee"), SUBTITLE),
        Spacer(1, 22),
    ]
    if workshop.vision.strip():
        story += [_vision(workshop.vision, width), Spacer(1, 18)]
    story += [para(approval_status(workshop, plan), STATUS, _status_color(workshop)), Spacer(1, 4)]
    note = open_errors_note(heads, found)
    if note is not None:
        story += [para(note, BODY), Spacer(1, 4)]
    story += _stale_note(workshop)
    story += [Spacer(1, 14), _facts(workshop, measured, found, width), Spacer(1, 10)]
    story += [labelled(_("Plan fingerprint:"), plan, BODY), Spacer(1, 6)]
    story += decided(workshop, schedule, measured, width) + risks(found) + who_signed(heads)
    story += [Spacer(1, 12)]
    guide: list[Flowable] = []
    for label, text in _guide(workshop):
        guide += [labelled(label, text, SMALL), Spacer(1, 5)]
    return [*story, KeepTogether(guide)]  # whole, on the next page when the cover is full


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
    text = _(
        "Stale sign-offs, made for an earlier version of this plan and not counted: {names}. "
        "See the sign-off page."
    ).format(names=names)
    return [para(text, SMALL)]


def _vision(vision: str, width: float) -> Table:
    table = Table(
        [[para(_("Think big: the vision"), CELL_BOLD)], [para(vision, BODY)]], [width], splitInRow=1
    )
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
    met = meeting_date(workshop)  # valid sign-offs only
    start = workshop.start
    end = summary.end_week
    rows = [
        (
            _("Meeting date"),
            day(met) if met else _("not recorded (nobody has signed this version yet)"),
        ),
        (
            _("Plan starts"),
            _("{day} (ISO week {iso})").format(day=week_on(start, 0), iso=iso_week(start, 0)),
        ),
        (
            _("Plan ends"),
            _("{day} (ISO week {iso}), when the last phase goes live").format(
                day=week_on(start, end), iso=iso_week(start, end)
            ),
        ),
        (
            _("Requests"),
            ngettext(
                "{scheduled} scheduled in {phases} phase, {backlog} deferred to the backlog",
                "{scheduled} scheduled in {phases} phases, {backlog} deferred to the backlog",
                len(workshop.phases),
            ).format(
                scheduled=summary.scheduled, phases=len(workshop.phases), backlog=summary.backlog
            ),
        ),
        (
            _("Benefit-weighted mean win week"),
            _mean_win(workshop, summary.benefit_weighted_mean_win_week),
        ),
        (_("Findings"), _finding_counts(found)),
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
        return _("no benefit is scheduled yet")
    around = day(week_date(workshop.start, round(mean)))
    return _("around {day}; the earlier, the sooner value arrives").format(day=around)


def _finding_counts(found: list[Finding]) -> str:
    open_ = [f for f in found if not f.accepted]
    parts = []
    for severity in SEVERITIES:
        count = sum(1 for f in open_ if f.severity == severity)
        if count:
            parts.append(_open_count(severity, count))
    accepted = sum(1 for f in found if f.accepted)
    text = ", ".join(parts) if parts else _("no open findings")
    if accepted:
        text += "; " + ngettext("{count} accepted risk", "{count} accepted risks", accepted).format(
            count=accepted
        )
    return text


def _open_count(severity: str, count: int) -> str:
    if severity == "error":
        text = ngettext("{count} open error", "{count} open errors", count)
    elif severity == "warning":
        text = ngettext("{count} open warning", "{count} open warnings", count)
    else:
        text = ngettext("{count} open caution", "{count} open cautions", count)
    return text.format(count=count)


def _guide(workshop: Workshop) -> list[tuple[str, str]]:
    """How to read the document, for a reader who has never seen Bellwether."""
    return [
        (
            _("How to read this roadmap."),
            _(
                "After the cover, the whole plan stands on one page; the roadmap drawing that "
                "follows has a column for each phase and a lane for each department. Each card "
                "is a request, placed in the phase at whose end it goes live; a star marks when "
                "the department first gains from the system. The charts compare the work planned "
                "in each phase with the project team's capacity, and show the benefit each "
                "department collects over time. Decisions and risks lists what the committee "
                "knowingly accepted, and why. The tables give every number, and the last page is "
                "for the department heads' signatures."
            ),
        ),
        (
            _("Weeks."),
            _(
                "Days are the days a phase begins and ends; a phase's requests go live at its "
                "end. ISO weeks, such as {iso}, are the calendar's week numbers."
            ).format(iso=iso_week(workshop.start, 0)),
        ),
        (
            _("Checking the plan."),
            _(
                "The fingerprint above identifies this exact version of the plan: any change to "
                "the plan gives it another fingerprint, and a head's signature counts only for "
                "the version it was given for. The plan itself is stored inside this PDF, so "
                "anyone can check with Bellwether's verify command that this document shows the "
                "plan that was signed and was not changed afterwards."
            ),
        ),
    ]
