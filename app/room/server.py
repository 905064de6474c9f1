"""The room's server: aiohttp in a thread of its own, with its own event loop.

The app talks to it from its own thread through three calls that never block on the network:
`publish` (a new picture of the workshop), `stop`, and the properties that tell where it
listens. Votes come back through the `BallotBox` the server was given, which may answer from
any thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Any

from aiohttp import web

from app.room.access import MeetingKeys, new_keys
from app.room.ballot import BallotBox, RoomView
from app.room.handlers import Presence, Room
from app.room.network import url_host

START_SECONDS = 10.0
STOP_SECONDS = 5.0


class RoomServer:
    """One meeting's server: start it, publish to it, stop it (a new one for the next meeting)."""

    def __init__(
        self,
        ballots: BallotBox,
        view: RoomView,
        *,
        presence: Presence | None = None,
        keys: MeetingKeys | None = None,
    ) -> None:
        keys = keys if keys is not None else new_keys(seat.id for seat in view.seats)
        self.room = Room(ballots, view, keys, presence)
        self.address = ""
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # --- where it listens ------------------------------------------------------------------

    @property
    def keys(self) -> MeetingKeys:
        """The meeting's token and every department's code and card."""
        return self.room.keys

    @property
    def url(self) -> str:
        """The address a phone opens to join, e.g. http://192.168.1.20:8470/j/TOKEN."""
        return f"http://{url_host(self.address)}:{self.port}/j/{self.keys.token}"

    @property
    def short_url(self) -> str:
        """The address without the scheme, to read off the projector."""
        return self.url.removeprefix("http://")

    def card_url(self, department: str) -> str:
        """The address on a department's card: it logs straight into that ballot."""
        key = self.keys.key(department)
        if key is None:
            raise KeyError(department)
        return f"{self.url}#c={key.card}"

    @property
    def running(self) -> bool:
        """Whether the server is listening."""
        return self._thread is not None and self._thread.is_alive() and self._ready.is_set()

    # --- its life ----------------------------------------------------------------------------

    def start(self, address: str, port: int) -> None:
        """Listen on one address (port 0: any free one); raises OSError when it cannot."""
        if self._thread is not None:
            raise RuntimeError("a room server starts once")
        self._thread = threading.Thread(
            target=self._run, args=(address, port), name="room-server", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(START_SECONDS):
            raise OSError(f"the room server did not start within {START_SECONDS:.0f} s")
        if self._error is not None:
            self._thread.join(STOP_SECONDS)
            raise self._error

    def publish(self, view: RoomView) -> None:
        """Show the phones a new picture of the workshop (from any thread)."""
        self._call(self.room.show, view)

    def stop(self) -> None:
        """Tell every phone voting is closed, stop listening and end the thread."""
        thread = self._thread
        if thread is None or not thread.is_alive():
            return
        stopping = self._stopping
        if stopping is not None:
            self._call(self.room.close)
            self._call(stopping.set)
        thread.join(STOP_SECONDS)

    def _call(self, function: Any, *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(function, *args)

    def _run(self, address: str, port: int) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve(address, port))
        except BaseException as error:  # reported to start(), which raises it in the app
            self._error = error
            self._ready.set()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _serve(self, address: str, port: int) -> None:
        self._stopping = asyncio.Event()
        runner = web.AppRunner(self.room.application(), access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, address, port, reuse_address=False)
            await site.start()
            server = site._server
            sockets = getattr(server, "sockets", None) or []
            self.address, self.port = address, int(sockets[0].getsockname()[1])
            self._ready.set()
            await self._stopping.wait()
            await asyncio.sleep(0.2)  # the feeds send "closed" before the connections go
        finally:
            await runner.cleanup()
