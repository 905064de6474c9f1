"""What the committee decided, on the cover: for a reader who was not in the room.

Per department its first win (a date) and what goes live for it first, or that it gets nothing
in this plan; the open risks named one sentence each; who signed and who has not, by name.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer

from app.domain.approval import HeadApproval
from app.domain.metrics import Metrics
from app.domain.model import Request, Workshop
from app.domain.rules import Finding
from app.domain.schedule import Schedule, week_date
from app.i18n import _, ngettext
from app.i18n.dates import day
from app.report.formatting import named as named_request
from app.report.style import CELL, CELL_BOLD, H2, SMALL, para
from app.report.tables import Cell, grid

SHOWN_RISKS = 6
SHOWN_FIRST = 2


def named(request: Request) -> str:
    """A request as the PDF names it: its title and, since titles repeat, its id."""
    return named_request(request.title, request.id)


def decided(
    workshop: Workshop, schedule: Schedule, measured: Metrics, width: float
) -> list[Flowable]:
    """A table: each department's first win and the requests that go live for it first."""
    wins = {m.id: m.first_win_week for m in measured.departments}
    rows: list[list[Cell]] = []
    for department in workshop.departments:
        first, more, live = _first_live(workshop, schedule, department.id)
        win = wins.get(department.id)
        if not first and win is None:
            nothing = para(_("Gets nothing in this plan: no request is scheduled for it."), CELL)
            rows.append([para(department.name, CELL_BOLD), nothing, ""])
            continue
        when = day(week_date(workshop.start, win)) if win is not None else _("no win yet")
        text = "; ".join(named(request) for request in first)
        if more:
            text += " " + ngettext("and {count} more", "and {count} more", more).format(count=more)
        if live is not None:
            text = _("{requests}, live {date}").format(
                requests=text, date=day(week_date(workshop.start, live))
            )
        rows.append([para(department.name, CELL_BOLD), para(when, CELL), para(text, CELL)])
    header = [_("Department"), _("First win"), _("Goes live first")]
    widths = [0.2 * width, 0.18 * width, 0.62 * width]
    return [para(_("What each department gets"), H2), grid(header, rows, widths)]


def _first_live(
    workshop: Workshop, schedule: Schedule, department: str
) -> tuple[list[Request], int, int | None]:
    """The department's requests in its earliest phase, how many more there, and when live."""
    order = {phase.id: index for index, phase in enumerate(workshop.phases)}
    own = [r for r in workshop.requests if r.department == department and r.phase is not None]
    if not own:
        return [], 0, None
    earliest = min(own, key=lambda r: order[r.phase or ""]).phase
    first = [r for r in own if r.phase == earliest]
    return first[:SHOWN_FIRST], max(0, len(first) - SHOWN_FIRST), schedule.go_live(earliest)


def risks(found: Sequence[Finding]) -> list[Flowable]:
    """The open errors and warnings, a sentence each; the rest counted."""
    open_ = [f for f in found if not f.accepted and f.severity in ("error", "warning")]
    if not open_:
        return [
            para(_("Open risks"), H2),
            para(_("The plan has no open errors or warnings."), SMALL),
        ]
    story: list[Flowable] = [para(_("Open risks"), H2)]
    words = {"error": _("Error"), "warning": _("Warning")}
    for finding in open_[:SHOWN_RISKS]:
        text = _("{severity}: {message}").format(
            severity=words[finding.severity], message=finding.message
        )
        story.append(para(text, SMALL))
    if len(open_) > SHOWN_RISKS:
        rest = len(open_) - SHOWN_RISKS
        story.append(
            para(
                ngettext(
                    "and {count} more, listed under Decisions and risks",
                    "and {count} more, listed under Decisions and risks",
                    rest,
                ).format(count=rest),
                SMALL,
            )
        )
    return story


def who_signed(heads: list[HeadApproval]) -> list[Flowable]:
    """Who signed this version, who signed an earlier one, and who has not signed: by name."""
    signed = [
        _("{department} ({name}, {date})").format(
            department=h.department.name, name=h.signoff.name, date=day(h.signoff.at.date())
        )
        for h in heads
        if h.valid and h.signoff is not None
    ]
    stale = [
        _("{department} ({name})").format(department=h.department.name, name=h.signoff.name)
        for h in heads
        if h.stale and h.signoff is not None
    ]
    unsigned = [
        _("{department} ({name})").format(
            department=h.department.name, name=h.department.head or _("no head named")
        )
        if h.department.head
        else h.department.name
        for h in heads
        if h.signoff is None
    ]
    story: list[Flowable] = [para(_("Sign-off"), H2)]
    for label, names in (
        (_("Signed this version:"), signed),
        (_("Signed an earlier version (not counted):"), stale),
        (_("Not signed:"), unsigned),
    ):
        if names:
            story.append(para(f"{label} {', '.join(names)}", SMALL))
    return [*story, Spacer(1, 6)]
