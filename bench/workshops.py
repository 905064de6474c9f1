"""The generated workshops the benchmarks measure: 12 phases, 10 departments, any size.

Requests are planned roughly in list order (about 20 % wait in the backlog), with benefits,
burdens, dependencies on recent requests, votes and one accepted finding, so the findings show a
believable mix at every size.
"""

from __future__ import annotations

import random
from typing import Any

PHASES = 12
DEPARTMENTS = (
    "Sales", "Marketing", "Customer service", "HR", "Logistics",
    "Finance", "Management", "Purchasing", "Production", "IT",
)  # fmt: skip
VERBS = ("Shared", "Automated", "Mobile", "Simpler", "Faster", "Self-service", "Central")
NOUNS = (
    "customer register", "quote follow-up", "case handling", "delivery status", "invoice sync",
    "campaign planning", "onboarding checklist", "credit check", "service contract renewals",
    "management dashboard", "returns handling", "visit planning",
)  # fmt: skip


def _request(rng: random.Random, index: int, total: int) -> dict[str, Any]:
    """A request planned roughly in list order; about 20 % wait in the backlog."""
    owner = rng.randrange(len(DEPARTMENTS))
    phase = min(PHASES - 1, max(0, index * PHASES // total + rng.choice((-1, 0, 0, 1))))
    benefited = rng.sample(range(len(DEPARTMENTS)), rng.choice((0, 1, 1, 1, 2, 3)))
    burdened = {owner, *rng.sample(range(len(DEPARTMENTS)), rng.choice((0, 0, 1)))}
    earlier = range(max(0, index - 40), index)
    return {
        "id": f"r{index}",
        "title": f"{rng.choice(VERBS)} {rng.choice(NOUNS)} for {DEPARTMENTS[owner].lower()}",
        "department": f"d{owner}",
        "description": "Generated for the benchmark. " * rng.randrange(0, 4),
        "effort": rng.choice((0.5, 1, 2, 3, 5, 8, 13, 20)),
        "benefit": {f"d{d}": rng.choice((1, 2, 3, 5)) for d in benefited},
        "burden": {f"d{d}": rng.choice((0.5, 1, 2, 4)) for d in sorted(burdened)},
        "weeks_to_benefit": rng.randrange(0, 9),
        "depends_on": sorted({f"r{rng.choice(earlier)}" for _ in range(rng.choice((0, 0, 1, 2)))})
        if index
        else [],
        "phase": f"p{phase}" if rng.random() >= 0.2 else None,
    }


def generate(requests: int, seed: int = 5) -> dict[str, Any]:
    """A realistic workshop of `requests` requests, 12 phases, 10 departments, votes and more."""
    rng = random.Random(seed)
    mean_effort = 6.5 * requests * 0.8 / PHASES
    hours = requests * 0.8 / PHASES * 1.4 / len(DEPARTMENTS) * 1.9
    departments = [
        {"id": f"d{i}", "name": name, "head": f"Head of {name}",
         "burden_capacity": round(hours * 1.2, 1) if i % 3 else None}
        for i, name in enumerate(DEPARTMENTS)
    ]  # fmt: skip
    phases = [
        {"id": f"p{i}", "name": f"Phase {i + 1}", "weeks": 4 + i % 3 * 2,
         "capacity": round(mean_effort * (0.9 + 0.05 * (i % 5)))}
        for i in range(PHASES)
    ]  # fmt: skip
    votes = {
        f"d{d}": {f"r{rng.randrange(requests)}": rng.randrange(1, 4) for _ in range(4)}
        for d in range(len(DEPARTMENTS))
    }
    return {
        "format": "bellwether/1", "title": f"Benchmark workshop ({requests:,} requests)",
        "vision": "One shared picture of every customer", "start": "2027-01-04",
        "departments": departments, "phases": phases,
        "requests": [_request(rng, index, requests) for index in range(requests)], "votes": votes,
        "accepted": [{"key": "phase-capacity:p0", "note": "Known and accepted."}],
    }  # fmt: skip
