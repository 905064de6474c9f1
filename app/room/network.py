"""Which address the room's server listens on: one interface, never all of them."""

from __future__ import annotations

import ipaddress
import socket

from app.i18n import _

DEFAULT_PORT = 8470
"""The port tried first; when it is taken, the system picks a free one."""

_PROBE = "192.0.2.1"
"""A documentation address (TEST-NET-1): connecting a UDP socket to it sends nothing, but makes
the system choose the source address of its default route."""


class BindError(ValueError):
    """An address the server cannot or must not listen on."""


def default_address() -> str:
    """The address of the default route's interface, or loopback on a machine with no network.

    A UDP socket's `connect` sends no packet: it only asks the system which local address it
    would send from.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect((_PROBE, 9))
            address = str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"
    return address if address != "0.0.0.0" else "127.0.0.1"


def checked_address(text: str) -> str:
    """The address `--bind` names, refused when it is not one interface's address."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        raise BindError(
            _("--bind: {text} is not an IP address (e.g. 192.168.1.20)").format(text=repr(text))
        ) from None
    if address.is_unspecified:
        raise BindError(
            _(
                "--bind: {address} would listen on every interface; name the one the room uses"
            ).format(address=address)
        )
    if address.is_multicast:
        raise BindError(
            _("--bind: {address} is a multicast address, not an interface's").format(
                address=address
            )
        )
    return str(address)


def checked_port(port: int) -> int:
    """A TCP port number, refused outside 1-65535."""
    if not 0 < port < 65536:
        raise BindError(_("--port: must be 1-65535, got {port}").format(port=port))
    return port


def url_host(address: str) -> str:
    """The address as the host part of a URL (IPv6 in brackets)."""
    return f"[{address}]" if ":" in address else address
