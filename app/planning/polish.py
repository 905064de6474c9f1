"""A local search that polishes a placement, with the rules themselves as the judge.

It tries moving one request at a time to every other place and keeps the best move that makes
the score better, until no move helps or its budget of trials is spent. Each trial works the
findings out again only where the move changed them (`rule_update`). The requests the open
findings name come first, then backlog requests that carry dots or benefit, then the rest.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from app.domain.change import what_changed
from app.domain.edits import move_request
from app.domain.model import Workshop
from app.domain.rule_update import RuleMemo, rule_pass
from app.domain.schedule import Schedule, build_schedule
from app.planning.score import Score, score


@dataclass(frozen=True, slots=True)
class Judged:
    """A plan with its schedule, its findings and its score."""

    workshop: Workshop
    schedule: Schedule
    memo: RuleMemo
    score: Score


def judge(workshop: Workshop, before: Judged | None = None) -> Judged:
    """Score a plan; given the plan it was edited from, only the changed parts are redone."""
    if before is None:
        schedule = build_schedule(workshop)
        memo = rule_pass(workshop, schedule)
    else:
        change = what_changed(before.workshop, workshop)
        schedule = build_schedule(workshop, before.schedule, change)
        memo = rule_pass(workshop, schedule, before.memo, change)
    return Judged(workshop, schedule, memo, score(workshop, schedule, memo.findings))


def _candidates(current: Judged, pinned: Collection[str]) -> Iterator[str]:
    """The requests worth trying first, each once, none of the pinned ones."""
    seen = set(pinned)
    requests = current.workshop.requests
    named = [r for f in current.memo.findings if not f.accepted for r in f.requests]
    votes = {r for given in current.workshop.votes.values() for r, dots in given.items() if dots}
    waiting = [r.id for r in requests if r.phase is None and (r.benefit or r.id in votes)]
    for request_id in [*named, *waiting, *(r.id for r in requests)]:
        if request_id not in seen:
            seen.add(request_id)
            yield request_id


def polish(
    start: Judged, pinned: Collection[str], trials: int, deadline: float
) -> tuple[Judged, bool]:
    """The best plan single moves reach from `start` within `trials` trials (and the deadline).

    Also says whether the clock, not the budget or a local optimum, ended the search.
    """
    current = start
    places: list[str | None] = [None, *(phase.id for phase in start.workshop.phases)]
    improved = True
    while improved and trials > 0:
        improved = False
        for request_id in list(_candidates(current, pinned)):
            if trials <= 0:
                break
            if time.monotonic() > deadline:
                return current, True
            here = current.workshop.request(request_id).phase
            best = current
            for place in places:
                if place == here or trials <= 0:
                    continue
                trials -= 1
                tried = judge(move_request(current.workshop, request_id, place), current)
                if tried.score.better_than(best.score):
                    best = tried
            if best is not current:
                current, improved = best, True
    return current, False
