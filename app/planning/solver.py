"""CP-SAT on the placement model: the score's levels in order, on the whole plan or in windows.

A small plan is solved whole, level after level, each level held at what was found while the
next is solved, so the answer is proved best when the solver finishes. A large one is improved
a window at a time: most requests stay where they are, a few dozen (those the open findings
name first) may move, and the window is solved to the best it can be; the next window starts
from the result.

Repeatable: one worker, a fixed seed, limits in CP-SAT's deterministic time and a fixed number
of windows, so the same workshop and budget give the same placement. A wall-clock limit stays
behind them only as a safety net, for a machine far slower than the budget assumes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.model import Workshop
from app.planning.model import PlanModel
from app.planning.timelines import add_timelines

SEED = 20_270_104
LEVELS = 7
"""The score's six levels, then the number of moves: among equal plans, the nearest."""
_WEIGHT_LIMIT = 2**55
"""Levels are folded into one objective while their weights stay below this."""

Progress = Callable[[str, float], None]
"""Told what the search does now and how far it is (0 to 1)."""


@dataclass(frozen=True, slots=True)
class Solved:
    """What the solver found: a placement, and which levels it proved best."""

    placement: dict[str, str | None]
    proved: tuple[bool, ...]
    stopped_by_clock: bool


@dataclass(frozen=True, slots=True)
class Stage:
    """Consecutive levels minimised as one: `weights[i]` times level `levels[i]`, summed."""

    levels: tuple[int, ...]
    objective: Any


def _terms(plan: PlanModel) -> list[list[tuple[int, Any]]]:
    levels = plan.levels
    return [
        [(1, literal) for literal in levels.errors],
        levels.dots,
        [(1, literal) for literal in levels.warnings],
        levels.points,
        levels.weighted,
        [(1, literal) for literal in levels.cautions],
        [(1, ~literal) for literal in levels.stays],
    ]


def stages(plan: PlanModel) -> list[Stage]:
    """The levels that can change, folded into as few objectives as the weights allow."""
    found: list[Stage] = []
    group: list[tuple[int, list[tuple[int, Any]], int]] = []
    for level, terms in enumerate(_terms(plan)):
        if not terms:
            continue
        bound = sum(weight for weight, _ in terms) + 1
        if group and _product(group) * bound > _WEIGHT_LIMIT:
            found.append(_stage(group))
            group = []
        group.append((level, terms, bound))
    if group:
        found.append(_stage(group))
    return found


def _product(group: list[tuple[int, list[tuple[int, Any]], int]]) -> int:
    product = 1
    for _, _, bound in group:
        product *= bound
    return product


def _stage(group: list[tuple[int, list[tuple[int, Any]], int]]) -> Stage:
    weight = 1
    weighted: list[tuple[int, Any]] = []
    for _, terms, bound in reversed(group):
        weighted.extend((weight * w, literal) for w, literal in terms)
        weight *= bound
    objective = sum(w * literal for w, literal in weighted)
    return Stage(tuple(level for level, _, _ in group), objective)


def _solver(share: float, deadline: float, presolve: bool) -> Any:
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    # A window's model is small and mostly decided; presolving it costs more than it saves.
    solver.parameters.cp_model_presolve = presolve
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = SEED
    solver.parameters.max_deterministic_time = max(share, 0.001)
    # Probing has limits of its own (1 and 30 deterministic seconds) that would overrun a share.
    solver.parameters.probing_deterministic_time_limit = max(share / 4, 0.001)
    solver.parameters.presolve_probing_deterministic_time_limit = max(share / 4, 0.001)
    solver.parameters.max_time_in_seconds = max(deadline - time.monotonic(), 0.05)
    return solver


def _run_stages(
    plan: PlanModel,
    model: Any,
    placement: Mapping[str, str | None],
    budget: float,
    deadline: float,
    presolve: bool = True,
) -> tuple[dict[str, str | None], list[bool], bool]:
    """Minimise each stage in turn on `model`, holding the ones before at what was found."""
    from ortools.sat.python import cp_model

    best = dict(placement)
    proved = [True] * LEVELS
    clock = False
    todo = stages(plan)
    for level in (level for stage in todo for level in stage.levels):
        proved[level] = False
    plan.hint(best, model)
    for done, stage in enumerate(todo):
        model.minimize(stage.objective)
        solver = _solver(budget / len(todo), deadline, presolve)
        status = solver.solve(model)
        clock = clock or solver.wall_time >= solver.parameters.max_time_in_seconds * 0.99
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break
        best = plan.placement(solver.boolean_value)
        for level in stage.levels:
            proved[level] = status == cp_model.OPTIMAL
        _hint_all(model, solver.response_proto.solution)
        if done + 1 < len(todo):
            value = round(solver.objective_value)
            # Points held exactly: then the weighted weeks that follow are the mean's.
            model.add(stage.objective == value if 3 in stage.levels else stage.objective <= value)
    return best, proved, clock


def _hint_all(model: Any, solution: Any) -> None:
    """Hint every variable with a solution's value: the next stage starts from a whole plan."""
    values = list(solution)
    model.clear_hints()
    model.proto.solution_hint.vars.extend(range(len(values)))
    model.proto.solution_hint.values.extend(values)


def solve_whole(
    plan: PlanModel, start: Mapping[str, str | None], budget: float, deadline: float
) -> Solved:
    """The whole plan solved level by level within `budget` deterministic seconds."""
    best, proved, clock = _run_stages(plan, plan.model, start, budget, deadline)
    return Solved(best, tuple(proved), clock)


def solve_window(
    workshop: Workshop, free: Sequence[str], budget: float, deadline: float
) -> tuple[dict[str, str | None], bool]:
    """The workshop's placement with only the `free` requests moved, as well as CP-SAT can."""
    loose = set(free)
    plan = PlanModel(workshop, [r.id for r in workshop.requests if r.id not in loose])
    add_timelines(plan)
    current = {request.id: request.phase for request in workshop.requests}
    best, _, clock = _run_stages(plan, plan.model, current, budget, deadline, presolve=False)
    return best, clock
