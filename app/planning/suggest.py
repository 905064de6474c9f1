"""Suggest a plan: the placement the score likes best, found by CP-SAT and polished by the rules.

`suggest()` returns the same workshop with only the requests' phases changed, the moves, and
the score before and after. The result is never worse than the plan it started from: the rules
judge every candidate, and the start wins a tie. The same workshop, pins and seconds give the
same suggestion (see `solver`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.model import Workshop
from app.domain.rules import Finding
from app.i18n import _
from app.planning.placement import Move, moves_between, placed, placement_of
from app.planning.polish import Judged, judge, polish
from app.planning.score import PLACEMENT_ERRORS, Score
from app.planning.solver import Progress
from app.planning.windows import dependents_of, window

DEFAULT_SECONDS = 10.0
WHOLE_SHARE = 0.15
"""CP-SAT's deterministic seconds for a whole plan, per second given (its wall seconds run
two to ten times longer on a busy machine)."""
WINDOWS_UNTIL = 0.7
"""No window of a large plan starts after this share of the seconds: the rest is the polish's."""
TRIALS_PER_SECOND = 30
"""Trial moves the polish may make per second given (a fraction of a shared machine's pace)."""
LARGEST_SECONDS = 3600.0
WHOLE_LIMIT = 1400
"""A plan of at most this many request-column pairs is solved whole; a larger one in windows."""
WINDOWS_PER_SECOND = 1.0
WINDOW_BUDGET = 0.06
"""CP-SAT's deterministic seconds for one window (all its stages)."""


class SuggestError(ValueError):
    """A request for a suggestion that cannot be met (an unknown pinned id, a bad budget)."""


@dataclass(frozen=True, slots=True)
class Remaining:
    """An error the suggestion still has, with the pinned requests it names."""

    finding: Finding
    pinned: tuple[str, ...]
    unavoidable: bool
    """Proved: no placement that keeps the pins has fewer errors."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested plan next to the plan it started from."""

    before: Workshop
    after: Workshop
    moves: tuple[Move, ...]
    score_before: Score
    score_after: Score
    remaining: tuple[Remaining, ...]
    proved: bool
    """Every level of the score was proved best (the suggestion is optimal)."""
    stopped_by_clock: bool
    """The wall clock, not the budget, ended a search (the result may then vary)."""


def pins_for(workshop: Workshop, pins: Iterable[str], keep_placed: bool) -> frozenset[str]:
    """The requests to keep where they are; an unknown id is refused."""
    known = {request.id for request in workshop.requests}
    chosen = set()
    for request_id in pins:
        if request_id not in known:
            raise SuggestError(_('--pin: there is no request "{id}"').format(id=request_id))
        chosen.add(request_id)
    if keep_placed:
        chosen.update(r.id for r in workshop.requests if r.phase is not None)
    return frozenset(chosen)


def suggest(
    workshop: Workshop,
    seconds: float = DEFAULT_SECONDS,
    pinned: Iterable[str] = (),
    progress: Progress | None = None,
    began: float | None = None,
) -> Suggestion:
    """The best plan found within `seconds` (counted from `began`, a `time.monotonic()`)."""
    if not 0 < seconds <= LARGEST_SECONDS:
        raise SuggestError(
            _("--seconds: must be more than 0 and at most {largest}").format(largest=3600)
        )
    deadline = (time.monotonic() if began is None else began) + seconds
    pins = frozenset(pinned)
    start = judge(workshop)
    best, proved, clock = _search(start, pins, seconds, deadline, progress)
    if progress is not None:
        progress(_("done"), 1.0)
    return _suggestion(start, best, pins, proved, clock)


def suggestion_from(
    workshop: Workshop,
    placement: Mapping[str, str | None],
    pinned: Iterable[str],
    proved: tuple[bool, ...],
    stopped_by_clock: bool,
) -> Suggestion:
    """The suggestion a search in another process found (`placement`), judged here again."""
    start = judge(workshop)
    return _suggestion(start, judge(placed(workshop, placement)), frozenset(pinned), proved,
                       stopped_by_clock)  # fmt: skip


def _suggestion(
    start: Judged, best: Judged, pins: frozenset[str], proved: tuple[bool, ...], clock: bool
) -> Suggestion:
    if not best.score.better_than(start.score):
        best = start
    return Suggestion(
        start.workshop,
        best.workshop,
        tuple(moves_between(start.workshop, best.workshop)),
        start.score,
        best.score,
        _remaining(best, pins, proved[0]),
        all(proved),
        clock,
    )


def _search(
    start: Judged,
    pins: frozenset[str],
    seconds: float,
    deadline: float,
    progress: Progress | None,
) -> tuple[Judged, tuple[bool, ...], bool]:
    columns = (len(start.workshop.requests) - len(pins)) * (len(start.workshop.phases) + 1)
    if columns <= WHOLE_LIMIT:
        found, proved, clock = _whole(start, pins, seconds, deadline)
    else:
        found, clock = _windows(start, pins, seconds, deadline, progress)
        proved = (False,) * 7
    if progress is not None:
        progress(_("polishing"), 0.9)
    trials = max(int(seconds * TRIALS_PER_SECOND), 50)
    polished, late = polish(found, pins, trials, deadline)
    return polished, proved, clock or late


def _whole(
    start: Judged, pins: frozenset[str], seconds: float, deadline: float
) -> tuple[Judged, tuple[bool, ...], bool]:
    from app.planning.model import PlanModel
    from app.planning.solver import solve_whole
    from app.planning.timelines import add_timelines

    plan = PlanModel(start.workshop, pins)
    add_timelines(plan)
    solved = solve_whole(plan, placement_of(start.workshop), seconds * WHOLE_SHARE, deadline)
    candidate = judge(placed(start.workshop, solved.placement))
    found = candidate if candidate.score.better_than(start.score) else start
    return found, solved.proved, solved.stopped_by_clock


def _windows(
    start: Judged,
    pins: frozenset[str],
    seconds: float,
    deadline: float,
    progress: Progress | None,
) -> tuple[Judged, bool]:
    """Improve a large plan one window of movable requests at a time."""
    from app.planning.solver import solve_window

    current = start
    dependents = dependents_of(start.workshop)
    count = max(int(seconds * WINDOWS_PER_SECOND), 1)
    stop = deadline - seconds * (1 - WINDOWS_UNTIL)
    for number in range(count):
        if time.monotonic() > stop:
            return current, True
        if progress is not None:
            progress(_("searching"), 0.9 * number / count)
        workshop = current.workshop
        free = window(workshop, current.memo.findings, pins, number, dependents)
        placement, clock = solve_window(workshop, free, WINDOW_BUDGET, deadline)
        if clock:
            return current, True
        candidate = judge(placed(workshop, placement))
        if candidate.score.better_than(current.score):
            current = candidate
    return current, False


def _remaining(best: Judged, pins: frozenset[str], proved: bool) -> tuple[Remaining, ...]:
    errors = [
        f
        for f in best.memo.findings
        if f.severity == "error" and f.rule in PLACEMENT_ERRORS and not f.accepted
    ]
    return tuple(Remaining(f, tuple(r for r in f.requests if r in pins), proved) for f in errors)
