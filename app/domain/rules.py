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

from app.domain.finding import (
    RULE_NAMES,
    RULES,
    SEVERITIES,
    Finding,
    RuleContext,
    Severity,
    in_order,
    rule_name,
    severity_name,
    unaccepted_errors,
)
from app.domain.model import Phase, Request, Workshop
from app.domain.schedule import (
    DepartmentTimeline,
    PhaseLoad,
    Schedule,
    build_schedule,
    load_level,
)
from app.i18n.text import Percent, counted, phrase

__all__ = [
    "RULES",
    "RULE_NAMES",
    "SEVERITIES",
    "Finding",
    "RuleContext",
    "Severity",
    "findings",
    "in_order",
    "rule_name",
    "severity_name",
    "unaccepted_errors",
]


def phase_findings(ctx: RuleContext, phase: Phase, load: PhaseLoad) -> tuple[Finding, ...]:
    """phase-capacity, phase-near-capacity and adoption-load of one phase.

    They read only the phase's load (its requests by id), the phase, departments and settings.
    """
    return (*_phase_capacity(ctx, phase, load), *_adoption_load(ctx, phase, load))


def _phase_capacity(ctx: RuleContext, phase: Phase, load: PhaseLoad) -> Iterator[Finding]:
    effort = load.effort
    level = load_level(effort, phase.capacity, ctx.settings.caution_load)
    if level == "over":
        yield Finding(
            "phase-capacity",
            "error",
            f"phase-capacity:{phase.id}",
            phrase(
                'Phase "{phase}" is over capacity: {effort} person-days of effort against a '
                "capacity of {capacity}.",
                phase=phase.name,
                effort=effort,
                capacity=phase.capacity,
            ),
            phase=phase.id,
            requests=tuple(load.requests),
        )
    elif level == "near":
        yield Finding(
            "phase-near-capacity",
            "caution",
            f"phase-near-capacity:{phase.id}",
            phrase(
                'Phase "{phase}" is near capacity: {effort} of {capacity} person-days ({share}).',
                phase=phase.name,
                effort=effort,
                capacity=phase.capacity,
                share=Percent(effort / phase.capacity),
            ),
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
                phrase(
                    '{department} users take on {hours} hours each of new work in phase "{phase}",'
                    " more than the {capacity} they can absorb.",
                    department=ctx.department_names[department],
                    hours=hours,
                    phase=phase.name,
                    capacity=capacity,
                ),
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
    message = (
        phrase(
            '"{title}" (phase "{phase}") depends on "{dependency}", which is still in the backlog.',
            title=title,
            phase=phase_name,
            dependency=dependency_title,
        )
        if later is None
        else phrase(
            '"{title}" (phase "{phase}") depends on "{dependency}", which comes later, in phase '
            '"{later}".',
            title=title,
            phase=phase_name,
            dependency=dependency_title,
            later=later,
        )
    )
    return Finding(
        "dependency-order",
        "error",
        f"dependency-order:{request_id}:{dependency_id}",
        message,
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
            phrase(
                "{department} works for the system from {start} but never gets a win from then on.",
                department=name,
                start=ctx.day(first),
            ),
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
            counted(
                "{department} waits {count} week for its first win (new work from {start}, "
                "first win {win}); the limit is {limit} weeks.",
                "{department} waits {count} weeks for its first win (new work from {start}, "
                "first win {win}); the limit is {limit} weeks.",
                wins[0] - first,
                department=name,
                start=ctx.day(first),
                win=ctx.day(wins[0]),
                limit=limit,
            ),
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
    yield from _benefit_gaps(ctx, department, timeline, wins, gap)


def _benefit_gaps(
    ctx: RuleContext, department: str, timeline: DepartmentTimeline, wins: list[int], gap: int
) -> Iterator[Finding]:
    name = ctx.department_names[department]
    for earlier, later in itertools.pairwise(wins):
        if later - earlier > gap:
            yield Finding(
                "benefit-gap",
                "caution",
                f"benefit-gap:{department}:{earlier}",
                counted(
                    "{department} waits {count} week between wins ({earlier} to {later}); the "
                    "limit is {limit} weeks.",
                    "{department} waits {count} weeks between wins ({earlier} to {later}); the "
                    "limit is {limit} weeks.",
                    later - earlier,
                    department=name,
                    earlier=ctx.day(earlier),
                    later=ctx.day(later),
                    limit=gap,
                ),
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
            counted(
                '"{title}" puts new work on {department} from {start}, and no win for '
                "{department} follows within {count} week.",
                '"{title}" puts new work on {department} from {start}, and no win for '
                "{department} follows within {count} weeks.",
                gap,
                title=burdened.title,
                department=name,
                start=ctx.day(live),
            ),
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
                phrase(
                    "{count} departments start working with the system at the end of phase "
                    '"{phase}" ({names}); the limit is {limit}.',
                    count=len(departments),
                    phase=phase.name,
                    names=names,
                    limit=limit,
                ),
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
                phrase(
                    "{department} gave {total} dots; each head has {budget}.",
                    department=department.name,
                    total=total,
                    budget=budget,
                ),
                department=department.id,
                requests=tuple(request for request, dots in given.items() if dots > 0),
            )


def plan_findings(ctx: RuleContext) -> list[Finding]:
    """The findings about the plan as a whole: onboarding breadth and the vote budget."""
    return [*_onboarding_breadth(ctx), *_vote_budget(ctx)]


def findings(workshop: Workshop, schedule: Schedule | None = None) -> list[Finding]:
    """Every finding of the plan, errors first, accepted ones marked with their note.

    After an edit, `rule_update.rule_pass` gives the same list for less.
    """
    ctx = RuleContext(workshop, schedule or build_schedule(workshop))
    found = [f for phase in workshop.phases for f in phase_findings(ctx, phase, ctx.load(phase))]
    found += [f for department in ctx.departments for f in department_findings(ctx, department)]
    found += [f for request in workshop.requests for f in dependency_findings(ctx, request)]
    return in_order(found + plan_findings(ctx), workshop)
