"""One "what changed" per edit, and a schedule that cannot be changed once built.

The schedule after an edit shares every part the edit left alone with the schedule before it,
and the rules keep their findings with those very parts: a part changed in place would change
both plans at once. So the parts are frozen; and the change an edit made is worked out once and
read by the schedule, the rules and the views alike.
"""

from __future__ import annotations

import dataclasses

import pytest

import app.domain.change as change_module
from app.domain.change import what_changed
from app.domain.edits import move_request
from app.domain.model import Workshop
from app.domain.schedule import build_schedule
from bench.workshops import generate
from tests.builders import replace_request

BASE = Workshop.model_validate(generate(40, seed=3))


def test_no_part_of_a_schedule_can_be_changed() -> None:
    schedule = build_schedule(BASE)
    load = next(load for load in schedule.phases.values() if load.burden)
    timeline = next(t for t in schedule.timelines.values() if t.points_by_week)
    department = next(iter(load.burden))
    attempts = [
        lambda: setattr(schedule, "end", 0),
        lambda: setattr(load, "effort", 0.0),
        lambda: setattr(timeline, "first_win", 0),
        lambda: schedule.phases.__setitem__("p", load),  # type: ignore[index]
        lambda: load.burden.__setitem__(department, 0.0),  # type: ignore[index]
        lambda: load.burden_requests[department].append("x"),  # type: ignore[attr-defined]
        lambda: load.requests.append("x"),  # type: ignore[attr-defined]
        lambda: timeline.wins.append((0, "x")),  # type: ignore[attr-defined]
        lambda: timeline.points_by_week.__setitem__(0, 1.0),  # type: ignore[index]
    ]
    for attempt in attempts:
        with pytest.raises((dataclasses.FrozenInstanceError, TypeError, AttributeError)):
            attempt()


def test_a_frozen_schedule_still_answers_as_before() -> None:
    schedule = build_schedule(BASE)
    for department, timeline in schedule.timelines.items():
        for week, request in timeline.wins:
            assert request in timeline.requests_winning_at(week), department
        if timeline.burdens:
            assert timeline.first_burden == min(timeline.burdens)[0]
    for load in schedule.phases.values():
        assert len(load.efforts) == len(load.requests)


def test_what_changed_names_the_replaced_requests() -> None:
    request = next(r for r in BASE.requests if r.phase is not None)
    moved = move_request(BASE, request.id, None)
    change = what_changed(BASE, moved)
    assert change.replaced == (BASE.requests.index(request),)
    assert change.settings_kept and change.reusable
    assert [old for _, old in change.replaced_pairs()] == [request]
    retitled = replace_request(BASE, request.id, title="Other")
    assert what_changed(moved, retitled).replaced == (BASE.requests.index(request),)


def test_what_changed_reuses_nothing_when_the_frame_changed() -> None:
    fewer = BASE.model_copy(update={"requests": BASE.requests[1:]})
    assert what_changed(BASE, fewer).replaced is None
    other_phases = BASE.model_copy(update={"phases": BASE.phases[::-1]})
    assert not what_changed(BASE, other_phases).reusable
    settings = BASE.settings.model_copy(update={"caution_load": 0.5})
    retuned = BASE.model_copy(update={"settings": settings})
    assert what_changed(BASE, retuned).replaced == ()
    assert not what_changed(BASE, retuned).settings_kept


def test_the_document_works_out_each_edit_once(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.document import WorkshopDocument

    calls: list[int] = []
    real = change_module.replaced_positions

    def counted(*args: object) -> list[int]:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(change_module, "replaced_positions", counted)
    document = WorkshopDocument(BASE)
    request = next(r for r in BASE.requests if r.phase is not None)
    assert document.push("Move", move_request(BASE, request.id, None))
    assert len(calls) == 1, "one look at what the edit replaced, shared by schedule and rules"
    change = document.analysis.change
    assert change is not None and change.replaced == (BASE.requests.index(request),)
    document.undo_stack.undo()
    assert len(calls) == 2
