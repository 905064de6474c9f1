"""Dot voting rules: the budget per head, taking dots back, clearing, totals and rankings."""

from __future__ import annotations

import pytest

from app.domain.edits import EditError
from app.domain.model import Workshop
from app.domain.rules import findings
from app.domain.voting import (
    VoteTotal,
    add_dot,
    backlog_by_dots,
    clear_votes,
    dots_given,
    dots_left,
    remove_dot,
    top_requests,
    totals,
)
from tests.builders import build, request


def workshop(votes: dict[str, dict[str, int]] | None = None, budget: int = 3) -> Workshop:
    """Three departments, requests a-d (a, b in p1; c, d in the backlog)."""
    return build(
        [request("a", "p1"), request("b", "p1"), request("c"), request("d", department="service")],
        votes=votes or {},
        settings={"dots_per_head": budget},
    )


def test_add_dot_counts_up_and_spends_the_budget() -> None:
    plan = add_dot(add_dot(workshop(), "sales", "c"), "sales", "c")
    assert plan.votes == {"sales": {"c": 2}}
    assert dots_given(plan, "sales") == 2
    assert dots_left(plan, "sales") == 1
    assert dots_left(plan, "service") == 3


def test_add_dot_refuses_beyond_the_budget_and_names_the_department() -> None:
    plan = workshop({"sales": {"a": 2, "c": 1}})
    with pytest.raises(EditError, match=r"Sales has no dots left: each head has 3"):
        add_dot(plan, "sales", "d")
    assert add_dot(plan, "service", "d").votes["service"] == {"d": 1}
    from app.report.visible import speaking

    with speaking("da"), pytest.raises(EditError, match="Sales har ikke flere prikker"):
        add_dot(plan, "sales", "d")
    with speaking("fi"), pytest.raises(EditError, match='pyyntöä "nowhere" ei ole'):
        add_dot(plan, "service", "nowhere")


def test_a_file_over_budget_refuses_more_dots_but_allows_taking_back() -> None:
    plan = workshop({"sales": {"a": 5}})
    assert dots_left(plan, "sales") == 0
    assert any(f.rule == "vote-budget" for f in findings(plan))
    with pytest.raises(EditError):
        add_dot(plan, "sales", "b")
    assert remove_dot(plan, "sales", "a").votes == {"sales": {"a": 4}}


def test_zero_dots_per_head_refuses_every_dot() -> None:
    with pytest.raises(EditError):
        add_dot(workshop(budget=0), "sales", "a")


def test_remove_dot_counts_down_and_drops_empty_entries() -> None:
    plan = workshop({"sales": {"a": 1}, "service": {"b": 2}})
    plan = remove_dot(plan, "sales", "a")
    assert plan.votes == {"service": {"b": 2}}
    assert remove_dot(plan, "service", "b").votes == {"service": {"b": 1}}


def test_remove_dot_at_zero_changes_nothing() -> None:
    plan = workshop({"sales": {"a": 1}})
    assert remove_dot(plan, "sales", "b") is plan
    assert remove_dot(plan, "finance", "a") is plan


def test_unknown_department_or_request_is_an_edit_error() -> None:
    plan = workshop()
    with pytest.raises(EditError, match="no department"):
        add_dot(plan, "nobody", "a")
    with pytest.raises(EditError, match="no request"):
        add_dot(plan, "sales", "zz")
    with pytest.raises(EditError, match="no request"):
        remove_dot(plan, "sales", "zz")
    with pytest.raises(EditError, match="no department"):
        clear_votes(plan, "nobody")
    with pytest.raises(EditError, match="no department"):
        dots_left(plan, "nobody")


def test_clear_votes_of_one_department_keeps_the_others() -> None:
    plan = workshop({"sales": {"a": 1}, "service": {"b": 2}})
    assert clear_votes(plan, "sales").votes == {"service": {"b": 2}}
    assert clear_votes(plan, "finance") is plan
    assert plan.votes == {"sales": {"a": 1}, "service": {"b": 2}}


def test_clear_all_votes() -> None:
    plan = workshop({"sales": {"a": 1}, "service": {"b": 2}})
    assert clear_votes(plan).votes == {}
    empty = workshop()
    assert clear_votes(empty) is empty


def test_totals_cover_every_request_and_can_hide_departments() -> None:
    plan = workshop({"sales": {"a": 1, "c": 2}, "service": {"c": 1}})
    assert totals(plan) == {"a": 1, "b": 0, "c": 3, "d": 0}
    assert totals(plan, hidden=lambda d: d != "service") == {"a": 0, "b": 0, "c": 1, "d": 0}


def test_top_requests_ranks_by_dots_with_ties_in_file_order() -> None:
    plan = workshop({"sales": {"a": 1, "c": 2}, "service": {"c": 1, "b": 1}, "finance": {"d": 3}})
    assert top_requests(plan) == [
        VoteTotal("c", 3, (("sales", 2), ("service", 1))),
        VoteTotal("d", 3, (("finance", 3),)),
        VoteTotal("a", 1, (("sales", 1),)),
        VoteTotal("b", 1, (("service", 1),)),
    ]
    assert [t.request for t in top_requests(plan, limit=2)] == ["c", "d"]
    hidden = top_requests(plan, hidden=lambda d: d != "sales")
    assert hidden == [VoteTotal("c", 2, (("sales", 2),)), VoteTotal("a", 1, (("sales", 1),))]


def test_backlog_by_dots_sorts_only_the_backlog() -> None:
    plan = workshop({"sales": {"b": 3, "d": 1}, "service": {"d": 1}})
    order = backlog_by_dots(plan)
    assert sorted(order) == ["a", "b", "c", "d"]
    assert order.index("d") < order.index("c")
    assert order.index("a") < order.index("b")
    assert backlog_by_dots(plan, hidden=lambda d: True) == ["a", "b", "c", "d"]
