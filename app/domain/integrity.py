"""Checks that span the whole workshop: unique ids, references that resolve, no cycles.

The model runs these checks on every workshop it builds, so this module does not import the
model: it names what it reads of a workshop in the protocols below, and the arrow runs one way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from app.i18n import _


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


class Request(Protocol):
    """What the checks read of a request."""

    @property
    def id(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def phase(self) -> str | None: ...
    @property
    def benefit(self) -> Mapping[str, float]: ...
    @property
    def burden(self) -> Mapping[str, float]: ...
    @property
    def depends_on(self) -> Sequence[str]: ...


class _Accepted(Protocol):
    @property
    def key(self) -> str: ...


class _Signoff(Protocol):
    @property
    def department(self) -> str: ...


class _Attendee(Protocol):
    @property
    def department(self) -> str | None: ...


class Workshop(Protocol):
    """What the checks read of a workshop."""

    @property
    def departments(self) -> Sequence[_Identified]: ...
    @property
    def phases(self) -> Sequence[_Identified]: ...
    @property
    def requests(self) -> Sequence[Request]: ...
    @property
    def votes(self) -> Mapping[str, Mapping[str, int]]: ...
    @property
    def accepted(self) -> Sequence[_Accepted]: ...
    @property
    def signoffs(self) -> Sequence[_Signoff]: ...
    @property
    def attendees(self) -> Sequence[_Attendee]: ...


class IntegrityError(ValueError):
    """A workshop-wide problem; its message already names the place in the file."""


def _place(section: str, index: int, item_id: str | None = None) -> str:
    return f'{section}[{index}] (id "{item_id}")' if item_id is not None else f"{section}[{index}]"


def _unique(section: str, ids: Iterable[str]) -> set[str]:
    seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in seen:
            raise IntegrityError(
                _('{where}: "{id}" is already used by {other}').format(
                    where=f"{_place(section, index, item_id)}.id",
                    id=item_id,
                    other=f"{section}[{seen[item_id]}]",
                )
            )
        seen[item_id] = index
    return set(seen)


def check_integrity(workshop: Workshop) -> None:
    """Raise IntegrityError naming the first broken reference, duplicate id or cycle."""
    departments = _unique("departments", (d.id for d in workshop.departments))
    phases = _unique("phases", (p.id for p in workshop.phases))
    requests = _unique("requests", (r.id for r in workshop.requests))
    _check_requests(workshop, departments, phases, requests)
    _check_cycles(workshop)
    _check_votes(workshop, departments, requests)
    _check_records(workshop, departments)


def _check_requests(
    workshop: Workshop, departments: set[str], phases: set[str], requests: set[str]
) -> None:
    """A quick test per request; only a request that fails it is looked at closely."""
    for index, request in enumerate(workshop.requests):
        depends_on = request.depends_on
        if not (
            request.department in departments
            and (request.phase is None or request.phase in phases)
            and departments.issuperset(request.benefit)
            and departments.issuperset(request.burden)
            and (
                not depends_on
                or (
                    request.id not in depends_on
                    and requests.issuperset(depends_on)
                    and len(set(depends_on)) == len(depends_on)
                )
            )
        ):
            _explain_request(index, request, departments, phases, requests)


def _explain_request(
    index: int, request: Request, departments: set[str], phases: set[str], requests: set[str]
) -> None:
    place = _place("requests", index, request.id)
    if request.department not in departments:
        raise IntegrityError(
            _('{where}: unknown department "{id}"').format(
                where=f"{place}.department", id=request.department
            )
        )
    for field, points in (("benefit", request.benefit), ("burden", request.burden)):
        for key in points:
            if key not in departments:
                raise IntegrityError(
                    _('{where}: unknown department "{id}"').format(where=f"{place}.{field}", id=key)
                )
    if request.phase is not None and request.phase not in phases:
        raise IntegrityError(
            _('{where}: unknown phase "{id}"').format(where=f"{place}.phase", id=request.phase)
        )
    seen: set[str] = set()
    for position, dependency in enumerate(request.depends_on):
        where = f"{place}.depends_on[{position}]"
        if dependency == request.id:
            raise IntegrityError(
                _('{where}: a request cannot depend on itself ("{id}")').format(
                    where=where, id=dependency
                )
            )
        if dependency not in requests:
            raise IntegrityError(
                _('{where}: unknown request "{id}"').format(where=where, id=dependency)
            )
        if dependency in seen:
            raise IntegrityError(
                _('{where}: "{id}" is listed twice').format(where=where, id=dependency)
            )
        seen.add(dependency)


def _check_cycles(workshop: Workshop) -> None:
    """Depth-first search without recursion, so a long chain cannot overflow the stack."""
    graph = {request.id: request.depends_on for request in workshop.requests}
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for root, dependencies in graph.items():
        if root in state:
            continue
        if not dependencies:
            state[root] = 2
            continue
        path: list[str] = [root]
        iterators = [iter(dependencies)]
        state[root] = 1
        while iterators:
            step = next(iterators[-1], None)
            if step is None:
                state[path.pop()] = 2
                iterators.pop()
            elif step not in state:
                if graph[step]:
                    state[step] = 1
                    path.append(step)
                    iterators.append(iter(graph[step]))
                else:
                    state[step] = 2
            elif state[step] == 1:
                _report_cycle(workshop, [*path[path.index(step) :], step])


def _report_cycle(workshop: Workshop, cycle: list[str]) -> None:
    index = next(i for i, request in enumerate(workshop.requests) if request.id == cycle[0])
    place = _place("requests", index, cycle[0])
    raise IntegrityError(
        _("{where}: dependency cycle {cycle}").format(
            where=f"{place}.depends_on", cycle=" -> ".join(f'"{c}"' for c in cycle)
        )
    )


def _check_votes(workshop: Workshop, departments: set[str], requests: set[str]) -> None:
    for department, given in workshop.votes.items():
        if department not in departments:
            raise IntegrityError(
                _('{where}: unknown department "{id}"').format(where="votes", id=department)
            )
        for request in given:
            if request not in requests:
                raise IntegrityError(
                    _('{where}: unknown request "{id}"').format(
                        where=f'votes."{department}"', id=request
                    )
                )


def _check_records(workshop: Workshop, departments: set[str]) -> None:
    keys: set[str] = set()
    for index, accepted in enumerate(workshop.accepted):
        if accepted.key in keys:
            raise IntegrityError(
                _('{where}: "{key}" is accepted twice').format(
                    where=f"accepted[{index}].key", key=accepted.key
                )
            )
        keys.add(accepted.key)
    for index, signoff in enumerate(workshop.signoffs):
        if signoff.department not in departments:
            raise IntegrityError(
                _('{where}: unknown department "{id}"').format(
                    where=f"signoffs[{index}].department", id=signoff.department
                )
            )
    for index, attendee in enumerate(workshop.attendees):
        if attendee.department is not None and attendee.department not in departments:
            raise IntegrityError(
                _('{where}: unknown department "{id}"').format(
                    where=f"attendees[{index}].department", id=attendee.department
                )
            )
