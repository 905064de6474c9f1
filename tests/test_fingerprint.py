"""The fingerprint's canonical form, exactly as DESIGN.md specifies it, and sign-off validity."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from app.domain.fingerprint import canonical_bytes, fingerprint, short, signoff_validity
from app.domain.model import Workshop
from app.storage.workshop_file import parse_workshop
from tests.builders import raw, request

# A small workshop written with many defaults spelled out, whole numbers as 8.0, a zero vote, a
# department that gave only zero votes, non-ASCII text and a sign-off...
SMALL: dict[str, Any] = {
    "format": "bellwether/1",
    "title": "Ærø plan",
    "organisation": "",
    "start": "2027-01-04",
    "settings": {"first_win_weeks": 3, "caution_load": 0.75},
    "departments": [
        {"id": "sales", "name": "Salg", "color": None, "burden_capacity": 10.0, "head": ""},
        {"id": "hr", "name": "HR", "first_win_weeks": None},
    ],
    "phases": [{"id": "p1", "name": "Første", "weeks": 4.0, "capacity": 40.5}],
    "requests": [
        {
            "id": "r1",
            "title": "Kunder",
            "department": "sales",
            "description": "",
            "effort": 8.0,
            "benefit": {"sales": 3},
            "burden": {"sales": 0.1, "hr": 0},
            "weeks_to_benefit": 2,
            "depends_on": [],
            "phase": "p1",
        },
        {"id": "r0", "title": "Backlog", "department": "hr", "effort": 0},
    ],
    "votes": {"sales": {"r1": 2, "r0": 0}, "hr": {"r0": 0}},
    "accepted": [],
    "attendees": [],
    "signoffs": [
        {
            "department": "sales",
            "name": "Mette",
            "at": "2027-01-10T10:00:00+01:00",
            "fingerprint": "sha256:" + "a" * 64,
        }
    ],
}

# ...and its canonical form, written out by hand from DESIGN.md: defaults, signoffs, zero votes
# and the department left without votes are gone; keys sorted; no white space; 8.0 is 8; 0.1 is
# repr(0.1); "Ærø" is UTF-8, not \u escapes.
CANONICAL = (
    '{"departments":[{"burden_capacity":10,"id":"sales","name":"Salg"},{"id":"hr","name":"HR"}],'
    '"format":"bellwether/1",'
    '"phases":[{"capacity":40.5,"id":"p1","name":"Første","weeks":4}],'
    '"requests":[{"benefit":{"sales":3},"burden":{"hr":0,"sales":0.1},"department":"sales",'
    '"effort":8,"id":"r1","phase":"p1","title":"Kunder"},'
    '{"department":"hr","id":"r0","title":"Backlog"}],'
    '"settings":{"caution_load":0.75},'
    '"start":"2027-01-04","title":"Ærø plan","votes":{"sales":{"r1":2}}}'
)


def small() -> Workshop:
    return Workshop.model_validate(SMALL)


def test_canonical_form_is_exactly_as_specified() -> None:
    assert canonical_bytes(small()).decode("utf-8") == CANONICAL
    assert canonical_bytes(small()) == CANONICAL.encode("utf-8")


def test_fingerprint_is_sha256_of_the_canonical_form() -> None:
    expected = "sha256:" + hashlib.sha256(CANONICAL.encode("utf-8")).hexdigest()
    assert fingerprint(small()) == expected


def test_non_ascii_is_written_as_utf8() -> None:
    data = canonical_bytes(small())
    assert "Ærø".encode() in data
    assert b"\\u" not in data


def test_settings_left_with_no_field_are_left_out() -> None:
    data = raw(settings={"first_win_weeks": 3, "max_gap_weeks": 8, "caution_load": 0.9})
    assert b"settings" not in canonical_bytes(Workshop.model_validate(data))
    assert fingerprint(Workshop.model_validate(data)) == fingerprint(Workshop.model_validate(raw()))


ALL_DEFAULTS: dict[str, Any] = {
    "organisation": "",
    "vision": "",
    "settings": {
        "first_win_weeks": 3,
        "max_gap_weeks": 8,
        "caution_load": 0.9,
        "max_onboarding_per_phase": 2,
        "dots_per_head": 10,
    },
    "votes": {},
    "accepted": [],
    "attendees": [],
    "signoffs": [],
}


def test_every_default_spelled_out_is_the_same_plan() -> None:
    bare = raw(
        [{"id": "r1", "title": "T", "department": "sales"}],
        departments=[{"id": "sales", "name": "Sales"}],
    )
    full = raw(
        [
            {
                "id": "r1",
                "title": "T",
                "department": "sales",
                "description": "",
                "effort": 0,
                "benefit": {},
                "burden": {},
                "weeks_to_benefit": 2,
                "depends_on": [],
                "phase": None,
            }
        ],
        departments=[
            {
                "id": "sales",
                "name": "Sales",
                "head": "",
                "color": None,
                "burden_capacity": None,
                "first_win_weeks": None,
                "max_gap_weeks": None,
            }
        ],
        **ALL_DEFAULTS,
    )
    assert canonical_bytes(Workshop.model_validate(full)) == canonical_bytes(
        Workshop.model_validate(bare)
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("effort", 0.0),
        ("weeks_to_benefit", 2.0),
        ("description", ""),
        ("benefit", {}),
        ("phase", None),
    ],
)
def test_a_default_value_equals_a_missing_field(field: str, value: Any) -> None:
    bare = Workshop.model_validate(raw([request("r1")]))
    spelled = Workshop.model_validate(raw([request("r1", **{field: value})]))
    assert fingerprint(bare) == fingerprint(spelled)


def test_signoffs_are_left_out() -> None:
    without = dict(SMALL, signoffs=[])
    assert fingerprint(Workshop.model_validate(without)) == fingerprint(small())


def test_zero_votes_and_empty_vote_departments_are_no_votes() -> None:
    a = Workshop.model_validate(dict(SMALL, votes={"sales": {"r1": 2}}))
    b = Workshop.model_validate(dict(SMALL, votes={"sales": {"r1": 2, "r0": 0}, "hr": {}}))
    assert fingerprint(a) == fingerprint(b) == fingerprint(small())


def test_whole_numbers_are_integers() -> None:
    assert b'"effort":8,' in canonical_bytes(small())
    assert b"8.0" not in canonical_bytes(small())
    assert b'"weeks":4}' in canonical_bytes(small())


@pytest.mark.parametrize("effort", [0.1, 1e-05, 2.5, 1234567.891, 1e9])
def test_other_numbers_are_pythons_shortest_repr(effort: float) -> None:
    workshop = Workshop.model_validate(raw([request("r1", effort=effort)]))
    expected = str(int(effort)) if effort.is_integer() else repr(effort)
    assert f'"effort":{expected},'.encode() in canonical_bytes(workshop)


def shuffled(value: Any) -> Any:
    """The same JSON value with every object's keys in reverse order."""
    if isinstance(value, dict):
        return {key: shuffled(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [shuffled(item) for item in value]
    return value


@pytest.mark.parametrize("indent", [None, 0, 4, "\t"])
def test_key_order_and_white_space_do_not_matter(indent: int | str | None) -> None:
    text = json.dumps(shuffled(SMALL), indent=indent, ensure_ascii=indent is None)
    assert fingerprint(parse_workshop(text.encode("utf-8"))) == fingerprint(small())


def changed(**top: Any) -> Workshop:
    return Workshop.model_validate(dict(SMALL, **top))


def with_request(index: int, **fields: Any) -> Workshop:
    requests = [dict(r) for r in SMALL["requests"]]
    requests[index].update(fields)
    return changed(requests=requests)


@pytest.mark.parametrize(
    "edit",
    [
        lambda: changed(title="Ærø plan 2"),
        lambda: changed(organisation="Nordlys"),
        lambda: changed(start="2027-01-11"),
        lambda: changed(settings={"caution_load": 0.8}),
        lambda: changed(settings={"first_win_weeks": 4, "caution_load": 0.75}),
        lambda: changed(requests=list(reversed(SMALL["requests"]))),
        lambda: changed(departments=list(reversed(SMALL["departments"]))),
        lambda: changed(votes={"sales": {"r1": 3}}),
        lambda: changed(votes={"sales": {"r1": 2}, "hr": {"r0": 1}}),
        lambda: changed(accepted=[{"key": "phase-capacity:p1", "note": "OK"}]),
        lambda: changed(attendees=[{"name": "Ida"}]),
        lambda: with_request(0, effort=8.5),
        lambda: with_request(0, phase=None),
        lambda: with_request(0, weeks_to_benefit=3),
        lambda: with_request(0, burden={"sales": 0.1}),
        lambda: with_request(1, depends_on=["r1"]),
        lambda: with_request(1, description="Why"),
    ],
)
def test_any_change_of_content_changes_the_fingerprint(edit: Any) -> None:
    assert fingerprint(edit()) != fingerprint(small())


def test_a_department_colour_is_part_of_the_plan() -> None:
    departments = [dict(SMALL["departments"][0], color="#112233"), SMALL["departments"][1]]
    assert fingerprint(changed(departments=departments)) != fingerprint(small())


def signoff(department: str, name: str, signed: str) -> dict[str, str]:
    """A sign-off as raw data."""
    at = "2027-01-10T10:00:00+01:00"
    return {"department": department, "name": name, "at": at, "fingerprint": signed}


def test_signoff_validity() -> None:
    plan = small()
    current = fingerprint(plan)
    signoffs = [signoff("sales", "Mette", current), signoff("hr", "Bo", "sha256:" + "b" * 64)]
    signed = changed(signoffs=signoffs)
    assert [(s.name, valid) for s, valid in signoff_validity(signed)] == [
        ("Mette", True),
        ("Bo", False),
    ]
    edited = Workshop.model_validate(dict(SMALL, signoffs=signoffs, title="Edited"))
    assert [valid for _, valid in signoff_validity(edited)] == [False, False]


def test_signing_does_not_invalidate_other_signoffs() -> None:
    current = fingerprint(small())
    second = dict(signoff("hr", "Bo", current), at=datetime(2027, 1, 10, tzinfo=UTC).isoformat())
    signed = changed(signoffs=[signoff("sales", "Mette", current), second])
    assert [valid for _, valid in signoff_validity(signed)] == [True, True]


def test_no_signoffs_means_nothing_to_check() -> None:
    assert signoff_validity(changed(signoffs=[])) == []


def test_short_fingerprint() -> None:
    assert short("sha256:0123456789abcdef" + "0" * 48) == "0123456789ab"
