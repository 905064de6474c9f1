"""The PDF worker run as a real child process: the same PDF, one-line errors, a clean SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.report.document import write_pdf
from app.storage.workshop_file import dumps_workshop
from tests.conftest import ROOT
from tests.report_helpers import small, with_more_requests

pytestmark = pytest.mark.slow


def worker(target: Path, paper: str = "a4", *lang: str) -> subprocess.Popen[bytes]:
    """The worker started as the app starts it, writing to `target`."""
    pipe = subprocess.PIPE
    command = [sys.executable, "-m", "app.report.worker", str(target), paper, *lang]
    return subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe, cwd=ROOT)


def test_the_pdf_is_byte_identical_to_one_written_in_process(tmp_path: Path) -> None:
    workshop = small()
    expected = tmp_path / "in-process.pdf"
    write_pdf(expected, workshop, "letter")
    target = tmp_path / "child.pdf"
    out, err = worker(target, "letter").communicate(dumps_workshop(workshop).encode(), 60)
    assert err == b""
    assert target.read_bytes() == expected.read_bytes()
    lines = out.decode().splitlines()
    assert lines and all(line.startswith("progress ") for line in lines)
    steps = [tuple(map(int, line.split()[1:])) for line in lines]
    assert steps == sorted(steps) and steps[-1][0] == steps[-1][1]  # the last one always comes


def test_the_child_writes_in_the_language_it_is_given(tmp_path: Path) -> None:
    from app.report.visible import speaking

    workshop = small()
    expected = tmp_path / "in-process.pdf"
    with speaking("fi"):
        write_pdf(expected, workshop, "a4")
    target = tmp_path / "child.pdf"
    _, err = worker(target, "a4", "fi").communicate(dumps_workshop(workshop).encode(), 60)
    assert err == b""
    assert target.read_bytes() == expected.read_bytes()
    assert b"/BellwetherLanguage (fi)" in target.read_bytes()
    bad = worker(tmp_path / "x.pdf", "a4", "xx").communicate(b"", 60)[0].decode()
    assert bad.startswith("error: usage")


def test_a_bad_workshop_gives_one_error_line_and_exit_1(tmp_path: Path) -> None:
    child = worker(tmp_path / "bad.pdf")
    out, err = child.communicate(b'{"format": "bellwether/1", "title": 5}', 60)
    assert child.returncode == 1
    (line,) = out.decode().splitlines()
    assert line.startswith("error: ") and "title" in line
    assert b"Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_does_not_exist_gives_the_reason(tmp_path: Path) -> None:
    child = worker(tmp_path / "missing" / "roadmap.pdf")
    out, _ = child.communicate(dumps_workshop(small()).encode(), 60)
    assert child.returncode == 1
    assert out.decode().splitlines()[-1] == "error: No such file or directory"
    assert list(tmp_path.iterdir()) == []


def test_sigterm_midway_exits_cleanly_and_leaves_no_file(tmp_path: Path) -> None:
    with worker(tmp_path / "stopped.pdf") as child:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(dumps_workshop(with_more_requests(small(), 600)).encode())
        child.stdin.close()
        assert child.stdout.readline().startswith(b"progress ")
        child.send_signal(signal.SIGTERM)
        assert child.wait(30) == 143  # its own handler ended it, so cleanups ran
        assert child.stderr is not None and b"Traceback" not in child.stderr.read()
    assert list(tmp_path.iterdir()) == []
