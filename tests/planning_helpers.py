"""Small random workshops for the planning tests, and the best score by trying every placement."""

from __future__ import annotations

import itertools
import random
from collections.abc import Collection
from typing import Any

from app.domain.model import Workshop
from app.planning.placement import placed
from app.planning.score import Score, score


def _departments(rng: random.Random, count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"d{i}",
            "name": f"Department {i}",
            "burden_capacity": rng.choice([None, 1, 2, 3]),
            "first_win_weeks": rng.choice([None, 0, 2]),
            "max_gap_weeks": rng.choice([None, 1, 3]),
        }
        for i in range(count)
    ]


def _request(rng: random.Random, i: int, departments: int, phases: list[str]) -> dict[str, Any]:
    some = range(departments)
    return {
        "id": f"r{i}",
        "title": f"Request {i}",
        "department": f"d{rng.randrange(departments)}",
        "effort": rng.choice([0, 1, 2, 3, 0.5]),
        "benefit": {f"d{d}": rng.choice([1, 2, 3]) for d in rng.sample(some, rng.randint(0, 2))}
        if departments > 1
        else {},
        "burden": {f"d{d}": rng.choice([0, 1, 2]) for d in rng.sample(some, rng.randint(0, 1))},
        "weeks_to_benefit": rng.randint(0, 5),
        "depends_on": sorted({f"r{j}" for j in rng.sample(range(i), min(i, rng.randint(0, 2)))}),
        "phase": rng.choice([None, *phases]),
    }


def small_workshop(rng: random.Random, requests: int, phases: int) -> Workshop:
    """A random workshop of a few requests, phases and departments, with votes and findings."""
    departments = rng.randint(1, 3)
    phase_list = [
        {"id": f"p{i}", "name": f"Phase {i}", "weeks": rng.randint(1, 4),
         "capacity": rng.choice([0, 2, 3, 5, 8])}
        for i in range(phases)
    ]  # fmt: skip
    ids = [str(phase["id"]) for phase in phase_list]
    items = [_request(rng, i, departments, ids) for i in range(requests)]
    votes = {
        f"d{d}": {f"r{rng.randrange(requests)}": rng.randint(1, 3)}
        for d in range(departments)
        if requests and rng.random() < 0.5
    }
    accepted = [{"key": "phase-capacity:p0", "note": "Known."}] if rng.random() < 0.3 else []
    settings = {
        "max_onboarding_per_phase": rng.choice([0, 1, 2]),
        "caution_load": rng.choice([0.5, 0.9]),
    }
    return Workshop.model_validate(
        {"format": "bellwether/1", "title": "Random", "start": "2027-01-04",
         "settings": settings, "departments": _departments(rng, departments),
         "phases": phase_list, "requests": items, "votes": votes, "accepted": accepted}
    )  # fmt: skip


def best_score(workshop: Workshop, pinned: Collection[str] = ()) -> Score:
    """The best score of any placement that keeps `pinned` where they are: every one is tried."""
    places: list[str | None] = [None, *(phase.id for phase in workshop.phases)]
    choices = [[r.phase] if r.id in pinned else places for r in workshop.requests]
    best: Score | None = None
    for combination in itertools.product(*choices):
        placement = {r.id: place for r, place in zip(workshop.requests, combination, strict=True)}
        found = score(placed(workshop, placement))
        if best is None or found.better_than(best):
            best = found
    assert best is not None
    return best
