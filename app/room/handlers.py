"""The room's web application: the phone page, joining, the live ballot and the votes.

Everything here runs on the server's own event loop. Every address starts with the meeting's
token; a request without it gets a plain 404. Nothing changes state on GET. Bodies are small
JSON objects with known fields only; anything else is refused with a status and one line.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

from app.room.access import MeetingKeys, Throttle, new_token, same
from app.room.ballot import BallotBox, Outcome, RoomView, Vote, ballot
from app.room.feeds import Feed
from app.room.page import asset, page_html

MAX_BODY = 2048
"""The largest request body accepted: a vote or a join is a few dozen bytes."""
MAX_SESSIONS = 1000
CAST_SECONDS = 5.0
"""How long a phone's vote may wait for the app's verdict."""
CODE_TRIES = 5
"""Wrong codes one phone may type per minute."""
DEPARTMENT_TRIES = 10
"""Wrong codes all phones together may type for one department in `DEPARTMENT_WINDOW`."""
DEPARTMENT_WINDOW = 600.0
"""Ten minutes: guessing one of 10,000 codes from many phones takes days, not a meeting."""

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
STATUS = {"counted": 200, "spent": 409, "nothing": 409, "unknown": 404, "closed": 410}

Presence = Callable[[dict[str, int]], None]


def refuse(status: type[web.HTTPException], message: str) -> web.HTTPException:
    """An error response whose body is one JSON line."""
    return status(text=json.dumps({"error": message}), content_type="application/json")


def too_large() -> web.HTTPException:
    """413, in the same form as `refuse`."""
    message = json.dumps({"error": f"at most {MAX_BODY} bytes"})
    return web.HTTPRequestEntityTooLarge(
        max_size=MAX_BODY, text=message, content_type="application/json"
    )


async def _secure(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(SECURITY_HEADERS)


def _join_fields(body: dict[str, Any]) -> tuple[str, str | None, str]:
    """(card, department, code) of a join: a card alone, or a department and its code."""
    if set(body) == {"card"} and isinstance(body["card"], str):
        return body["card"], None, ""
    if set(body) == {"department", "code"} and all(isinstance(v, str) for v in body.values()):
        return "", body["department"], body["code"]
    raise refuse(web.HTTPBadRequest, 'send {"department", "code"} or {"card"}')


class Room:
    """The state of one meeting's server: keys, phones' sessions and their live feeds."""

    def __init__(
        self, ballots: BallotBox, view: RoomView, keys: MeetingKeys, presence: Presence | None
    ) -> None:
        self.ballots = ballots
        self.view = view
        self.keys = keys.with_departments(seat.id for seat in view.seats)
        self.presence = presence
        self.sessions: dict[str, str] = {}
        self.feeds: set[Feed] = set()
        self.closing = False
        self.by_address = Throttle(CODE_TRIES, 60.0)
        self.by_department = Throttle(DEPARTMENT_TRIES, DEPARTMENT_WINDOW)

    def application(self) -> web.Application:
        """The aiohttp application serving this room."""
        app = web.Application(client_max_size=MAX_BODY)
        app.on_response_prepare.append(_secure)
        base = "/j/{token}"
        app.router.add_get(base, self.page)
        app.router.add_get(base + "/room.{kind:js|css}", self.asset)
        app.router.add_get(base + "/api/room", self.room)
        app.router.add_get(base + "/api/ballot", self.ballot)
        app.router.add_get(base + "/api/events", self.events)
        app.router.add_post(base + "/api/join", self.join)
        app.router.add_post(base + "/api/vote", self.vote)
        return app

    # --- who is asking -----------------------------------------------------------------------

    def _meeting(self, request: web.Request) -> None:
        if not same(request.match_info.get("token", ""), self.keys.token):
            raise web.HTTPNotFound()

    def _department(self, request: web.Request, session: str) -> str:
        """The department a phone's session votes for; 401 without a valid session."""
        self._meeting(request)
        department = self.sessions.get(session) if session else None
        if department is None or self.view.seat(department) is None:
            raise refuse(web.HTTPUnauthorized, "join first")
        return department

    async def _body(self, request: web.Request) -> dict[str, Any]:
        """The request's JSON object; 413, 415 or 400 for anything else."""
        if request.content_type != "application/json":
            raise refuse(web.HTTPUnsupportedMediaType, "send application/json")
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise too_large()
        try:
            data = json.loads((await request.read()).decode("utf-8"))
        except web.HTTPRequestEntityTooLarge:
            raise too_large() from None
        except (ValueError, RecursionError):
            raise refuse(web.HTTPBadRequest, "the body is not JSON") from None
        if not isinstance(data, dict):
            raise refuse(web.HTTPBadRequest, "the body must be a JSON object")
        return data

    # --- pages -----------------------------------------------------------------------------------

    async def page(self, request: web.Request) -> web.Response:
        """The phone page (its words in the committee's language)."""
        self._meeting(request)
        return web.Response(text=page_html(self.keys.token), content_type="text/html")

    async def asset(self, request: web.Request) -> web.Response:
        """The page's script or style sheet, from the package."""
        self._meeting(request)
        kind = request.match_info["kind"]
        content_type = "text/javascript" if kind == "js" else "text/css"
        return web.Response(text=asset(f"room.{kind}"), content_type=content_type)

    async def room(self, request: web.Request) -> web.Response:
        """The meeting's title and the departments a head can join as."""
        self._meeting(request)
        seats = [{"id": s.id, "name": s.name, "head": s.head} for s in self.view.seats]
        return web.json_response(
            {"title": self.view.title, "departments": seats, "open": not self.closing}
        )

    # --- joining ---------------------------------------------------------------------------------

    async def join(self, request: web.Request) -> web.Response:
        """Log a phone into one department's ballot, by its code or its card."""
        self._meeting(request)
        card, department, code = _join_fields(await self._body(request))
        if self.closing:
            raise refuse(web.HTTPGone, "voting is closed")
        address = request.remote or "?"
        wait = self.by_address.retry_after(address)
        if department is not None:
            wait = max(wait, self.by_department.retry_after(department))
        if wait:
            raise refuse(web.HTTPTooManyRequests, f"too many wrong codes: wait {wait} s")
        found = (
            self.keys.by_card(card) if department is None else self.keys.by_code(department, code)
        )
        if found is None:
            self.by_address.fail(address)
            if department is not None and self.keys.key(department) is not None:
                self.by_department.fail(department)
            raise refuse(web.HTTPForbidden, "wrong code")
        if len(self.sessions) >= MAX_SESSIONS:
            raise refuse(web.HTTPServiceUnavailable, "too many phones")
        session = new_token()
        self.sessions[session] = found.department
        return web.json_response({"session": session, "department": found.department})

    # --- the ballot and the votes ------------------------------------------------------------

    async def ballot(self, request: web.Request) -> web.Response:
        """The head's ballot as it is now."""
        department = self._department(request, request.headers.get("X-Session", ""))
        return web.json_response(ballot(self.view, department))

    async def events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: the head's ballot after every change, and "closed" at the end."""
        department = self._department(request, request.query.get("s", ""))
        if self.closing:
            raise refuse(web.HTTPGone, "voting is closed")
        feed = Feed(department, ballot(self.view, department))
        self.feeds.add(feed)
        self._tell_presence()
        try:
            return await feed.serve(request)
        finally:
            self.feeds.discard(feed)
            self._tell_presence()

    async def vote(self, request: web.Request) -> web.Response:
        """One dot given or taken back; the answer waits for the app's verdict."""
        department = self._department(request, request.headers.get("X-Session", ""))
        body = await self._body(request)
        step, item = body.get("step"), body.get("request")
        if set(body) != {"request", "step"} or not isinstance(item, str):
            raise refuse(web.HTTPBadRequest, 'send {"request": id, "step": 1 or -1}')
        if isinstance(step, bool) or step not in (1, -1):
            raise refuse(web.HTTPBadRequest, "step must be 1 or -1")
        if self.closing:
            outcome = Outcome("closed")
        else:
            outcome = await self._cast(Vote(department, item, 1 if step > 0 else -1))
        return web.json_response({"verdict": outcome.verdict}, status=STATUS[outcome.verdict])

    async def _cast(self, vote: Vote) -> Outcome:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()

        def settle(outcome: Outcome) -> None:
            if not future.done():
                future.set_result(outcome)

        def done(outcome: Outcome) -> None:
            with contextlib.suppress(RuntimeError):  # the server stopped before the answer
                loop.call_soon_threadsafe(settle, outcome)

        self.ballots.cast(vote, done)
        try:
            return await asyncio.wait_for(future, CAST_SECONDS)
        except TimeoutError:
            raise refuse(web.HTTPServiceUnavailable, "the app did not answer") from None

    # --- from the app ------------------------------------------------------------------------

    def show(self, view: RoomView) -> None:
        """A new picture of the workshop: every phone gets its ballot."""
        self.view = view
        self.keys = self.keys.with_departments(seat.id for seat in view.seats)
        payloads: dict[str, dict[str, Any]] = {}
        for feed in list(self.feeds):
            if view.seat(feed.department) is None:
                feed.close()
                continue
            if feed.department not in payloads:
                payloads[feed.department] = ballot(view, feed.department)
            feed.put(payloads[feed.department])

    def close(self) -> None:
        """Voting stops: every phone is told, and no vote is taken any more."""
        self.closing = True
        for feed in list(self.feeds):
            feed.close()

    def _tell_presence(self) -> None:
        if self.presence is None:
            return
        counts: dict[str, int] = {}
        for feed in self.feeds:
            counts[feed.department] = counts.get(feed.department, 0) + 1
        self.presence(counts)
