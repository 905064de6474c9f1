"""A TCP relay on 127.0.0.1 whose connections can be cut, as a phone's Wi-Fi drops asleep."""

from __future__ import annotations

import contextlib
import select
import socket
import threading


class Relay:
    """Accepts on a free port and relays each connection to `target`; `cut` drops them all."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._running = True
        threading.Thread(target=self._accept, daemon=True, name="relay").start()

    def _accept(self) -> None:
        while self._running:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target, timeout=5)
            with self._lock:
                self._open += [client, server]
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        pair = {a: b, b: a}
        try:
            while True:
                ready, _w, _x = select.select([a, b], [], [], 0.5)
                for side in ready:
                    data = side.recv(65536)
                    if not data:
                        return
                    pair[side].sendall(data)
        except (OSError, ValueError):
            return
        finally:
            for side in (a, b):
                with contextlib.suppress(OSError):
                    side.close()

    def cut(self) -> None:
        """Drop every open connection at once (the relay keeps accepting new ones)."""
        with self._lock:
            sockets, self._open = self._open, []
        for side in sockets:
            with contextlib.suppress(OSError):
                side.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                side.close()

    def close(self) -> None:
        self._running = False
        self.cut()
        self.listener.close()
