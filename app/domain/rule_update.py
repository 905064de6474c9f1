"""The findings after an edit, worked out again only where the edit can have changed them.

`rule_pass` gives exactly the list `rules.findings` gives, in the same order. A phase's or a
department's findings are kept with the very schedule part they came from, and the schedule
shares a part with the one before only when the edit left it as it was (`build_schedule`); the
dependency-order findings are kept per request, and redone for the requests an edit replaced and
those depending on them. Anything else (settings, departments, phases, the list of requests or
their dependencies changed) starts over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from app.domain.change import Change, what_changed
from app.domain.model import Phase, Workshop
from app.domain.rules import (
    Finding,
    RuleContext,
    department_findings,
    dependency_findings,
    in_order,
    phase_findings,
    plan_findings,
)
from app.domain.schedule import DepartmentTimeline, PhaseLoad, Schedule, build_schedule


class _Part(NamedTuple):
    """The findings about one part of the schedule, kept with that part."""

    source: PhaseLoad | DepartmentTimeline
    found: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class RuleMemo:
    """One pass of the rules: its findings, and the parts of it the pass after an edit reuses.

    A phase's or a department's findings are kept with the very schedule part they were worked
    out from: a later schedule shares that part only if the edit left it as it was (see
    `build_schedule`). The dependency-order findings are kept per request.
    """

    findings: list[Finding]
    workshop: Workshop
    positions: dict[str, int]
    """Where each request is in `workshop.requests`, by id."""
    phases: dict[str, _Part]
    departments: dict[str, _Part]
    dependencies: list[tuple[Finding, ...]]
    """The dependency-order findings of each request, by position."""
    dependents: dict[str, list[int]]
    """Per request id, the positions of the requests that depend on it."""


def rule_pass(
    workshop: Workshop,
    schedule: Schedule | None = None,
    previous: RuleMemo | None = None,
    change: Change | None = None,
) -> RuleMemo:
    """Run every rule, reusing what `previous` found about the parts an edit left alone.

    `change`: what the edit from `previous.workshop` changed (worked out here when not given).
    The findings are exactly those of a pass without `previous`, in the same order.
    """
    schedule = build_schedule(workshop) if schedule is None else schedule
    changed = None
    if previous is not None:
        if change is None or change.before is not previous.workshop or change.after is not workshop:
            change = what_changed(previous.workshop, workshop)
        changed = _replaced(change)
    if changed is None:
        previous, changed = None, []
    requests = workshop.requests
    positions = previous.positions if previous is not None else None
    ctx = RuleContext(workshop, schedule, positions)
    positions = ctx.positions
    replaced = {requests[i].id for i in changed}
    phases = {p.id: _phase_part(ctx, p, previous) for p in workshop.phases}
    departments = {d: _department_part(ctx, d, previous, replaced) for d in ctx.departments}
    dependencies, dependents = _dependency_parts(ctx, previous, changed)
    found = [f for part in (*phases.values(), *departments.values()) for f in part.found]
    for part in dependencies:
        if part:
            found += part
    marked = in_order(found + plan_findings(ctx), workshop)
    return RuleMemo(marked, workshop, positions, phases, departments, dependencies, dependents)


def _replaced(change: Change) -> list[int] | None:
    """The positions of the requests an edit replaced (None: no part can be reused).

    Parts are reused only after an edit that kept the settings, departments and phases, and
    every request's id, position and dependencies.
    """
    if change.replaced is None or not change.settings_kept:
        return None
    for new, old in change.replaced_pairs():
        if new.id != old.id or new.depends_on != old.depends_on:
            return None
    return list(change.replaced)


def _phase_part(ctx: RuleContext, phase: Phase, previous: RuleMemo | None) -> _Part:
    """A phase's findings: kept while the schedule shares the phase's load with the pass before."""
    load = ctx.load(phase)
    kept = previous.phases.get(phase.id) if previous is not None else None
    if kept is not None and kept.source is load:
        return kept
    return _Part(load, phase_findings(ctx, phase, load))


def _department_part(
    ctx: RuleContext, department: str, previous: RuleMemo | None, replaced: set[str]
) -> _Part:
    """A department's findings: kept while the schedule shares its timeline with the pass before
    and none of the requests they name was replaced (`replaced`: their ids).
    """
    timeline = ctx.schedule.timelines[department]
    kept = previous.departments.get(department) if previous is not None else None
    if (
        kept is not None
        and kept.source is timeline
        and not any(r in replaced for finding in kept.found for r in finding.requests)
    ):
        return kept
    return _Part(timeline, department_findings(ctx, department))


def _dependency_parts(
    ctx: RuleContext, previous: RuleMemo | None, changed: list[int]
) -> tuple[list[tuple[Finding, ...]], dict[str, list[int]]]:
    """The dependency-order findings per request, and per request the ones depending on it.

    A request's findings read the request, its dependencies and the phases: after an edit
    they are worked out again for the replaced requests and those depending on them.
    """
    requests = ctx.workshop.requests
    if previous is None:
        dependents: dict[str, list[int]] = {}
        for position, request in enumerate(requests):
            for dependency in request.depends_on:
                dependents.setdefault(dependency, []).append(position)
        return [dependency_findings(ctx, request) for request in requests], dependents
    parts = list(previous.dependencies)
    for i in changed:
        for position in (i, *previous.dependents.get(requests[i].id, ())):
            parts[position] = dependency_findings(ctx, requests[position])
    return parts, previous.dependents
