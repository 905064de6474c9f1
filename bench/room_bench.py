"""Benchmark of room voting: a phone's tap to the board painted, and the window under 20 phones.

- Tap to paint: a shown MainWindow (1920x1080, offscreen) on the CRM sample, room voting open on
  127.0.0.1 with 20 phones joined, each reading its live feed. One phone gives and takes back a
  dot in turns; each tap is timed from the moment its POST is sent until the window stops
  repainting after the document changed. Baseline, in the same run: the same vote given in the
  window itself (`VotingController.record`, as a click records it) until the repaints stop.
  Target: median under 100 ms.
- Painting under load: a 10 ms QTimer's longest gap while 20 phones send 1,000 votes at once,
  against its longest gap over as long an idle stretch. Target: under 50 ms.

Prints measurements, ratios and PASS/MISS; never asserts.

    .venv/bin/python bench/room_bench.py [--taps N]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"
SCRATCH = Path(tempfile.mkdtemp(prefix="bellwether-room-bench-"))
os.environ["BELLWETHER_DATA_DIR"] = str(SCRATCH / "data")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.ui.room.feature import RoomController  # noqa: E402
from app.ui.shell.main_window import MainWindow  # noqa: E402
from app.ui.voting.feature import VotingController  # noqa: E402

PHONES = 20
BURST = 1000
SAMPLE = ROOT / "app" / "resources" / "samples" / "crm-rollout.bellwether.json"


class Repaints(QObject):
    """Counts the window's update requests: each is a repaint of what changed."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.count += 1
        return False


def settle(app: QApplication, repaints: Repaints, quiet_rounds: int = 3) -> float:
    """Process events until the window stops repainting; when the last repaint ended."""
    last, quiet = time.perf_counter(), 0
    while quiet < quiet_rounds:
        before = repaints.count
        app.processEvents()
        if repaints.count != before:
            last, quiet = time.perf_counter(), 0
        else:
            quiet += 1
    return last


class Phones:
    """Twenty phones on their own event loop thread: joined, each reading its feed."""

    def __init__(self, url: str, codes: dict[str, str]) -> None:
        self.url, self.codes = url, codes
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.sessions: list[str] = self.run(self._join_all())

    def run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(120)

    def submit(self, coroutine: Any) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    async def _join_all(self) -> list[str]:
        self.client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120))
        departments = list(self.codes)
        sessions = []
        for index in range(PHONES):
            department = departments[index % len(departments)]
            body = {"department": department, "code": self.codes[department]}
            async with self.client.post(self.url + "/api/join", json=body) as answer:
                sessions.append((await answer.json())["session"])
        self.feeds = [asyncio.ensure_future(self._read(s)) for s in sessions]
        return sessions

    async def _read(self, session: str) -> None:
        async with self.client.get(f"{self.url}/api/events?s={session}") as stream:
            async for _line in stream.content:
                pass

    async def vote(self, phone: int, request: str, step: int) -> str:
        body = {"request": request, "step": step}
        headers = {"X-Session": self.sessions[phone]}
        async with self.client.post(self.url + "/api/vote", json=body, headers=headers) as answer:
            return str((await answer.json())["verdict"])

    async def burst(self, requests: list[str]) -> list[str]:
        async def one_phone(phone: int) -> list[str]:
            return [
                await self.vote(phone, requests[(phone + n) % len(requests)], 1)
                for n in range(BURST // PHONES)
            ]

        results = await asyncio.gather(*(one_phone(p) for p in range(PHONES)))
        return [verdict for phone in results for verdict in phone]

    def close(self) -> None:
        async def shut() -> None:
            for feed in self.feeds:
                feed.cancel()
            await self.client.close()

        self.run(shut())
        self.loop.call_soon_threadsafe(self.loop.stop)


def open_window(app: QApplication) -> tuple[MainWindow, Repaints, RoomController]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["settings"]["dots_per_head"] = 1000
    data["votes"] = {}
    path = SCRATCH / "room.bellwether.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    window = MainWindow()
    window.resize(1920, 1080)
    window.show()
    assert window.open_path(path)
    repaints = Repaints()
    window.installEventFilter(repaints)
    room = window.findChild(RoomController)
    assert room is not None
    settle(app, repaints)
    return window, repaints, room


def time_taps(
    app: QApplication, window: MainWindow, repaints: Repaints, phones: Phones, taps: int
) -> tuple[list[float], list[float]]:
    """Milliseconds per tap from the phone, and per vote in the window, alternating."""
    voting = window.findChild(VotingController)
    assert voting is not None and window.document is not None
    document = window.document
    department = window.document.workshop.departments[0].id
    requests = [r.id for r in document.workshop.requests]
    phone_times, desk_times = [], []
    for tap in range(taps + 5):
        request, step = requests[(tap // 2) % len(requests)], 1 if tap % 2 == 0 else -1
        before = document.workshop
        began = time.perf_counter()
        answer = phones.submit(phones.vote(0, request, step))
        deadline = began + 10
        while document.workshop is before and time.perf_counter() < deadline:
            app.processEvents()
        phone_ms = (settle(app, repaints) - began) * 1000
        assert answer.result(10) == "counted"
        began = time.perf_counter()
        assert voting.record(department, request, 1)
        desk_ms = (settle(app, repaints) - began) * 1000
        voting.record(department, request, -1)
        settle(app, repaints)
        if tap >= 5:  # the first taps warm the caches
            phone_times.append(phone_ms)
            desk_times.append(desk_ms)
    return phone_times, desk_times


def longest_gap(app: QApplication, until: Future[Any] | float) -> float:
    """The longest gap in ms between a 10 ms timer's ticks, until the future is done or the time."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    while not (until.done() if isinstance(until, Future) else time.perf_counter() >= until):
        app.processEvents()
    timer.stop()
    return max((b - a for a, b in itertools.pairwise(ticks)), default=0.0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=100)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    window, repaints, room = open_window(app)
    server = room.start("127.0.0.1", 0)
    assert window.document is not None
    codes = {
        d.id: k.code for d in window.document.workshop.departments if (k := server.keys.key(d.id))
    }
    phones = Phones(server.url, codes)
    while sum(room.phones.values()) < PHONES:
        app.processEvents()
    phone_times, desk_times = time_taps(app, window, repaints, phones, args.taps)
    phone, desk = statistics.median(phone_times), statistics.median(desk_times)
    print(f"Tap to board painted, CRM sample, {PHONES} phones joined, {len(phone_times)} taps")
    print(f"  phone tap:        median {phone:6.1f} ms, max {max(phone_times):6.1f} ms")
    print(f"  vote in window:   median {desk:6.1f} ms (baseline, same run)")
    verdict = "PASS" if phone < 100 else "MISS"
    print(f"  ratio phone/window: {phone / desk:.2f}x   target median < 100 ms: {verdict}")
    requests = [r.id for r in window.document.workshop.requests]
    began = time.perf_counter()
    burst = phones.submit(phones.burst(requests))
    busy = longest_gap(app, burst)
    took = time.perf_counter() - began
    idle = longest_gap(app, time.perf_counter() + took)
    verdicts = burst.result()
    counted = verdicts.count("counted")
    print(f"\nPainting while {PHONES} phones send {BURST:,} votes: {took:.1f} s, {counted} counted")
    print(f"  10 ms timer's longest gap: {busy:5.1f} ms under load, {idle:5.1f} ms idle (baseline)")
    print(f"  ratio: {busy / idle:.2f}x   target < 50 ms: {'PASS' if busy < 50 else 'MISS'}")
    phones.close()
    room.stop()
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
