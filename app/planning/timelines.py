"""The department rules in the placement model: no-benefit, first-win-delay,
unrewarded-burden, benefit-gap and onboarding-breadth.

A department's first burden week B_d is the end of the first phase with a burden on it:
`by[k]` says some burden goes live at or before phase k, `start[k]` that phase k is the first.
Its wins are grouped by week (`win_at`), and W_d is the wins at or after B_d. Literals may be
constants where fixed requests decide them (see `PlanModel`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from app.planning.model import Literal, PlanModel, negated


@dataclass
class Timeline:
    """One department's literals in the model."""

    department: str
    burdened: list[int]
    by: list[Literal]
    """by[k]: some burden on the department goes live at or before phase k (by[0] is False)."""
    start: list[Literal]
    """start[k]: phase k is the first with a burden on the department (start[0] unused)."""
    weeks: list[int]
    """The weeks a win of the department can fall in, sorted."""
    win_at: list[Literal]
    """win_at[i]: the department wins in weeks[i]."""


def add_timelines(plan: PlanModel) -> None:
    """Add every department's rules and onboarding-breadth to the model."""
    starts = []
    for department in plan.workshop.departments:
        timeline = _timeline(plan, department.id)
        if timeline is None:
            continue
        starts.append(timeline.start)
        _benefit_rules(plan, timeline)
    _onboarding(plan, starts)


def _timeline(plan: PlanModel, department: str) -> Timeline | None:
    requests = plan.workshop.requests
    burdened = [i for i, r in enumerate(requests) if r.burden.get(department, 0) > 0]
    if not burdened:
        return None
    by: list[Literal] = [False]
    start: list[Literal] = [False]
    for k in range(1, len(plan.ends)):
        by.append(plan.any_of([by[-1], *(plan.x[i][k] for i in burdened)]))
        start.append(plan.all_of(by[k], negated(by[k - 1])))
    by_week: dict[int, list[Literal]] = {}
    for i, request in enumerate(requests):
        if department in request.benefit:
            for k in range(1, len(plan.ends)):
                week = plan.ends[k] + request.weeks_to_benefit
                by_week.setdefault(week, []).append(plan.x[i][k])
    weeks = sorted(by_week)
    win_at = [plan.any_of(by_week[week]) for week in weeks]
    return Timeline(department, burdened, by, start, weeks, win_at)


def _wins_between(plan: PlanModel, timeline: Timeline, low: int, high: int) -> Literal:
    """A literal true only if the department wins in a week of [low, high]."""
    lo = bisect.bisect_left(timeline.weeks, low)
    hi = bisect.bisect_right(timeline.weeks, high)
    return plan.some_of(timeline.win_at[lo:hi])


def _benefit_rules(plan: PlanModel, timeline: Timeline) -> None:
    department = timeline.department
    # any_from[i]: a win in weeks[i] or later, exactly.
    any_from: list[Literal] = [False] * (len(timeline.weeks) + 1)
    for i in reversed(range(len(timeline.weeks))):
        any_from[i] = plan.any_of([timeline.win_at[i], any_from[i + 1]])
    counted_from = []  # the first burden is in phase k and some win follows it
    for k in range(1, len(plan.ends)):
        i = bisect.bisect_left(timeline.weeks, plan.ends[k])
        counted_from.append((k, plan.all_of(timeline.start[k], any_from[i])))
    won = plan.any_of(literal for _, literal in counted_from)  # W_d is not empty
    if plan.is_open(f"no-benefit:{department}"):
        lonely = None  # the first burden is in phase k and no win follows it
        for k in range(1, len(plan.ends)):
            follows = any_from[bisect.bisect_left(timeline.weeks, plan.ends[k])]
            lonely = _flag(plan, plan.levels.errors, [timeline.start[k], negated(follows)], lonely)
    _first_win(plan, timeline, counted_from)
    _unrewarded(plan, timeline, won)
    _gaps(plan, timeline)


def _flag(plan: PlanModel, level: list[Any], conditions: list[Literal], key: Any = None) -> Any:
    """Count one finding in `level` whenever all `conditions` hold (`key`: an indicator to reuse).

    Returns the indicator, or None while none is needed (a condition is always false).
    """
    if any(condition is False for condition in conditions):
        return key
    if key is None:
        key = plan.penalty(level)
    plan.clause([*(negated(c) for c in conditions), key])
    return key


def _threshold(plan: PlanModel, department: str, name: str) -> int:
    own = getattr(plan.workshop.department(department), name)
    value: int = getattr(plan.workshop.settings, name) if own is None else own
    return value


def _first_win(
    plan: PlanModel, timeline: Timeline, counted_from: list[tuple[int, Literal]]
) -> None:
    department = timeline.department
    if not plan.is_open(f"first-win-delay:{department}"):
        return
    limit = _threshold(plan, department, "first_win_weeks")
    late = None
    for k, counted in counted_from:
        early = _wins_between(plan, timeline, plan.ends[k], plan.ends[k] + limit)
        late = _flag(plan, plan.levels.warnings, [counted, negated(early)], late)


def _unrewarded(plan: PlanModel, timeline: Timeline, won: Literal) -> None:
    """A burden going live at L > B_d with no win in [L, L + gap], while W_d is not empty."""
    department = timeline.department
    gap = _threshold(plan, department, "max_gap_weeks")
    rewarded: list[Literal] = [True, True] + [
        _wins_between(plan, timeline, plan.ends[k], plan.ends[k] + gap)
        for k in range(2, len(plan.ends))
    ]
    for i in timeline.burdened:
        request = plan.workshop.requests[i]
        if not plan.is_open(f"unrewarded-burden:{request.id}:{department}"):
            continue
        unrewarded = None
        for k in range(2, len(plan.ends)):
            conditions = [plan.x[i][k], timeline.by[k - 1], won, negated(rewarded[k])]
            unrewarded = _flag(plan, plan.levels.warnings, conditions, unrewarded)


def _gaps(plan: PlanModel, timeline: Timeline) -> None:
    """benefit-gap: a counted win in week w, the next counted win more than `gap` weeks on."""
    department = timeline.department
    gap = _threshold(plan, department, "max_gap_weeks")
    weeks = timeline.weeks
    counted: list[Literal] = []
    for i, week in enumerate(weeks):
        k = bisect.bisect_right(plan.ends, week) - 1  # the last phase ending by `week`
        counted.append(plan.all_of(timeline.win_at[i], timeline.by[k]))
    after: list[Literal] = [False] * (len(weeks) + 1)  # a counted win in weeks[i] or later
    for i in reversed(range(len(weeks))):
        after[i] = plan.any_of([counted[i], after[i + 1]])
    for i, week in enumerate(weeks):
        beyond = bisect.bisect_right(weeks, week + gap)
        if beyond >= len(weeks) or not plan.is_open(f"benefit-gap:{department}:{week}"):
            continue
        within = plan.any_of(counted[i + 1 : beyond])
        _flag(plan, plan.levels.cautions, [counted[i], after[beyond], negated(within)])


def _onboarding(plan: PlanModel, starts: list[list[Literal]]) -> None:
    limit = plan.workshop.settings.max_onboarding_per_phase
    if limit <= 0 or len(starts) <= limit:
        return
    for k, phase in enumerate(plan.workshop.phases, start=1):
        if not plan.is_open(f"onboarding-breadth:{phase.id}"):
            continue
        fixed = sum(1 for start in starts if start[k] is True)
        free = [start[k] for start in starts if not isinstance(start[k], bool)]
        if free and fixed + len(free) > limit:
            broad = plan.penalty(plan.levels.cautions)
            plan.model.add(fixed + sum(free) - limit <= len(starts) * broad)
