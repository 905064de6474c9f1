"""The meeting's keys, the throttle on wrong codes, the ballot a phone sees and the bind address."""

from __future__ import annotations

import pytest

from app.room.access import MeetingKeys, Throttle, new_keys
from app.room.ballot import LocalBallotBox, Outcome, Vote, apply_vote, ballot, room_view
from app.room.network import BindError, checked_address, checked_port, default_address
from tests.builders import build, request


def test_every_key_is_new_and_random() -> None:
    first, second = new_keys(["sales", "service"]), new_keys(["sales", "service"])
    assert first.token != second.token
    assert len(first.token) == 22  # 128 bits, URL-safe
    cards = {key.card for key in (*first.departments, *second.departments)}
    assert len(cards) == 4


def test_codes_are_four_digits_and_differ_between_departments() -> None:
    keys = new_keys(f"d{i}" for i in range(200))
    codes = [key.code for key in keys.departments]
    assert all(len(code) == 4 and code.isdigit() for code in codes)
    assert len(set(codes)) == 200


def test_a_code_opens_its_own_department_only() -> None:
    keys = new_keys(["sales", "service"])
    sales = keys.key("sales")
    assert sales is not None
    assert keys.by_code("sales", sales.code) == sales
    assert keys.by_code("service", sales.code) is None
    assert keys.by_code("nobody", sales.code) is None
    assert keys.by_card(sales.card) == sales
    assert keys.by_card("not-a-card") is None


def test_departments_kept_keep_their_keys_when_the_list_changes() -> None:
    keys = new_keys(["sales", "service"])
    changed = keys.with_departments(["service", "hr"])
    assert changed.token == keys.token
    assert changed.key("service") == keys.key("service")
    assert changed.key("sales") is None
    hr = changed.key("hr")
    assert hr is not None and hr.code != changed.key("service").code
    assert isinstance(changed, MeetingKeys)


def test_the_throttle_holds_back_after_the_limit_and_lets_go_after_the_window() -> None:
    now = [0.0]
    throttle = Throttle(3, 60.0, clock=lambda: now[0])
    for _ in range(3):
        assert not throttle.blocked("phone")
        throttle.fail("phone")
    assert throttle.blocked("phone")
    assert throttle.retry_after("phone") == 60
    assert not throttle.blocked("other phone")
    now[0] = 30.0
    assert throttle.retry_after("phone") == 30
    now[0] = 60.5
    assert not throttle.blocked("phone")
    assert throttle.retry_after("phone") == 0


WORKSHOP = build(
    [request("r1", title="<script>alert(1)</script>", effort=1), request("r2", effort=2.5)],
    votes={"sales": {"r1": 2}, "service": {"r2": 3}},
    settings={"dots_per_head": 3},
)


def test_a_vote_is_judged_by_the_budget_rule_of_a_click() -> None:
    after, outcome = apply_vote(WORKSHOP, Vote("sales", "r2", 1))
    assert outcome == Outcome("counted")
    assert after.votes["sales"] == {"r1": 2, "r2": 1}
    spent, outcome = apply_vote(after, Vote("sales", "r2", 1))
    assert outcome.verdict == "spent" and spent is after
    assert apply_vote(WORKSHOP, Vote("sales", "r2", -1))[1].verdict == "nothing"
    assert apply_vote(WORKSHOP, Vote("sales", "zz", 1))[1].verdict == "unknown"
    assert apply_vote(WORKSHOP, Vote("nobody", "r1", 1))[1].verdict == "unknown"


def test_a_hidden_ballot_holds_only_the_heads_own_dots() -> None:
    hidden = ballot(room_view(WORKSHOP, hidden=True), "sales")
    assert hidden["left"] == 1 and hidden["hidden"] is True
    assert [item["mine"] for item in hidden["requests"]] == [2, 0]
    assert all("total" not in item for item in hidden["requests"])
    shown = ballot(room_view(WORKSHOP, hidden=False), "sales")
    assert [item["total"] for item in shown["requests"]] == [2, 3]
    assert shown["requests"][0]["title"] == "<script>alert(1)</script>"
    assert [item["effort"] for item in shown["requests"]] == ["1 person-day", "2.5 person-days"]


def test_the_local_box_counts_each_vote_once_and_tells_who_listens() -> None:
    seen: list[object] = []
    box = LocalBallotBox(WORKSHOP, seen.append)
    outcomes: list[Outcome] = []
    box.cast(Vote("finance", "r1", 1), outcomes.append)
    box.cast(Vote("sales", "r1", 1), outcomes.append)
    box.cast(Vote("sales", "r1", 1), outcomes.append)
    assert [o.verdict for o in outcomes] == ["counted", "counted", "spent"]
    assert box.counted == 2 and len(seen) == 2
    assert box.dots("sales", "r1") == 3 and box.dots("finance", "r1") == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0.0.0.0", "every interface"),
        ("::", "every interface"),
        ("224.0.0.1", "multicast"),
        ("my-laptop", "not an IP address"),
    ],
)
def test_bind_refuses_what_is_not_one_interface(text: str, message: str) -> None:
    with pytest.raises(BindError, match=message):
        checked_address(text)


def test_bind_and_port_refusals_speak_the_language_asked_for() -> None:
    from app.report.visible import speaking

    with speaking("da"):
        with pytest.raises(BindError, match="ville lytte på alle netværkskort"):
            checked_address("0.0.0.0")
        with pytest.raises(BindError, match="skal være 1-65535, fik 0"):
            checked_port(0)
    with speaking("fi"), pytest.raises(BindError, match="'my-laptop' ei ole IP-osoite"):
        checked_address("my-laptop")


def test_bind_takes_an_address_and_the_default_is_one() -> None:
    assert checked_address(" 127.0.0.1 ") == "127.0.0.1"
    assert checked_address("::1") == "::1"
    assert checked_address(default_address()) == default_address()
    assert checked_port(8470) == 8470
    with pytest.raises(BindError, match="--port"):
        checked_port(70000)
