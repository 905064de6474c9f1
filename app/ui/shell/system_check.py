"""Before the first window on Linux: are the system libraries Qt's X11 platform needs there?

Without them Qt aborts with a message about plugins; this says instead, in one line, which
Debian/Ubuntu packages to install. Each library is looked for with `dlopen`, as Qt will: fast,
and it finds what the dynamic loader finds.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from app.i18n import _

XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}
"""The shared libraries PySide6's xcb platform loads, and the Debian package of each."""


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will open its windows through X11 (xcb) here."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return any(name.strip().startswith("xcb") for name in chosen.split(";")[:1])
    return not environ.get("WAYLAND_DISPLAY")


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_packages(loads: Callable[[str], bool] = _loads) -> list[str]:
    """The Debian packages whose libraries the loader cannot find."""
    return [package for library, package in XCB_LIBRARIES.items() if not loads(library)]


def xcb_problem(
    environ: Mapping[str, str] | None = None, loads: Callable[[str], bool] = _loads
) -> str | None:
    """One line naming what to install when the X11 window cannot open; None when it can."""
    if not uses_xcb(os.environ if environ is None else environ):
        return None
    missing = missing_packages(loads)
    if not missing:
        return None
    return _(
        "bellwether: the window cannot open on X11: system libraries are missing; install them"
        " with `sudo apt install {packages}` (README.md, 'On Linux')"
    ).format(packages=" ".join(missing))
