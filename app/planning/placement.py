"""A placement: which phase (or the backlog, None) each request is in, and the moves between two.

Only the requests' phases change between plans a suggestion proposes; everything else in the
workshop, the request objects a move leaves alone included, is shared as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.model import Workshop

Placement = dict[str, str | None]
"""Request id -> phase id, or None for the backlog."""


@dataclass(frozen=True, slots=True)
class Move:
    """One request going from one place to another (None: the backlog)."""

    request: str
    before: str | None
    after: str | None


def placement_of(workshop: Workshop) -> Placement:
    """Where each request is now."""
    return {request.id: request.phase for request in workshop.requests}


def placed(workshop: Workshop, placement: Mapping[str, str | None]) -> Workshop:
    """The workshop with the requests in `placement` put where it says; nothing else changes.

    A move breaks no reference (the phases exist), so the workshop is not validated again.
    """
    requests = tuple(
        request.model_copy(update={"phase": placement[request.id]})
        if request.id in placement and placement[request.id] != request.phase
        else request
        for request in workshop.requests
    )
    return workshop.model_copy(update={"requests": requests})


def moves_between(before: Workshop, after: Workshop) -> list[Move]:
    """The requests whose place differs, in the order of `after` (requests in both only)."""
    was = placement_of(before)
    return [
        Move(request.id, was[request.id], request.phase)
        for request in after.requests
        if request.id in was and was[request.id] != request.phase
    ]


def with_moves(workshop: Workshop, moves: list[Move]) -> Workshop:
    """The workshop with the given moves made (a subset of a suggestion's, say)."""
    return placed(workshop, {move.request: move.after for move in moves})
