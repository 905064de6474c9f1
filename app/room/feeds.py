"""One phone's live feed: server-sent events carrying its head's ballot after every change.

Only the latest ballot matters, so a slow phone skips the ones it missed rather than queueing
them. A comment line every few seconds finds connections that died with a sleeping phone; the
browser's EventSource reconnects by itself after `retry` milliseconds.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

HEARTBEAT_SECONDS = 10.0
RETRY_MILLISECONDS = 1500


def event(name: str, data: Any) -> bytes:
    """One server-sent event; JSON never holds a line break, so it is one `data:` line."""
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


class Feed:
    """The stream of one phone: the newest ballot waiting to be sent, or the end."""

    def __init__(self, department: str, first: dict[str, Any]) -> None:
        self.department = department
        self._latest: dict[str, Any] | None = first
        self._closed = False
        self._wake = asyncio.Event()
        self._wake.set()

    def put(self, payload: dict[str, Any]) -> None:
        """Send this ballot next (replacing one not sent yet)."""
        self._latest = payload
        self._wake.set()

    def close(self) -> None:
        """Tell the phone voting is closed, then end the stream."""
        self._closed = True
        self._wake.set()

    async def serve(self, request: web.Request) -> web.StreamResponse:
        """Write events until the feed closes or the phone goes away."""
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        try:
            await response.write(f"retry: {RETRY_MILLISECONDS}\n\n".encode())
            while await self._next(response):
                pass
            await response.write_eof()
        except ConnectionError:
            pass  # the phone went away; it reconnects when it wakes
        return response

    async def _next(self, response: web.StreamResponse) -> bool:
        """Send what is waiting; False once the closing event is sent."""
        try:
            await asyncio.wait_for(self._wake.wait(), HEARTBEAT_SECONDS)
        except TimeoutError:
            await response.write(b": still here\n\n")
            return True
        self._wake.clear()
        payload, self._latest = self._latest, None
        if payload is not None:
            await response.write(event("ballot", payload))
        if self._closed:
            await response.write(event("closed", {}))
            return False
        return True
