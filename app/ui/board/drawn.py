"""What the cards were drawn from, and which cards an edit concerns.

A move changes one request, two cells and a few findings: the cards to visit are the changed
requests, the cards the layout placed anew, and those whose badge, dots or highlight differ from
what was drawn. Plain bookkeeping, apart from the scene that acts on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from app.domain.model import Request, Workshop
from app.domain.rules import Finding
from app.ui.board.texts import differing

Dots = tuple[tuple[str, int], ...]
"""The votes on a card: (department colour, count) per department that gave some."""


@dataclass(frozen=True, slots=True)
class DrawnCards:
    """What the cards were last drawn from, to find the few an edit concerns."""

    state: tuple[object, ...]
    requests: tuple[Request, ...]
    severities: dict[str, str | None]
    dots: dict[str, Dots]
    highlighted: frozenset[str]


def severities_of(found: Iterable[Finding]) -> dict[str, str | None]:
    """The worst open finding's severity per request that has one (its card's badge).

    The first open finding of a request is its worst: the rules list errors first.
    """
    result: dict[str, str | None] = {}
    for finding in found:
        if not finding.accepted:
            for request_id in finding.requests:
                result.setdefault(request_id, finding.severity)
    return result


def dots_of(
    workshop: Workshop, colors: Mapping[str, str], hidden: Callable[[str], bool]
) -> dict[str, Dots]:
    """The votes each request carries, from the departments whose votes are not hidden."""
    result: dict[str, list[tuple[str, int]]] = {}
    for department in workshop.departments:
        if hidden(department.id):
            continue
        for request_id, count in workshop.votes.get(department.id, {}).items():
            if count:
                result.setdefault(request_id, []).append((colors[department.id], count))
    return {request_id: tuple(given) for request_id, given in result.items()}


def concerned_ids(
    drawn: DrawnCards, now: DrawnCards, changed: list[Request], placed: set[str]
) -> set[str]:
    """The requests whose card an edit may have changed: what to visit after `drawn`."""
    ids = set(placed)
    ids.update(new.id for new in changed)
    ids.update(differing(now.severities, drawn.severities))
    ids.update(differing(now.dots, drawn.dots))
    ids.update(now.highlighted.symmetric_difference(drawn.highlighted))
    return ids


@dataclass(frozen=True, slots=True)
class Highlight:
    """What the findings panel asked the board to point at.

    It follows the finding by its key: after an edit the board points at what the finding
    concerns now, or at nothing once it is gone, without the findings panel telling it again.
    """

    requests: frozenset[str] = frozenset()
    phase: str | None = None
    department: str | None = None
    key: str | None = None

    @staticmethod
    def of(finding: Finding | None) -> Highlight:
        """Point at what a finding concerns (None: at nothing)."""
        if finding is None:
            return Highlight()
        return Highlight(
            frozenset(finding.requests), finding.phase, finding.department, finding.key
        )

    def following(self, findings: Iterable[Finding]) -> Highlight:
        """The same finding's highlight in the findings after an edit."""
        if self.key is None:
            return self
        return Highlight.of(next((f for f in findings if f.key == self.key), None))
