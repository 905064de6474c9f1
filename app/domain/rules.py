"""The findings: the live warnings about load, benefit delay and agreement.

Each rule of DESIGN.md's findings table is one small function over the schedule, which was
gathered in one pass over the requests. `findings()` runs them all and marks the accepted ones.
The checks work on one phase, department or request at a time, so that after an edit
`rule_update.rule_pass` can work out again only the findings the edit can have changed.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from app.domain.model import Phase, Request, Workshop
from app.domain.schedule import (
    DepartmentTimeline,
    PhaseLoad,
    Schedule,
    build_schedule,
    tidy,
)

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
    "phase-capacity": "over capacity",
    "phase-near-capacity": "near capacity",
    "adoption-load": "too much new work",
    "dependency-order": "dependency out of order",
    "no-benefit": "no win at all",
    "first-win-delay": "first win too late",
    "unrewarded-burden": "new work without a win",
    "benefit-gap": "long wait between wins",
    "onboarding-breadth": "too many start at once",
    "vote-budget": "too many dots",
}
"""Each rule in a few plain words, where a whole message does not fit (a drop's preview)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning about the plan, with the places it concerns."""

    rule: str
    severity: Severity
    key: str
    message: str
    phase: str | None = None
    department: str | None = None
    requests: tuple[str, ...] = ()
    accepted: bool = False
    note: str | None = None


def _number(value: float) -> str:
    """A number as people write it: 12, 12.5, never 12.0."""
    return f"{value:g}" if value != int(value) else str(int(value))


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


def phase_findings(ctx: RuleContext, phase: Phase, load: PhaseLoad) -> tuple[Finding, ...]:
    """phase-capacity, phase-near-capacity and adoption-load of one phase.

    They read only the phase's load (its requests by id), the phase, departments and settings.
    """
    return (*_phase_capacity(ctx, phase, load), *_adoption_load(ctx, phase, load))


def _phase_capacity(ctx: RuleContext, phase: Phase, load: PhaseLoad) -> Iterator[Finding]:
    effort = load.effort
    if effort > phase.capacity:
        yield Finding(
            "phase-capacity",
            "error",
            f"phase-capacity:{phase.id}",
            f'Phase "{phase.name}" is over capacity: {_number(effort)} person-days of effort '
            f"against a capacity of {_number(phase.capacity)}.",
            phase=phase.id,
            requests=tuple(load.requests),
        )
    elif effort > 0 and tidy(ctx.settings.caution_load * phase.capacity) <= effort:
        yield Finding(
            "phase-near-capacity",
            "caution",
            f"phase-near-capacity:{phase.id}",
            f'Phase "{phase.name}" is near capacity: {_number(effort)} of '
            f"{_number(phase.capacity)} person-days ({effort / phase.capacity:.0%}).",
            phase=phase.id,
            requests=tuple(load.requests),
        )


def _adoption_load(ctx: RuleContext, phase: Phase, load: PhaseLoad) -> Iterator[Finding]:
    for department, hours in load.burden.items():
        capacity = ctx.departments[department].burden_capacity
        if capacity is not None and hours > capacity:
            yield Finding(
                "adoption-load",
                "warning",
                f"adoption-load:{phase.id}:{department}",
                f"{ctx.department_names[department]} users take on {_number(hours)} hours "
                f'each of new work in phase "{phase.name}", more than the '
                f"{_number(capacity)} they can absorb.",
                phase=phase.id,
                department=department,
                requests=tuple(load.burden_requests[department]),
            )


def dependency_findings(ctx: RuleContext, request: Request) -> tuple[Finding, ...]:
    """The dependency-order findings of one request, in the order of its dependencies."""
    if request.phase is None or not request.depends_on:
        return ()
    phases = ctx.schedule.phases
    names = ctx.phase_names
    index = phases[request.phase].index
    found = []
    for dependency_id in request.depends_on:
        dependency = ctx.request(dependency_id)
        if dependency.phase is None:
            later = None
        elif phases[dependency.phase].index > index:
            later = names[dependency.phase]
        else:
            continue
        found.append(
            _dependency_finding(
                request.id,
                request.title,
                request.phase,
                names[request.phase],
                request.department,
                dependency.id,
                dependency.title,
                later,
            )
        )
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _dependency_finding(
    request_id: str,
    title: str,
    phase: str,
    phase_name: str,
    department: str,
    dependency_id: str,
    dependency_title: str,
    later: str | None,
) -> Finding:
    """One dependency-order finding (`later`: the dependency's later phase; None: backlog).

    Remembered, because a plan with many such findings keeps most of them from one edit to
    the next, and a finding is an immutable value of exactly these inputs.
    """
    where = (
        "which is still in the backlog"
        if later is None
        else f'which comes later, in phase "{later}"'
    )
    return Finding(
        "dependency-order",
        "error",
        f"dependency-order:{request_id}:{dependency_id}",
        f'"{title}" (phase "{phase_name}") depends on "{dependency_title}", {where}.',
        phase=phase,
        department=department,
        requests=(request_id, dependency_id),
    )


def department_findings(ctx: RuleContext, department: str) -> tuple[Finding, ...]:
    """no-benefit, first-win-delay, unrewarded-burden and benefit-gap of one department.

    Besides the department's timeline, the department and the settings, they read the titles
    and phases of the requests they name.
    """
    timeline = ctx.schedule.timelines[department]
    return tuple(_department_delay(ctx, department, timeline)) if timeline.burdens else ()


def _department_delay(
    ctx: RuleContext, department: str, timeline: DepartmentTimeline
) -> Iterator[Finding]:
    name = ctx.department_names[department]
    first = timeline.first_burden
    assert first is not None
    wins = timeline.counted_wins()
    if not wins:
        yield Finding(
            "no-benefit",
            "error",
            f"no-benefit:{department}",
            f"{name} works for the system from week {first} but never gets a win from then on.",
            department=department,
            requests=tuple(dict.fromkeys(request for _, request in timeline.burdens)),
        )
        return
    limit = ctx.first_win_weeks(department)
    if wins[0] - first > limit:
        yield Finding(
            "first-win-delay",
            "warning",
            f"first-win-delay:{department}",
            f"{name} waits {wins[0] - first} weeks for its first win (new work from week "
            f"{first}, first win in week {wins[0]}); the limit is {limit}.",
            department=department,
            requests=tuple(
                dict.fromkeys(
                    [r for week, r in timeline.burdens if week == first]
                    + timeline.requests_winning_at(wins[0])
                )
            ),
        )
    gap = ctx.max_gap_weeks(department)
    yield from _unrewarded(ctx, department, timeline, wins, gap)
    for earlier, later in itertools.pairwise(wins):
        if later - earlier > gap:
            yield Finding(
                "benefit-gap",
                "caution",
                f"benefit-gap:{department}:{earlier}",
                f"{name} waits {later - earlier} weeks between wins (week {earlier} to week "
                f"{later}); the limit is {gap}.",
                department=department,
                requests=tuple(
                    dict.fromkeys(
                        timeline.requests_winning_at(earlier) + timeline.requests_winning_at(later)
                    )
                ),
            )


def _unrewarded(
    ctx: RuleContext, department: str, timeline: DepartmentTimeline, wins: list[int], gap: int
) -> Iterator[Finding]:
    first = timeline.first_burden
    assert first is not None
    name = ctx.department_names[department]
    # Burdens go live in a few weeks (the phases' ends): each week is weighed once.
    weeks = {live for live, _ in timeline.burdens if live > first}
    unrewarded = {live for live in weeks if not _won_within(wins, live, gap)}
    if not unrewarded:
        return
    reported: set[str] = set()
    for live, request in timeline.burdens:
        if live not in unrewarded or request in reported:
            continue
        reported.add(request)
        burdened = ctx.request(request)
        yield Finding(
            "unrewarded-burden",
            "warning",
            f"unrewarded-burden:{request}:{department}",
            f'"{burdened.title}" puts new work on {name} from week {live}, and no '
            f"win for {name} follows within {gap} weeks.",
            phase=burdened.phase,
            department=department,
            requests=(request,),
        )


def _won_within(wins: list[int], week: int, gap: int) -> bool:
    """Whether a win (of the sorted `wins`) falls in the `gap` weeks from `week` on."""
    position = bisect.bisect_left(wins, week)
    return position < len(wins) and wins[position] <= week + gap


def _onboarding_breadth(ctx: RuleContext) -> Iterator[Finding]:
    limit = ctx.settings.max_onboarding_per_phase
    if limit <= 0:
        return
    starting: dict[int, list[str]] = {}
    for department in ctx.workshop.departments:
        first = ctx.schedule.timelines[department.id].first_burden
        if first is not None:
            starting.setdefault(first, []).append(department.id)
    for phase in ctx.workshop.phases:
        load = ctx.schedule.phases[phase.id]
        departments = starting.get(load.end, [])
        if len(departments) > limit:
            names = ", ".join(ctx.department_names[d] for d in departments)
            requests = [r for d in departments for r in load.burden_requests.get(d, [])]
            yield Finding(
                "onboarding-breadth",
                "caution",
                f"onboarding-breadth:{phase.id}",
                f"{len(departments)} departments start working with the system at the end of "
                f'phase "{phase.name}" ({names}); the limit is {limit}.',
                phase=phase.id,
                requests=tuple(dict.fromkeys(requests)),
            )


def _vote_budget(ctx: RuleContext) -> Iterator[Finding]:
    budget = ctx.settings.dots_per_head
    for department in ctx.workshop.departments:
        given = ctx.workshop.votes.get(department.id, {})
        total = sum(given.values())
        if total > budget:
            yield Finding(
                "vote-budget",
                "error",
                f"vote-budget:{department.id}",
                f"{department.name} gave {total} dots; each head has {budget}.",
                department=department.id,
                requests=tuple(request for request, dots in given.items() if dots > 0),
            )


def plan_findings(ctx: RuleContext) -> list[Finding]:
    """The findings about the plan as a whole: onboarding breadth and the vote budget."""
    return [*_onboarding_breadth(ctx), *_vote_budget(ctx)]


_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
_RULE_RANK = {rule: rank for rank, rule in enumerate(RULES)}


def findings(workshop: Workshop, schedule: Schedule | None = None) -> list[Finding]:
    """Every finding of the plan, errors first, accepted ones marked with their note.

    After an edit, `rule_update.rule_pass` gives the same list for less.
    """
    ctx = RuleContext(workshop, schedule or build_schedule(workshop))
    found = [f for phase in workshop.phases for f in phase_findings(ctx, phase, ctx.load(phase))]
    found += [f for department in ctx.departments for f in department_findings(ctx, department)]
    found += [f for request in workshop.requests for f in dependency_findings(ctx, request)]
    return in_order(found + plan_findings(ctx), workshop)


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
