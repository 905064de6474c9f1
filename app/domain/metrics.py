"""The metrics shown beside the findings: per phase, per department and for the whole plan."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from app.domain.model import Workshop
from app.domain.schedule import Schedule, build_schedule


@dataclass(frozen=True, slots=True)
class PhaseMetrics:
    """A phase's place on the timeline and its load."""

    id: str
    start: int
    end: int
    effort: float
    capacity: float
    load: float | None
    onboarding: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DepartmentMetrics:
    """What the plan gives a department and asks of it."""

    id: str
    first_burden_week: int | None
    first_win_week: int | None
    wins: int
    benefit_points: float
    dots_given: int


@dataclass(frozen=True, slots=True)
class PlanMetrics:
    """The plan as a whole."""

    end_week: int
    scheduled: int
    backlog: int
    benefit_weighted_mean_win_week: float | None


@dataclass(frozen=True, slots=True)
class Metrics:
    """All metrics of one workshop."""

    phases: tuple[PhaseMetrics, ...]
    departments: tuple[DepartmentMetrics, ...]
    plan: PlanMetrics

    def as_json(self) -> dict[str, object]:
        """A JSON-ready dictionary (tuples become lists)."""
        return asdict(self)


def _load(effort: float, capacity: float) -> float | None:
    """Effort over capacity; None when the capacity is 0 (any effort is then over it)."""
    if capacity > 0:
        return effort / capacity
    return 0.0 if effort == 0 else None


def metrics(workshop: Workshop, schedule: Schedule | None = None) -> Metrics:
    """Compute the metrics from the schedule (built once when not given)."""
    schedule = schedule or build_schedule(workshop)
    onboarding: dict[int, list[str]] = {}
    departments = []
    points = weighted = 0.0
    for department in workshop.departments:
        timeline = schedule.timelines[department.id]
        first = timeline.first_burden
        if first is not None:
            onboarding.setdefault(first, []).append(department.id)
        departments.append(
            DepartmentMetrics(
                department.id,
                first,
                timeline.first_win,
                len({week for week, _ in timeline.wins}),
                timeline.points,
                sum(workshop.votes.get(department.id, {}).values()),
            )
        )
        points += timeline.points
        weighted += timeline.weighted_weeks
    phases = []
    for phase in workshop.phases:
        load = schedule.phases[phase.id]
        effort = load.effort
        phases.append(
            PhaseMetrics(
                phase.id,
                load.start,
                load.end,
                effort,
                phase.capacity,
                _load(effort, phase.capacity),
                tuple(onboarding.get(load.end, ())),
            )
        )
    plan = PlanMetrics(
        schedule.end, schedule.scheduled, schedule.backlog, weighted / points if points else None
    )
    return Metrics(tuple(phases), tuple(departments), plan)
