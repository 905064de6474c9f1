"""Where files come from and where they go: FIFOs, devices, links, the input as the output,
leftovers of killed writers, closed pipes and Ctrl+C, through the real command line.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage.atomic import atomic_write
from tests.builders import MAIN, ROOT, run_main
from tests.conftest import CRM_SAMPLE, SMALL_SAMPLE
from tests.hostile_files import fifo, listing, one_line, run_limited

pytestmark = pytest.mark.slow


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.bellwether.json"
    path.write_bytes(SMALL_SAMPLE.read_bytes())
    return path


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "requests.csv"
    path.write_text("Title,Department\nShared register,sales\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("check", "{fifo}"),
        ("export", "{fifo}", "-o", "{out}/roadmap.pdf"),
        ("import", "{sheet}", "--into", "{fifo}"),
        ("import", "{fifo}", "-o", "{out}/new.bellwether.json"),
        ("verify", "{fifo}"),
    ],
)
def test_a_fifo_is_refused_without_blocking(
    tmp_path: Path, sheet: Path, args: tuple[str, ...]
) -> None:
    pipe = fifo(tmp_path, "pipe.bellwether.json")
    given = [a.format(fifo=pipe, out=tmp_path, sheet=sheet) for a in args]
    line = one_line(run_main(*given, timeout=60))
    assert "it is a named pipe (FIFO), not" in line
    assert listing(tmp_path) == sorted([pipe.name, sheet.name])


@pytest.mark.parametrize("command", ["check", "verify"])
def test_an_endless_device_is_refused_unread(command: str) -> None:
    line = one_line(run_limited(command, "/dev/zero"))
    assert line.startswith("bellwether: /dev/zero: it is a device, not a")


@pytest.mark.parametrize("kind", ["pdf", "csv", "xlsx"])
def test_a_device_as_output_is_refused_and_stays_a_device(kind: str, plan: Path) -> None:
    line = one_line(run_main("export", plan, "-o", "/dev/full", "--format", kind))
    assert "/dev/full: cannot be written (it is a device" in line
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("kind", ["pdf", "csv", "xlsx"])
def test_export_through_a_link_writes_the_file_it_points_to(
    tmp_path: Path, plan: Path, kind: str
) -> None:
    target = tmp_path / "shared" / f"roadmap.{kind}"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / f"latest.{kind}"
    link.symlink_to(target)
    result = run_main("export", plan, "-o", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes() != b"old" and target.stat().st_size > 100
    assert listing(target.parent) == [target.name]  # no temporary file left


def test_import_into_a_link_adds_to_the_workshop_it_points_to(
    tmp_path: Path, plan: Path, sheet: Path
) -> None:
    link = tmp_path / "current.bellwether.json"
    link.symlink_to(plan)
    before = len(json.loads(plan.read_text(encoding="utf-8"))["requests"])
    result = run_main("import", sheet, "--into", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    after = json.loads(plan.read_text(encoding="utf-8"))["requests"]
    assert len(after) == before + 1 and after[-1]["title"] == "Shared register"


def test_exporting_a_workshop_over_itself_is_refused(plan: Path) -> None:
    before = plan.read_bytes()
    line = one_line(run_main("export", plan, "-o", plan, "--format", "csv"))
    assert "is the workshop being exported: give OUT another name" in line
    assert plan.read_bytes() == before


def test_a_link_to_nothing_is_refused_and_nothing_is_made(tmp_path: Path, plan: Path) -> None:
    link = tmp_path / "roadmap.pdf"
    link.symlink_to(tmp_path / "missing" / "roadmap.pdf")
    line = one_line(run_main("export", plan, "-o", link))
    assert "it is a symbolic link to" in line and "which does not exist" in line
    assert link.is_symlink() and not (tmp_path / "missing").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("export", "{plan}", "-o", "{folder}"), "is a folder: give OUT a file name in it"),
        (("import", "{sheet}", "-o", "{folder}"), "is a folder: give -o the name of the new"),
    ],
)
def test_a_folder_as_output_is_named_as_one(
    tmp_path: Path, plan: Path, sheet: Path, args: tuple[str, ...], expected: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    given = [a.format(plan=plan, sheet=sheet, folder=folder) for a in args]
    assert expected in one_line(run_main(*given))
    assert listing(folder) == []


_KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from app.storage import atomic
def killed(source, target):
    os.kill(os.getpid(), signal.SIGKILL)  # the writer dies between writing and renaming
atomic.os.replace = killed
atomic.atomic_write(Path(sys.argv[1]), b"half a file")
"""


def test_a_killed_writers_leftover_is_removed_by_the_next_write(tmp_path: Path, plan: Path) -> None:
    target = tmp_path / "roadmap.pdf"
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITER, str(target)], cwd=ROOT, check=False
    )
    assert child.returncode == -signal.SIGKILL
    (leftover,) = [name for name in listing(tmp_path) if name.endswith(".tmp")]
    writer = leftover.removeprefix(".roadmap.pdf.").split("-")[0]
    assert writer.isdigit()  # the name says whose it was
    result = run_main("export", plan, "-o", target)
    assert result.returncode == 0, result.stderr
    assert listing(tmp_path) == sorted([plan.name, target.name])


def test_a_live_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    live = tmp_path / f".plan.json.{os.getppid()}-abcdefgh.tmp"  # our parent is alive
    live.write_bytes(b"being written")
    atomic_write(target, b"{}")
    assert live.exists()


def test_an_old_leftover_without_a_writer_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    old = tmp_path / ".plan.json.abcdefgh.tmp"
    old.write_bytes(b"from long ago")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    atomic_write(target, b"{}")
    assert listing(tmp_path) == ["plan.json"]


def test_a_closed_stdout_ends_verify_quietly_with_its_own_code(tmp_path: Path) -> None:
    roadmap = tmp_path / "roadmap.pdf"
    assert run_main("export", CRM_SAMPLE, "-o", roadmap).returncode == 0
    with subprocess.Popen(
        [sys.executable, str(MAIN), "verify", str(roadmap)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.readline()
        child.stdout.close()  # `verify ... | head -1`
        errors = child.stderr.read().decode("utf-8")
        code = child.wait(timeout=120)
    assert "Traceback" not in errors and "Error" not in errors, errors
    assert code == 0


def test_a_closed_stderr_keeps_the_refusals_exit_code(tmp_path: Path) -> None:
    code = subprocess.run(
        [sys.executable, str(MAIN), "check", str(tmp_path / "missing.json")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        check=False,
        preexec_fn=lambda: os.close(2),
    ).returncode
    assert code == 2


def test_ctrl_c_ends_an_export_with_130_and_no_traceback(tmp_path: Path) -> None:
    from bench.workshops import generate

    big = tmp_path / "big.bellwether.json"
    big.write_text(json.dumps(generate(2000)), encoding="utf-8")
    out = tmp_path / "roadmap.pdf"
    with subprocess.Popen(
        [sys.executable, str(MAIN), "export", str(big), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as child:
        try:
            child.wait(timeout=2)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGINT)
        _, errors = child.communicate(timeout=120)
    assert child.returncode == 130, errors.decode("utf-8")[-2000:]
    assert b"Traceback" not in errors
    assert listing(tmp_path) == [big.name]  # neither the PDF nor a temporary file


@pytest.mark.parametrize("kind", ["pdf", "csv", "xlsx"])
def test_a_plan_past_9999_is_refused_by_every_export_in_one_line(
    tmp_path: Path, plan: Path, kind: str
) -> None:
    data = json.loads(plan.read_text(encoding="utf-8"))
    data["start"] = "9999-12-27"
    plan.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / f"plan.{kind}"
    line = one_line(run_main("export", plan, "-o", out))
    assert "start: the plan would run past 9999-12-31, the calendar's last day" in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--start", "9999-12-31", "--start: must be 9989-10-28 or earlier, so that every date"),
        ("--title", "T" * 300, "--title: must be at most 200 characters, got 300"),
        ("--title", "\u200b", "--title: must not be only invisible characters"),
    ],
)
def test_an_imports_options_are_refused_by_their_name(
    tmp_path: Path, sheet: Path, option: str, value: str, expected: str
) -> None:
    out = tmp_path / "new.bellwether.json"
    assert expected in one_line(run_main("import", sheet, "-o", out, option, value))
    assert not out.exists()
