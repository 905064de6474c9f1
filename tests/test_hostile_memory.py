"""A workshop near the 200 MiB file limit is checked within 520 MiB of address space, and a
command that runs out of memory says so in one line."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import raw, request
from tests.conftest import ROOT

LIMIT = 520 * 1024 * 1024


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=180, preexec_fn=_limited, check=False,
    )  # fmt: skip


def _near_the_limit(path: Path) -> Path:
    prose = ("Lorem ipsum dolor sit amet " * 400)[:10_000]
    requests = [
        {**request(f"r{i}", "p1" if i % 2 else None, effort=3), "description": prose}
        for i in range(20_000)
    ]
    path.write_text(json.dumps(raw(requests)), encoding="utf-8")
    assert 190 * 2**20 < path.stat().st_size < 200 * 2**20
    return path


@pytest.mark.slow
def test_check_of_a_workshop_near_the_file_limit_fits_in_520_mib(tmp_path: Path) -> None:
    done = _run("check", _near_the_limit(tmp_path / "big.bellwether.json"))
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert done.returncode == 1  # its phase is over capacity: the findings were worked out
    assert "phase-capacity:p1" in done.stdout


@pytest.mark.slow
def test_running_out_of_memory_is_one_line(tmp_path: Path) -> None:
    path = _near_the_limit(tmp_path / "big.bellwether.json")
    done = subprocess.run(
        [sys.executable, "-c", "import resource, sys; from app import cli; "
         f"resource.setrlimit(resource.RLIMIT_AS, ({LIMIT // 2}, {LIMIT // 2})); "
         f"sys.exit(cli.main(['check', {str(path)!r}]))"],
        cwd=ROOT, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "bellwether: not enough memory for this input on this machine; nothing was written"
    ]
