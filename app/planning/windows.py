"""Which requests a window of the large-plan search lets move.

First those the open findings name (errors come first in the findings), a different stretch
of them each time, then their dependencies and dependents, since an order is mended by moving
either side; the rest of the window sweeps through the other requests in turn. The choice
depends only on the plan and the window's number, so the search repeats exactly.
"""

from __future__ import annotations

from collections.abc import Collection

from app.domain.model import Workshop
from app.domain.rules import Finding

WINDOW = 80
"""Requests free to move in one window: a model CP-SAT solves to the end in well under 1 s."""


def dependents_of(workshop: Workshop) -> dict[str, list[str]]:
    """Per request id, the requests that depend on it."""
    found: dict[str, list[str]] = {}
    for request in workshop.requests:
        for dependency in request.depends_on:
            found.setdefault(dependency, []).append(request.id)
    return found


def window(
    workshop: Workshop,
    found: list[Finding],
    pinned: Collection[str],
    number: int,
    dependents: dict[str, list[str]],
) -> list[str]:
    """The requests free to move in window `number` (at most WINDOW of them)."""
    chosen: dict[str, None] = {}

    def take(request_id: str, limit: int) -> None:
        if len(chosen) < limit and request_id not in pinned:
            chosen.setdefault(request_id)

    named = list(dict.fromkeys(r for f in found if not f.accepted for r in f.requests))
    named = [r for r in named if r not in pinned]
    half = WINDOW // 2
    if named:
        offset = number * half % len(named)
        for request_id in (named[offset:] + named[:offset])[:half]:
            take(request_id, half)
    by_id = {request.id: request for request in workshop.requests}
    for request_id in list(chosen):
        for other in [*by_id[request_id].depends_on, *dependents.get(request_id, ())]:
            take(other, WINDOW * 3 // 4)
    requests = workshop.requests
    if requests:
        offset = number * (WINDOW // 4) % len(requests)
        for request in requests[offset:] + requests[:offset]:
            take(request.id, WINDOW)
            if len(chosen) >= WINDOW:
                break
    return list(chosen)
