"""Pure edit operations on the workshop's structure: requests, departments, phases, settings.

Each operation returns a new workshop validated as a whole, like a loaded file, or raises
`EditError` with one line a facilitator can act on. Removals return a `Removal` that says what
else had to go with the item, so the undo text can name it ("Remove request 'X' and 3 dots").

What goes with a removed item, and why:

- a request takes its place in other requests' `depends_on` and every dot given to it: both
  only mean something while the request exists;
- a department is refused while requests still belong to it (they would lose their owner);
  otherwise its entries in other requests' `benefit` and `burden`, its votes and its sign-off
  go, and attendees from it stay in the minutes without a department;
- a phase sends its requests back to the backlog, as if each card had been moved there.

Accepted findings stay in every case: they are the committee's record, an acceptance of a
finding that no longer occurs is shown nowhere, and it applies again if the item comes back.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from app.domain.edits import EditError, revalidated
from app.domain.ids import id_stem, unique_id
from app.domain.model import Department, Phase, Request, Settings, Workshop
from app.domain.problems import describe
from app.i18n import N_, _, ngettext

WORKSHOP_FIELDS = frozenset({"title", "organisation", "vision", "start", "settings"})
REQUEST_FIELDS = frozenset(Request.model_fields) - {"id"}
DEPARTMENT_FIELDS = frozenset(Department.model_fields) - {"id"}
PHASE_FIELDS = frozenset(Phase.model_fields) - {"id"}


ModelT = TypeVar("ModelT", bound=BaseModel)

_MISSING = {
    "department": N_('there is no department "{id}"'),
    "phase": N_('there is no phase "{id}"'),
    "request": N_('there is no request "{id}"'),
}


@dataclass(frozen=True, slots=True)
class Removal:
    """The workshop after a removal, and what else had to go with the removed item."""

    workshop: Workshop
    dependencies: int = 0  # `depends_on` entries that pointed at a removed request
    dots: int = 0  # dots of votes given to a removed request, or by a removed department
    points: int = 0  # benefit and burden entries of a removed department
    signoffs: int = 0  # sign-offs of a removed department
    backlogged: int = 0  # requests of a removed phase sent back to the backlog


# --- helpers ------------------------------------------------------------------------------


def _validated(workshop: Workshop, **changes: Any) -> Workshop:
    """`revalidated`, with the start date given as text, which is how the model reads it."""
    start = changes.pop("start", workshop.start)
    if isinstance(start, date):
        start = start.isoformat()
    return revalidated(workshop, start=start, **changes)


def _rebuilt(model: ModelT, changes: Mapping[str, Any], allowed: Collection[str]) -> ModelT:
    """A model with some fields changed, validated on its own: messages name just the field."""
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise EditError(_("{field}: cannot be changed here").format(field=unknown[0]))
    data = model.model_dump()
    data.update(changes)
    try:
        return type(model).model_validate(data)
    except ValueError as error:
        raise EditError(describe(error)) from None


def _index(items: Iterable[Any], item_id: str, kind: str) -> int:
    for index, item in enumerate(items):
        if item.id == item_id:
            return index
    raise EditError(_(_MISSING[kind]).format(id=item_id))


def _replaced(items: tuple[ModelT, ...], index: int, item: ModelT) -> tuple[ModelT, ...]:
    return (*items[:index], item, *items[index + 1 :])


def _without_key(points: dict[str, float], key: str) -> dict[str, float]:
    return {name: value for name, value in points.items() if name != key}


# --- requests -----------------------------------------------------------------------------


def add_request(workshop: Workshop, department_id: str, title: str) -> tuple[Workshop, str]:
    """Add a request with this title to the backlog; returns the workshop and the new id."""
    _index(workshop.departments, department_id, "department")
    new_id = unique_id(id_stem(title), {r.id for r in workshop.requests}, "request")
    try:
        request = Request(id=new_id, title=title, department=department_id)
    except ValueError as error:
        raise EditError(describe(error)) from None
    return _validated(workshop, requests=(*workshop.requests, request)), new_id


def update_request(workshop: Workshop, request_id: str, **changes: Any) -> Workshop:
    """A request with some fields changed (not its id); the message names the field."""
    index = _index(workshop.requests, request_id, "request")
    request = _rebuilt(workshop.requests[index], changes, REQUEST_FIELDS)
    try:
        return _validated(workshop, requests=_replaced(workshop.requests, index, request))
    except EditError as error:
        # The form shows the message under the field: the place of the request is clear there.
        place = f'requests[{index}] (id "{request_id}").'
        raise EditError(str(error).removeprefix(place)) from None


def remove_request(workshop: Workshop, request_id: str) -> Removal:
    """Remove a request, and with it the dependencies on it and the dots given to it."""
    _index(workshop.requests, request_id, "request")
    requests: list[Request] = []
    dependencies = 0
    for request in workshop.requests:
        if request.id == request_id:
            continue
        if request_id in request.depends_on:
            dependencies += 1
            kept = tuple(d for d in request.depends_on if d != request_id)
            request = request.model_copy(update={"depends_on": kept})
        requests.append(request)
    dots = sum(given.get(request_id, 0) for given in workshop.votes.values())
    votes = {
        department: {r: n for r, n in given.items() if r != request_id}
        for department, given in workshop.votes.items()
    }
    votes = {department: given for department, given in votes.items() if given}
    after = _validated(workshop, requests=tuple(requests), votes=votes)
    return Removal(after, dependencies=dependencies, dots=dots)


# --- the workshop itself ------------------------------------------------------------------


def update_workshop(workshop: Workshop, **fields: Any) -> Workshop:
    """Change the title, organisation, vision, start or settings.

    `settings` is a dict of only the settings that change; the others keep their values.
    """
    unknown = sorted(set(fields) - WORKSHOP_FIELDS)
    if unknown:
        raise EditError(_("{field}: cannot be changed here").format(field=unknown[0]))
    changes = dict(fields)
    if "settings" in changes:
        settings: Mapping[str, Any] = changes["settings"]
        strange = sorted(set(settings) - set(Settings.model_fields))
        if strange:
            raise EditError(
                _("{field}: there is no such setting").format(field=f"settings.{strange[0]}")
            )
        changes["settings"] = {**workshop.settings.model_dump(), **settings}
    return _validated(workshop, **changes)


# --- departments --------------------------------------------------------------------------


def add_department(workshop: Workshop, name: str, **fields: Any) -> tuple[Workshop, str]:
    """Add a department (a new swimlane at the bottom); returns the workshop and the new id."""
    new_id = unique_id(id_stem(name), {d.id for d in workshop.departments}, "department")
    unknown = sorted(set(fields) - DEPARTMENT_FIELDS)
    if unknown:
        raise EditError(_("{field}: cannot be set here").format(field=unknown[0]))
    try:
        department = Department.model_validate({"id": new_id, "name": name, **fields})
    except ValueError as error:
        raise EditError(describe(error)) from None
    return _validated(workshop, departments=(*workshop.departments, department)), new_id


def update_department(workshop: Workshop, department_id: str, **changes: Any) -> Workshop:
    """Change a department's name, head, colour, burden capacity or thresholds (not its id)."""
    index = _index(workshop.departments, department_id, "department")
    department = _rebuilt(workshop.departments[index], changes, DEPARTMENT_FIELDS)
    return _validated(workshop, departments=_replaced(workshop.departments, index, department))


def remove_department(workshop: Workshop, department_id: str) -> Removal:
    """Remove a department that no request belongs to (see the module docstring for the rest)."""
    index = _index(workshop.departments, department_id, "department")
    owned = [r.title for r in workshop.requests if r.department == department_id]
    if owned:
        name = workshop.departments[index].name
        raise EditError(
            ngettext(
                '"{name}" still has a request "{title}": '
                "give them to another department or remove them first",
                '"{name}" still has {count} requests, among them "{title}": '
                "give them to another department or remove them first",
                len(owned),
            ).format(name=name, count=len(owned), title=owned[0])
        )
    requests, points = _without_department_points(workshop.requests, department_id)
    dots = sum(workshop.votes.get(department_id, {}).values())
    votes = {d: given for d, given in workshop.votes.items() if d != department_id}
    signoffs = tuple(s for s in workshop.signoffs if s.department != department_id)
    attendees = tuple(
        a.model_copy(update={"department": None}) if a.department == department_id else a
        for a in workshop.attendees
    )
    after = _validated(
        workshop,
        departments=workshop.departments[:index] + workshop.departments[index + 1 :],
        requests=requests,
        votes=votes,
        signoffs=signoffs,
        attendees=attendees,
    )
    dropped = len(workshop.signoffs) - len(signoffs)
    return Removal(after, dots=dots, points=points, signoffs=dropped)


def _without_department_points(
    requests: tuple[Request, ...], department_id: str
) -> tuple[tuple[Request, ...], int]:
    """Requests without benefit or burden entries for a department, and how many went."""
    kept: list[Request] = []
    removed = 0
    for request in requests:
        found = (department_id in request.benefit) + (department_id in request.burden)
        if found:
            removed += found
            request = request.model_copy(
                update={
                    "benefit": _without_key(request.benefit, department_id),
                    "burden": _without_key(request.burden, department_id),
                }
            )
        kept.append(request)
    return tuple(kept), removed


# --- phases -------------------------------------------------------------------------------


def add_phase(
    workshop: Workshop, name: str, weeks: int = 4, capacity: float = 0
) -> tuple[Workshop, str]:
    """Add a phase after the last one; returns the workshop and the new id."""
    new_id = unique_id(id_stem(name), {p.id for p in workshop.phases}, "phase")
    try:
        phase = Phase.model_validate(
            {"id": new_id, "name": name, "weeks": weeks, "capacity": capacity}
        )
    except ValueError as error:
        raise EditError(describe(error)) from None
    return _validated(workshop, phases=(*workshop.phases, phase)), new_id


def update_phase(workshop: Workshop, phase_id: str, **changes: Any) -> Workshop:
    """Change a phase's name, weeks or capacity (not its id)."""
    index = _index(workshop.phases, phase_id, "phase")
    phase = _rebuilt(workshop.phases[index], changes, PHASE_FIELDS)
    return _validated(workshop, phases=_replaced(workshop.phases, index, phase))


def remove_phase(workshop: Workshop, phase_id: str) -> Removal:
    """Remove a phase; its requests go back to the backlog."""
    index = _index(workshop.phases, phase_id, "phase")
    backlogged = sum(1 for r in workshop.requests if r.phase == phase_id)
    requests = tuple(
        r.model_copy(update={"phase": None}) if r.phase == phase_id else r
        for r in workshop.requests
    )
    phases = workshop.phases[:index] + workshop.phases[index + 1 :]
    return Removal(_validated(workshop, phases=phases, requests=requests), backlogged=backlogged)


def move_phase(workshop: Workshop, phase_id: str, offset: int) -> Workshop:
    """Move a phase earlier (offset < 0) or later in the plan; its requests move with it."""
    index = _index(workshop.phases, phase_id, "phase")
    target = index + offset
    if not 0 <= target < len(workshop.phases):
        raise EditError(_move_problem(workshop.phases[index].name, index, len(workshop.phases)))
    phases = list(workshop.phases)
    phases.insert(target, phases.pop(index))
    return _validated(workshop, phases=tuple(phases))


def _move_problem(name: str, index: int, count: int) -> str:
    """Why a phase at `index` of `count` cannot move as far as asked."""
    if index == 0:
        return _('"{name}" is already the first phase').format(name=name)
    if index == count - 1:
        return _('"{name}" is already the last phase').format(name=name)
    return _('"{name}" is phase {number} of {count}: it cannot move that far').format(
        name=name, number=index + 1, count=count
    )
