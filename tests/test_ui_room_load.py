"""Twenty phones voting at once through the window: each vote one command, none lost or twice."""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import aiohttp
import pytest
from pytestqt.qtbot import QtBot

from app.room.ballot import Outcome, Vote
from app.ui.room.bridge import TURN_SECONDS, QtBallotBox
from app.ui.room.feature import RoomController
from tests.builders import department, raw, request
from tests.ui_helpers import empty_window

PHONES = 20
VOTES = 1000
BUDGET = 100
DEPARTMENTS = [f"d{i}" for i in range(7)]


async def phone(
    client: aiohttp.ClientSession, url: str, code: dict[str, str], index: int
) -> list[str]:
    department_id = DEPARTMENTS[index % len(DEPARTMENTS)]
    join = {"department": department_id, "code": code[department_id]}
    async with client.post(url + "/api/join", json=join) as answer:
        session = (await answer.json())["session"]
    verdicts = []
    for vote in range(VOTES // PHONES):
        body = {"request": f"r{(index + vote) % 10}", "step": 1}
        async with client.post(
            url + "/api/vote", json=body, headers={"X-Session": session}
        ) as answer:
            verdicts.append((await answer.json())["verdict"])
    return verdicts


async def crowd(url: str, code: dict[str, str]) -> list[list[str]]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as client:
        return list(await asyncio.gather(*(phone(client, url, code, i) for i in range(PHONES))))


@pytest.mark.slow
def test_twenty_phones_through_the_window_count_each_vote_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = raw(
        [request(f"r{i}", department="d0") for i in range(10)],
        departments=[department(d) for d in DEPARTMENTS],
        settings={"dots_per_head": BUDGET},
    )
    path = tmp_path / "room.bellwether.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    window = empty_window(qtbot, tmp_path, monkeypatch)
    window.show()
    assert window.open_path(path)
    controller = window.findChild(RoomController)
    assert controller is not None
    server = controller.start("127.0.0.1", 0)
    code = {d: key.code for d in DEPARTMENTS if (key := server.keys.key(d)) is not None}
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(asyncio.run, crowd(server.url, code))
            qtbot.waitUntil(future.done, timeout=120_000)
            phones = future.result()
    finally:
        controller.stop()
    assert window.document is not None
    final = window.document.workshop.votes
    sent = dict.fromkeys(DEPARTMENTS, 0)
    counted = dict.fromkeys(DEPARTMENTS, 0)
    for index, verdicts in enumerate(phones):
        department_id = DEPARTMENTS[index % len(DEPARTMENTS)]
        sent[department_id] += len(verdicts)
        counted[department_id] += verdicts.count("counted")
        assert set(verdicts) <= {"counted", "spent"}
    assert sum(sent.values()) == VOTES
    for department_id in DEPARTMENTS:
        assert counted[department_id] == min(sent[department_id], BUDGET)
        assert sum(final.get(department_id, {}).values()) == counted[department_id]
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert window.document.workshop.votes == {}


def test_votes_are_recorded_in_turns_that_let_the_window_paint(qtbot: QtBot) -> None:
    """A vote slower than a turn ends the turn: the rest wait for the next pass of the loop."""
    judged: list[Vote] = []

    def slow_judge(vote: Vote) -> Outcome:
        time.sleep(TURN_SECONDS * 2)
        judged.append(vote)
        return Outcome("counted")

    box = QtBallotBox(slow_judge)
    outcomes: list[Outcome] = []
    for index in range(5):
        box.cast(Vote("d0", f"r{index}", 1), outcomes.append)
    box.drain()
    assert len(judged) == 1  # one turn, one slow vote
    qtbot.waitUntil(lambda: len(outcomes) == 5, timeout=10_000)
    assert [vote.request for vote in judged] == [f"r{i}" for i in range(5)]  # in arrival order


def test_a_turn_of_votes_is_one_change_for_the_views_and_one_command_per_vote(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.room import bridge

    monkeypatch.setattr(bridge, "TURN_SECONDS", 60.0)  # the whole queue in one turn
    data = raw(
        [request(f"r{i}", department="d0") for i in range(10)],
        departments=[department(d) for d in DEPARTMENTS],
        settings={"dots_per_head": BUDGET},
    )
    path = tmp_path / "room.bellwether.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    window = empty_window(qtbot, tmp_path, monkeypatch)
    assert window.open_path(path)
    controller = window.findChild(RoomController)
    document = window.document
    assert controller is not None and document is not None
    controller.start("127.0.0.1", 0)
    changes: list[dict[str, dict[str, int]]] = []
    document.changed.connect(lambda: changes.append(dict(document.analysis.workshop.votes)))
    try:
        outcomes: list[Outcome] = []
        for index in range(10):
            controller.box.cast(Vote(DEPARTMENTS[index % 3], f"r{index}", 1), outcomes.append)
        controller.box.drain()
    finally:
        controller.stop()
    assert [o.verdict for o in outcomes] == ["counted"] * 10
    assert len(changes) == 1, "the views follow once, after the turn"
    assert sum(sum(given.values()) for given in changes[0].values()) == 10
    assert document.analysis.workshop is document.workshop
    stack = document.undo_stack
    assert stack.count() == 10, "each phone's dot is its own command"
    stack.undo()
    assert sum(sum(given.values()) for given in document.workshop.votes.values()) == 9
    assert len(changes) == 2
