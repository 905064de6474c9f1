"""Findings updated from the pass before an edit equal the findings worked out afresh.

`rule_pass(workshop, schedule, previous)` works out again only the findings about the phases,
departments and requests an edit changed, and reuses the others from `previous`. Whatever the
edits, in whatever order, the result must be what a full pass gives: the same findings, in the
same order, marked accepted the same way.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.edits import EditError, accept, move_request, set_votes, withdraw
from app.domain.model import Workshop
from app.domain.rule_update import RuleMemo, rule_pass
from app.domain.rules import Finding, findings
from app.domain.schedule import build_schedule
from app.domain.structure import (
    move_phase,
    remove_request,
    update_department,
    update_phase,
    update_request,
    update_workshop,
)
from tests.builders import replace_request
from tests.test_schedule_update import BASE, edited

DELAY_RULES = {"no-benefit", "first-win-delay", "unrewarded-burden", "benefit-gap"}
PHASE_RULES = {"phase-capacity", "phase-near-capacity", "adoption-load"}
KINDS = (
    *("schedule", "schedule", "schedule", "schedule", "votes", "accept", "withdraw"),
    *("department", "settings", "phase", "dependency", "move a dependency", "named title"),
    "undo",
)
DEPARTMENT_CHANGES = (
    *(("name", "Renamed"), ("burden_capacity", 1.1), ("burden_capacity", None)),
    *(("first_win_weeks", 0), ("first_win_weeks", None), ("max_gap_weeks", 1)),
    ("max_gap_weeks", None),
)
SETTINGS_CHANGES = (
    *(("first_win_weeks", 1), ("first_win_weeks", 3), ("max_gap_weeks", 2), ("max_gap_weeks", 8)),
    *(("caution_load", 0.5), ("caution_load", 0.9), ("max_onboarding_per_phase", 1)),
    *(("max_onboarding_per_phase", 2), ("dots_per_head", 3), ("dots_per_head", 10)),
)


def rule_edit(
    workshop: Workshop, found: list[Finding], history: list[Workshop], rng: random.Random
) -> Workshop:
    """One random edit: the schedule test's kinds, and those that change only what rules read."""
    kind = rng.choice(KINDS)
    department = rng.choice(workshop.departments).id
    request = rng.choice(workshop.requests)
    if kind == "votes":
        return set_votes(workshop, department, request.id, rng.randrange(0, 7))
    if kind == "accept" and found:
        return accept(workshop, rng.choice(found).key, f"Agreed in round {len(history)}.")
    if kind == "withdraw" and workshop.accepted:
        return withdraw(workshop, rng.choice(workshop.accepted).key)
    if kind == "department":
        field, value = rng.choice(DEPARTMENT_CHANGES)
        return update_department(workshop, department, **{field: value})
    if kind == "settings":
        field, value = rng.choice(SETTINGS_CHANGES)
        return update_workshop(workshop, settings={field: value})
    if kind == "phase":
        return phase_edited(workshop, rng)
    if kind == "dependency":
        return dependency_edited(workshop, rng)
    needed = sorted({d for r in workshop.requests for d in r.depends_on})
    if kind == "move a dependency" and needed:
        phase = rng.choice([None, *(p.id for p in workshop.phases)])
        return move_request(workshop, rng.choice(needed), phase)
    if kind == "named title" and found:  # a title a finding's message quotes
        named = rng.choice(rng.choice(found).requests or (request.id,))
        title = workshop.request(named).title
        return replace_request(workshop, named, title=f"{title}?")
    if kind == "undo":  # back to an earlier state, as the undo stack goes
        return rng.choice(history)
    return edited(workshop, rng)


def phase_edited(workshop: Workshop, rng: random.Random) -> Workshop:
    """A phase renamed or moved (unchanged if it cannot move that way)."""
    phase = rng.choice(workshop.phases)
    try:
        if rng.random() < 0.5:
            return update_phase(workshop, phase.id, name=f"{phase.name}'")
        return move_phase(workshop, phase.id, rng.choice((-1, 1)))
    except EditError:
        return workshop


def dependency_edited(workshop: Workshop, rng: random.Random) -> Workshop:
    """A request that depends on one request more, or one fewer (unchanged if it made a cycle)."""
    request = rng.choice(workshop.requests)
    if request.depends_on and rng.random() < 0.5:
        depends_on = request.depends_on[1:]
    else:
        other = rng.choice(workshop.requests).id
        depends_on = tuple(dict.fromkeys((*request.depends_on, other)))
    try:
        return update_request(workshop, request.id, depends_on=depends_on)
    except EditError:
        return workshop


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), steps=st.integers(1, 30))
def test_any_edit_sequence_updates_to_the_findings_worked_out_afresh(seed: int, steps: int) -> None:
    rng = random.Random(seed)
    workshop, schedule = BASE, build_schedule(BASE)
    memo = rule_pass(workshop, schedule)
    history = [workshop]
    for _ in range(steps):
        workshop = rule_edit(workshop, memo.findings, history, rng)
        history.append(workshop)
        schedule = build_schedule(workshop, schedule)
        memo = rule_pass(workshop, schedule, memo)
        assert memo.findings == findings(workshop)


def moved() -> tuple[RuleMemo, RuleMemo, set[str]]:
    """The passes before and after a move, and the departments the moved request names."""
    request = next(r for r in BASE.requests[20:] if r.phase is not None and r.benefit)
    target = next(p.id for p in BASE.phases if p.id != request.phase)
    schedule = build_schedule(BASE)
    before = rule_pass(BASE, schedule)
    after = move_request(BASE, request.id, target)
    memo = rule_pass(after, build_schedule(after, schedule), before)
    assert memo.findings == findings(after)
    return before, memo, set(request.burden.keys() | request.benefit.keys())


def test_a_move_reuses_the_findings_about_the_departments_and_phases_it_left_alone() -> None:
    before, after, named = moved()
    shown = {f.key: f for f in before.findings}
    moved_from_and_to = {
        phase for phase, part in after.phases.items() if part is not before.phases[phase]
    }
    assert len(moved_from_and_to) == 2
    kept_delay = [f for f in after.findings if f.rule in DELAY_RULES and f.department not in named]
    kept_phase = [
        f for f in after.findings if f.rule in PHASE_RULES and f.phase not in moved_from_and_to
    ]
    assert len(kept_delay) > 10
    assert len(kept_phase) > 10
    for finding in kept_delay + kept_phase:
        assert finding is shown[finding.key] or finding.accepted, finding.key
    redone = [f for f in after.findings if f.rule in DELAY_RULES and f.department in named]
    assert any(f is not shown.get(f.key) for f in redone), "the move's departments are redone"


def test_a_move_reuses_the_dependency_findings_of_the_requests_it_left_alone() -> None:
    before, after, _ = moved()
    kept = [
        i for i, part in enumerate(after.dependencies) if part and part is before.dependencies[i]
    ]
    worked_out_again = sum(
        1
        for i, part in enumerate(after.dependencies)
        if part and part is not before.dependencies[i]
    )
    assert len(kept) > 5
    assert worked_out_again <= 2


def test_findings_takes_the_pass_before_too() -> None:
    before = rule_pass(BASE)
    after = move_request(BASE, BASE.requests[7].id, None)
    assert rule_pass(after, previous=before).findings == findings(after)


def test_edits_the_schedule_does_not_see_are_followed() -> None:
    """Titles, names, thresholds: the schedule stays the very same object, the findings do not."""
    schedule = build_schedule(BASE)
    before = rule_pass(BASE, schedule)
    quoted = next(f for f in before.findings if f.rule == "unrewarded-burden").requests[0]
    department = BASE.departments[0].id
    for after in (
        replace_request(BASE, quoted, title="Renamed request"),
        update_department(BASE, department, name="Renamed department"),
        update_department(BASE, department, first_win_weeks=0, max_gap_weeks=1),
        update_department(BASE, department, burden_capacity=0.5),
        update_workshop(BASE, settings={"caution_load": 0.5, "max_gap_weeks": 2}),
    ):
        assert build_schedule(after) == schedule, "the edit leaves the schedule as it was"
        fresh = findings(after)
        assert fresh != before.findings
        assert rule_pass(after, schedule, before).findings == fresh


def updated_along(*workshops: Workshop) -> RuleMemo:
    """The rules' pass updated from edit to edit, checked against a full pass at every step."""
    schedule = build_schedule(workshops[0])
    memo = rule_pass(workshops[0], schedule)
    for workshop in workshops[1:]:
        schedule = build_schedule(workshop, schedule)
        memo = rule_pass(workshop, schedule, memo)
        assert memo.findings == findings(workshop)
    return memo


def test_a_new_dependency_is_followed_when_the_request_it_names_moves() -> None:
    first = BASE.phases[0].id
    dependency = next(r for r in BASE.requests if r.phase == first and not r.depends_on)
    request = next(
        r
        for r in BASE.requests
        if r.phase == first and r.id != dependency.id and dependency.id not in r.depends_on
    )
    added = update_request(BASE, request.id, depends_on=(*request.depends_on, dependency.id))
    moved = move_request(added, dependency.id, BASE.phases[-1].id)
    memo = updated_along(BASE, added, moved)
    assert f"dependency-order:{request.id}:{dependency.id}" in {f.key for f in memo.findings}


def test_removing_the_last_request_takes_its_findings_away() -> None:
    last = BASE.requests[-1]
    planned = move_request(BASE, last.id, BASE.phases[0].id)
    assert any(f.rule == "dependency-order" and last.id in f.requests for f in findings(planned))
    memo = updated_along(BASE, planned, remove_request(planned, last.id).workshop)
    assert all(last.id not in f.requests for f in memo.findings)
