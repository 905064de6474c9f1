"""A schedule updated from the one before an edit equals a schedule built afresh.

`build_schedule(workshop, previous)` lays out again only what the changed requests concern and
shares the rest with `previous`. Whatever the edits, in whatever order, the result must be the
schedule a full pass gives, down to the order of every list and the last bit of every sum.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.edits import move_request
from app.domain.model import Workshop
from app.domain.schedule import Schedule, build_schedule
from app.domain.structure import (
    add_request,
    move_phase,
    remove_request,
    update_phase,
    update_request,
)
from bench.workshops import generate
from tests.builders import replace_request

BASE = Workshop.model_validate(generate(80, seed=5))
AMOUNTS = (0.0, 0.5, 1.1, 2.2, 3.3, 7.0)
KINDS = (
    *("move", "move", "move", "effort", "weeks", "hours", "points", "name", "add", "remove"),
    *("phase weeks", "phase order", "title", "same"),
)


def edited(workshop: Workshop, rng: random.Random) -> Workshop:
    """One random edit of the kinds the board and inspector make."""
    request = rng.choice(workshop.requests)
    departments = [d.id for d in workshop.departments]
    phases = [None, *(p.id for p in workshop.phases)]
    kind = rng.choice(KINDS)
    if kind == "move":
        return move_request(workshop, request.id, rng.choice(phases))
    if kind == "effort":
        return replace_request(workshop, request.id, effort=rng.choice(AMOUNTS))
    if kind == "weeks":
        return replace_request(workshop, request.id, weeks_to_benefit=rng.randrange(0, 9))
    if kind == "hours" and request.burden:
        hours = dict.fromkeys(request.burden, rng.choice(AMOUNTS))  # 0 hours is no burden
        return replace_request(workshop, request.id, burden=hours)
    if kind == "points" and request.benefit:
        points = dict.fromkeys(request.benefit, rng.choice(AMOUNTS[1:]))
        return replace_request(workshop, request.id, benefit=points)
    if kind == "name":  # another department than before: the positions per department change
        return update_request(workshop, request.id, benefit={rng.choice(departments): 2.2})
    if kind == "add":
        return add_request(workshop, rng.choice(departments), "New")[0]
    if kind == "remove":
        return remove_request(workshop, request.id).workshop
    if kind == "phase weeks":
        phase = rng.choice(workshop.phases)
        return update_phase(workshop, phase.id, weeks=rng.randrange(1, 9))
    if kind == "phase order":
        return move_phase(workshop, workshop.phases[-1].id, -1)
    if kind == "title":
        return replace_request(workshop, request.id, title=f"{request.title}!")
    return workshop.model_copy()


def assert_same(updated: Schedule, fresh: Schedule) -> None:
    """Equal in every field, lists in the same order; and equal in what the eye cannot see."""
    assert updated == fresh
    for department, timeline in fresh.timelines.items():
        ours = updated.timelines[department]
        assert ours.points_by_week == timeline.points_by_week
        assert list(ours.points_by_week) == list(timeline.points_by_week), "same week order"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), steps=st.integers(1, 25))
def test_any_edit_sequence_updates_to_the_schedule_built_afresh(seed: int, steps: int) -> None:
    rng = random.Random(seed)
    workshop, schedule = BASE, build_schedule(BASE)
    for _ in range(steps):
        workshop = edited(workshop, rng)
        updated = build_schedule(workshop, schedule)
        assert_same(updated, build_schedule(workshop))
        schedule = updated


def test_a_move_shares_the_untouched_phases_and_departments() -> None:
    schedule = build_schedule(BASE)
    request = next(r for r in BASE.requests if r.phase is not None and r.benefit)
    target = next(p.id for p in BASE.phases if p.id != request.phase)
    after = move_request(BASE, request.id, target)
    updated = build_schedule(after, schedule)
    assert_same(updated, build_schedule(after))
    redone = {request.phase, target}
    for phase, load in updated.phases.items():
        assert (load is schedule.phases[phase]) == (phase not in redone), phase
    named = request.burden.keys() | request.benefit.keys()
    for department, timeline in updated.timelines.items():
        shared = timeline is schedule.timelines[department]
        assert shared == (department not in named), department


def test_undo_goes_back_from_the_later_schedule() -> None:
    request = BASE.requests[3]
    after = move_request(BASE, request.id, BASE.phases[-1].id)
    later = build_schedule(after, build_schedule(BASE))
    assert_same(build_schedule(BASE, later), build_schedule(BASE))


def test_an_edit_of_many_requests_starts_over() -> None:
    schedule = build_schedule(BASE)
    after = BASE
    for request in BASE.requests[:20]:
        after = move_request(after, request.id, None)
    updated = build_schedule(after, schedule)
    assert_same(updated, build_schedule(after))
    assert all(updated.timelines[d] is not schedule.timelines[d] for d in updated.timelines)
