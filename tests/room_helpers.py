"""Talking to a room's server as a phone does, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.domain.model import Workshop
from app.room.ballot import LocalBallotBox, room_view
from app.room.server import RoomServer

TIMEOUT = 10.0


@dataclass
class Answer:
    """A response: its status, headers and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def call(
    url: str,
    method: str = "GET",
    body: Any = None,
    *,
    session: str | None = None,
    raw: bytes | None = None,
    content_type: str = "application/json",
) -> Answer:
    """One request; an error status is an answer too, not an exception."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    headers = {"Content-Type": content_type} if data is not None else {}
    if session is not None:
        headers["X-Session"] = session
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return Answer(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read())


class LocalRoom:
    """A room server on 127.0.0.1 around a workshop in memory, as the tests drive it."""

    def __init__(self, workshop: Workshop, hidden: bool = False) -> None:
        self.hidden = hidden
        self.presence: list[dict[str, int]] = []
        self.box = LocalBallotBox(workshop, self._changed)
        self.server = RoomServer(
            self.box, room_view(workshop, hidden), presence=self.presence.append
        )
        self.server.start("127.0.0.1", 0)

    def _changed(self, workshop: Workshop) -> None:
        self.server.publish(room_view(workshop, self.hidden))

    def reveal(self) -> None:
        self.hidden = False
        self._changed(self.box.workshop)

    @property
    def url(self) -> str:
        return self.server.url

    def code(self, department: str) -> str:
        key = self.server.keys.key(department)
        assert key is not None
        return key.code

    def join(self, department: str) -> str:
        answer = call(
            self.url + "/api/join",
            "POST",
            {"department": department, "code": self.code(department)},
        )
        assert answer.status == 200, answer.body
        session: str = answer.json()["session"]
        return session

    def vote(self, session: str, request: str, step: int = 1) -> Answer:
        return call(
            self.url + "/api/vote", "POST", {"request": request, "step": step}, session=session
        )


def events(url: str, session: str) -> Iterator[tuple[str, Any]]:
    """The server-sent events of one phone's feed, as (name, data), until the stream ends."""
    stream = urllib.request.urlopen(f"{url}/api/events?s={session}", timeout=TIMEOUT)
    name = ""
    with stream:
        for line in stream:
            text = line.decode("utf-8").rstrip("\n")
            if text.startswith("event: "):
                name = text.removeprefix("event: ")
            elif text.startswith("data: "):
                yield name, json.loads(text.removeprefix("data: "))


def refused(host: str, port: int) -> bool:
    """Whether nothing listens on host:port any more."""
    try:
        socket.create_connection((host, port), timeout=2).close()
    except OSError:
        return True
    return False
