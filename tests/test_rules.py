"""Every rule of DESIGN.md's findings table, at its boundaries; and the metrics.

The default test workshop (tests/builders.py) has departments sales, service and finance and four
phases of 4 weeks with a capacity of 100: requests in p1 go live in week 4, p2 in week 8, p3 in
week 12, p4 in week 16. Settings are the defaults: first_win_weeks 3, max_gap_weeks 8,
caution_load 0.9, max_onboarding_per_phase 2, dots_per_head 10.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.metrics import metrics
from app.domain.rules import RULES, SEVERITIES, findings, unaccepted_errors
from app.domain.schedule import build_schedule
from tests.builders import build, department, found, keys, only, phase, raw, request


def burden(
    request_id: str, in_phase: str | None, hours: float = 1, dept: str = "sales"
) -> dict[str, Any]:
    """A request that puts `hours` of new work on a department (and gives nothing)."""
    return request(request_id, in_phase, burden={dept: hours})


def win(
    request_id: str, in_phase: str | None, after: int, dept: str = "sales", points: float = 1
) -> dict[str, Any]:
    """A request that gives a department a win `after` weeks after its phase ends."""
    return request(request_id, in_phase, benefit={dept: points}, weeks_to_benefit=after)


# --- phase-capacity and phase-near-capacity --------------------------------------------------


def efforts(*amounts: float, capacity: float = 100, **top: Any) -> list[Any]:
    """The findings of one phase p1 holding requests of these efforts."""
    requests = [request(f"r{i}", "p1", effort=e) for i, e in enumerate(amounts)]
    return found(requests, phases=[phase("p1", capacity=capacity), phase("p2")], **top)


def test_effort_over_capacity_is_an_error() -> None:
    result = efforts(60, 40.5)
    finding = only(result, "phase-capacity:p1")
    assert (finding.rule, finding.severity, finding.phase) == ("phase-capacity", "error", "p1")
    assert finding.requests == ("r0", "r1")
    assert finding.department is None
    assert "100.5 person-days" in finding.message
    assert "capacity of 100." in finding.message
    assert keys(result, "phase-near-capacity") == set()


def test_effort_exactly_at_capacity_is_near_capacity_not_over() -> None:
    result = efforts(60, 40)
    assert keys(result) == {"phase-near-capacity:p1"}
    finding = only(result, "phase-near-capacity:p1")
    assert (finding.rule, finding.severity, finding.phase) == (
        "phase-near-capacity",
        "caution",
        "p1",
    )
    assert finding.requests == ("r0", "r1")


def test_effort_exactly_at_caution_load_times_capacity_is_near_capacity() -> None:
    assert keys(efforts(90)) == {"phase-near-capacity:p1"}
    assert keys(efforts(89.99)) == set()


def test_caution_load_comes_from_the_settings() -> None:
    assert keys(efforts(50, settings={"caution_load": 0.5})) == {"phase-near-capacity:p1"}
    assert keys(efforts(49, settings={"caution_load": 0.5})) == set()
    assert keys(efforts(99.9, settings={"caution_load": 1})) == set()
    assert keys(efforts(100, settings={"caution_load": 1})) == {"phase-near-capacity:p1"}


def test_decimal_efforts_exactly_at_capacity_are_not_over_it() -> None:
    # 1.1 + 2.2 is 3.3000000000000003 in binary floating point.
    assert keys(efforts(1.1, 2.2, capacity=3.3)) == {"phase-near-capacity:p1"}
    assert keys(efforts(1.1, 2.2, 0.01, capacity=3.3)) == {"phase-capacity:p1"}


def test_caution_threshold_is_exact_for_decimal_settings() -> None:
    # 0.14 * 50 is 7.000000000000001 in binary floating point.
    assert keys(efforts(7, capacity=50, settings={"caution_load": 0.14})) == {
        "phase-near-capacity:p1"
    }


def test_a_phase_with_no_effort_is_never_near_capacity() -> None:
    assert keys(efforts(capacity=0)) == set()
    assert keys(efforts(0, 0, capacity=0)) == set()


def test_any_effort_in_a_phase_of_zero_capacity_is_over_it() -> None:
    assert keys(efforts(0.5, capacity=0)) == {"phase-capacity:p1"}


def test_backlog_and_other_phases_do_not_count_for_a_phase() -> None:
    requests = [
        request("r0", "p1", effort=50),
        request("r1", None, effort=1_000),
        request("r2", "p2", effort=95),
    ]
    assert keys(found(requests)) == {"phase-near-capacity:p2"}


# --- adoption-load ----------------------------------------------------------------------------


def loads(*hours: float, capacity: float | None = 5) -> list[Any]:
    """Findings of requests in p1 that each put these hours on sales (burden_capacity given)."""
    requests = [burden(f"r{i}", "p1", h) for i, h in enumerate(hours)]
    requests.append(win("w", "p1", 0))
    departments = [department("sales", burden_capacity=capacity), department("service")]
    return found(requests, departments=departments)


def test_burden_over_a_departments_capacity_is_a_warning() -> None:
    result = loads(2, 3.5)
    finding = only(result, "adoption-load:p1:sales")
    assert (finding.rule, finding.severity) == ("adoption-load", "warning")
    assert (finding.phase, finding.department) == ("p1", "sales")
    assert finding.requests == ("r0", "r1")
    assert "5.5" in finding.message


def test_burden_exactly_at_capacity_is_fine() -> None:
    assert keys(loads(2, 3), "adoption-load") == set()
    assert keys(loads(1.1, 2.2, capacity=3.3), "adoption-load") == set()


def test_no_burden_capacity_means_not_checked() -> None:
    assert keys(loads(500, capacity=None), "adoption-load") == set()


def test_a_capacity_of_zero_allows_only_zero_hours() -> None:
    assert keys(loads(0, capacity=0), "adoption-load") == set()
    assert keys(loads(0.5, capacity=0), "adoption-load") == {"adoption-load:p1:sales"}


def test_burden_is_counted_per_phase() -> None:
    requests = [
        burden("a", "p1", 3),
        burden("b", "p2", 3),
        burden("c", None, 30),
        win("w", "p1", 0),
    ]
    departments = [department("sales", burden_capacity=5)]
    assert keys(found(requests, departments=departments), "adoption-load") == set()


def test_adoption_load_is_per_department() -> None:
    requests = [
        request("r0", "p1", burden={"sales": 4, "service": 4}),
        request("r1", "p1", burden={"sales": 4, "service": 1}),
    ]
    departments = [department("sales", burden_capacity=6), department("service", burden_capacity=6)]
    finding = only(found(requests, departments=departments), "adoption-load:p1:sales")
    assert finding.requests == ("r0", "r1")
    assert keys(found(requests, departments=departments), "adoption-load") == {
        "adoption-load:p1:sales"
    }


# --- dependency-order -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dependency_phase", "reported"),
    [(None, True), ("p3", True), ("p2", False), ("p1", False)],
)
def test_a_dependency_must_come_no_later(dependency_phase: str | None, reported: bool) -> None:
    requests = [
        request("base", dependency_phase),
        request("top", "p2", department="service", depends_on=["base"]),
    ]
    result = keys(found(requests), "dependency-order")
    assert result == ({"dependency-order:top:base"} if reported else set())


def test_dependency_order_finding_fields() -> None:
    requests = [
        request("base", None),
        request("top", "p2", department="service", depends_on=["base"]),
    ]
    finding = only(found(requests), "dependency-order:top:base")
    assert (finding.rule, finding.severity) == ("dependency-order", "error")
    assert (finding.phase, finding.department, finding.requests) == (
        "p2",
        "service",
        ("top", "base"),
    )
    assert "backlog" in finding.message


def test_a_dependency_finding_follows_renames_of_either_request() -> None:
    def message(base_title: str, top_title: str) -> str:
        requests = [
            request("base", "p3", title=base_title),
            request("top", "p2", department="service", depends_on=["base"], title=top_title),
        ]
        return only(found(requests), "dependency-order:top:base").message

    assert message("Base", "Top") == (
        '"Top" (phase "Phase p2") depends on "Base", which comes later, in phase "Phase p3".'
    )
    assert '"Top" (phase "Phase p2") depends on "Base 2"' in message("Base 2", "Top")
    assert message("Base", "Top 2").startswith('"Top 2"')


def test_a_backlog_request_may_depend_on_anything() -> None:
    requests = [
        request("base", "p3"),
        request("wish", None, depends_on=["base"]),
        request("x", None),
    ]
    requests.append(request("y", None, depends_on=["x"]))
    assert keys(found(requests), "dependency-order") == set()


def test_each_broken_dependency_is_its_own_finding() -> None:
    requests = [
        request("a", None),
        request("b", "p4"),
        request("c", "p1"),
        request("top", "p2", depends_on=["a", "b", "c"]),
    ]
    assert keys(found(requests), "dependency-order") == {
        "dependency-order:top:a",
        "dependency-order:top:b",
    }


# --- no-benefit, first-win-delay, unrewarded-burden, benefit-gap ---------------------------


def test_burden_without_any_win_is_no_benefit() -> None:
    result = found([burden("r1", "p1"), burden("r2", "p2")])
    finding = only(result, "no-benefit:sales")
    assert (finding.rule, finding.severity, finding.department) == ("no-benefit", "error", "sales")
    assert finding.requests == ("r1", "r2")
    assert keys(result) == {"no-benefit:sales"}


def test_wins_before_the_first_burden_do_not_count() -> None:
    # Win in week 4, first burden in week 8: W_d is empty.
    result = found([win("early", "p1", 0), burden("work", "p2")])
    assert keys(result) == {"no-benefit:sales"}
    assert (
        metrics(build([win("early", "p1", 0), burden("work", "p2")])).departments[0].first_win_week
        == 4
    )


def test_a_win_in_the_week_of_the_first_burden_counts() -> None:
    assert keys(found([win("same", "p2", 0), burden("work", "p2")])) == set()


def test_a_burden_of_zero_hours_is_no_burden() -> None:
    workshop = build([burden("r1", "p1", 0), burden("r2", "p2", 0, dept="service")])
    assert findings(workshop) == []
    assert metrics(workshop).departments[0].first_burden_week is None
    assert build_schedule(workshop).timelines["sales"].burdens == ()


def test_a_department_that_only_gains_has_no_benefit_findings() -> None:
    assert keys(found([win("a", "p1", 0), win("b", "p4", 30)])) == set()


def test_backlog_burden_is_no_burden() -> None:
    assert keys(found([burden("r1", None)])) == set()


@pytest.mark.parametrize(("after", "late"), [(0, False), (3, False), (4, True), (20, True)])
def test_first_win_delay_boundary(after: int, late: bool) -> None:
    # First burden in week 4, first win in week 4 + after; the limit is 3 weeks.
    result = found([burden("work", "p1"), win("gain", "p1", after)])
    assert keys(result, "first-win-delay") == ({"first-win-delay:sales"} if late else set())


def test_first_win_delay_finding_fields() -> None:
    finding = only(found([burden("work", "p1"), win("gain", "p2", 3)]), "first-win-delay:sales")
    assert (finding.rule, finding.severity, finding.department) == (
        "first-win-delay",
        "warning",
        "sales",
    )
    assert finding.phase is None
    assert finding.requests == ("work", "gain")
    assert "7 weeks" in finding.message


def test_the_first_win_is_the_first_win_at_or_after_the_burden() -> None:
    # An early win (week 4) does not hide that the first counted win is 8 weeks after week 8.
    result = found([win("early", "p1", 0), burden("work", "p2"), win("gain", "p3", 4)])
    assert keys(result) == {"first-win-delay:sales"}


@pytest.mark.parametrize(
    ("own", "setting", "after", "late"),
    [
        (5, 3, 5, False),
        (5, 3, 6, True),
        (0, 3, 1, True),
        (0, 3, 0, False),
        (None, 6, 6, False),
        (None, 6, 7, True),
    ],
)
def test_a_departments_own_first_win_weeks_overrides_the_setting(
    own: int | None, setting: int, after: int, late: bool
) -> None:
    departments = [department("sales", first_win_weeks=own), department("service")]
    result = found(
        [burden("work", "p1"), win("gain", "p1", after)],
        departments=departments,
        settings={"first_win_weeks": setting},
    )
    assert keys(result, "first-win-delay") == ({"first-win-delay:sales"} if late else set())


def unrewarded(later_win_phase: str, after: int, **top: Any) -> set[str]:
    """B_d = 4 with a win in week 4; a second burden goes live in week 8 (p2); one more win."""
    requests = [
        request("first", "p1", burden={"sales": 1}, benefit={"sales": 1}, weeks_to_benefit=0),
        burden("second", "p2"),
        win("later", later_win_phase, after),
    ]
    return keys(found(requests, **top), "unrewarded-burden")


@pytest.mark.parametrize(
    ("win_phase", "after", "reported"),
    [
        ("p2", 0, False),  # week 8: exactly at L
        ("p3", 4, False),  # week 16: exactly L + max_gap_weeks
        ("p3", 5, True),  # week 17: one week too late
        ("p1", 3, True),  # week 7: after B_d but before L
    ],
)
def test_unrewarded_burden_window(win_phase: str, after: int, reported: bool) -> None:
    expected = {"unrewarded-burden:second:sales"} if reported else set()
    assert unrewarded(win_phase, after) == expected


def test_unrewarded_burden_uses_the_departments_max_gap_weeks() -> None:
    departments = [department("sales", max_gap_weeks=9)]
    assert unrewarded("p3", 5, departments=departments) == set()
    assert unrewarded("p3", 5, settings={"max_gap_weeks": 9}) == set()
    departments = [department("sales", max_gap_weeks=0)]
    assert unrewarded("p2", 0, departments=departments) == set()
    assert unrewarded("p2", 1, departments=departments) == {"unrewarded-burden:second:sales"}


def test_unrewarded_burden_finding_fields() -> None:
    requests = [
        request("first", "p1", burden={"sales": 1}, benefit={"sales": 1}, weeks_to_benefit=0),
        burden("second", "p2"),
    ]
    finding = only(found(requests), "unrewarded-burden:second:sales")
    assert (finding.rule, finding.severity) == ("unrewarded-burden", "warning")
    assert (finding.phase, finding.department, finding.requests) == ("p2", "sales", ("second",))


def test_burden_going_live_with_the_first_burden_is_never_unrewarded() -> None:
    requests = [burden("a", "p1"), burden("b", "p1"), win("gain", "p1", 3)]
    assert keys(found(requests)) == set()


def test_no_unrewarded_burden_when_there_is_no_win_at_all() -> None:
    assert keys(found([burden("a", "p1"), burden("b", "p3")])) == {"no-benefit:sales"}


@pytest.mark.parametrize(("second", "gap"), [(8, False), (9, True)])
def test_benefit_gap_boundary(second: int, gap: bool) -> None:
    # W_d = [4, 4 + second]; the limit is 8 weeks.
    requests = [
        request("first", "p1", burden={"sales": 1}, benefit={"sales": 1}, weeks_to_benefit=0),
        win("next", "p1", second),
    ]
    assert keys(found(requests), "benefit-gap") == ({"benefit-gap:sales:4"} if gap else set())


def test_benefit_gap_finding_fields_and_every_gap() -> None:
    requests = [
        request("first", "p1", burden={"sales": 1}, benefit={"sales": 1}, weeks_to_benefit=0),
        win("twin", "p1", 0),
        win("mid", "p2", 10),  # week 18
        win("end", "p3", 20),  # week 32
    ]
    result = found(requests)
    assert keys(result, "benefit-gap") == {"benefit-gap:sales:4", "benefit-gap:sales:18"}
    finding = only(result, "benefit-gap:sales:4")
    assert (finding.rule, finding.severity, finding.department) == (
        "benefit-gap",
        "caution",
        "sales",
    )
    assert finding.requests == ("first", "twin", "mid")


def test_benefit_gap_ignores_wins_before_the_first_burden() -> None:
    # Wins in weeks 4 and 30; the first burden is in week 8, so W_d = [30]: no gap, late first win.
    requests = [win("early", "p1", 0), burden("work", "p2"), win("late", "p4", 14)]
    assert keys(found(requests)) == {"first-win-delay:sales"}


def test_benefit_gap_uses_the_departments_max_gap_weeks() -> None:
    requests = [
        request("first", "p1", burden={"sales": 1}, benefit={"sales": 1}, weeks_to_benefit=0),
        win("next", "p1", 10),
    ]
    assert keys(found(requests, departments=[department("sales", max_gap_weeks=10)])) == set()
    assert keys(found(requests, settings={"max_gap_weeks": 10})) == set()
    assert keys(found(requests)) == {"benefit-gap:sales:4"}


def test_benefit_delay_rules_are_per_department() -> None:
    requests = [
        request(
            "r1", "p1", burden={"sales": 1, "service": 1}, benefit={"sales": 1}, weeks_to_benefit=0
        ),
    ]
    assert keys(found(requests)) == {"no-benefit:service"}


# --- onboarding-breadth -----------------------------------------------------------------------


def onboarding(first_phases: dict[str, str], limit: int | None = None) -> set[str]:
    """Findings of departments whose first burden is in the given phases (and who all win)."""
    requests = []
    for dept, in_phase in first_phases.items():
        requests.append(
            request(
                f"{dept}-work", in_phase, burden={dept: 1}, benefit={dept: 1}, weeks_to_benefit=0
            )
        )
    settings = {} if limit is None else {"max_onboarding_per_phase": limit}
    return keys(found(requests, settings=settings))


def test_three_departments_starting_at_once_is_too_broad() -> None:
    assert onboarding({"sales": "p1", "service": "p1", "finance": "p1"}) == {
        "onboarding-breadth:p1"
    }


def test_as_many_departments_as_allowed_is_fine() -> None:
    assert onboarding({"sales": "p1", "service": "p1", "finance": "p2"}) == set()
    assert onboarding({"sales": "p1", "service": "p1"}, limit=1) == {"onboarding-breadth:p1"}


def test_max_onboarding_of_zero_turns_the_rule_off() -> None:
    assert onboarding({"sales": "p1", "service": "p1", "finance": "p1"}, limit=0) == set()


def test_only_a_departments_first_burden_counts_for_onboarding() -> None:
    requests = [
        request("s1", "p1", burden={"sales": 1}, benefit={"sales": 1}, weeks_to_benefit=0),
        request(
            "p2-all",
            "p2",
            burden={"sales": 1, "service": 1, "finance": 1},
            benefit={"sales": 1, "service": 1, "finance": 1},
            weeks_to_benefit=0,
        ),
    ]
    assert keys(found(requests)) == set()
    result = found(requests, settings={"max_onboarding_per_phase": 1})
    finding = only(result, "onboarding-breadth:p2")
    assert (finding.rule, finding.severity, finding.phase) == (
        "onboarding-breadth",
        "caution",
        "p2",
    )
    assert finding.requests == ("p2-all",)
    assert keys(result) == {"onboarding-breadth:p2"}


# --- vote-budget ------------------------------------------------------------------------------


@pytest.mark.parametrize(("dots", "over"), [(10, False), (11, True)])
def test_vote_budget_boundary(dots: int, over: bool) -> None:
    requests = [request("a", None), request("b", None), request("c", None)]
    votes = {"sales": {"a": dots - 3, "b": 3, "c": 0}, "service": {"a": 10}}
    result = found(requests, votes=votes)
    assert keys(result) == ({"vote-budget:sales"} if over else set())
    if over:
        finding = only(result, "vote-budget:sales")
        assert (finding.rule, finding.severity, finding.department) == (
            "vote-budget",
            "error",
            "sales",
        )
        assert finding.requests == ("a", "b")
        assert "11" in finding.message


def test_vote_budget_follows_the_setting() -> None:
    requests = [request("a", None)]
    assert (
        keys(found(requests, votes={"sales": {"a": 12}}, settings={"dots_per_head": 12})) == set()
    )
    assert keys(found(requests, votes={"sales": {"a": 1}}, settings={"dots_per_head": 0})) == {
        "vote-budget:sales"
    }


# --- accepted findings, order, and the table as a whole ---------------------------------------


def test_accepted_findings_are_still_reported_marked_with_their_note() -> None:
    requests = [request("r0", "p1", effort=120), request("r1", "p2", effort=130)]
    result = found(
        requests,
        accepted=[
            {"key": "phase-capacity:p1", "note": "Two consultants join in March."},
            {"key": "phase-capacity:p9", "note": "Not a finding of this plan."},
        ],
    )
    accepted, open_ = only(result, "phase-capacity:p1"), only(result, "phase-capacity:p2")
    assert (accepted.accepted, accepted.note) == (True, "Two consultants join in March.")
    assert (open_.accepted, open_.note) == (False, None)
    assert unaccepted_errors(result) == [open_]


def test_findings_come_errors_first() -> None:
    requests = [
        request("r0", "p1", effort=95, burden={"sales": 1}),
        request(
            "r1",
            "p2",
            effort=120,
            burden={"service": 1},
            benefit={"service": 1},
            weeks_to_benefit=9,
        ),
    ]
    result = found(requests)
    ranks = [SEVERITIES.index(f.severity) for f in result]
    assert ranks == sorted(ranks)
    assert {f.severity for f in result} == {"error", "warning", "caution"}


def test_every_rule_of_the_table_can_fire_in_one_plan() -> None:
    departments = [
        department("sales", burden_capacity=1),
        department("service"),
        department("finance"),
    ]
    requests = [
        request("a", "p1", effort=101, burden={"sales": 2, "service": 1, "finance": 1}),
        request("b", "p2", effort=95, depends_on=["z"], benefit={"sales": 1}, weeks_to_benefit=0),
        request("c", "p3", burden={"sales": 1}, benefit={"service": 1}, weeks_to_benefit=0),
        request("d", "p4", benefit={"sales": 1}, weeks_to_benefit=30),
        request("z", None),
    ]
    result = found(
        requests,
        departments=departments,
        votes={"finance": {"z": 11}},
    )
    assert {f.rule for f in result} == set(RULES)


def test_findings_are_a_pure_function_of_the_workshop() -> None:
    workshop = build([burden("a", "p1"), win("b", "p3", 2), request("c", "p1", effort=200)])
    assert findings(workshop) == findings(workshop, build_schedule(workshop))


# --- metrics ----------------------------------------------------------------------------------


def metrics_workshop() -> Any:
    return build(
        [
            request(
                "a", "p1", effort=30, burden={"sales": 2}, benefit={"sales": 3}, weeks_to_benefit=1
            ),
            request("b", "p1", effort=12.5, burden={"sales": 1, "service": 1}),
            request("c", "p2", effort=5, benefit={"service": 1, "sales": 1}, weeks_to_benefit=2),
            request("d", None, effort=99, benefit={"finance": 5}),
            request("e", "p1", benefit={"service": 2}, weeks_to_benefit=0),
        ],
        phases=[phase("p1", 4, 50), phase("p2", 6, 0), phase("p3", 2, 0)],
        votes={"sales": {"a": 3, "d": 4}, "service": {"d": 0}},
    )


def test_phase_metrics() -> None:
    measured = metrics(metrics_workshop())
    p1, p2, p3 = measured.phases
    assert (p1.id, p1.start, p1.end, p1.effort, p1.capacity) == ("p1", 0, 4, 42.5, 50)
    assert p1.load == pytest.approx(0.85)
    assert p1.onboarding == ("sales", "service")
    assert (p2.start, p2.end, p2.effort, p2.load, p2.onboarding) == (4, 10, 5, None, ())
    assert (p3.start, p3.end, p3.effort, p3.load) == (10, 12, 0, 0.0)


def test_department_metrics() -> None:
    sales, service, finance = metrics(metrics_workshop()).departments
    assert (sales.first_burden_week, sales.first_win_week, sales.wins) == (4, 5, 2)
    assert (sales.benefit_points, sales.dots_given) == (4, 7)
    # service wins in week 4 (e) and 12 (c): the earliest win counts, even at its first burden.
    assert (service.first_burden_week, service.first_win_week, service.wins) == (4, 4, 2)
    assert (service.benefit_points, service.dots_given) == (3, 0)
    # finance only gains from a backlog request: nothing scheduled.
    assert (finance.first_burden_week, finance.first_win_week, finance.wins) == (None, None, 0)
    assert (finance.benefit_points, finance.dots_given) == (0, 0)


def test_plan_metrics() -> None:
    plan = metrics(metrics_workshop()).plan
    assert (plan.end_week, plan.scheduled, plan.backlog) == (12, 4, 1)
    # (3 x 5 + 1 x 12 + 1 x 12 + 2 x 4) / (3 + 1 + 1 + 2)
    assert plan.benefit_weighted_mean_win_week == pytest.approx(47 / 7)


def test_plan_without_scheduled_benefit_has_no_mean_win_week() -> None:
    assert metrics(build([burden("a", "p1")])).plan.benefit_weighted_mean_win_week is None


def test_metrics_as_json_shape() -> None:
    data: dict[str, Any] = metrics(metrics_workshop()).as_json()
    assert set(data) == {"phases", "departments", "plan"}
    assert set(data["phases"][0]) == {
        "id", "start", "end", "effort", "capacity", "load", "onboarding",
    }  # fmt: skip
    assert set(data["departments"][0]) == {
        "id", "first_burden_week", "first_win_week", "wins", "benefit_points", "dots_given",
    }  # fmt: skip
    assert set(data["plan"]) == {
        "end_week", "scheduled", "backlog", "benefit_weighted_mean_win_week",
    }  # fmt: skip


def test_the_raw_builder_matches_the_rule_arithmetic() -> None:
    schedule = build_schedule(build(phases=[phase(p) for p in ("p1", "p2", "p3", "p4")]))
    assert [(load.start, load.end) for load in schedule.phases.values()] == [
        (0, 4), (4, 8), (8, 12), (12, 16),
    ]  # fmt: skip
    assert raw()["departments"][0]["id"] == "sales"
