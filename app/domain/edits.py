"""Pure edit operations: each takes a workshop and returns a new one.

The UI wraps each in an undo command; the command line and tests call them directly. They
validate their result like a loaded file, so an edit can never produce a workshop that would
not load again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.fingerprint import fingerprint
from app.domain.model import Accepted, Signoff, Workshop
from app.domain.problems import describe
from app.i18n import _


class EditError(ValueError):
    """An edit that would break the workshop; the message says why in plain words."""


def revalidated(workshop: Workshop, **changes: Any) -> Workshop:
    """The workshop with top-level fields replaced, checked as a whole like a loaded file."""
    data = {name: getattr(workshop, name) for name in type(workshop).model_fields}
    data.update(changes)
    try:
        return Workshop.model_validate(data)
    except ValueError as error:
        raise EditError(describe(error)) from None


def move_request(workshop: Workshop, request_id: str, phase_id: str | None) -> Workshop:
    """Put a request into a phase, or into the backlog with None.

    A move cannot break any reference, so the workshop is rebuilt without a full validation:
    this is the board's hot path, run on every drag hover and drop.
    """
    if phase_id is not None:
        workshop.phase(phase_id)
    requests = list(workshop.requests)
    for index, request in enumerate(requests):
        if request.id == request_id:
            requests[index] = request.model_copy(update={"phase": phase_id})
            return workshop.model_copy(update={"requests": tuple(requests)})
    raise EditError(_('there is no request "{id}"').format(id=request_id))


def place_request(
    workshop: Workshop, request_id: str, phase_id: str | None, before: str | None
) -> Workshop:
    """Put a request into a phase (None: the backlog) at a place among its cell's cards.

    A cell shows its cards in the file's order, which is the committee's order of priority
    within a phase: the request goes just before `before` (a request of the same cell), or
    with None after the cell's last card. Like `move_request`, it cannot break a reference.
    """
    moved = move_request(workshop, request_id, phase_id).requests
    request = next(r for r in moved if r.id == request_id)
    rest = [r for r in moved if r.id != request_id]
    if before is not None:
        index = next((i for i, r in enumerate(rest) if r.id == before), None)
        if index is None:
            raise EditError(_('there is no request "{id}"').format(id=before))
    else:
        cell = [
            i
            for i, r in enumerate(rest)
            if r.department == request.department and r.phase == request.phase
        ]
        if not cell:
            return workshop.model_copy(update={"requests": moved})
        index = cell[-1] + 1
    rest.insert(index, request)
    return workshop.model_copy(update={"requests": tuple(rest)})


def column_of(workshop: Workshop, request_id: str) -> int:
    """The board column of a request: 0 for the backlog, i + 1 for phase i."""
    phase = workshop.request(request_id).phase
    if phase is None:
        return 0
    return 1 + [p.id for p in workshop.phases].index(phase)


def phase_of_column(workshop: Workshop, column: int) -> str | None:
    """The inverse of `column_of`: None for the backlog column."""
    return None if column <= 0 else workshop.phases[column - 1].id


def set_votes(workshop: Workshop, department_id: str, request_id: str, dots: int) -> Workshop:
    """Record how many dots a department's head gives a request (0 removes the vote)."""
    workshop.department(department_id)
    workshop.request(request_id)
    if dots < 0:
        raise EditError(_("dots cannot be negative"))
    votes = {department: dict(given) for department, given in workshop.votes.items()}
    given = votes.setdefault(department_id, {})
    if dots:
        given[request_id] = dots
    else:
        given.pop(request_id, None)
    if not given:
        del votes[department_id]
    return workshop.model_copy(update={"votes": votes})


def accept(workshop: Workshop, key: str, note: str) -> Workshop:
    """Record that the committee accepts a finding knowingly, with its reason."""
    if not note.strip():
        raise EditError(_("an accepted finding needs a note saying why"))
    kept = tuple(a for a in workshop.accepted if a.key != key)
    return workshop.model_copy(update={"accepted": (*kept, Accepted(key=key, note=note))})


def withdraw(workshop: Workshop, key: str) -> Workshop:
    """Withdraw the acceptance of a finding."""
    kept = tuple(a for a in workshop.accepted if a.key != key)
    return workshop.model_copy(update={"accepted": kept})


def sign(workshop: Workshop, department_id: str, name: str, at: datetime) -> Workshop:
    """Record a head's sign-off of the plan as it is now; it replaces their earlier one."""
    workshop.department(department_id)
    if not name.strip():
        raise EditError(_("a sign-off needs the name of who signs"))
    signoff = Signoff(department=department_id, name=name, at=at, fingerprint=fingerprint(workshop))
    kept = tuple(s for s in workshop.signoffs if s.department != department_id)
    return workshop.model_copy(update={"signoffs": (*kept, signoff)})
