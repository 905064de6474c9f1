"""Properties of random valid workshops (hypothesis).

The findings are compared with a reference: DESIGN.md's findings table evaluated as plainly as it
is written, with decimal arithmetic, one rule at a time. The generated amounts are decimals such as
1.1 and 2.2 whose binary sums are not exact, so the boundaries of the table are hit often.
"""

from __future__ import annotations

import itertools
import json
import random
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.fingerprint import canonical_bytes, fingerprint
from app.domain.limits import blank
from app.domain.metrics import metrics
from app.domain.model import Workshop
from app.domain.rules import findings
from app.storage.workshop_file import dumps_workshop, load_workshop, parse_workshop, save_workshop

MODEST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Few distinct decimals, so that sums often land exactly on a capacity or a threshold.
AMOUNTS = (0, 0.5, 1.1, 2.2, 3.3, 5, 7)
CAPACITIES = (0, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 10, 50)
CAUTION_LOADS = (0.14, 0.5, 0.7, 0.75, 0.9, 1)

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,8}", fullmatch=True)
# Names are plain text that prints something: no control characters, not only invisible ones.
names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=12).filter(
    lambda text: not blank(text)
)
amounts = st.sampled_from(AMOUNTS)
positive = st.sampled_from([a for a in AMOUNTS if a > 0])


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def departments(draw: st.DrawFn) -> list[dict[str, Any]]:
    chosen = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    return [
        {
            "id": department_id,
            "name": draw(names),
            "burden_capacity": draw(optional(st.sampled_from(CAPACITIES))),
            "first_win_weeks": draw(optional(st.integers(0, 8))),
            "max_gap_weeks": draw(optional(st.integers(0, 10))),
            "color": draw(optional(st.sampled_from(["#1f77b4", "#ABCDEF"]))),
        }
        for department_id in chosen
    ]


@st.composite
def phases(draw: st.DrawFn) -> list[dict[str, Any]]:
    chosen = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    return [
        {
            "id": phase_id,
            "name": draw(names),
            "weeks": draw(st.integers(1, 8)),
            "capacity": draw(st.sampled_from(CAPACITIES)),
        }
        for phase_id in chosen
    ]


def points(draw: st.DrawFn, owners: list[str], values: st.SearchStrategy[Any]) -> dict[str, Any]:
    chosen = draw(st.lists(st.sampled_from(owners), max_size=len(owners), unique=True))
    return {department: draw(values) for department in chosen}


@st.composite
def requests(draw: st.DrawFn, owners: list[str], columns: list[str]) -> list[dict[str, Any]]:
    chosen = draw(st.lists(ids, max_size=12, unique=True))
    result = []
    for index, request_id in enumerate(chosen):
        earlier = chosen[:index]
        depends = (
            draw(st.lists(st.sampled_from(earlier), unique=True, max_size=2)) if earlier else []
        )
        result.append(
            {
                "id": request_id,
                "title": draw(names),
                "department": draw(st.sampled_from(owners)),
                "effort": draw(amounts),
                "benefit": points(draw, owners, positive),
                "burden": points(draw, owners, amounts),
                "weeks_to_benefit": draw(st.integers(0, 12)),
                "depends_on": depends,
                "phase": draw(optional(st.sampled_from(columns))),
            }
        )
    draw(st.randoms()).shuffle(result)  # dependencies may point forward in the list too
    return result


@st.composite
def ballots(draw: st.DrawFn, owners: list[str], items: list[str]) -> dict[str, dict[str, int]]:
    """Votes: some departments give some requests 0-6 dots."""
    voters = draw(st.lists(st.sampled_from(owners), unique=True))
    return {
        department: {
            request: draw(st.integers(0, 6))
            for request in draw(st.lists(st.sampled_from(items), unique=True))
        }
        for department in voters
    }


@st.composite
def workshops(draw: st.DrawFn) -> dict[str, Any]:
    """Raw data of a random valid workshop."""
    owners, columns = draw(departments()), draw(phases())
    owner_ids, column_ids = [d["id"] for d in owners], [p["id"] for p in columns]
    items = draw(requests(owner_ids, column_ids))
    request_ids = [r["id"] for r in items]
    votes = draw(ballots(owner_ids, request_ids)) if request_ids else {}
    data: dict[str, Any] = {
        "format": "bellwether/1",
        "title": draw(names),
        "start": "2027-01-04",
        "settings": draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "first_win_weeks": st.integers(0, 8),
                    "max_gap_weeks": st.integers(0, 10),
                    "caution_load": st.sampled_from(CAUTION_LOADS),
                    "max_onboarding_per_phase": st.integers(0, 3),
                    "dots_per_head": st.integers(0, 12),
                },
            )
        ),
        "departments": owners,
        "phases": columns,
        "requests": items,
        "votes": votes,
    }
    keys = [f"phase-capacity:{p}" for p in column_ids] + [f"no-benefit:{d}" for d in owner_ids]
    accepted = draw(st.lists(st.sampled_from(keys), unique=True, max_size=3))
    data["accepted"] = [{"key": key, "note": draw(names)} for key in accepted]
    return data


# --- the reference: DESIGN.md's table, written out plainly ---------------------------------------


def exact(value: float) -> Decimal:
    """The decimal a file's author wrote (the shortest repr of the double)."""
    return Decimal(repr(float(value)))


DEFAULTS = {
    "first_win_weeks": 3,
    "max_gap_weeks": 8,
    "caution_load": 0.9,
    "max_onboarding_per_phase": 2,
    "dots_per_head": 10,
}


def reference(data: dict[str, Any]) -> dict[str, str]:
    """Finding key -> severity, straight from the table."""
    setting = DEFAULTS | data.get("settings", {})
    ends, week = {}, 0
    for phase in data["phases"]:
        week += phase["weeks"]
        ends[phase["id"]] = week
    order = [p["id"] for p in data["phases"]]
    planned = [r for r in data["requests"] if r["phase"] is not None]
    expected: dict[str, str] = {}
    expected |= _phase_rules(data, planned, setting)
    expected |= _dependency_rule(data, planned, order)
    expected |= _benefit_rules(data, planned, ends, setting)
    for department, dots in data["votes"].items():
        if sum(dots.values()) > setting["dots_per_head"]:
            expected[f"vote-budget:{department}"] = "error"
    return expected


def _phase_rules(
    data: dict[str, Any], planned: list[Any], setting: dict[str, Any]
) -> dict[str, str]:
    expected = {}
    for phase in data["phases"]:
        inside = [r for r in planned if r["phase"] == phase["id"]]
        effort = sum((exact(r["effort"]) for r in inside), Decimal(0))
        capacity = exact(phase["capacity"])
        if effort > capacity:
            expected[f"phase-capacity:{phase['id']}"] = "error"
        elif effort > 0 and exact(setting["caution_load"]) * capacity <= effort <= capacity:
            expected[f"phase-near-capacity:{phase['id']}"] = "caution"
        for department in data["departments"]:
            hours = sum((exact(r["burden"].get(department["id"], 0)) for r in inside), Decimal(0))
            limit = department["burden_capacity"]
            if limit is not None and hours > exact(limit):
                expected[f"adoption-load:{phase['id']}:{department['id']}"] = "warning"
    return expected


def _dependency_rule(data: dict[str, Any], planned: list[Any], order: list[str]) -> dict[str, str]:
    phase_of = {r["id"]: r["phase"] for r in data["requests"]}
    expected = {}
    for request in planned:
        for dependency in request["depends_on"]:
            other = phase_of[dependency]
            if other is None or order.index(other) > order.index(request["phase"]):
                expected[f"dependency-order:{request['id']}:{dependency}"] = "error"
    return expected


def _benefit_rules(
    data: dict[str, Any], planned: list[Any], ends: dict[str, int], setting: dict[str, Any]
) -> dict[str, str]:
    expected = {}
    starts: dict[int, int] = {}
    for department in data["departments"]:
        d = department["id"]
        burdens = [(ends[r["phase"]], r["id"]) for r in planned if r["burden"].get(d, 0) > 0]
        if not burdens:
            continue
        first = min(week for week, _ in burdens)
        starts[first] = starts.get(first, 0) + 1
        wins = sorted(
            {ends[r["phase"]] + r["weeks_to_benefit"] for r in planned if d in r["benefit"]}
        )
        wins = [w for w in wins if w >= first]
        if not wins:
            expected[f"no-benefit:{d}"] = "error"
            continue
        limit = department["first_win_weeks"]
        limit = setting["first_win_weeks"] if limit is None else limit
        gap = department["max_gap_weeks"]
        gap = setting["max_gap_weeks"] if gap is None else gap
        if wins[0] - first > limit:
            expected[f"first-win-delay:{d}"] = "warning"
        for live, request in burdens:
            if live > first and not any(live <= w <= live + gap for w in wins):
                expected[f"unrewarded-burden:{request}:{d}"] = "warning"
        for earlier, later in itertools.pairwise(wins):
            if later - earlier > gap:
                expected[f"benefit-gap:{d}:{earlier}"] = "caution"
    limit = setting["max_onboarding_per_phase"]
    for phase in data["phases"]:
        if limit > 0 and starts.get(ends[phase["id"]], 0) > limit:
            expected[f"onboarding-breadth:{phase['id']}"] = "caution"
    return expected


# --- properties -------------------------------------------------------------------------------


@MODEST
@given(workshops())
def test_findings_are_the_table(data: dict[str, Any]) -> None:
    workshop = Workshop.model_validate(data)
    found = findings(workshop)
    assert {f.key: f.severity for f in found} == reference(data)
    assert len({f.key for f in found}) == len(found), "every key at most once"
    notes = {a["key"]: a["note"] for a in data["accepted"]}
    for finding in found:
        assert finding.key.startswith(finding.rule + ":")
        assert (finding.accepted, finding.note) == (finding.key in notes, notes.get(finding.key))


@MODEST
@given(workshops())
def test_metrics_add_up_and_are_valid_json(data: dict[str, Any]) -> None:
    workshop = Workshop.model_validate(data)
    measured = metrics(workshop)
    json.dumps(measured.as_json(), allow_nan=False)
    plan = measured.plan
    assert plan.scheduled + plan.backlog == len(data["requests"])
    assert plan.end_week == sum(p["weeks"] for p in data["phases"])
    for phase, phase_metrics in zip(data["phases"], measured.phases, strict=True):
        inside = [r for r in data["requests"] if r["phase"] == phase["id"]]
        assert Decimal(repr(phase_metrics.effort)) == sum(
            (exact(r["effort"]) for r in inside), Decimal(0)
        )


@MODEST
@given(workshops(), st.data())
def test_moving_a_request_to_the_backlog_never_adds_a_phase_capacity_finding(
    data: dict[str, Any], choice: st.DataObject
) -> None:
    if not data["requests"]:
        return
    before = {f.key for f in findings(Workshop.model_validate(data)) if f.rule == "phase-capacity"}
    moved = choice.draw(st.sampled_from(data["requests"]))["id"]
    for request in data["requests"]:
        if request["id"] == moved:
            request["phase"] = None
    after = {f.key for f in findings(Workshop.model_validate(data)) if f.rule == "phase-capacity"}
    assert after <= before


def reordered(value: Any, rng: random.Random) -> Any:
    """The same JSON value with every object's keys in a random order."""
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {key: reordered(value[key], rng) for key in keys}
    if isinstance(value, list):
        return [reordered(item, rng) for item in value]
    return value


@MODEST
@given(workshops(), st.randoms(), st.sampled_from([None, 0, 1, 2, "\t", " \n "]), st.booleans())
def test_fingerprint_ignores_key_order_and_white_space(
    data: dict[str, Any], rng: random.Random, indent: int | str | None, ascii_only: bool
) -> None:
    text = json.dumps(reordered(data, rng), indent=indent, ensure_ascii=ascii_only)
    assert fingerprint(parse_workshop(text.encode("utf-8"))) == fingerprint(
        Workshop.model_validate(data)
    )


Edit = Callable[[dict[str, Any]], bool]


def _retitle(data: dict[str, Any]) -> bool:
    data["title"] += "!"
    return True


def _more_effort(data: dict[str, Any]) -> bool:
    if data["requests"]:
        data["requests"][0]["effort"] += 0.5
    return bool(data["requests"])


def _longer_phase(data: dict[str, Any]) -> bool:
    data["phases"][-1]["weeks"] += 1
    return True


def _other_capacity(data: dict[str, Any]) -> bool:
    data["phases"][0]["capacity"] += 1
    return True


def _swap_requests(data: dict[str, Any]) -> bool:
    items = data["requests"]
    if len(items) < 2:
        return False
    items[0], items[1] = items[1], items[0]
    return True


def _move(data: dict[str, Any]) -> bool:
    if not data["requests"]:
        return False
    request = data["requests"][0]
    request["phase"] = data["phases"][0]["id"] if request["phase"] is None else None
    return True


def _vote(data: dict[str, Any]) -> bool:
    if not data["requests"]:
        return False
    given = data["votes"].setdefault(data["departments"][0]["id"], {})
    request = data["requests"][0]["id"]
    given[request] = given.get(request, 0) + 1
    return True


def _later_win(data: dict[str, Any]) -> bool:
    if data["requests"]:
        data["requests"][-1]["weeks_to_benefit"] += 1
    return bool(data["requests"])


def _rename_department(data: dict[str, Any]) -> bool:
    data["departments"][0]["name"] += "s"
    return True


def _accept(data: dict[str, Any]) -> bool:
    data["accepted"].append({"key": "vote-budget:nobody", "note": "New note"})
    return True


EDITS: list[Edit] = [
    _retitle, _more_effort, _longer_phase, _other_capacity, _swap_requests, _move, _vote,
    _later_win, _rename_department, _accept,
]  # fmt: skip


@MODEST
@given(workshops(), st.sampled_from(EDITS))
def test_fingerprint_changes_with_any_change_of_content(data: dict[str, Any], edit: Edit) -> None:
    before = fingerprint(Workshop.model_validate(data))
    changed = json.loads(json.dumps(data))
    if edit(changed):
        assert fingerprint(Workshop.model_validate(changed)) != before


@MODEST
@given(workshops())
def test_save_then_load_gives_an_equal_workshop(data: dict[str, Any]) -> None:
    workshop = Workshop.model_validate(data)
    again = parse_workshop(dumps_workshop(workshop).encode("utf-8"))
    assert again == workshop
    assert canonical_bytes(again) == canonical_bytes(workshop)
    assert dumps_workshop(again) == dumps_workshop(workshop)


@settings(max_examples=15, deadline=None)
@given(workshops())
def test_save_then_load_through_a_real_file(data: dict[str, Any]) -> None:
    workshop = Workshop.model_validate(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.bellwether.json"
        save_workshop(path, workshop)
        assert load_workshop(path) == workshop
