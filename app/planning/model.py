"""The placement problem as a CP-SAT model: one boolean per request and column.

Column 0 is the backlog, column k the k-th phase. Every finding a placement can cause has an
indicator that the model forces to 1 whenever the finding would be there, so the objective
levels count exactly what the rules count (an accepted finding has no indicator). The rules
still judge the answer (`suggest`); amounts are scaled to whole numbers, exactly when they
have at most six decimals.

Only this module and `timelines` import OR-Tools, and only when a model is built.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.domain.model import Request, Workshop
from app.domain.schedule import tidy

if TYPE_CHECKING:
    from ortools.sat.python.cp_model import CpModel, IntVar, LinearExprT

_LARGEST = 2**50
"""A scaled sum stays below this, far inside CP-SAT's 64-bit integers."""


def decimal_scale(values: Iterable[float]) -> int:
    """The power of ten (at most 10^6) that makes every value whole, kept small enough."""
    numbers = [abs(value) for value in values]
    scale = 1
    while scale < 10**6 and any(abs(v * scale - round(v * scale)) > 1e-6 for v in numbers):
        scale *= 10
    total = math.fsum(numbers)
    while scale > 1 and total * scale > _LARGEST:
        scale //= 10
    return scale


@dataclass
class Levels:
    """The six objective levels as sums of indicators and weighted literals, with keys."""

    errors: list[Any] = field(default_factory=list)
    dots: list[tuple[int, Any]] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)
    points: list[tuple[int, Any]] = field(default_factory=list)
    weighted: list[tuple[int, Any]] = field(default_factory=list)
    cautions: list[Any] = field(default_factory=list)
    stays: list[Any] = field(default_factory=list)
    """Per free request, the literal of the place it is in now: a tie is broken by fewer moves."""


Literal = Any
"""A CP-SAT literal, or a plain True or False for a request that is fixed where it is."""


class PlanModel:
    """The model of one workshop; `fixed` requests stay where they are, as constants.

    A fixed request adds no variables, and a rule whose inputs are all fixed adds nothing but
    its verdict, so a model with a few free requests among thousands stays small.
    """

    def __init__(self, workshop: Workshop, fixed: Iterable[str] = ()) -> None:
        from ortools.sat.python import cp_model

        self.workshop = workshop
        self.model: CpModel = cp_model.CpModel()
        self.phase_ids = [phase.id for phase in workshop.phases]
        self.ends = [0]
        for phase in workshop.phases:
            self.ends.append(self.ends[-1] + phase.weeks)
        self.accepted = {accepted.key for accepted in workshop.accepted}
        self.levels = Levels()
        self.index = {request.id: i for i, request in enumerate(workshop.requests)}
        still = set(fixed)
        self.x: list[list[Literal]] = [
            self._columns(request, request.id in still) for request in workshop.requests
        ]
        self._phase_load()
        self._dependencies()
        self._value()

    def is_open(self, key: str) -> bool:
        """A finding with this key counts (it is not accepted)."""
        return key not in self.accepted

    def new_bool(self) -> IntVar:
        """A fresh boolean."""
        return self.model.new_bool_var("")

    def column_of(self, phase: str | None) -> int:
        """A phase's column (0: the backlog)."""
        return 0 if phase is None else 1 + self.phase_ids.index(phase)

    def _columns(self, request: Request, fixed: bool) -> list[Literal]:
        if fixed:
            column = self.column_of(request.phase)
            return [k == column for k in range(len(self.phase_ids) + 1)]
        x = [self.new_bool() for _ in range(len(self.phase_ids) + 1)]
        self.model.add_exactly_one(x)
        self.levels.stays.append(x[self.column_of(request.phase)])
        return x

    # --- literals that may be constants --------------------------------------------------

    def clause(self, literals: Iterable[Literal]) -> None:
        """At least one of `literals` holds."""
        kept = []
        for literal in literals:
            if literal is True:
                return
            if literal is not False:
                kept.append(literal)
        self.model.add_bool_or(kept)

    def any_of(self, literals: Iterable[Literal]) -> Literal:
        """A literal equal to the disjunction of `literals`, exactly."""
        kept = [literal for literal in literals if literal is not False]
        if any(literal is True for literal in kept):
            return True
        if len(kept) <= 1:
            return kept[0] if kept else False
        result = self.new_bool()
        for literal in kept:
            self.model.add_implication(literal, result)
        self.model.add_bool_or([~result, *kept])
        return result

    def all_of(self, a: Literal, b: Literal) -> Literal:
        """A literal equal to `a` and `b`, exactly."""
        if a is False or b is False:
            return False
        if a is True or b is True:
            return b if a is True else a
        both = self.new_bool()
        self.model.add_implication(both, a)
        self.model.add_implication(both, b)
        self.model.add_bool_or([~a, ~b, both])
        return both

    def some_of(self, literals: Iterable[Literal]) -> Literal:
        """A literal that can only be true when one of `literals` is (false without any)."""
        kept = [literal for literal in literals if literal is not False]
        if any(literal is True for literal in kept):
            return True
        if not kept:
            return False
        some = self.new_bool()
        self.model.add_bool_or([~some, *kept])
        return some

    def penalty(self, level: list[Any]) -> IntVar:
        """A new indicator counted in `level` (the objective pushes it to 0 where it can)."""
        indicator = self.new_bool()
        level.append(indicator)
        return indicator

    def hint(self, placement: Mapping[str, str | None], model: CpModel | None = None) -> None:
        """Start the search (of this model, or a copy of it) from this placement."""
        model = self.model if model is None else model
        model.clear_hints()  # type: ignore[no-untyped-call]
        for request in self.workshop.requests:
            column = self.column_of(placement[request.id])
            for k, literal in enumerate(self.x[self.index[request.id]]):
                if not isinstance(literal, bool):
                    model.add_hint(literal, k == column)

    def count(self, level: list[Any], literal: Literal) -> None:
        """Count `literal` in `level`; a constant adds the same to every plan and is left out."""
        if not isinstance(literal, bool):
            level.append(literal)

    def _phase_load(self) -> None:
        """phase-capacity and phase-near-capacity, then adoption-load."""
        requests = self.workshop.requests
        caution = self.workshop.settings.caution_load
        efforts = [r.effort for r in requests] + [p.capacity for p in self.workshop.phases]
        scale = decimal_scale(efforts)
        for k, phase in enumerate(self.workshop.phases, start=1):
            fixed, free = split(
                (round(r.effort * scale), self.x[i][k]) for i, r in enumerate(requests)
                if r.effort > 0
            )  # fmt: skip
            if free:
                effort = fixed + sum(weight * literal for weight, literal in free)
                threshold = math.ceil(tidy(caution * phase.capacity) * scale - 1e-9)
                self._capacity(phase.id, effort, round(phase.capacity * scale), threshold)
        self._adoption_load()

    def _capacity(self, phase: str, effort: LinearExprT, capacity: int, threshold: int) -> None:
        over, low, near = self.new_bool(), self.new_bool(), self.new_bool()
        self.model.add(effort <= capacity).only_enforce_if(~over)
        self.model.add(effort >= capacity + 1).only_enforce_if(over)
        self.model.add(effort <= max(threshold - 1, 0)).only_enforce_if(low)
        self.model.add_bool_or([over, low, near])
        if self.is_open(f"phase-capacity:{phase}"):
            self.levels.errors.append(over)
        if self.is_open(f"phase-near-capacity:{phase}"):
            self.levels.cautions.append(near)

    def _adoption_load(self) -> None:
        requests = self.workshop.requests
        for department in self.workshop.departments:
            capacity = department.burden_capacity
            if capacity is None:
                continue
            burdened = [(i, r.burden[department.id]) for i, r in enumerate(requests)
                        if r.burden.get(department.id, 0) > 0]  # fmt: skip
            if not burdened:
                continue
            scale = decimal_scale([hours for _, hours in burdened] + [capacity])
            for k, phase in enumerate(self.workshop.phases, start=1):
                if not self.is_open(f"adoption-load:{phase.id}:{department.id}"):
                    continue
                fixed, free = split((round(h * scale), self.x[i][k]) for i, h in burdened)
                if free:
                    load = fixed + sum(weight * literal for weight, literal in free)
                    heavy = self.penalty(self.levels.warnings)
                    self.model.add(load <= round(capacity * scale)).only_enforce_if(~heavy)

    def _dependencies(self) -> None:
        """dependency-order: in phase k while a dependency is in the backlog or after k."""
        phases = len(self.phase_ids)
        for i, request in enumerate(self.workshop.requests):
            for dependency in request.depends_on:
                if not self.is_open(f"dependency-order:{request.id}:{dependency}"):
                    continue
                other = self.x[self.index[dependency]]
                if isinstance(other[0], bool) and isinstance(self.x[i][0], bool):
                    continue  # both fixed: the same in every plan
                broken: IntVar | None = None
                for k in range(1, phases + 1):
                    fixed, free = split(
                        (1, literal) for literal in (self.x[i][k], other[0], *other[k + 1 :])
                    )
                    if not free:
                        continue
                    if broken is None:
                        broken = self.penalty(self.levels.errors)
                    self.model.add(broken >= fixed + sum(lit for _, lit in free) - 1)

    def _value(self) -> None:
        """Dots and points of what is scheduled, and the win weeks the points come at."""
        dots: dict[str, int] = {}
        for given in self.workshop.votes.values():
            for voted, count in given.items():
                dots[voted] = dots.get(voted, 0) + count
        requests = self.workshop.requests
        totals = [math.fsum(r.benefit.values()) for r in requests]
        longest = self.ends[-1] + max((r.weeks_to_benefit for r in requests), default=0)
        # The largest weighted sum is among the values, so the scale keeps it in range too.
        scale = decimal_scale([*(v for r in requests for v in r.benefit.values()),
                               math.fsum(totals) * max(longest, 1)])  # fmt: skip
        for i, request in enumerate(requests):
            backlog = self.x[i][0]
            if isinstance(backlog, bool):
                continue
            if dots.get(request.id):
                self.levels.dots.append((dots[request.id], backlog))
            points = round(totals[i] * scale)
            if points:
                self.levels.points.append((points, backlog))
                for k in range(1, len(self.ends)):
                    week = self.ends[k] + request.weeks_to_benefit
                    self.levels.weighted.append((points * week, self.x[i][k]))

    def placement(self, value: Any) -> dict[str, str | None]:
        """The placement a solution gives (`value`: the solver's value of a literal)."""
        found: dict[str, str | None] = {}
        for request, columns in zip(self.workshop.requests, self.x, strict=True):
            column = next(
                k
                for k, literal in enumerate(columns)
                if (literal if isinstance(literal, bool) else value(literal))
            )
            found[request.id] = None if column == 0 else self.phase_ids[column - 1]
        return found


def split(terms: Iterable[tuple[int, Literal]]) -> tuple[int, list[tuple[int, Any]]]:
    """The constant part of a weighted sum of literals, and its terms that are variables."""
    fixed, free = 0, []
    for weight, literal in terms:
        if literal is True:
            fixed += weight
        elif literal is not False:
            free.append((weight, literal))
    return fixed, free


def negated(literal: Literal) -> Literal:
    """The negation of a literal or a constant."""
    return (not literal) if isinstance(literal, bool) else ~literal
