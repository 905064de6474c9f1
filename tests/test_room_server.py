"""The room's server on 127.0.0.1: who gets in, what a phone may send, the live feed and Stop."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator

import pytest

from app.domain.model import Workshop
from app.room.handlers import CODE_TRIES, MAX_BODY
from app.room.page import words
from tests.builders import build, request
from tests.room_helpers import LocalRoom, call, events, refused


def workshop(hidden_budget: int = 3) -> Workshop:
    return build(
        [request("r1", title="<script>alert(1)</script>"), request("r2"), request("r3")],
        votes={"service": {"r2": 1}},
        settings={"dots_per_head": hidden_budget},
    )


@pytest.fixture
def room() -> Iterator[LocalRoom]:
    served = LocalRoom(workshop())
    yield served
    served.server.stop()


def test_the_phone_page_is_served_with_a_strict_policy_and_no_outside_assets(
    room: LocalRoom,
) -> None:
    page = call(room.url)
    assert page.status == 200
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    html = page.body.decode()
    assert re.findall(r'(?:src|href)="([^"]+)"', html) == [
        f"/j/{room.server.keys.token}/room.css",
        f"/j/{room.server.keys.token}/room.js",
    ]
    for kind in ("js", "css"):
        asset = call(f"{room.url}/room.{kind}")
        assert asset.status == 200 and b"http" not in asset.body


def test_the_page_carries_its_words_as_data_that_cannot_close_the_script(room: LocalRoom) -> None:
    html = call(room.url).body.decode()
    block = html.split('<script type="application/json" id="words">', 1)[1].split("</script>")[0]
    assert json.loads(block) == words()


def test_a_stranger_without_the_token_gets_404_everywhere(room: LocalRoom) -> None:
    base = f"http://127.0.0.1:{room.server.port}"
    wrong = base + "/j/" + "A" * 22
    for url in (base + "/", base + "/j/", wrong, wrong + "/api/room", wrong + "/room.js"):
        assert call(url).status == 404, url
    code = room.code("sales")
    assert call(wrong + "/api/join", "POST", {"department": "sales", "code": code}).status == 404


def test_a_head_joins_with_the_code_and_votes_for_their_department_only(room: LocalRoom) -> None:
    session = room.join("sales")
    assert room.vote(session, "r1").json() == {"verdict": "counted"}
    assert room.box.dots("sales", "r1") == 1
    assert room.box.dots("service", "r1") == 0
    assert call(room.url + "/api/ballot", session=session).json()["department"] == "Sales"


def test_another_departments_code_and_a_wrong_code_are_refused(room: LocalRoom) -> None:
    join = room.url + "/api/join"
    other = call(join, "POST", {"department": "sales", "code": room.code("service")})
    assert other.status == 403
    assert call(join, "POST", {"card": "not-a-card"}).status == 403


def test_wrong_codes_are_throttled(room: LocalRoom) -> None:
    join = room.url + "/api/join"
    wrong = f"{(int(room.code('sales')) + 1) % 10000:04d}"
    statuses = [
        call(join, "POST", {"department": "sales", "code": wrong}).status
        for _ in range(CODE_TRIES + 1)
    ]
    assert statuses == [403] * CODE_TRIES + [429]
    right = call(join, "POST", {"department": "sales", "code": room.code("sales")})
    assert right.status == 429  # even the right code waits: guessing must not pay


def test_a_card_logs_straight_into_its_department(room: LocalRoom) -> None:
    card = room.server.card_url("finance").split("#c=")[1]
    answer = call(room.url + "/api/join", "POST", {"card": card})
    assert answer.status == 200 and answer.json()["department"] == "finance"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"x" * (MAX_BODY + 1), 413),
        (b"{not json", 400),
        (b"[1, 2]", 400),
        (b"[" * 1500 + b"]" * 1500, 413),
        (json.dumps({"request": "r1", "step": -5}).encode(), 400),
        (json.dumps({"request": "r1", "step": 2}).encode(), 400),
        (json.dumps({"request": "r1", "step": True}).encode(), 400),
        (json.dumps({"request": "r1", "step": 1, "dots": 9}).encode(), 400),
        (json.dumps({"request": ["r1"], "step": 1}).encode(), 400),
        (json.dumps({"do": "reset"}).encode(), 400),
        (json.dumps({"request": "nope", "step": 1}).encode(), 404),
        ('{"request": "r1", "step": 1}'.encode("utf-16"), 400),
    ],
)
def test_hostile_bodies_are_refused_and_change_nothing(
    room: LocalRoom, body: bytes, status: int
) -> None:
    session = room.join("sales")
    answer = call(room.url + "/api/vote", "POST", raw=body, session=session)
    assert answer.status == status, answer.body
    assert "error" in answer.json() or status == 404
    assert room.box.counted == 0


def test_a_vote_needs_a_session_json_and_post(room: LocalRoom) -> None:
    vote = room.url + "/api/vote"
    assert call(vote, "POST", {"request": "r1", "step": 1}).status == 401
    session = room.join("sales")
    plain = call(
        vote,
        "POST",
        raw=b'{"request": "r1", "step": 1}',
        session=session,
        content_type="text/plain",
    )
    assert plain.status == 415
    assert call(vote, session=session).status == 405
    assert room.box.counted == 0


def test_no_phone_spends_more_than_the_budget(room: LocalRoom) -> None:
    session = room.join("finance")
    verdicts = [room.vote(session, "r3").json()["verdict"] for _ in range(5)]
    assert verdicts == ["counted"] * 3 + ["spent"] * 2
    assert room.box.dots("finance", "r3") == 3
    assert room.vote(session, "r1", -1).json()["verdict"] == "nothing"


def test_the_feed_hides_other_heads_dots_until_reveal() -> None:
    room = LocalRoom(workshop(), hidden=True)
    try:
        session = room.join("sales")
        feed = events(room.url, session)
        name, first = next(feed)
        assert name == "ballot" and first["hidden"] is True
        assert "total" not in json.dumps(first)
        room.vote(session, "r1")
        _, after_vote = next(feed)
        assert [item["mine"] for item in after_vote["requests"]] == [1, 0, 0]
        assert after_vote["left"] == 2
        room.reveal()
        _, revealed = next(feed)
        assert [item["total"] for item in revealed["requests"]] == [1, 1, 0]
    finally:
        room.server.stop()


def test_presence_counts_the_phones_listening(room: LocalRoom) -> None:
    session = room.join("service")
    feed = events(room.url, session)
    next(feed)
    assert room.presence[-1] == {"service": 1}
    room.server.stop()
    assert [name for name, _ in feed] == ["closed"]
    assert room.presence[-1] == {}


def test_stop_tells_every_phone_and_stops_listening() -> None:
    room = LocalRoom(workshop())
    sessions = [room.join(d) for d in ("sales", "service", "finance")]
    feeds = [events(room.url, s) for s in sessions]
    for feed in feeds:
        next(feed)
    ended: list[list[str]] = []
    readers = [
        threading.Thread(target=lambda f=feed: ended.append([n for n, _ in f])) for feed in feeds
    ]
    for reader in readers:
        reader.start()
    room.server.stop()
    for reader in readers:
        reader.join(10)
    assert ended == [["closed"]] * 3
    assert refused("127.0.0.1", room.server.port)
    assert not room.server.running


def test_a_port_in_use_is_reported() -> None:
    room = LocalRoom(workshop())
    try:
        from app.room.ballot import LocalBallotBox, room_view
        from app.room.server import RoomServer

        second = RoomServer(LocalBallotBox(workshop()), room_view(workshop(), False))
        with pytest.raises(OSError, match="in use"):
            second.start("127.0.0.1", room.server.port)
    finally:
        room.server.stop()
