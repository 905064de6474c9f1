"""The workshop model: every constraint of DESIGN.md's format section, and its messages."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from app.domain.model import Workshop, quoted
from app.domain.problems import describe
from app.storage.workshop_file import WorkshopFileError, workshop_from_data
from tests.builders import department, phase, raw, request

_DELETE = object()


def base() -> dict[str, Any]:
    """A valid workshop touching every section, with "crm-mail" as requests[3]."""
    return raw(
        [
            request("r0", "p1", effort=5, benefit={"sales": 2}, burden={"sales": 1}),
            request("r1", "p2", effort=3, depends_on=["r0"], benefit={"service": 1}),
            request("r2", None, department="service"),
            request("crm-mail", "p1", department="finance", effort=2),
        ],
        settings={"first_win_weeks": 3},
        votes={"sales": {"r0": 3, "r2": 0}},
        accepted=[{"key": "phase-capacity:p1", "note": "Known."}],
        attendees=[{"name": "Mette Larsen", "role": "Head of sales", "department": "sales"}],
        signoffs=[
            {
                "department": "sales",
                "name": "Mette Larsen",
                "at": "2027-01-10T10:00:00+01:00",
                "fingerprint": "sha256:" + "0" * 64,
            }
        ],
    )


def changed(path: str, value: Any) -> dict[str, Any]:
    """The base workshop with one value at a dotted path replaced (or deleted with _DELETE)."""
    data = base()
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    key: Any = int(last) if isinstance(target, list) else last
    if value is _DELETE:
        del target[key]
    else:
        target[key] = value
    return data


def problem(data: Any) -> str:
    """The one-line message a broken workshop is refused with."""
    with pytest.raises(WorkshopFileError) as caught:
        workshop_from_data(data)
    message = str(caught.value)
    assert "\n" not in message, message
    return message


def test_the_base_workshop_is_valid() -> None:
    workshop = workshop_from_data(base())
    assert [r.id for r in workshop.requests] == ["r0", "r1", "r2", "crm-mail"]


def test_the_message_names_place_id_and_value() -> None:
    assert problem(changed("requests.3.effort", -5)) == (
        'requests[3] (id "crm-mail").effort: must be >= 0, got -5'
    )


def test_more_problems_are_counted() -> None:
    data = changed("requests.3.effort", -5)
    data["requests"][0]["effort"] = -1
    assert problem(data).endswith("(and 1 more problem)")


# --- ids -------------------------------------------------------------------------------------

ID_RULE = "must be 1-64 characters of A-Z a-z 0-9 _ . - starting with a letter or digit"


@pytest.mark.parametrize(
    "bad",
    ["", "-sales", "_sales", ".sales", "a" * 65, "sales team", "salg/øst", "æble", "a\n", "a:b"],
)
def test_bad_ids_are_refused(bad: str) -> None:
    message = problem(changed("departments.0.id", bad))
    assert message.startswith("departments[0]")
    assert f".id: {ID_RULE}" in message


@pytest.mark.parametrize("good", ["a", "A", "0", "a" * 64, "Sales-2027_q1.v2", "9lives"])
def test_good_ids_are_accepted(good: str) -> None:
    data = changed("phases.3.id", good)
    assert workshop_from_data(data).phases[3].id == good


def test_an_id_must_be_text() -> None:
    assert problem(changed("phases.0.id", 7)) == "phases[0].id: must be text, got a number"


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        ("requests.0.benefit", {"Sales Team": 1}),
        ("requests.0.burden", {"": 1}),
        ("votes", {"sales team": {"r0": 1}}),
        ("votes", {"sales": {"r 0": 1}}),
    ],
)
def test_ids_used_as_keys_are_checked_as_ids(path: str, bad: Any) -> None:
    assert ID_RULE in problem(changed(path, bad))


@pytest.mark.parametrize("brk", ["\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"])
def test_line_breaks_in_a_bad_value_are_escaped(brk: str) -> None:
    message = problem(changed("departments.0.id", f"sa{brk}les"))
    assert len(message.splitlines()) == 1
    assert brk not in message


def test_quoted_values_keep_other_text_as_it_is() -> None:
    assert quoted('Ærø "x" \\') == '"Ærø \\"x\\" \\\\"'
    assert quoted("x" * 61) == '"' + "x" * 60 + '..."'


def test_a_long_bad_id_is_shortened_in_the_message() -> None:
    message = problem(changed("departments.0.id", "x" * 5_000 + " "))
    assert len(message) < 400


# --- text lengths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("title", 200),
        ("organisation", 200),
        ("vision", 10_000),
        ("departments.0.name", 200),
        ("departments.0.head", 200),
        ("phases.0.name", 200),
        ("requests.0.title", 200),
        ("requests.0.description", 10_000),
        ("attendees.0.name", 200),
        ("attendees.0.role", 200),
        ("signoffs.0.name", 200),
        ("accepted.0.note", 10_000),
    ],
)
def test_text_limits(path: str, limit: int) -> None:
    assert workshop_from_data(changed(path, "é" * limit))
    message = problem(changed(path, "é" * (limit + 1)))
    assert f"must be at most {limit:,} characters, got {limit + 1:,}" in message


@pytest.mark.parametrize(
    "path",
    ["title", "departments.0.name", "phases.1.name", "requests.2.title", "accepted.0.note"],
)
@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_names_and_titles_must_not_be_blank(path: str, blank: str) -> None:
    assert "must not be empty" in problem(changed(path, blank))


@pytest.mark.parametrize("path", ["title", "requests.0.description", "departments.0.head"])
def test_text_must_be_text(path: str) -> None:
    assert problem(changed(path, 12)).endswith("must be text, got a number")


@pytest.mark.parametrize("good", ["#1f77b4", "#A1B2C3", None])
def test_good_colours(good: str | None) -> None:
    assert workshop_from_data(changed("departments.0.color", good)).departments[0].color == good


@pytest.mark.parametrize("bad", ["red", "#12345g", "#1234567", "1f77b4", "#fff"])
def test_bad_colours(bad: str) -> None:
    assert "must be a colour as #RRGGBB or null" in problem(changed("departments.0.color", bad))


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("phases.0.weeks", 0, 'phases[0] (id "p1").weeks: must be >= 1, got 0'),
        ("phases.0.weeks", 521, "must be <= 520, got 521"),
        ("phases.0.weeks", 4.5, "must be a whole number, got 4.5"),
        ("phases.0.weeks", "4", 'must be a number, got text "4" (a number has no quotes)'),
        ("phases.0.weeks", True, "must be a number, got true"),
        ("phases.0.capacity", -1, "must be >= 0, got -1"),
        ("phases.0.capacity", "40", "must be a number, got text"),
        ("phases.0.capacity", None, "must be a number, got null"),
        ("requests.0.effort", -0.5, "must be >= 0, got -0.5"),
        ("requests.0.effort", False, "must be a number, got false"),
        ("requests.0.weeks_to_benefit", -1, "must be >= 0, got -1"),
        ("requests.0.weeks_to_benefit", 521, "must be <= 520, got 521"),
        ("requests.0.weeks_to_benefit", 2.5, "must be a whole number, got 2.5"),
        ("requests.0.benefit", {"sales": 0}, "must be > 0, got 0"),
        ("requests.0.benefit", {"sales": -2}, "must be > 0, got -2"),
        ("requests.0.benefit", {"sales": "3"}, "must be a number, got text"),
        ("requests.0.burden", {"sales": -0.5}, "must be >= 0, got -0.5"),
        ("requests.0.benefit", [], "must be an object"),
        ("departments.0.burden_capacity", -1, "must be >= 0, got -1"),
        ("departments.0.first_win_weeks", 3.5, "must be a whole number, got 3.5"),
        ("departments.0.max_gap_weeks", -1, "must be >= 0, got -1"),
        ("settings.caution_load", 0, "must be > 0, got 0"),
        ("settings.caution_load", 1.01, "must be <= 1, got 1.01"),
        ("settings.first_win_weeks", -1, "must be >= 0, got -1"),
        ("settings.max_gap_weeks", 600, "must be <= 520, got 600"),
        ("settings.max_onboarding_per_phase", -1, "must be >= 0, got -1"),
        ("settings.dots_per_head", 2.5, "must be a whole number, got 2.5"),
        ("votes", {"sales": {"r0": -1}}, "must be >= 0, got -1"),
        ("votes", {"sales": {"r0": 1.5}}, "must be a whole number, got 1.5"),
        ("votes", {"sales": {"r0": "2"}}, "must be a number, got text"),
        ("votes", {"sales": 3}, "must be an object"),
    ],
)
def test_numbers_out_of_range_or_of_the_wrong_kind(path: str, value: Any, expected: str) -> None:
    message = problem(changed(path, value))
    assert expected in message
    assert message.startswith(path.split(".")[0])


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("phases.0.weeks", 1),
        ("phases.0.weeks", 520),
        ("phases.0.weeks", 4.0),
        ("phases.0.capacity", 0),
        ("requests.0.weeks_to_benefit", 0),
        ("requests.0.weeks_to_benefit", 520),
        ("requests.0.burden", {"sales": 0}),
        ("requests.0.benefit", {"sales": 0.001}),
        ("departments.0.burden_capacity", 0),
        ("settings.caution_load", 1),
        ("settings.caution_load", 0.01),
        ("settings.max_onboarding_per_phase", 0),
        ("settings.dots_per_head", 0),
        ("votes", {"sales": {"r0": 0}}),
    ],
)
def test_numbers_at_the_limits_are_accepted(path: str, value: Any) -> None:
    assert workshop_from_data(changed(path, value))


def test_whole_numbers_may_be_written_with_a_point_zero() -> None:
    workshop = workshop_from_data(changed("requests.0.weeks_to_benefit", 3.0))
    assert workshop.requests[0].weeks_to_benefit == 3
    assert isinstance(workshop.requests[0].weeks_to_benefit, int)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize(
    "path", ["requests.0.effort", "phases.0.capacity", "settings.caution_load"]
)
def test_numbers_must_be_finite(path: str, value: float) -> None:
    assert "must be a finite number" in problem(changed(path, value))


def test_a_finite_number_in_a_benefit_is_checked_too() -> None:
    assert "must be a finite number" in problem(changed("requests.0.benefit", {"sales": 1e400}))


@pytest.mark.parametrize("path", ["requests.0.effort", "phases.0.weeks", "votes.sales.r0"])
def test_a_huge_integer_is_refused_as_too_large(path: str) -> None:
    message = problem(changed(path, 10**400))
    assert message.startswith(path.split(".")[0])
    assert "too large" in message


@pytest.mark.parametrize(
    "path",
    [
        "requests.0.effort",
        "phases.0.capacity",
        "departments.0.burden_capacity",
        "requests.0.benefit.sales",
        "requests.0.burden.sales",
    ],
)
def test_amounts_have_an_upper_limit(path: str) -> None:
    assert workshop_from_data(changed(path, 1_000_000_000))
    assert "must be <= 1000000000" in problem(changed(path, 1_000_000_001))


# --- references, duplicates and cycles ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            "requests.0.department",
            "hr",
            'requests[0] (id "r0").department: unknown department "hr"',
        ),
        ("requests.0.benefit", {"hr": 1}, 'requests[0] (id "r0").benefit: unknown department "hr"'),
        ("requests.0.burden", {"hr": 1}, 'requests[0] (id "r0").burden: unknown department "hr"'),
        ("requests.0.phase", "p9", 'requests[0] (id "r0").phase: unknown phase "p9"'),
        (
            "requests.1.depends_on",
            ["nope"],
            'requests[1] (id "r1").depends_on[0]: unknown request "nope"',
        ),
        (
            "requests.1.depends_on",
            ["r1"],
            'requests[1] (id "r1").depends_on[0]: a request cannot depend on itself ("r1")',
        ),
        (
            "requests.1.depends_on",
            ["r0", "r0"],
            'requests[1] (id "r1").depends_on[1]: "r0" is listed twice',
        ),
        ("votes", {"hr": {"r0": 1}}, 'votes: unknown department "hr"'),
        ("votes", {"sales": {"r9": 1}}, 'votes."sales": unknown request "r9"'),
        ("signoffs.0.department", "hr", 'signoffs[0].department: unknown department "hr"'),
        ("attendees.0.department", "hr", 'attendees[0].department: unknown department "hr"'),
    ],
)
def test_every_reference_must_resolve(path: str, value: Any, expected: str) -> None:
    assert problem(changed(path, value)) == expected


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            "departments",
            'departments[1] (id "sales").id: "sales" is already used by departments[0]',
        ),
        ("phases", 'phases[1] (id "p1").id: "p1" is already used by phases[0]'),
        ("requests", 'requests[1] (id "r0").id: "r0" is already used by requests[0]'),
    ],
)
def test_duplicate_ids_are_refused(section: str, expected: str) -> None:
    data = base()
    data[section][1]["id"] = data[section][0]["id"]
    assert problem(data) == expected


def test_a_finding_may_be_accepted_only_once() -> None:
    data = base()
    data["accepted"].append({"key": "phase-capacity:p1", "note": "Again."})
    assert problem(data) == 'accepted[1].key: "phase-capacity:p1" is accepted twice'


def test_a_dependency_cycle_is_refused_and_shown() -> None:
    data = base()
    data["requests"][0]["depends_on"] = ["crm-mail"]
    data["requests"][3]["depends_on"] = ["r1"]
    message = problem(data)
    assert "dependency cycle" in message
    assert '"r0" -> "crm-mail" -> "r1" -> "r0"' in message


def test_a_long_chain_is_fine_and_a_long_cycle_is_found() -> None:
    chain = [request(f"r{i}", depends_on=[f"r{i - 1}"] if i else []) for i in range(5_000)]
    assert len(Workshop.model_validate(raw(chain)).requests) == 5_000
    chain[0]["depends_on"] = ["r4999"]
    assert "dependency cycle" in problem(raw(chain))


# --- fields: unknown, missing, wrong types ------------------------------------------------------

UNKNOWN = "unknown field (not part of the bellwether/1 format)"


@pytest.mark.parametrize(
    ("path", "place"),
    [
        ("colour", "colour"),
        ("settings.first_win_week", "settings.first_win_week"),
        ("departments.0.colour", 'departments[0] (id "sales").colour'),
        ("phases.2.start", 'phases[2] (id "p3").start'),
        ("requests.1.priority", 'requests[1] (id "r1").priority'),
        ("accepted.0.by", "accepted[0].by"),
        ("attendees.0.email", "attendees[0].email"),
        ("signoffs.0.comment", "signoffs[0].comment"),
    ],
)
def test_unknown_fields_are_refused_by_name(path: str, place: str) -> None:
    assert problem(changed(path, 1)) == f"{place}: {UNKNOWN}"


@pytest.mark.parametrize(
    ("path", "place"),
    [
        ("title", "title"),
        ("start", "start"),
        ("departments", "departments"),
        ("phases", "phases"),
        ("requests", "requests"),
        ("departments.1.name", 'departments[1] (id "service").name'),
        ("departments.1.id", "departments[1].id"),
        ("phases.0.weeks", 'phases[0] (id "p1").weeks'),
        ("phases.0.capacity", 'phases[0] (id "p1").capacity'),
        ("requests.2.title", 'requests[2] (id "r2").title'),
        ("requests.2.department", 'requests[2] (id "r2").department'),
        ("accepted.0.note", "accepted[0].note"),
    ],
)
def test_required_fields(path: str, place: str) -> None:
    assert problem(changed(path, _DELETE)) == f"{place}: is required"


def test_the_format_is_required() -> None:
    assert "format: is required" in problem(changed("format", _DELETE))


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("departments", {}, "departments: must be a list, got an object"),
        ("requests", "r0", "requests: must be a list, got text"),
        ("requests.0", [], "requests[0]: must be an object, got a list"),
        ("settings", [], "settings: must be an object, got a list"),
        ("requests.0.depends_on", "r1", "must be a list, got text"),
        ("accepted", {}, "accepted: must be a list, got an object"),
        ("votes", [], "votes: must be an object"),
    ],
)
def test_wrong_types(path: str, value: Any, expected: str) -> None:
    assert expected in problem(changed(path, value))


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("start", "2027-13-01", 'start: must be a date as YYYY-MM-DD, got "2027-13-01"'),
        ("start", 20270104, "start: must be text, got a number"),
        ("signoffs.0.at", "yesterday", "must be a date and time in ISO 8601"),
        ("signoffs.0.fingerprint", "sha256:abc", 'must be "sha256:" and 64 hex digits'),
    ],
)
def test_dates_and_fingerprints(path: str, value: Any, expected: str) -> None:
    assert expected in problem(changed(path, value))


# --- the format version -----------------------------------------------------------------------


@pytest.mark.parametrize("newer", ["bellwether/2", "bellwether/17"])
def test_a_newer_format_is_refused_as_made_by_a_newer_version(newer: str) -> None:
    message = problem(changed("format", newer))
    assert message.startswith("format: ")
    assert "newer version of Bellwether" in message
    assert newer in message


@pytest.mark.parametrize("other", ["bellwether/0", "trello/1", "", 1, None])
def test_another_format_is_not_a_workshop(other: Any) -> None:
    message = problem(changed("format", other))
    assert "not a Bellwether workshop" in message
    assert "newer" not in message


def test_a_newer_format_with_an_absurd_number_is_still_one_line() -> None:
    message = problem(changed("format", "bellwether/" + "9" * 5_000))
    assert "newer version of Bellwether" in message
    assert len(message) < 400


# --- defaults and the model itself -----------------------------------------------------------


def test_defaults_are_those_of_the_design() -> None:
    workshop = workshop_from_data(
        raw([request("r0")], departments=[{"id": "sales", "name": "Sales"}])
    )
    sales, r0 = workshop.departments[0], workshop.requests[0]
    assert (workshop.organisation, workshop.vision) == ("", "")
    assert workshop.settings.model_dump() == {
        "first_win_weeks": 3,
        "max_gap_weeks": 8,
        "caution_load": 0.9,
        "max_onboarding_per_phase": 2,
        "dots_per_head": 10,
    }
    assert (sales.head, sales.color, sales.burden_capacity) == ("", None, None)
    assert (sales.first_win_weeks, sales.max_gap_weeks) == (None, None)
    assert (r0.description, r0.effort, r0.benefit, r0.burden) == ("", 0, {}, {})
    assert (r0.weeks_to_benefit, r0.depends_on) == (2, ())
    assert workshop.votes == {}
    assert (workshop.accepted, workshop.attendees, workshop.signoffs) == ((), (), ())


def test_a_request_without_phase_is_in_the_backlog() -> None:
    data = raw([{"id": "r0", "title": "T", "department": "sales"}])
    assert workshop_from_data(data).requests[0].phase is None


def test_attendees_are_optional_and_may_have_no_department() -> None:
    data = changed("attendees", [{"name": "Ida Holm"}, {"name": "Bo", "department": None}])
    attendees = workshop_from_data(data).attendees
    assert [(a.name, a.role, a.department) for a in attendees] == [
        ("Ida Holm", "", None),
        ("Bo", "", None),
    ]


def test_the_workshop_is_frozen() -> None:
    workshop = workshop_from_data(base())
    with pytest.raises(ValidationError):
        workshop.title = "Changed"  # type: ignore[misc]


def test_lookups_by_id() -> None:
    workshop = workshop_from_data(base())
    assert workshop.department("service").name == "Service"
    assert workshop.phase("p2").weeks == 4
    assert workshop.request("crm-mail").effort == 2
    with pytest.raises(KeyError):
        workshop.request("nope")


def test_describe_passes_plain_errors_through() -> None:
    assert describe(ValueError("plain words")) == "plain words"


def test_model_validate_reports_the_same_problem_as_loading() -> None:
    data = changed("requests.3.effort", -5)
    with pytest.raises(ValidationError) as caught:
        Workshop.model_validate(data)
    assert describe(caught.value, data) == problem(data)


def test_departments_phase_and_request_builders_stay_valid() -> None:
    """Guard for the builders every other test relies on."""
    data = raw(
        [request("x", "p1")],
        departments=[department("sales", head="Mette")],
        phases=[phase("p1", weeks=2, capacity=3)],
    )
    workshop = workshop_from_data(data)
    assert workshop.phases[0].weeks == 2
    assert workshop.departments[0].head == "Mette"
