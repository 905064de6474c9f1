"""Before the first window on Linux: a missing X11 library is named in one line, not Qt's abort."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.shell.system_check import XCB_LIBRARIES, missing_packages, uses_xcb, xcb_problem

ROOT = Path(__file__).resolve().parent.parent


def test_xcb_is_what_linux_uses_unless_wayland_or_another_platform_is_chosen() -> None:
    assert uses_xcb({}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({}, "darwin") and not uses_xcb({}, "win32")


def test_the_missing_libraries_are_named_by_their_package_in_one_line() -> None:
    present = set(XCB_LIBRARIES) - {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    problem = xcb_problem({"QT_QPA_PLATFORM": "xcb"}, lambda name: name in present)
    assert problem is not None and "\n" not in problem
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in problem
    assert xcb_problem({"QT_QPA_PLATFORM": "xcb"}, lambda name: True) is None
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, lambda name: False) is None


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not missing_packages(),
    reason="every X11 library is installed here: the window would open",
)
def test_the_app_says_what_to_install_instead_of_aborting(tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99", "PATH": "/usr/bin:/bin"}
    env["BELLWETHER_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "sudo apt install" in result.stderr
    assert not (tmp_path / "data").exists(), "nothing on disk touched"
