"""Room voting in a real window: phones' votes arrive as undoable commands, Reveal, Stop, cards.

The phones are plain HTTP clients on 127.0.0.1, run in a worker thread: a vote waits for the
window's verdict, which only comes while the test lets Qt's event loop run.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.ui.room.feature import RoomController
from app.ui.shell.main_window import MainWindow
from app.ui.voting.feature import VotingController
from tests.builders import MAIN, ROOT
from tests.conftest import SMALL_SAMPLE
from tests.room_helpers import Answer, call, events, refused
from tests.ui_helpers import shown_window

T = TypeVar("T")
WAIT_MS = 10_000


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    shown = shown_window(qtbot, tmp_path, monkeypatch)
    yield shown
    room(shown).stop()


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(max_workers=4) as executor:
        yield executor


def room(window: MainWindow) -> RoomController:
    controller = window.findChild(RoomController)
    assert controller is not None
    return controller


def voting(window: MainWindow) -> VotingController:
    controller = window.findChild(VotingController)
    assert controller is not None
    return controller


def done(qtbot: QtBot, future: Future[T]) -> T:
    """Let Qt run until the worker's call is answered."""
    qtbot.waitUntil(future.done, timeout=WAIT_MS)
    return future.result()


def votes(window: MainWindow) -> dict[str, dict[str, int]]:
    assert window.document is not None
    return {d: dict(given) for d, given in window.document.workshop.votes.items()}


class Phone:
    """One head's phone, its calls made in the worker pool."""

    def __init__(self, qtbot: QtBot, pool: ThreadPoolExecutor, controller: RoomController) -> None:
        self.qtbot, self.pool, self.room = qtbot, pool, controller
        assert controller.server is not None
        self.url = controller.server.url

    def run(self, function: Callable[..., T], *args: Any) -> T:
        return done(self.qtbot, self.pool.submit(function, *args))

    def join(self, department: str) -> str:
        assert self.room.server is not None
        key = self.room.server.keys.key(department)
        assert key is not None
        body = {"department": department, "code": key.code}
        answer = self.run(call, self.url + "/api/join", "POST", body)
        assert answer.status == 200
        session: str = answer.json()["session"]
        return session

    def vote(self, session: str, request: str, step: int = 1) -> Answer:
        body = {"request": request, "step": step}
        return self.run(lambda: call(self.url + "/api/vote", "POST", body, session=session))


def test_plan_menu_opens_the_room_and_shows_its_code(window: MainWindow) -> None:
    controller = room(window)
    assert controller.action in window.plan_menu.actions()
    controller.start("127.0.0.1", 0)
    assert controller.running
    assert controller.dock.isVisible()
    assert controller.panel.qr.pixmap() is not None and not controller.panel.qr.pixmap().isNull()
    assert controller.panel.address.text() == controller.server.short_url
    assert controller.panel.seats.isColumnHidden(3)  # the codes stay off the wall


def test_a_phone_vote_is_an_undoable_command_of_that_head(
    window: MainWindow, qtbot: QtBot, pool: ThreadPoolExecutor
) -> None:
    controller = room(window)
    controller.start("127.0.0.1", 0)
    phone = Phone(qtbot, pool, controller)
    session = phone.join("finance")
    assert phone.vote(session, "invoice-sync").json() == {"verdict": "counted"}
    assert votes(window)["finance"] == {"invoice-sync": 1}
    stack = window.document.undo_stack
    assert "Finance" in stack.undoText() and "Invoice sync" in stack.undoText()
    for _ in range(2):
        phone.vote(session, "invoice-sync")
    assert votes(window)["finance"] == {"invoice-sync": 3}
    stack.undo()  # the burst merged: one undo takes the three dots back
    assert "finance" not in votes(window)


def test_a_spent_head_is_refused_as_in_the_app(
    window: MainWindow, qtbot: QtBot, pool: ThreadPoolExecutor
) -> None:
    controller = room(window)
    controller.start("127.0.0.1", 0)
    phone = Phone(qtbot, pool, controller)
    session = phone.join("sales")  # the sample's sales head has spent all ten dots
    before = votes(window)
    answer = phone.vote(session, "invoice-sync")
    assert answer.status == 409 and answer.json() == {"verdict": "spent"}
    assert votes(window) == before
    assert phone.vote(session, "outlook", -1).json() == {"verdict": "counted"}
    assert votes(window)["sales"]["outlook"] == 3


def test_the_phone_sees_desktop_changes_and_hidden_holds_until_reveal(
    window: MainWindow, qtbot: QtBot, pool: ThreadPoolExecutor
) -> None:
    controller = room(window)
    voting(window).hidden_action.setChecked(True)
    controller.start("127.0.0.1", 0)
    phone = Phone(qtbot, pool, controller)
    session = phone.join("finance")
    feed = events(phone.url, session)
    first = phone.run(next, feed)[1]
    assert first["hidden"] is True and "total" not in json.dumps(first)
    voting(window).clear("sales")
    cleared = phone.run(next, feed)[1]
    assert "total" not in json.dumps(cleared)
    voting(window).reveal()
    revealed = phone.run(next, feed)[1]
    totals = {item["id"]: item["total"] for item in revealed["requests"]}
    assert totals["outlook"] == 0 and totals["case-handling"] == 7


def test_who_has_joined_is_listed(
    window: MainWindow, qtbot: QtBot, pool: ThreadPoolExecutor
) -> None:
    controller = room(window)
    controller.start("127.0.0.1", 0)
    phone = Phone(qtbot, pool, controller)
    feed = events(phone.url, phone.join("finance"))
    phone.run(next, feed)
    qtbot.waitUntil(lambda: controller.phones == {"finance": 1}, timeout=WAIT_MS)
    rows = {
        controller.panel.seats.topLevelItem(i).text(0): controller.panel.seats.topLevelItem(i)
        for i in range(controller.panel.seats.topLevelItemCount())
    }
    assert rows["Finance"].text(1) == "1 phone"
    assert rows["Finance"].text(2) == "10 of 10"
    assert rows["Sales"].text(1) == "not yet"


def test_stop_closes_every_phone_and_the_server(
    window: MainWindow, qtbot: QtBot, pool: ThreadPoolExecutor
) -> None:
    controller = room(window)
    server = controller.start("127.0.0.1", 0)
    phone = Phone(qtbot, pool, controller)
    feed = events(phone.url, phone.join("finance"))
    phone.run(next, feed)
    rest = pool.submit(lambda: [name for name, _ in feed])
    controller.stop()
    assert done(qtbot, rest) == ["closed"]
    assert refused("127.0.0.1", server.port)
    assert not controller.panel.running and controller.panel.qr.isHidden()


def test_opening_another_workshop_closes_the_room(window: MainWindow, tmp_path: Path) -> None:
    controller = room(window)
    server = controller.start("127.0.0.1", 0)
    other = tmp_path / "other.bellwether.json"
    other.write_bytes(SMALL_SAMPLE.read_bytes())
    window.document.undo_stack.setClean()
    assert window.open_path(other)
    assert not controller.running and refused("127.0.0.1", server.port)


def test_voting_cards_carry_every_head_and_code(window: MainWindow, tmp_path: Path) -> None:
    controller = room(window)
    server = controller.start("127.0.0.1", 0)
    target = tmp_path / "cards.pdf"
    controller.print_cards(target)
    text = PdfReader(target).pages[0].extract_text()
    assert window.document is not None
    for department in window.document.workshop.departments:
        key = server.keys.key(department.id)
        assert key is not None
        assert department.name in text and " ".join(key.code) in text


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_the_command_line_opens_the_room_and_prints_its_address(tmp_path: Path) -> None:
    port = free_port()
    command = [sys.executable, str(MAIN), str(SMALL_SAMPLE), "--room", "--bind", "127.0.0.1"]
    env = {"QT_QPA_PLATFORM": "offscreen", "BELLWETHER_DATA_DIR": str(tmp_path)}
    with subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline().strip()
            assert line.startswith(f"room voting: http://127.0.0.1:{port}/j/")
            page = call(line.removeprefix("room voting: "))
            assert page.status == 200 and b"room.js" in page.body
        finally:
            process.terminate()
            process.wait(30)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--room", "--bind", "0.0.0.0"], "every interface"),
        (["--room", "--port", "0"], "--port: must be 1-65535"),
        (["--bind", "127.0.0.1"], "go with --room"),
        (["--room", "--bind", "127.0.0.1"], "needs a workshop FILE"),
        (["--lang", "da", "--bind", "127.0.0.1"], "hører sammen med --room"),
        (["--lang", "fi", "--room", "--bind", "127.0.0.1"], "tarvitsee työpajatiedoston"),
    ],
)
def test_bad_room_arguments_exit_2_with_one_line(
    tmp_path: Path, arguments: list[str], message: str
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["BELLWETHER_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, str(MAIN), *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
