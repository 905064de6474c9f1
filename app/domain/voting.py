"""Dot voting: each department head spends an equal budget of dots on the requests.

Pure functions on a workshop. The app lets a head give one dot at a time and never more than
`dots_per_head`; a file may still hold more (other tools write it), which the `vote-budget` rule
reports, so taking a dot back is always allowed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.edits import EditError, set_votes
from app.domain.model import Department, Workshop
from app.i18n import _


@dataclass(frozen=True, slots=True)
class VoteTotal:
    """The dots one request received: in all, and per department in the workshop's order."""

    request: str
    dots: int
    by_department: tuple[tuple[str, int], ...]


def _department(workshop: Workshop, department_id: str) -> Department:
    try:
        return workshop.department(department_id)
    except KeyError:
        raise EditError(_('there is no department "{id}"').format(id=department_id)) from None


def _check_request(workshop: Workshop, request_id: str) -> None:
    try:
        workshop.request(request_id)
    except KeyError:
        raise EditError(_('there is no request "{id}"').format(id=request_id)) from None


def dots_given(workshop: Workshop, department_id: str) -> int:
    """How many dots a department's head has given in all."""
    return sum(workshop.votes.get(department_id, {}).values())


def dots_left(workshop: Workshop, department_id: str) -> int:
    """How many dots a department's head may still give (never below 0)."""
    _department(workshop, department_id)
    return max(0, workshop.settings.dots_per_head - dots_given(workshop, department_id))


def dots_on(workshop: Workshop, department_id: str, request_id: str) -> int:
    """How many dots a department's head gave one request."""
    return workshop.votes.get(department_id, {}).get(request_id, 0)


def add_dot(workshop: Workshop, department_id: str, request_id: str) -> Workshop:
    """One more dot from a department's head on a request; refused when the budget is spent."""
    department = _department(workshop, department_id)
    _check_request(workshop, request_id)
    if dots_left(workshop, department_id) == 0:
        budget = workshop.settings.dots_per_head
        raise EditError(
            _("{department} has no dots left: each head has {budget}").format(
                department=department.name, budget=budget
            )
        )
    return set_votes(
        workshop, department_id, request_id, dots_on(workshop, department_id, request_id) + 1
    )


def remove_dot(workshop: Workshop, department_id: str, request_id: str) -> Workshop:
    """One dot fewer from a department's head on a request (unchanged when it has none)."""
    _department(workshop, department_id)
    _check_request(workshop, request_id)
    given = dots_on(workshop, department_id, request_id)
    if given == 0:
        return workshop
    return set_votes(workshop, department_id, request_id, given - 1)


def clear_votes(workshop: Workshop, department_id: str | None = None) -> Workshop:
    """Take back every dot of one department's head, or of all heads (None)."""
    if department_id is None:
        return workshop.model_copy(update={"votes": {}}) if workshop.votes else workshop
    _department(workshop, department_id)
    if department_id not in workshop.votes:
        return workshop
    votes = {d: dict(given) for d, given in workshop.votes.items() if d != department_id}
    return workshop.model_copy(update={"votes": votes})


def _shown(workshop: Workshop, hidden: Callable[[str], bool] | None) -> list[str]:
    """The departments whose votes count, in the workshop's order."""
    return [d.id for d in workshop.departments if hidden is None or not hidden(d.id)]


def totals(workshop: Workshop, hidden: Callable[[str], bool] | None = None) -> dict[str, int]:
    """Total dots per request id (every request, 0 when it has none).

    `hidden` leaves out the votes of departments for which it returns True (hidden voting).
    """
    result = dict.fromkeys((request.id for request in workshop.requests), 0)
    for department_id in _shown(workshop, hidden):
        for request_id, dots in workshop.votes.get(department_id, {}).items():
            result[request_id] += dots
    return result


def top_requests(
    workshop: Workshop, limit: int = 10, hidden: Callable[[str], bool] | None = None
) -> list[VoteTotal]:
    """The requests with the most dots (ties in file order), only those with any."""
    shown = _shown(workshop, hidden)
    counted = [(request_id, dots) for request_id, dots in totals(workshop, hidden).items() if dots]
    # sorted() is stable: equal totals keep the file order.
    ranked = sorted(counted, key=lambda entry: -entry[1])[: max(0, limit)]
    return [
        VoteTotal(
            request_id,
            dots,
            tuple(
                (department_id, given)
                for department_id in shown
                if (given := dots_on(workshop, department_id, request_id))
            ),
        )
        for request_id, dots in ranked
    ]


def backlog_by_dots(workshop: Workshop, hidden: Callable[[str], bool] | None = None) -> list[str]:
    """Every request id, the backlog ones by total dots (most first, ties in file order).

    Requests in phases keep the file order: the board fills each cell in this order, so only
    the backlog is re-sorted.
    """
    counted = totals(workshop, hidden)
    ranked = sorted(
        workshop.requests,
        key=lambda request: -counted[request.id] if request.phase is None else 0,
    )
    return [request.id for request in ranked]
