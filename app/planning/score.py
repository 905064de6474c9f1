"""What "better" means for a plan: six numbers compared in order, the smaller first.

1. open errors that placement can fix (phase-capacity, dependency-order, no-benefit);
2. minus the dots on scheduled requests;
3. open warnings;
4. minus the benefit points of scheduled requests;
5. the benefit-weighted mean win week (0 when nothing is won);
6. open cautions.

"Open" is not accepted. The findings are the rules' own, the same `check` reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.domain.model import Workshop
from app.domain.rules import Finding, findings
from app.domain.schedule import Schedule, build_schedule, tidy

PLACEMENT_ERRORS: frozenset[str] = frozenset({"phase-capacity", "dependency-order", "no-benefit"})
"""The error rules a placement can fix; vote-budget is the heads' to fix, not the board's."""

MEAN_DIGITS = 9
"""The mean win week is compared at this many decimals, so equal plans never differ by noise."""


@dataclass(frozen=True, slots=True)
class Score:
    """A plan's six numbers, in the words of the committee (dots and points as counted)."""

    errors: int
    dots: int
    warnings: int
    points: float
    mean_win_week: float
    cautions: int

    def order(self) -> tuple[int, int, int, float, float, int]:
        """The six numbers as compared: smaller is better, the first that differs decides."""
        return (
            self.errors,
            -self.dots,
            self.warnings,
            -self.points,
            self.mean_win_week,
            self.cautions,
        )

    def better_than(self, other: Score) -> bool:
        """Whether this plan is strictly better than `other`."""
        return self.order() < other.order()


def counts(found: list[Finding]) -> tuple[int, int, int]:
    """The open errors (those placement can fix), warnings and cautions among `found`."""
    errors = warnings = cautions = 0
    for finding in found:
        if finding.accepted:
            continue
        if finding.severity == "error":
            errors += finding.rule in PLACEMENT_ERRORS
        elif finding.severity == "warning":
            warnings += 1
        else:
            cautions += 1
    return errors, warnings, cautions


def scheduled_dots(workshop: Workshop) -> int:
    """The dots all heads gave to requests that are in a phase."""
    scheduled = {request.id for request in workshop.requests if request.phase is not None}
    return sum(
        dots
        for given in workshop.votes.values()
        for request, dots in given.items()
        if request in scheduled
    )


def score(
    workshop: Workshop, schedule: Schedule | None = None, found: list[Finding] | None = None
) -> Score:
    """The plan's score, from its findings (worked out here when not given)."""
    schedule = build_schedule(workshop) if schedule is None else schedule
    found = findings(workshop, schedule) if found is None else found
    errors, warnings, cautions = counts(found)
    points = tidy(
        math.fsum(
            value
            for request in workshop.requests
            if request.phase is not None
            for value in request.benefit.values()
        )
    )
    won = math.fsum(timeline.points for timeline in schedule.timelines.values())
    weighted = math.fsum(timeline.weighted_weeks for timeline in schedule.timelines.values())
    mean = round(weighted / won, MEAN_DIGITS) if won else 0.0
    return Score(errors, scheduled_dots(workshop), warnings, points, mean, cautions)
