"""What one edit changed: worked out once per edit, read by the schedule, the rules and the views.

Every edit in `domain` shares each request it does not change with the workshop before it, so
the requests an edit replaced are the positions holding a new object. That is worth knowing only
while the rest of the frame stayed: the same phases and departments and as many requests; then
the schedule lays out again only what the replaced requests concern, the rules redo only the
findings they can change, and the board redraws only their cards.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.model import Request, Workshop


@dataclass(frozen=True, slots=True)
class Change:
    """The difference between the workshop before an edit and the one after it."""

    before: Workshop
    after: Workshop
    replaced: tuple[int, ...] | None
    """The positions of the requests the edit replaced, when it kept the phases, the departments
    and the number of requests (None: the frame changed, so nothing can be reused)."""
    settings_kept: bool

    @property
    def reusable(self) -> bool:
        """Whether what was worked out for `before` can be kept for the untouched parts."""
        return self.replaced is not None

    def replaced_pairs(self) -> list[tuple[Request, Request]]:
        """(new, old) for each replaced request, in position order (none when not reusable)."""
        new, old = self.after.requests, self.before.requests
        return [(new[i], old[i]) for i in self.replaced or ()]


def what_changed(before: Workshop, after: Workshop) -> Change:
    """The change an edit made from `before` to `after`."""
    kept = (
        after.phases == before.phases
        and after.departments == before.departments
        and len(after.requests) == len(before.requests)
    )
    replaced = tuple(replaced_positions(after.requests, before.requests)) if kept else None
    return Change(before, after, replaced, after.settings == before.settings)


def replaced_positions(requests: Sequence[Request], before: Sequence[Request]) -> list[int]:
    """Where an edit put a new request object in a list of the same length (the others it kept:
    an edit shares every request it does not change)."""
    return list(itertools.compress(range(len(requests)), map(operator.is_not, requests, before)))
