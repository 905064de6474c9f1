"""The whole room in a real window and real headless Chromium: a head votes on the phone page
and the desktop's document changes; the facilitator undoes, reveals and stops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from selenium import webdriver

from app.room.page import words
from app.ui.room.feature import RoomController
from app.ui.shell.main_window import MainWindow
from app.ui.voting.feature import VotingController
from tests.browser import by_id, chrome, join_with_code, mine, press, row, text_of, wait_for
from tests.ui_helpers import shown_window

pytestmark = pytest.mark.browser
__all__ = ["chrome"]
WAIT_MS = 10_000


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    shown = shown_window(qtbot, tmp_path, monkeypatch)
    yield shown
    controller = shown.findChild(RoomController)
    assert controller is not None
    controller.stop()


def finance_dots(window: MainWindow) -> dict[str, int]:
    assert window.document is not None
    return dict(window.document.workshop.votes.get("finance", {}))


def test_a_phone_votes_on_the_desktops_document_until_stop(
    window: MainWindow, qtbot: QtBot, chrome: webdriver.Chrome
) -> None:
    room = window.findChild(RoomController)
    voting = window.findChild(VotingController)
    assert room is not None and voting is not None and window.document is not None
    voting.hidden_action.setChecked(True)
    server = room.start("127.0.0.1", 0)
    key = server.keys.key("finance")
    assert key is not None and room.panel.url == server.url  # the QR code's address
    join_with_code(chrome, room.panel.url, "finance", key.code)
    qtbot.waitUntil(lambda: room.phones == {"finance": 1}, timeout=WAIT_MS)

    press(chrome, "invoice-sync", "give")
    qtbot.waitUntil(lambda: finance_dots(window) == {"invoice-sync": 1}, timeout=WAIT_MS)
    press(chrome, "invoice-sync", "give")
    qtbot.waitUntil(lambda: finance_dots(window) == {"invoice-sync": 2}, timeout=WAIT_MS)
    wait_for(chrome, lambda d: mine(d, "invoice-sync") == "2")
    assert "in all" not in row(chrome, "outlook").text  # sales' dots stay hidden

    press(chrome, "invoice-sync", "take")
    qtbot.waitUntil(lambda: finance_dots(window) == {"invoice-sync": 1}, timeout=WAIT_MS)
    wait_for(chrome, lambda d: text_of(d, "budget") == "9 of 10 dots left")

    window.document.undo_stack.undo()  # the facilitator takes the phone's dot back
    assert finance_dots(window) == {"invoice-sync": 2}
    wait_for(chrome, lambda d: mine(d, "invoice-sync") == "2")

    voting.reveal()
    wait_for(chrome, lambda d: "4 in all" in row(d, "outlook").text)

    room.stop()
    wait_for(chrome, lambda d: by_id(d, "closed").is_displayed())
    assert text_of(chrome, "closed-text") == words()["closed"]
    assert finance_dots(window) == {"invoice-sync": 2}
