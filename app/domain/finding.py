"""What a finding is: its rule, its severity, the places it concerns, its words as data.

`app.domain.rules` works the findings out; this module names them, so that a reader of findings
(the board, the PDF, the command line) need not know how they are found.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from app.domain.model import Phase, Request, Workshop
from app.domain.schedule import PhaseLoad, Schedule, week_date
from app.i18n import N_, _
from app.i18n.text import Day, Text

Severity = Literal["error", "warning", "caution"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "caution")

RULES: tuple[str, ...] = (
    "phase-capacity",
    "phase-near-capacity",
    "adoption-load",
    "dependency-order",
    "no-benefit",
    "first-win-delay",
    "unrewarded-burden",
    "benefit-gap",
    "onboarding-breadth",
    "vote-budget",
)
RULE_NAMES: dict[str, str] = {
    "phase-capacity": N_("over capacity"),
    "phase-near-capacity": N_("near capacity"),
    "adoption-load": N_("too much new work"),
    "dependency-order": N_("dependency out of order"),
    "no-benefit": N_("no win at all"),
    "first-win-delay": N_("first win too late"),
    "unrewarded-burden": N_("new work without a win"),
    "benefit-gap": N_("long wait between wins"),
    "onboarding-breadth": N_("too many start at once"),
    "vote-budget": N_("too many dots"),
}
"""Each rule in a few plain English words (see `rule_name` for them in the language spoken)."""

SEVERITY_NAMES: dict[str, str] = {
    "error": N_("error"),
    "warning": N_("warning"),
    "caution": N_("caution"),
}


def rule_name(rule: str) -> str:
    """The rule in a few plain words, where a whole message does not fit (a drop's preview)."""
    return _(RULE_NAMES[rule])


def severity_name(severity: str) -> str:
    """ "error", "warning" or "caution" in the language spoken now."""
    return _(SEVERITY_NAMES[severity])


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning about the plan, with the places it concerns."""

    rule: str
    severity: Severity
    key: str
    text: Text | str
    phase: str | None = None
    department: str | None = None
    requests: tuple[str, ...] = ()
    accepted: bool = False
    note: str | None = None

    @property
    def message(self) -> str:
        """The finding in words, in the language spoken now."""
        return str(self.text)


class RuleContext:
    """What every rule reads: the workshop, its schedule, names and thresholds."""

    def __init__(
        self, workshop: Workshop, schedule: Schedule, positions: dict[str, int] | None = None
    ) -> None:
        self.workshop = workshop
        self.schedule = schedule
        self.positions = (
            {request.id: i for i, request in enumerate(workshop.requests)}
            if positions is None
            else positions
        )
        """Where each request is in `workshop.requests`, by id."""
        self.phase_names = {phase.id: phase.name for phase in workshop.phases}
        self.department_names = {d.id: d.name for d in workshop.departments}
        self.settings = workshop.settings
        self.departments = {department.id: department for department in workshop.departments}

    def day(self, week: int) -> Day:
        """The day plan week ``week`` begins on, as a finding names it."""
        return Day(week_date(self.workshop.start, week))

    def request(self, request_id: str) -> Request:
        """The request with this id."""
        return self.workshop.requests[self.positions[request_id]]

    def load(self, phase: Phase) -> PhaseLoad:
        """The phase as the schedule lays it out."""
        return self.schedule.phases[phase.id]

    def first_win_weeks(self, department: str) -> int:
        """The department's own first-win threshold, else the workshop's."""
        own = self.departments[department].first_win_weeks
        return self.settings.first_win_weeks if own is None else own

    def max_gap_weeks(self, department: str) -> int:
        """The department's own gap threshold, else the workshop's."""
        own = self.departments[department].max_gap_weeks
        return self.settings.max_gap_weeks if own is None else own


_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
_RULE_RANK = {rule: rank for rank, rule in enumerate(RULES)}


def in_order(found: list[Finding], workshop: Workshop) -> list[Finding]:
    """Findings sorted errors first, then by rule, the accepted ones marked with their note.

    The sort is stable: within a rule, findings keep the order the checks gave them.
    """
    found.sort(key=lambda f: (_SEVERITY_RANK[f.severity], _RULE_RANK[f.rule]))
    notes = {accepted.key: accepted.note for accepted in workshop.accepted}
    return [replace(f, accepted=True, note=notes[f.key]) if f.key in notes else f for f in found]


def unaccepted_errors(found: list[Finding]) -> list[Finding]:
    """The errors the committee has not accepted: these keep `check` from passing."""
    return [f for f in found if f.severity == "error" and not f.accepted]
