"""The format's limits: the calendar's last day, plain text, how many items a workshop holds."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.domain.calendar import latest_start, plan_weeks_reached
from app.domain.limits import MAX_DEPARTMENTS, MAX_PHASES, MAX_REQUESTS, blank, cleaned
from app.domain.model import Workshop
from app.domain.schedule import build_schedule, iso_week, week_date
from app.storage.workshop_file import WorkshopFileError, workshop_from_data
from tests.builders import department, phase, raw, request


def problem(data: dict[str, Any]) -> str:
    with pytest.raises(WorkshopFileError) as caught:
        workshop_from_data(data)
    return str(caught.value)


def long_plan(start: str, weeks: int = 4, count: int = 4, **fields: Any) -> dict[str, Any]:
    phases = [phase(f"p{i}", weeks=weeks) for i in range(1, count + 1)]
    return raw([request("r0", "p1", **fields)], phases=phases, start=start)


def test_a_start_in_the_calendars_last_days_is_refused_by_name() -> None:
    message = problem(long_plan("9999-12-27"))
    assert message.startswith("start: the plan would run past 9999-12-31")


def test_phases_that_run_past_9999_name_the_first_phase_that_does() -> None:
    message = problem(long_plan("9999-06-07", weeks=520))
    assert message.startswith('phases[0] (id "p1").weeks: the plan would run past 9999-12-31')


def test_a_win_past_9999_names_the_request_with_the_longest_wait() -> None:
    data = long_plan("9999-01-04", weeks=1, count=1)
    data["requests"].append(request("r1", None, weeks_to_benefit=520))
    message = problem(data)
    assert message.startswith('requests[1] (id "r1").weeks_to_benefit: the plan would run')


def test_the_latest_start_that_fits_loads_and_every_date_of_it_can_be_written() -> None:
    data = long_plan("2027-01-04", weeks=520, weeks_to_benefit=520)
    data["requests"].append(request("r1", None, weeks_to_benefit=520))
    workshop = Workshop.model_validate(data)
    last = latest_start(workshop)
    at_limit = Workshop.model_validate({**data, "start": last.isoformat()})
    schedule = build_schedule(at_limit)
    for week in range(0, plan_weeks_reached(at_limit) + 1, 13):
        assert week_date(last, week) <= date.max
    assert iso_week(last, plan_weeks_reached(at_limit)).startswith("9999-")
    assert schedule.end == 4 * 520
    one_day_later = date.fromordinal(last.toordinal() + 1).isoformat()
    assert "9999-12-31" in problem({**data, "start": one_day_later})


def test_moving_any_request_keeps_the_plan_in_the_calendar() -> None:
    """The check counts the backlog's longest wait too: a move can never pass the last day."""
    data = long_plan("2027-01-04", weeks=10, count=2)
    data["requests"].append(request("late", None, weeks_to_benefit=500))
    workshop = Workshop.model_validate(data)
    start = latest_start(workshop)
    assert week_date(start, 2 * 10 + 500 + 1) <= date.max


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("title", "CRM\x00", "title: must not hold control characters, got U+0000 at character 4"),
        ("title", "\x1b[31mred", "got U+001B at character 1"),
        ("organisation", "Nord\x85lys", "organisation: must not hold control characters"),
        ("vision", "a\rb", "vision: must not hold control characters, got U+000D"),
        ("title", "\u200b\u200b", "title: must not be only invisible characters"),
        ("title", "\u2060\ufeff\u200d", "title: must not be only invisible characters"),
    ],
)
def test_text_that_is_not_text_is_refused_by_name(path: str, value: str, expected: str) -> None:
    data = raw()
    data[path] = value
    assert expected in problem(data)


def test_a_department_named_only_by_a_joiner_is_refused() -> None:
    data = raw(departments=[department("sales", name="\u200d")])
    assert problem(data).startswith('departments[0] (id "sales").name: must not be only')


def test_a_description_keeps_its_tabs_and_line_feeds() -> None:
    data = raw([request("r0", description="Two lines:\n\tindented")])
    assert workshop_from_data(data).requests[0].description == "Two lines:\n\tindented"
    data = raw([request("r0", description="bell\x07")])
    assert "description: must not hold control characters, got U+0007" in problem(data)


def test_invisible_and_control_characters() -> None:
    assert blank("") and blank(" \t\n") and blank("\u200b\u00ad\u3164")
    assert not blank("a\u200b") and not blank("\x1b")
    assert cleaned("a\tb\nc\x1b[0m") == "a b c[0m"
    assert cleaned("a\r\nb\x00\tc", multiline=True) == "a\nb\tc"


@pytest.mark.parametrize(
    ("section", "limit", "make"),
    [
        ("departments", MAX_DEPARTMENTS, lambda i: department(f"d{i}")),
        ("phases", MAX_PHASES, lambda i: phase(f"p{i}", weeks=1)),
    ],
)
def test_a_workshop_holds_at_most_so_many_items(section: str, limit: int, make: Any) -> None:
    data = raw()
    data[section] = [make(i) for i in range(limit)]
    workshop_from_data(data)
    data[section].append(make(limit))
    assert problem(data) == f"{section}: must hold at most {limit:,} items, got {limit + 1:,}"


def test_a_workshop_holds_at_most_100000_requests() -> None:
    data = raw()
    data["requests"] = [request(f"r{i}") for i in range(MAX_REQUESTS + 1)]
    assert problem(data) == "requests: must hold at most 100,000 items, got 100,001"


def test_dots_have_a_ceiling() -> None:
    data = raw([request("r0")], votes={"sales": {"r0": 10**12}})
    assert "must be <= 1000000" in problem(data)
