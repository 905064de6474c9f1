"""Changes in this meeting: the plan as the PDF prints it, against the plan as it was opened.

Management reads what the meeting changed: the requests moved (from which phase to which, or
to and from the backlog), added and removed; the risks the committee newly accepted, with its
reason; and the dot votes given or changed. The baseline plan is embedded in the PDF next to
the plan itself, so `verify` renders this section again from it and checks it like any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from app.domain.fingerprint import fingerprint, short
from app.domain.model import Workshop
from app.domain.rules import Finding
from app.i18n import _
from app.report.formatting import named
from app.report.style import CELL, H1, H2, SMALL, para
from app.report.tables import Cell, grid


def changes_section(
    baseline: Workshop, workshop: Workshop, found: Sequence[Finding], width: float
) -> list[Flowable]:
    """The whole section; it says so plainly when nothing changed."""
    story: list[Flowable] = [para(_("Changes in this meeting"), H1)]
    story.append(
        para(
            _(
                "Against the plan as it was when the meeting started: “{title}”, plan {plan}."
            ).format(title=baseline.title, plan=short(fingerprint(baseline))),
            SMALL,
        )
    )
    parts = [
        _moves(baseline, workshop, width),
        _added_removed(baseline, workshop, width),
        _accepted(baseline, found, width),
        _votes(baseline, workshop, width),
    ]
    if not any(parts):
        return [*story, para(_("Nothing changed against the plan as it was opened."), CELL)]
    for part in parts:
        story += part
    return story


def _phase_names(workshop: Workshop) -> dict[str | None, str]:
    names: dict[str | None, str] = {None: _("backlog")}
    for index, phase in enumerate(workshop.phases, 1):
        names[phase.id] = f"{index}. {phase.name}"
    return names


def _moves(baseline: Workshop, workshop: Workshop, width: float) -> list[Flowable]:
    before = {r.id: r.phase for r in baseline.requests}
    old, new = _phase_names(baseline), _phase_names(workshop)
    rows: list[list[Cell]] = []
    for request in workshop.requests:
        if request.id in before and before[request.id] != request.phase:
            was = old.get(before[request.id], str(before[request.id]))
            rows.append(
                [
                    para(named(request.title, request.id), CELL),
                    para(was, CELL),
                    para(new.get(request.phase, str(request.phase)), CELL),
                ]
            )
    if not rows:
        return []
    header = [_("Request"), _("Was in"), _("Now in")]
    widths = [0.5 * width, 0.25 * width, 0.25 * width]
    return [para(_("Requests moved"), H2), grid(header, rows, widths)]


def _added_removed(baseline: Workshop, workshop: Workshop, width: float) -> list[Flowable]:
    before = {r.id for r in baseline.requests}
    after = {r.id for r in workshop.requests}
    rows: list[list[Cell]] = [
        [para(_("added"), CELL), para(named(r.title, r.id), CELL)]
        for r in workshop.requests
        if r.id not in before
    ]
    rows += [
        [para(_("removed"), CELL), para(named(r.title, r.id), CELL)]
        for r in baseline.requests
        if r.id not in after
    ]
    if not rows:
        return []
    header = [_("Change"), _("Request")]
    return [
        para(_("Requests added and removed"), H2),
        grid(header, rows, [0.2 * width, 0.8 * width]),
    ]


def _accepted(baseline: Workshop, found: Sequence[Finding], width: float) -> list[Flowable]:
    earlier = {accepted.key for accepted in baseline.accepted}
    rows: list[list[Cell]] = [
        [para(finding.message, CELL), para(finding.note or "–", CELL)]
        for finding in found
        if finding.accepted and finding.key not in earlier
    ]
    if not rows:
        return []
    header = [_("Risk accepted in this meeting"), _("The committee's note")]
    return [para(_("Risks accepted"), H2), grid(header, rows, [0.5 * width, 0.5 * width])]


def _votes(baseline: Workshop, workshop: Workshop, width: float) -> list[Flowable]:
    titles = {r.id: named(r.title, r.id) for r in (*baseline.requests, *workshop.requests)}
    rows: list[list[Cell]] = []
    for department in workshop.departments:
        was = baseline.votes.get(department.id, {})
        now = workshop.votes.get(department.id, {})
        for request in sorted(set(was) | set(now)):
            a, b = was.get(request, 0), now.get(request, 0)
            if a != b:
                rows.append(
                    [
                        para(department.name, CELL),
                        para(titles.get(request, request), CELL),
                        _("{before} → {after}").format(before=a, after=b),
                    ]
                )
    if not rows:
        return []
    header = [_("Department"), _("Request"), _("Dots")]
    widths = [0.25 * width, 0.6 * width, 0.15 * width]
    return [para(_("Dot votes given"), H2), grid(header, rows, widths, (2,))]
