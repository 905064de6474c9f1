"""Decisions and risks: the minutes of the meeting.

Open findings by severity in plain words; the findings the committee accepted, each with its
note (why it was accepted); the dot votes of each department; and who attended.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, Finding
from app.i18n import _
from app.report.formatting import named, reference
from app.report.style import CELL, CELL_BOLD, H1, H2, SEVERITY_COLORS, SMALL, para
from app.report.tables import Cell, grid

SEVERITY_WORDS = {
    "error": "Error",
    "warning": "Warning",
    "caution": "Caution",
}


def decisions(workshop: Workshop, found: Sequence[Finding], width: float) -> list[Flowable]:
    """The whole section: open findings, accepted risks, votes and attendees."""
    story: list[Flowable] = [para("Decisions and risks", H1)]
    story += _open_findings(found, width)
    story += _accepted(workshop, found, width)
    story += _votes(workshop, width)
    story += _attendees(workshop, width)
    return story


def _open_findings(found: Sequence[Finding], width: float) -> list[Flowable]:
    story: list[Flowable] = [para("Open findings", H2)]
    open_ = [f for f in found if not f.accepted]
    if not open_:
        return [*story, para("There are no open findings.", SMALL)]
    story.append(
        para(
            "Problems the plan still has and the committee has not accepted. Errors first.",
            SMALL,
        )
    )
    rows: list[list[Cell]] = []
    for severity in SEVERITIES:
        for finding in (f for f in open_ if f.severity == severity):
            tag = para(SEVERITY_WORDS[severity], CELL_BOLD, SEVERITY_COLORS[severity])
            rows.append([tag, para(_concerning(finding), CELL)])
    return [*story, grid(["Severity", "Finding"], rows, [0.13 * width, 0.87 * width])]


def _concerning(finding: Finding) -> str:
    """The finding's message, with the ids of the requests it concerns (titles repeat)."""
    if not finding.requests:
        return finding.message
    ids = ", ".join(finding.requests)
    return _("{message} (requests: {ids})").format(message=finding.message, ids=ids)


def _accepted(workshop: Workshop, found: Sequence[Finding], width: float) -> list[Flowable]:
    story: list[Flowable] = [para("Accepted risks", H2)]
    if not workshop.accepted:
        return [*story, para("The committee accepted no findings.", SMALL)]
    story.append(para("Findings the committee accepted knowingly, with the reason it gave.", SMALL))
    by_key = {f.key: f for f in found}
    rows: list[list[Cell]] = []
    for accepted in workshop.accepted:
        finding = by_key.get(accepted.key)
        if finding is None:
            what = para(f"{accepted.key} (no longer reported by the plan)", CELL)
        else:
            severity = SEVERITY_WORDS[finding.severity]
            what = para(f"{severity}: {finding.message}", CELL)
        rows.append([what, para(accepted.note, CELL)])
    header = ["Finding", "The committee's note"]
    return [*story, grid(header, rows, [0.5 * width, 0.5 * width])]


def _votes(workshop: Workshop, width: float) -> list[Flowable]:
    story: list[Flowable] = [para("Dot votes", H2)]
    budget = workshop.settings.dots_per_head
    titles = {r.id: named(r.title, r.id) for r in workshop.requests}
    backlog = " " + _("(in the backlog)")
    for request in workshop.requests:
        if request.phase is None:
            titles[request.id] += backlog
    rows: list[list[Cell]] = []
    for department in workshop.departments:
        given = workshop.votes.get(department.id, {})
        ranked = sorted(((d, r) for r, d in given.items() if d > 0), key=lambda v: -v[0])
        text = "; ".join(f"{reference(titles[r])} ({dots})" for dots, r in ranked) or "no votes"
        rows.append(
            [
                para(department.name, CELL_BOLD),
                para(department.head or "–", CELL),
                f"{sum(given.values())} of {budget}",
                para(text, CELL),
            ]
        )
    if not rows:
        return [*story, para("No departments.", SMALL)]
    header = ["Department", "Head", "Dots", "Given to (dots)"]
    widths = [0.17 * width, 0.18 * width, 0.1 * width, 0.55 * width]
    return [*story, grid(header, rows, widths, (2,))]


def _attendees(workshop: Workshop, width: float) -> list[Flowable]:
    if not workshop.attendees:
        return []
    names = {d.id: d.name for d in workshop.departments}
    rows: list[list[Cell]] = [
        [
            para(person.name, CELL),
            para(person.role or "–", CELL),
            para(names.get(person.department or "", "–"), CELL),
        ]
        for person in workshop.attendees
    ]
    widths = [0.35 * width, 0.35 * width, 0.3 * width]
    return [para("Attendees", H2), grid(["Name", "Role", "Department"], rows, widths)]
