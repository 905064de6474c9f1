"""The suggestion: the best plan by the score's order, pins kept, only phases moved, repeatable."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.model import Workshop
from app.planning.placement import placement_of
from app.planning.score import Score, score
from app.planning.solver import solve_window
from app.planning.suggest import SuggestError, pins_for, suggest
from app.storage.workshop_file import load_workshop
from bench.workshops import generate
from tests.builders import build, department, phase, request
from tests.conftest import CRM_SAMPLE
from tests.planning_helpers import best_score, small_workshop


def _only_phases_changed(before: Workshop, after: Workshop) -> None:
    assert [r.id for r in after.requests] == [r.id for r in before.requests]
    for old, new in zip(before.requests, after.requests, strict=True):
        assert old.model_copy(update={"phase": new.phase}) == new
    rest = {"requests"}
    assert before.model_dump(exclude=rest) == after.model_dump(exclude=rest)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), requests=st.integers(1, 6), phases=st.integers(1, 3))
def test_a_suggestion_reaches_the_best_score_of_every_placement(
    rng: random.Random, requests: int, phases: int
) -> None:
    workshop = small_workshop(rng, requests, phases)
    pinned = [r.id for r in workshop.requests if rng.random() < 0.25]
    suggestion = suggest(workshop, seconds=5, pinned=pinned)
    assert suggestion.score_after == best_score(workshop, pinned)
    assert suggestion.proved
    for request_id in pinned:
        assert suggestion.after.request(request_id).phase == workshop.request(request_id).phase
    _only_phases_changed(workshop, suggestion.after)


@pytest.mark.slow
def test_seven_requests_in_three_phases_reach_the_best_score() -> None:
    workshop = small_workshop(random.Random(7), 7, 3)
    suggestion = suggest(workshop, seconds=5)
    assert suggestion.score_after == best_score(workshop)
    assert suggestion.score_after.better_than(suggestion.score_before)


def test_the_order_puts_errors_before_dots_and_dots_before_warnings() -> None:
    fewer_errors = Score(0, 0, 9, 0, 0, 9)
    more_dots = Score(1, 20, 0, 50, 1, 0)
    assert fewer_errors.better_than(more_dots)
    assert Score(0, 5, 3, 0, 0, 0).better_than(Score(0, 4, 0, 0, 0, 0))
    assert Score(0, 0, 0, 10, 30, 0).better_than(Score(0, 0, 0, 9, 1, 0))
    assert Score(0, 0, 0, 10, 3.5, 9).better_than(Score(0, 0, 0, 10, 4, 0))
    assert not Score(0, 0, 0, 0, 0, 0).better_than(Score(0, 0, 0, 0, 0, 0))


def test_vote_budget_errors_do_not_count_and_accepted_findings_are_not_open() -> None:
    workshop = build(
        [request("r1", "p1", effort=200, benefit={"sales": 1})],
        votes={"sales": {"r1": 11}},
        accepted=[{"key": "phase-capacity:p1", "note": "Consultants come in."}],
    )
    counted = score(workshop)
    assert (counted.errors, counted.dots, counted.points) == (0, 11, 1)


def test_a_dependency_pulled_forward_fixes_the_order() -> None:
    workshop = build(
        [
            request("base", None, benefit={"sales": 1}, burden={"sales": 1}),
            request("top", "p1", benefit={"sales": 2}, burden={"sales": 1}, depends_on=["base"]),
        ],
        votes={"sales": {"top": 3}},
    )
    suggestion = suggest(workshop, seconds=5)
    assert suggestion.score_before.errors == 1
    assert suggestion.score_after.errors == 0
    assert suggestion.after.request("base").phase == "p1"
    assert [(m.request, m.before, m.after) for m in suggestion.moves] == [("base", None, "p1")]


def test_a_pin_that_forces_an_error_says_which_pin() -> None:
    workshop = build(
        [request("big", "p1", effort=150), request("small", "p1", effort=10)],
        phases=[phase("p1", capacity=100), phase("p2", capacity=100)],
    )
    suggestion = suggest(workshop, seconds=5, pinned=["big"])
    assert suggestion.score_after.errors == 1
    [remaining] = suggestion.remaining
    assert remaining.finding.key == "phase-capacity:p1"
    assert remaining.pinned == ("big",)
    assert remaining.unavoidable


def test_keep_placed_pins_every_scheduled_request_and_unknown_pins_are_refused() -> None:
    workshop = build([request("a", "p1"), request("b", None), request("c", "p2")])
    assert pins_for(workshop, [], keep_placed=True) == {"a", "c"}
    assert pins_for(workshop, ["b"], keep_placed=False) == {"b"}
    with pytest.raises(SuggestError, match='no request "ghost"'):
        pins_for(workshop, ["ghost"], keep_placed=False)
    with pytest.raises(SuggestError, match="--seconds"):
        suggest(workshop, seconds=0)


def test_the_same_workshop_and_seconds_give_the_same_suggestion() -> None:
    workshop = load_workshop(CRM_SAMPLE)
    first = suggest(workshop, seconds=10)
    second = suggest(workshop, seconds=10)
    assert first.after == second.after
    assert first.score_after.better_than(first.score_before)
    _only_phases_changed(workshop, first.after)


def test_a_window_of_a_large_plan_is_solved_the_same_way_twice() -> None:
    workshop = Workshop.model_validate(generate(300))
    free = [r.id for r in workshop.requests[:60]]
    first, clock_first = solve_window(workshop, free, 0.05, float("inf"))
    second, clock_second = solve_window(workshop, free, 0.05, float("inf"))
    assert first == second
    assert not clock_first and not clock_second
    was = placement_of(workshop)
    assert all(first[r.id] == was[r.id] for r in workshop.requests[60:])


@pytest.mark.slow
def test_a_large_plan_is_never_made_worse_and_keeps_its_pins() -> None:
    workshop = Workshop.model_validate(generate(400))
    pinned = [r.id for r in workshop.requests[::7]]
    suggestion = suggest(workshop, seconds=4, pinned=pinned)
    assert not suggestion.score_before.better_than(suggestion.score_after)
    assert suggestion.score_after.errors < suggestion.score_before.errors
    assert all(suggestion.after.request(p).phase == workshop.request(p).phase for p in pinned)
    assert score(suggestion.after) == suggestion.score_after
    _only_phases_changed(workshop, suggestion.after)


def test_no_move_is_suggested_for_a_plan_that_is_already_best() -> None:
    workshop = build(
        [request("r1", "p1", benefit={"sales": 2}, burden={"sales": 1})],
        departments=[department("sales")],
        votes={"sales": {"r1": 2}},
    )
    suggestion = suggest(workshop, seconds=5)
    assert suggestion.moves == ()
    assert suggestion.after == workshop
