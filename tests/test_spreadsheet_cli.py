"""`python main.py import` and `export` to CSV/XLSX, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage.workshop_file import load_workshop
from tests.conftest import ROOT, workshop_data

GOOD = "Title;Afdeling;Indsats\nFælles kunderegister;Sales;8,5\nTilbud;Service;2\n"
BAD = "Title;Afdeling;Indsats\nFælles kunderegister;Sales;8,5\nTilbud;Service;lots\n"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _workshop_file(path: Path) -> Path:
    path.write_text(json.dumps(workshop_data(), indent=2), "utf-8")
    return path


def test_import_makes_a_new_workshop(tmp_path: Path) -> None:
    sheet = tmp_path / "requests.csv"
    sheet.write_text(GOOD, "cp1252")
    new = tmp_path / "new.bellwether.json"

    done = _run("import", sheet, "-o", new, "--title", "CRM 2027", "--start", "2027-01-04")

    assert (done.returncode, done.stderr) == (0, "")
    assert "2 requests imported" in done.stdout
    workshop = load_workshop(new)
    assert workshop.title == "CRM 2027"
    assert [d.id for d in workshop.departments] == ["sales", "service"]
    assert [r.effort for r in workshop.requests] == [8.5, 2]
    assert _run("check", new).returncode == 0


def test_import_with_a_bad_row_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    sheet = tmp_path / "requests.csv"
    sheet.write_text(BAD, "utf-8")
    new = tmp_path / "new.bellwether.json"

    done = _run("import", sheet, "-o", new)

    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f'bellwether: {sheet}: row 3, column "Indsats": "lots" is not a number',
        "bellwether: nothing was imported (--skip-bad-rows imports the other rows)",
    ]
    assert not new.exists()
    assert _run("import", sheet, "-o", new, "--skip-bad-rows").returncode == 0
    assert [r.title for r in load_workshop(new).requests] == ["Fælles kunderegister"]


def test_import_into_leaves_the_file_byte_for_byte_on_a_bad_row(tmp_path: Path) -> None:
    sheet = tmp_path / "requests.csv"
    sheet.write_text(BAD, "utf-8")
    target = _workshop_file(tmp_path / "plan.bellwether.json")
    before = target.read_bytes()

    done = _run("import", sheet, "--into", target)

    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["requests.csv", target.name])


def test_import_into_adds_to_the_backlog(tmp_path: Path) -> None:
    sheet = tmp_path / "requests.csv"
    sheet.write_text(GOOD + "Lead scoring;Marketing;3\n", "utf-8")
    target = _workshop_file(tmp_path / "plan.bellwether.json")
    before = target.read_bytes()

    refused = _run("import", sheet, "--into", target)
    assert refused.returncode == 2
    assert 'departments not in the workshop: "Marketing"' in refused.stderr
    assert "--create-departments adds them" in refused.stderr
    assert target.read_bytes() == before

    done = _run("import", sheet, "--into", target, "--create-departments")
    assert done.returncode == 0, done.stderr
    workshop = load_workshop(target)
    assert [d.id for d in workshop.departments] == ["sales", "service", "marketing"]
    assert [(r.department, r.phase) for r in workshop.requests] == [
        ("sales", None),
        ("service", None),
        ("marketing", None),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv", "-o", "x.bellwether.json"], "missing.csv: no such file"),
        (["requests.csv", "--into", "nope.json"], "nope.json: no such file"),
        (["requests.csv", "-o", "x.json", "--sheet", "S"], "a CSV file has no sheets"),
        (["requests.csv", "-o", "x.json", "--department-column", "Team"], 'no column named "Team"'),
    ],
)
def test_import_problems_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "requests.csv").write_text(GOOD, "utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert message in done.stderr


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_sheet(tmp_path: Path, suffix: str) -> None:
    source = _workshop_file(tmp_path / "plan.bellwether.json")
    out = tmp_path / f"plan{suffix}"

    done = _run("export", source, "-o", out)

    assert (done.returncode, done.stderr) == (0, "")
    assert out.read_bytes().startswith(b"PK" if suffix == ".xlsx" else b"\xef\xbb\xbfID,Title")
    failed = _run("export", source, "-o", tmp_path / "no-such-folder" / f"plan{suffix}")
    assert failed.returncode == 2
    assert len(failed.stderr.splitlines()) == 1
