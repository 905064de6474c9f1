"""Structure edits: adding, changing, removing and reordering requests, departments, phases."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.domain.edits import EditError
from app.domain.ids import id_stem, unique_id
from app.domain.model import Workshop
from app.domain.structure import (
    add_department,
    add_phase,
    add_request,
    move_phase,
    remove_department,
    remove_phase,
    remove_request,
    update_department,
    update_phase,
    update_request,
    update_workshop,
)
from app.storage.workshop_file import load_workshop
from tests.conftest import SMALL_SAMPLE, workshop_data


@pytest.fixture
def small() -> Workshop:
    return load_workshop(SMALL_SAMPLE)


def test_unique_id_from_title():
    stem = id_stem("Lead scoring")
    assert unique_id(stem, set(), "request") == "lead-scoring"
    assert unique_id(stem, {"lead-scoring"}, "request") == "lead-scoring-2"
    assert unique_id(stem, {"lead-scoring", "lead-scoring-2"}, "r") == "lead-scoring-3"
    assert unique_id(id_stem("Ærø Ølfabrik"), set(), "department") == "aeroe-oelfabrik"
    assert unique_id(id_stem("Øst → Vest!"), set(), "x") == "oest-vest"
    assert unique_id(id_stem("!!!"), set(), "phase") == "phase"
    long_id = unique_id(id_stem("word " * 40), set(), "x")
    assert len(long_id) <= 48
    assert not long_id.endswith("-")


def test_add_request_goes_to_the_backlog_with_a_unique_id(small: Workshop):
    after, new_id = add_request(small, "finance", "Outlook integration")
    assert new_id == "outlook-integration"
    request = after.request(new_id)
    assert (request.title, request.department, request.phase) == (
        "Outlook integration",
        "finance",
        None,
    )
    assert after.requests[-1] is request
    assert after.requests[:-1] == small.requests
    again, second = add_request(after, "finance", "Outlook integration")
    assert second == "outlook-integration-2"
    assert len(again.requests) == len(small.requests) + 2


@pytest.mark.parametrize(
    ("department", "title", "problem"),
    [
        ("finance", "   ", "title: must not be empty"),
        ("finance", "x" * 201, "title: must be at most 200 characters"),
        ("nobody", "Lead scoring", 'there is no department "nobody"'),
    ],
)
def test_add_request_refuses(small: Workshop, department: str, title: str, problem: str):
    with pytest.raises(EditError, match=problem):
        add_request(small, department, title)


def test_update_request_changes_only_that_field(small: Workshop):
    after = update_request(small, "outlook", effort=7.5, benefit={"sales": 2, "finance": 1})
    request = after.request("outlook")
    assert request.effort == 7.5
    assert request.benefit == {"sales": 2, "finance": 1}
    assert request.title == small.request("outlook").title
    assert [r.id for r in after.requests] == [r.id for r in small.requests]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"effort": -5}, "effort: must be >= 0, got -5"),
        ({"effort": "lots"}, "effort: must be a number"),
        ({"benefit": {"marketing": 2}}, '^benefit: unknown department "marketing"$'),
        ({"benefit": {"sales": 0}}, "benefit.*sales.*must be > 0"),
        ({"burden": {"sales": -1}}, "burden.*sales.*must be >= 0"),
        ({"weeks_to_benefit": 2.5}, "weeks_to_benefit: must be a whole number"),
        ({"title": ""}, "title: must not be empty"),
        ({"depends_on": ("outlook",)}, "cannot depend on itself"),
        ({"depends_on": ("nothing",)}, 'unknown request "nothing"'),
        ({"phase": "p9"}, 'unknown phase "p9"'),
        ({"department": "hr"}, 'unknown department "hr"'),
        ({"id": "other"}, "id: cannot be changed"),
    ],
)
def test_update_request_refuses_with_the_field_named(
    small: Workshop, changes: dict[str, object], problem: str
):
    with pytest.raises(EditError, match=problem):
        update_request(small, "outlook", **changes)


def test_update_request_refuses_a_dependency_cycle(small: Workshop):
    # customer-register <- outlook; making customer-register depend on outlook closes a loop.
    with pytest.raises(EditError, match="dependency cycle"):
        update_request(small, "customer-register", depends_on=("migration", "outlook"))


def test_remove_request_unlinks_dependents_and_votes(small: Workshop):
    removal = remove_request(small, "customer-register")
    after = removal.workshop
    assert "customer-register" not in {r.id for r in after.requests}
    assert all("customer-register" not in r.depends_on for r in after.requests)
    # outlook, case-handling, invoice-sync and mobile-app depended on it.
    assert removal.dependencies == 4
    assert after.request("outlook").depends_on == ()
    assert removal.dots == 0


def test_remove_request_drops_its_dots_and_empty_vote_lists(small: Workshop):
    removal = remove_request(small, "mobile-app")
    assert removal.dots == 6
    assert removal.workshop.votes["sales"] == {"outlook": 4}
    only_vote = remove_request(remove_request(small, "mobile-app").workshop, "outlook")
    assert "sales" not in only_vote.workshop.votes
    assert only_vote.workshop.votes["service"] == small.votes["service"]


def test_remove_request_unknown(small: Workshop):
    with pytest.raises(EditError, match='there is no request "ghost"'):
        remove_request(small, "ghost")


def test_update_workshop_fields_and_settings(small: Workshop):
    after = update_workshop(
        small, title="New title", start=date(2027, 2, 1), settings={"dots_per_head": 12}
    )
    assert after.title == "New title"
    assert after.start == date(2027, 2, 1)
    assert after.settings.dots_per_head == 12
    # Settings not named keep their values.
    assert after.settings.caution_load == small.settings.caution_load
    assert after.settings.first_win_weeks == small.settings.first_win_weeks
    assert update_workshop(small, start="2027-03-01").start == date(2027, 3, 1)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"title": " "}, "title: must not be empty"),
        ({"settings": {"caution_load": 2}}, "settings.caution_load: must be <= 1, got 2"),
        ({"settings": {"dots_per_head": -1}}, "settings.dots_per_head: must be >= 0"),
        ({"settings": {"dots": 3}}, "settings.dots: there is no such setting"),
        ({"start": "2027-13-01"}, "start: must be a date"),
        ({"phases": ()}, "phases: cannot be changed here"),
    ],
)
def test_update_workshop_refuses(small: Workshop, fields: dict[str, object], problem: str):
    with pytest.raises(EditError, match=problem):
        update_workshop(small, **fields)


def test_add_and_update_department(small: Workshop):
    after, new_id = add_department(small, "Marketing", head="Eva Holm")
    assert new_id == "marketing"
    assert after.departments[-1].head == "Eva Holm"
    after = update_department(after, "marketing", color="#AA0000", burden_capacity=5)
    department = after.department("marketing")
    assert (department.color, department.burden_capacity) == ("#AA0000", 5)
    cleared = update_department(after, "marketing", color=None, first_win_weeks=None)
    assert cleared.department("marketing").color is None


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"color": "red"}, "color: must be a colour as #RRGGBB"),
        ({"burden_capacity": -1}, "burden_capacity: must be >= 0"),
        ({"first_win_weeks": 600}, "first_win_weeks: must be <= 520"),
        ({"name": ""}, "name: must not be empty"),
        ({"id": "x"}, "id: cannot be changed"),
    ],
)
def test_update_department_refuses(small: Workshop, changes: dict[str, object], problem: str):
    with pytest.raises(EditError, match=problem):
        update_department(small, "sales", **changes)


def test_remove_department_with_requests_is_refused(small: Workshop):
    with pytest.raises(EditError, match='"Finance" still has 2 requests'):
        remove_department(small, "finance")


def test_remove_department_clears_what_refers_to_it():
    data = workshop_data(
        requests=[
            {"id": "r1", "title": "R1", "department": "sales",
             "benefit": {"sales": 1, "service": 2}, "burden": {"service": 1}},
        ],
        votes={"service": {"r1": 3}, "sales": {"r1": 1}},
        attendees=[{"name": "Ole Ærø", "department": "service"}],
        signoffs=[{"department": "service", "name": "Ole Ærø", "at": "2027-01-10T10:00:00+01:00",
                   "fingerprint": "sha256:" + "0" * 64}],
    )  # fmt: skip
    workshop = Workshop.model_validate(data)
    removal = remove_department(workshop, "service")
    after = removal.workshop
    assert [d.id for d in after.departments] == ["sales"]
    assert after.request("r1").benefit == {"sales": 1}
    assert after.request("r1").burden == {}
    assert after.votes == {"sales": {"r1": 1}}
    assert after.signoffs == ()
    assert after.attendees[0].name == "Ole Ærø"
    assert after.attendees[0].department is None
    assert (removal.points, removal.dots, removal.signoffs) == (2, 3, 1)
    assert after.signoffs == ()
    assert isinstance(workshop.signoffs[0].at, datetime)


def test_add_update_remove_phase(small: Workshop):
    after, new_id = add_phase(small, "Marketing", weeks=8, capacity=20)
    assert new_id == "marketing"
    assert after.phases[-1].weeks == 8
    after = update_phase(after, "marketing", name="Marketing automation", capacity=25.5)
    assert after.phase("marketing").name == "Marketing automation"
    assert after.phase("marketing").capacity == 25.5
    with pytest.raises(EditError, match="weeks: must be >= 1, got 0"):
        update_phase(after, "marketing", weeks=0)
    with pytest.raises(EditError, match="capacity: must be >= 0"):
        add_phase(small, "Bad", capacity=-3)


def test_remove_phase_sends_its_requests_to_the_backlog(small: Workshop):
    removal = remove_phase(small, "p2")
    after = removal.workshop
    assert removal.backlogged == 2
    assert [p.id for p in after.phases] == ["p1", "p3"]
    assert after.request("case-handling").phase is None
    assert after.request("knowledge-base").phase is None
    assert after.request("outlook").phase == "p1"


def test_move_phase_reorders_and_keeps_requests(small: Workshop):
    later = move_phase(small, "p1", 1)
    assert [p.id for p in later.phases] == ["p2", "p1", "p3"]
    assert later.request("outlook").phase == "p1"
    assert [p.id for p in move_phase(small, "p3", -2).phases] == ["p3", "p1", "p2"]
    assert move_phase(small, "p2", 0) == small


@pytest.mark.parametrize(
    ("phase", "offset", "problem"),
    [
        ("p1", -1, "already the first phase"),
        ("p3", 1, "already the last phase"),
        ("p2", 2, "phase 2 of 3: it cannot move that far"),
        ("p9", 1, 'there is no phase "p9"'),
    ],
)
def test_move_phase_refuses(small: Workshop, phase: str, offset: int, problem: str):
    with pytest.raises(EditError, match=problem):
        move_phase(small, phase, offset)


def test_edits_leave_the_original_untouched(small: Workshop):
    before = small.model_dump()
    remove_phase(small, "p1")
    remove_request(small, "customer-register")
    update_workshop(small, settings={"dots_per_head": 3})
    assert small.model_dump() == before
