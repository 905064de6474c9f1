"""The phone page in real headless Chromium on 127.0.0.1: join, vote, take back, reveal, stop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from app.i18n import set_language
from app.room.page import words
from tests.browser import by_id, chrome, join_with_code, mine, press, row, text_of, wait_for
from tests.builders import build, request
from tests.room_helpers import LocalRoom
from tests.tcp_relay import Relay

pytestmark = pytest.mark.browser
__all__ = ["chrome"]

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def room() -> Iterator[LocalRoom]:
    workshop = build(
        [request("r1", title=HOSTILE, effort=3), request("r2", title="Lead scoring")],
        votes={"service": {"r2": 2}},
        settings={"dots_per_head": 2},
    )
    served = LocalRoom(workshop, hidden=True)
    yield served
    served.server.stop()


def test_a_head_joins_by_code_votes_and_takes_back(
    chrome: webdriver.Chrome, room: LocalRoom
) -> None:
    join_with_code(chrome, room.url, "sales", room.code("sales"))
    assert text_of(chrome, "who") == "Sales"
    wait_for(chrome, lambda d: text_of(d, "budget") == "2 of 2 dots left")
    press(chrome, "r2", "give")
    wait_for(chrome, lambda d: mine(d, "r2") == "1")
    assert room.box.dots("sales", "r2") == 1
    press(chrome, "r2", "give")
    wait_for(chrome, lambda d: text_of(d, "budget") == "0 of 2 dots left")
    assert not row(chrome, "r1").find_element(By.CLASS_NAME, "give").is_enabled()
    press(chrome, "r2", "take")
    wait_for(chrome, lambda d: mine(d, "r2") == "1")
    assert room.box.dots("sales", "r2") == 1


def test_a_hostile_title_shows_as_text_and_runs_nothing(
    chrome: webdriver.Chrome, room: LocalRoom
) -> None:
    join_with_code(chrome, room.url, "sales", room.code("sales"))
    title = row(chrome, "r1").find_element(By.CLASS_NAME, "title")
    assert title.text == HOSTILE
    assert chrome.find_elements(By.CSS_SELECTOR, "#requests script, #requests img") == []
    assert chrome.execute_script("return document.querySelectorAll('script').length") == 2


def test_other_heads_dots_stay_hidden_until_reveal(
    chrome: webdriver.Chrome, room: LocalRoom
) -> None:
    join_with_code(chrome, room.url, "sales", room.code("sales"))
    assert text_of(chrome, "hidden-note") == words()["hidden"]
    assert "in all" not in row(chrome, "r2").text
    room.reveal()
    wait_for(chrome, lambda d: "2 in all" in row(d, "r2").text)
    assert text_of(chrome, "hidden-note") == ""


def test_a_wrong_code_is_refused_and_a_card_logs_straight_in(
    chrome: webdriver.Chrome, room: LocalRoom
) -> None:
    wrong = f"{(int(room.code('finance')) + 1) % 10000:04d}"
    chrome.get(room.url)
    wait_for(chrome, lambda d: d.find_elements(By.CSS_SELECTOR, "#departments button"))
    chrome.find_element(By.CSS_SELECTOR, '#departments button[data-department="finance"]').click()
    by_id(chrome, "code").send_keys(wrong)
    by_id(chrome, "join-button").click()
    wait_for(chrome, lambda d: text_of(d, "join-error") == words()["wrong"])
    chrome.get(room.server.card_url("finance"))
    wait_for(chrome, lambda d: text_of(d, "who") == "Finance")
    assert "#c=" not in chrome.current_url  # the card's token leaves the address bar


def test_stop_shows_voting_closed(chrome: webdriver.Chrome, room: LocalRoom) -> None:
    join_with_code(chrome, room.url, "service", room.code("service"))
    room.server.stop()
    wait_for(chrome, lambda d: by_id(d, "closed").is_displayed())
    assert text_of(chrome, "closed-text") == words()["closed"]


def test_the_page_speaks_the_committees_language(chrome: webdriver.Chrome) -> None:
    set_language("fi")
    served = LocalRoom(build([request("r1")]))
    try:
        chrome.get(served.url)
        wait_for(chrome, lambda d: text_of(d, "pick") != "")
        assert text_of(chrome, "pick") == "Minkä osaston puolesta äänestät?"
        assert chrome.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fi"
    finally:
        served.server.stop()
        set_language("en")


def test_a_phone_whose_connection_dropped_reconnects_by_itself(
    chrome: webdriver.Chrome, room: LocalRoom
) -> None:
    relay = Relay(("127.0.0.1", room.server.port))
    try:
        through = room.url.replace(f":{room.server.port}/", f":{relay.port}/")
        join_with_code(chrome, through, "sales", room.code("sales"))
        relay.cut()
        wait_for(chrome, lambda d: text_of(d, "status") == words()["lost"])
        other = room.join("finance")
        room.vote(other, "r2")
        room.reveal()
        wait_for(chrome, lambda d: "3 in all" in row(d, "r2").text)
        assert text_of(chrome, "status") == ""
    finally:
        relay.close()
