"""Dependencies as links between cards: which to draw, and which run the wrong way.

A link runs from a request to a request it depends on. It is wrong (drawn in the error colour)
when the dependency comes later than the request or waits in the backlog while the request is
planned: the same cases the dependency-order rule reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.model import Workshop


@dataclass(frozen=True, slots=True)
class Link:
    """One dependency: `request` depends on `dependency`; `wrong` when it runs backwards."""

    request: str
    dependency: str
    wrong: bool


def _column(phases: dict[str, int], phase: str | None) -> int:
    """A phase's board column: 0 for the backlog, 1 for the first phase, and so on."""
    return 0 if phase is None else phases[phase] + 1


def links_of(workshop: Workshop, around: Iterable[str] | None = None) -> list[Link]:
    """The links of the requests in `around`, both ways (every link when `around` is None)."""
    phases = {phase.id: index for index, phase in enumerate(workshop.phases)}
    by_id = {request.id: request for request in workshop.requests}
    wanted = None if around is None else set(around)
    result: list[Link] = []
    for request in workshop.requests:
        if not request.depends_on:
            continue
        mine = wanted is None or request.id in wanted
        for dependency_id in request.depends_on:
            dependency = by_id.get(dependency_id)
            theirs = wanted is not None and dependency_id in wanted
            if dependency is None or not (mine or theirs):
                continue
            planned = request.phase is not None
            later = _column(phases, dependency.phase) > _column(phases, request.phase)
            into_backlog = planned and dependency.phase is None
            result.append(Link(request.id, dependency_id, planned and (later or into_backlog)))
    return result
