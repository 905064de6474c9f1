"""Decisions and risks: the minutes of the meeting.

Open findings by severity in plain words; the findings the committee accepted, each with its
note (why it was accepted); the dot votes of each department; and who attended.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, Finding
from app.i18n import _
from app.report.formatting import named, reference
from app.report.style import CELL, CELL_BOLD, H1, H2, SEVERITY_COLORS, SMALL, para
from app.report.tables import Cell, grid


def severity_word(severity: str) -> str:
    """A severity as the PDF names it."""
    return {"error": _("Error"), "warning": _("Warning"), "caution": _("Caution")}[severity]


def decisions(workshop: Workshop, found: Sequence[Finding], width: float) -> list[Flowable]:
    """The whole section: open findings, accepted risks, votes and attendees."""
    story: list[Flowable] = [para(_("Decisions and risks"), H1)]
    story += _open_findings(found, width)
    story += _accepted(workshop, found, width)
    story += _votes(workshop, width)
    story += _attendees(workshop, width)
    return story


def _open_findings(found: Sequence[Finding], width: float) -> list[Flowable]:
    story: list[Flowable] = [para(_("Open findings"), H2)]
    open_ = [f for f in found if not f.accepted]
    if not open_:
        return [*story, para(_("There are no open findings."), SMALL)]
    story.append(
        para(
            _("Problems the plan still has and the committee has not accepted. Errors first."),
            SMALL,
        )
    )
    rows: list[list[Cell]] = []
    for severity in SEVERITIES:
        for finding in (f for f in open_ if f.severity == severity):
            tag = para(severity_word(severity), CELL_BOLD, SEVERITY_COLORS[severity])
            rows.append([tag, para(_concerning(finding), CELL)])
    return [*story, grid([_("Severity"), _("Finding")], rows, [0.13 * width, 0.87 * width])]


def _concerning(finding: Finding) -> str:
    """The finding's message, with the ids of the requests it concerns (titles repeat)."""
    if not finding.requests:
        return finding.message
    ids = ", ".join(finding.requests)
    return _("{message} (requests: {ids})").format(message=finding.message, ids=ids)


def _accepted(workshop: Workshop, found: Sequence[Finding], width: float) -> list[Flowable]:
    story: list[Flowable] = [para(_("Accepted risks"), H2)]
    if not workshop.accepted:
        return [*story, para(_("The committee accepted no findings."), SMALL)]
    story.append(
        para(_("Findings the committee accepted knowingly, with the reason it gave."), SMALL)
    )
    by_key = {f.key: f for f in found}
    rows: list[list[Cell]] = []
    for accepted in workshop.accepted:
        finding = by_key.get(accepted.key)
        if finding is None:
            what = para(_no_longer(workshop, accepted.key), CELL)
        else:
            severity = severity_word(finding.severity)
            what = para(f"{severity}: {finding.message}", CELL)
        rows.append([what, para(accepted.note, CELL)])
    header = [_("Finding"), _("The committee's note")]
    return [*story, grid(header, rows, [0.5 * width, 0.5 * width])]


def _no_longer(workshop: Workshop, key: str) -> str:
    """An accepted finding the plan no longer reports, in words: what it was about, by name
    (never the internal key: "phase-capacity:f1")."""
    rule, *places = key.split(":")
    names = {p.id: f"“{p.name}”" for p in workshop.phases}
    names |= {d.id: d.name for d in workshop.departments}
    names |= {r.id: named(r.title, r.id) for r in workshop.requests}
    where = ", ".join(names[place] for place in places if place in names)
    about = RULE_WORDS.get(rule)
    what = about() if about is not None else _("a finding of the plan")
    finding = _("{where}: {what}").format(where=where, what=what) if where else what
    return _("{finding} (no longer applies: the plan has changed since)").format(finding=finding)


RULE_WORDS: dict[str, Callable[[], str]] = {
    "phase-capacity": lambda: _("the phase may exceed its capacity"),
    "phase-near-capacity": lambda: _("the phase is close to its capacity"),
    "adoption-load": lambda: _("more new work for the users than they can absorb"),
    "dependency-order": lambda: _("a request goes live before one it depends on"),
    "no-benefit": lambda: _("the department gets no win at all"),
    "first-win-delay": lambda: _("the department's first win comes late"),
    "unrewarded-burden": lambda: _("new work for the users without a win"),
    "benefit-gap": lambda: _("a long wait between the department's wins"),
    "onboarding-breadth": lambda: _("many departments start on new work in the phase"),
    "vote-budget": lambda: _("more dots given than the budget"),
}
"""What each rule is about, for an accepted finding the plan no longer reports."""


def _votes(workshop: Workshop, width: float) -> list[Flowable]:
    story: list[Flowable] = [para(_("Dot votes"), H2)]
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
        text = "; ".join(f"{reference(titles[r])} ({dots})" for dots, r in ranked) or _("no votes")
        rows.append(
            [
                para(department.name, CELL_BOLD),
                para(department.head or "–", CELL),
                _("{given} of {budget}").format(given=sum(given.values()), budget=budget),
                para(text, CELL),
            ]
        )
    if not rows:
        return [*story, para(_("No departments."), SMALL)]
    header = [_("Department"), _("Head"), _("Dots"), _("Given to (dots)")]
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
    return [para(_("Attendees"), H2), grid([_("Name"), _("Role"), _("Department")], rows, widths)]
