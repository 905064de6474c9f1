"""The schedule: when each phase runs, when each request goes live, when departments win.

All weeks count from the workshop's `start` (week 0). Phases run back to back; a request in a
phase goes live at the phase's end; each department it benefits gets a win `weeks_to_benefit`
later. Backlog requests take no part.

`build_schedule` gathers everything the rules and metrics need in one pass over the requests, so
the findings for 10,000 requests cost one loop, not one loop per phase and department.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.model import Workshop


@dataclass(slots=True)
class PhaseLoad:
    """Where a phase lies on the timeline and what is planned in it."""

    index: int
    start: int
    end: int
    efforts: list[float] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    burden: dict[str, float] = field(default_factory=dict)
    burden_requests: dict[str, list[str]] = field(default_factory=dict)

    @property
    def effort(self) -> float:
        """Person-days of effort planned in the phase (summed without rounding drift)."""
        return math.fsum(self.efforts)


@dataclass(slots=True)
class DepartmentTimeline:
    """What the schedule means for one department."""

    burdens: list[tuple[int, str]] = field(default_factory=list)
    wins: list[tuple[int, str]] = field(default_factory=list)
    points: float = 0.0
    weighted_weeks: float = 0.0

    @property
    def first_burden(self) -> int | None:
        """B_d: the first week the department's users carry new work (None: never)."""
        return min(week for week, _ in self.burdens) if self.burdens else None

    @property
    def first_win(self) -> int | None:
        """The first week the department gains anything (None: never)."""
        return min(week for week, _ in self.wins) if self.wins else None

    def counted_wins(self) -> list[int]:
        """W_d: the sorted distinct wins at or after the first burden week.

        A department that never carries a burden has no W_d: nothing is asked of its users, so
        the benefit-delay rules have nothing to weigh its wins against.
        """
        first = self.first_burden
        if first is None:
            return []
        return sorted({week for week, _ in self.wins if week >= first})

    def requests_winning_at(self, week: int) -> list[str]:
        """The requests that give the department a win in this week."""
        return [request for at, request in self.wins if at == week]


@dataclass(slots=True)
class Schedule:
    """The plan laid out in weeks."""

    phases: dict[str, PhaseLoad]
    timelines: dict[str, DepartmentTimeline]
    end: int
    scheduled: int
    backlog: int

    def go_live(self, phase: str | None) -> int | None:
        """The week a request in this phase goes live, or None in the backlog."""
        return None if phase is None else self.phases[phase].end


def build_schedule(workshop: Workshop) -> Schedule:
    """Lay the workshop out in weeks, in one pass over the requests."""
    phases: dict[str, PhaseLoad] = {}
    week = 0
    for index, phase in enumerate(workshop.phases):
        phases[phase.id] = PhaseLoad(index, week, week + phase.weeks)
        week += phase.weeks
    timelines = {department.id: DepartmentTimeline() for department in workshop.departments}
    backlog = 0
    for request in workshop.requests:
        if request.phase is None:
            backlog += 1
            continue
        load = phases[request.phase]
        load.efforts.append(request.effort)
        load.requests.append(request.id)
        live = load.end
        for department, hours in request.burden.items():
            if hours > 0:
                timelines[department].burdens.append((live, request.id))
                load.burden[department] = load.burden.get(department, 0.0) + hours
                load.burden_requests.setdefault(department, []).append(request.id)
        win = live + request.weeks_to_benefit
        for department, points in request.benefit.items():
            timeline = timelines[department]
            timeline.wins.append((win, request.id))
            timeline.points += points
            timeline.weighted_weeks += points * win
    scheduled = len(workshop.requests) - backlog
    return Schedule(phases, timelines, week, scheduled, backlog)


def week_date(start: date, week: int) -> date:
    """The date on which a week begins."""
    return start + timedelta(weeks=week)


def iso_week(start: date, week: int) -> str:
    """A week's ISO week label, for example "2027-W05"."""
    year, number, _ = week_date(start, week).isocalendar()
    return f"{year}-W{number:02d}"
