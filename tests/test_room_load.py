"""Twenty phones at once sending a thousand votes: each counted once, no budget exceeded."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap

import aiohttp
import pytest

from tests.builders import ROOT, build, department, request
from tests.room_helpers import LocalRoom

PHONES = 20
VOTES = 1000
BUDGET = 40
DEPARTMENTS = [f"d{i}" for i in range(7)]


async def phone(
    client: aiohttp.ClientSession, room: LocalRoom, index: int, verdicts: dict[str, list[str]]
) -> None:
    """One phone: joins its department and sends its share of the votes, one after another."""
    department_id = DEPARTMENTS[index % len(DEPARTMENTS)]
    join = {"department": department_id, "code": room.code(department_id)}
    async with client.post(room.url + "/api/join", json=join) as answer:
        session = (await answer.json())["session"]
    for vote in range(VOTES // PHONES):
        body = {"request": f"r{(index + vote) % 10}", "step": 1}
        async with client.post(
            room.url + "/api/vote", json=body, headers={"X-Session": session}
        ) as answer:
            verdicts[department_id].append((await answer.json())["verdict"])


async def crowd(room: LocalRoom) -> dict[str, list[str]]:
    verdicts: dict[str, list[str]] = {d: [] for d in DEPARTMENTS}
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as client:
        await asyncio.gather(*(phone(client, room, i, verdicts) for i in range(PHONES)))
    return verdicts


def test_twenty_phones_count_each_vote_once_within_the_budget() -> None:
    workshop = build(
        [request(f"r{i}", department="d0") for i in range(10)],
        departments=[department(d) for d in DEPARTMENTS],
        settings={"dots_per_head": BUDGET},
    )
    room = LocalRoom(workshop)
    try:
        verdicts = asyncio.run(crowd(room))
    finally:
        room.server.stop()
    final = room.box.workshop
    assert sum(len(v) for v in verdicts.values()) == VOTES
    for department_id, given in verdicts.items():
        sent = len(given)
        counted = given.count("counted")
        assert counted == min(sent, BUDGET), department_id
        assert given.count("spent") == sent - counted
        assert sum(final.votes.get(department_id, {}).values()) == counted
    assert room.box.counted == sum(min(len(v), BUDGET) for v in verdicts.values())


@pytest.mark.slow
def test_the_room_runs_with_qt_impossible_to_import() -> None:
    script = textwrap.dedent(
        """
        import sys

        class Blocker:
            def find_spec(self, name, path=None, target=None):
                if name.partition(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"):
                    raise ImportError(name + " is blocked")
                return None

        sys.meta_path.insert(0, Blocker())
        import importlib, pkgutil
        import app.room
        for info in pkgutil.walk_packages(app.room.__path__, "app.room."):
            importlib.import_module(info.name)
        from tests.builders import build, request
        from tests.room_helpers import LocalRoom
        room = LocalRoom(build([request("r1")]))
        session = room.join("sales")
        print(room.vote(session, "r1").json()["verdict"])
        room.server.stop()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["counted"]
