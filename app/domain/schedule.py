"""The schedule: when each phase runs, when each request goes live, when departments win.

All weeks count from the workshop's `start` (week 0). Phases run back to back; a request in a
phase goes live at the phase's end; each department it benefits gets a win `weeks_to_benefit`
later. Backlog requests take no part.

`build_schedule` gathers everything the rules and metrics need in one pass over the requests, so
the findings for 10,000 requests cost one loop, not one loop per phase and department. Given the
schedule of the workshop an edit started from, it redoes only the phases and departments the
changed requests concern, and shares the other parts, unchanged, with that schedule: a schedule
is never changed once built: its parts are frozen, their lists tuples and their
dictionaries read-only views, so a view or a rule cannot change what a later schedule shares.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType
from typing import Literal

from app.domain.change import Change, what_changed
from app.domain.model import Request, Workshop

_SMALL_EDIT = 8
"""At most this many changed requests are scheduled on their own; more start over."""


LoadLevel = Literal["over", "near", "fine"]


def load_level(effort: float, capacity: float, caution_load: float) -> LoadLevel:
    """How full a phase is: over its capacity, near it (at `caution_load` of it or more), fine.

    The one judgement of a phase's load: the rules, the board and the PDF's chart all read it.
    """
    if effort > capacity:
        return "over"
    if effort > 0 and tidy(caution_load * capacity) <= effort:
        return "near"
    return "fine"


def tidy(amount: float) -> float:
    """A sum of decimal amounts without binary noise: 1.1 + 2.2 is 3.3, not 3.3000000000000003.

    Rounding to 15 significant digits gives back the exact decimal sum (or product) whenever it
    has at most 15 significant digits, so an effort exactly at capacity is at capacity.
    """
    return float(f"{amount:.15g}")


@dataclass(frozen=True, slots=True)
class PhaseLoad:
    """Where a phase lies on the timeline and what is planned in it (never changed once built)."""

    index: int
    start: int
    end: int
    efforts: tuple[float, ...]
    requests: tuple[str, ...]
    burden: Mapping[str, float]
    """Per department, the hours its users carry from the phase's requests (summed exactly)."""
    burden_requests: Mapping[str, tuple[str, ...]]
    burden_hours: Mapping[str, tuple[float, ...]]
    effort: float
    """Person-days of effort planned in the phase (summed exactly, see `tidy`)."""


@dataclass(frozen=True, slots=True)
class DepartmentTimeline:
    """What the schedule means for one department (never changed once built)."""

    burdens: tuple[tuple[int, str], ...]
    wins: tuple[tuple[int, str], ...]
    points: float
    weighted_weeks: float
    first_burden: int | None
    """B_d: the first week the department's users carry new work (None: never)."""
    first_win: int | None
    """The first week the department gains anything, before B_d or not (None: never)."""
    points_by_week: Mapping[int, float]
    """Benefit points won per week (summed in request order)."""
    winners: Mapping[int, tuple[str, ...]] = field(repr=False, compare=False)
    """Per week, the requests that give the department a win in it."""

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
        return list(self.winners.get(week, ()))


@dataclass(frozen=True, slots=True)
class Schedule:
    """The plan laid out in weeks (never changed once built: its parts are shared by later ones)."""

    phases: Mapping[str, PhaseLoad]
    timelines: Mapping[str, DepartmentTimeline]
    end: int
    scheduled: int
    backlog: int
    source: Workshop | None = field(default=None, repr=False, compare=False)
    """The workshop it was built from (to tell what an edit changed)."""
    touching: Mapping[str, tuple[int, ...]] | None = field(default=None, repr=False, compare=False)
    """Per department, the positions of the requests that name it in burden or benefit."""

    def go_live(self, phase: str | None) -> int | None:
        """The week a request in this phase goes live, or None in the backlog."""
        return None if phase is None else self.phases[phase].end


@dataclass(slots=True)
class _PhaseDraft:
    """A phase's load while the requests are laid out."""

    index: int
    start: int
    end: int
    efforts: list[float] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    burden_requests: dict[str, list[str]] = field(default_factory=dict)
    burden_hours: dict[str, list[float]] = field(default_factory=dict)

    def frozen(self) -> PhaseLoad:
        """The finished load."""
        hours = self.burden_hours
        return PhaseLoad(
            self.index,
            self.start,
            self.end,
            tuple(self.efforts),
            tuple(self.requests),
            MappingProxyType({d: tidy(math.fsum(h)) for d, h in hours.items()}),
            MappingProxyType({d: tuple(r) for d, r in self.burden_requests.items()}),
            MappingProxyType({d: tuple(h) for d, h in hours.items()}),
            tidy(math.fsum(self.efforts)),
        )


@dataclass(slots=True)
class _TimelineDraft:
    """A department's timeline while the requests are laid out."""

    burdens: list[tuple[int, str]] = field(default_factory=list)
    wins: list[tuple[int, str]] = field(default_factory=list)
    points: float = 0.0
    weighted_weeks: float = 0.0
    points_by_week: dict[int, float] = field(default_factory=dict)

    def frozen(self) -> DepartmentTimeline:
        """The finished timeline, with its first weeks filled in."""
        winners: dict[int, list[str]] = {}
        for at, request in self.wins:
            winners.setdefault(at, []).append(request)
        return DepartmentTimeline(
            tuple(self.burdens),
            tuple(self.wins),
            tidy(self.points),
            self.weighted_weeks,
            min(self.burdens)[0] if self.burdens else None,
            min(self.wins)[0] if self.wins else None,
            MappingProxyType(self.points_by_week),
            MappingProxyType({week: tuple(ids) for week, ids in winners.items()}),
        )


def _phase_drafts(workshop: Workshop) -> tuple[dict[str, _PhaseDraft], int]:
    phases: dict[str, _PhaseDraft] = {}
    week = 0
    for index, phase in enumerate(workshop.phases):
        phases[phase.id] = _PhaseDraft(index, week, week + phase.weeks)
        week += phase.weeks
    return phases, week


def build_schedule(
    workshop: Workshop, previous: Schedule | None = None, change: Change | None = None
) -> Schedule:
    """Lay the workshop out in weeks, in one pass over the requests.

    `previous`: the schedule of the workshop this one was edited from, and `change` what the
    edit changed (worked out here when not given). When the edit changed a few requests and
    nothing else, only what they concern is laid out again.
    """
    if previous is not None and previous.source is not None:
        if change is None or change.before is not previous.source:
            change = what_changed(previous.source, workshop)
        updated = _updated(workshop, previous, change)
        if updated is not None:
            return updated
    phases, end = _phase_drafts(workshop)
    timelines = {department.id: _TimelineDraft() for department in workshop.departments}
    ends = {phase: load.end for phase, load in phases.items()}
    _lay_out(workshop.requests, ends, phases, timelines)
    backlog = sum(1 for request in workshop.requests if request.phase is None)
    return Schedule(
        MappingProxyType({phase: draft.frozen() for phase, draft in phases.items()}),
        MappingProxyType({d: draft.frozen() for d, draft in timelines.items()}),
        end,
        len(workshop.requests) - backlog,
        backlog,
        workshop,
    )


def _lay_out(
    requests: Sequence[Request],
    ends: dict[str, int],
    phases: dict[str, _PhaseDraft],
    timelines: dict[str, _TimelineDraft],
) -> None:
    """Fill the phases and timelines given from the requests, in their order.

    `ends` has every phase's end week; phases and departments not given are passed over.
    """
    for request in requests:
        if request.phase is None:
            continue
        load = phases.get(request.phase)
        request_id = request.id
        if load is not None:
            load.efforts.append(request.effort)
            load.requests.append(request_id)
        live = ends[request.phase]
        for department, hours in request.burden.items():
            if hours <= 0:  # a burden of 0 hours is no burden
                continue
            timeline = timelines.get(department)
            if timeline is not None:
                timeline.burdens.append((live, request_id))
            if load is None:
                continue
            if department in load.burden_hours:
                load.burden_hours[department].append(hours)
                load.burden_requests[department].append(request_id)
            else:
                load.burden_hours[department] = [hours]
                load.burden_requests[department] = [request_id]
        win = live + request.weeks_to_benefit
        for department, points in request.benefit.items():
            timeline = timelines.get(department)
            if timeline is not None:
                timeline.wins.append((win, request_id))
                timeline.points += points
                timeline.weighted_weeks += points * win
                by_week = timeline.points_by_week
                by_week[win] = by_week.get(win, 0.0) + points


def _updated(workshop: Workshop, previous: Schedule, change: Change) -> Schedule | None:
    """The schedule after an edit of a few requests, from the one before (None: start over)."""
    if change.replaced is None or len(change.replaced) > _SMALL_EDIT:
        return None
    redo_phases: set[str] = set()
    redo_departments: set[str] = set()
    for new, old in change.replaced_pairs():
        named = new.burden.keys() | new.benefit.keys()
        if new.id != old.id or named != old.burden.keys() | old.benefit.keys():
            return None  # which requests name a department changed: start over
        redo_phases.update(phase for phase in (new.phase, old.phase) if phase is not None)
        redo_departments.update(named)
    return _redo(workshop, previous, redo_phases, redo_departments)


def _redo(
    workshop: Workshop, previous: Schedule, redo_phases: set[str], redo_departments: set[str]
) -> Schedule:
    """Lay out the given phases and departments again; share every other part with `previous`."""
    requests = workshop.requests
    fresh, _ = _phase_drafts(workshop)
    ends = {phase: load.end for phase, load in fresh.items()}
    phases = {phase: fresh[phase] for phase in redo_phases}
    _lay_out([r for r in requests if r.phase in redo_phases], ends, phases, {})
    touching = previous.touching if previous.touching is not None else _touching(requests)
    timelines = {d: _TimelineDraft() for d in redo_departments if d in previous.timelines}
    positions = sorted({i for d in timelines for i in touching.get(d, ())})
    _lay_out([requests[i] for i in positions], ends, {}, timelines)
    backlog = sum(1 for r in requests if r.phase is None) if redo_phases else previous.backlog
    return Schedule(
        MappingProxyType(
            {p: phases[p].frozen() if p in phases else previous.phases[p] for p in fresh}
        ),
        MappingProxyType(
            {
                d: timelines[d].frozen() if d in timelines else timeline
                for d, timeline in previous.timelines.items()
            }
        ),
        previous.end,
        len(requests) - backlog,
        backlog,
        workshop,
        touching,
    )


def _touching(requests: Sequence[Request]) -> Mapping[str, tuple[int, ...]]:
    """Per department, the positions of the requests that name it in burden or benefit."""
    found: dict[str, list[int]] = {}
    for position, request in enumerate(requests):
        for department in request.burden.keys() | request.benefit.keys():
            found.setdefault(department, []).append(position)
    return MappingProxyType({d: tuple(at) for d, at in found.items()})


def week_date(start: date, week: int) -> date:
    """The date on which a week begins."""
    return start + timedelta(weeks=week)


def iso_week(start: date, week: int) -> str:
    """A week's ISO week label, for example "2027-W05"."""
    year, number, _ = week_date(start, week).isocalendar()
    return f"{year}-W{number:02d}"


def cumulative_benefit(
    workshop: Workshop, schedule: Schedule
) -> dict[str, list[tuple[int, float]]]:
    """Per department: (week, total points after that week's wins), in week order.

    What the benefit charts draw, in the app and in the PDF alike.
    """
    return {d.id: cumulative_points(schedule.timelines[d.id]) for d in workshop.departments}


def cumulative_points(timeline: DepartmentTimeline) -> list[tuple[int, float]]:
    """One department's (week, total points after that week's wins), in week order."""
    total, steps = 0.0, []
    for week, value in sorted(timeline.points_by_week.items()):
        total += value
        steps.append((week, total))
    return steps
