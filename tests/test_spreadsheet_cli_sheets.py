"""`python main.py import` with the sheets people have: what it says, and what to type next."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from app.storage.workshop_file import load_workshop
from tests.conftest import ROOT
from tests.sheet_fixtures import danish_backlog_xlsx, finnish_service_desk_csv


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _jira_without_team(path: Path, count: int = 187) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["Summary", "Issue key", "Issue Type", "Status", "Description"])
    for number in range(count):
        writer.writerow([f"Issue {number}", f"CRM-{number}", "Story" if number % 2 else "Bug",
                         "Open", "h2. Goal\r\n*Do* it"])  # fmt: skip
    path.write_text(buffer.getvalue(), "utf-8", newline="")
    return path


def test_a_sheet_without_a_department_column_is_one_line_that_says_what_to_type(
    tmp_path: Path,
) -> None:
    sheet = _jira_without_team(tmp_path / "jira.csv")
    new = tmp_path / "new.bellwether.json"

    done = _run(sheet, "-o", new)

    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f'bellwether: {sheet}: no department column: add --department-column "Issue Type" '
        '(columns with few values: "Issue Type", "Status"), or --department NAME to put every '
        "request in one department",
        "bellwether: nothing was imported",
    ]
    assert not new.exists()
    done = _run(sheet, "-o", new, "--department-column", "Issue Type")
    assert done.returncode == 0, done.stderr
    assert {r.department for r in load_workshop(new).requests} == {"story", "bug"}
    assert load_workshop(new).requests[0].description == "Goal\nDo it"


def test_department_is_not_taken_for_department_column(tmp_path: Path) -> None:
    sheet = finnish_service_desk_csv(tmp_path / "lupapiste.csv")
    new = tmp_path / "new.bellwether.json"

    done = _run(sheet, "-o", new, "--department", "Lupapiste", "--hours-per-day", "7,5")

    assert (done.returncode, done.stderr) == (0, "")
    workshop = load_workshop(new)
    assert [d.name for d in workshop.departments] == ["Lupapiste"]
    assert [r.effort for r in workshop.requests] == [2, 1, 0.4]
    assert 'note: columns not imported: "Tila"' in done.stdout.splitlines()
    assert _run(sheet, "-o", new, "--depart", "X").returncode == 2  # no abbreviations


def test_the_danish_backlog_with_a_map_and_hours(tmp_path: Path) -> None:
    sheet = danish_backlog_xlsx(tmp_path / "backlog.xlsx")
    new = tmp_path / "new.bellwether.json"

    done = _run(sheet, "-o", new, "--map", "department=As", "--map", "title=Story",
                "--effort-unit", "hours")  # fmt: skip

    assert (done.returncode, done.stderr) == (0, "")
    assert [r.effort for r in load_workshop(new).requests] == [2, 1, 4]
    assert "note: row 6: a totals row, left out" in done.stdout
    assert "rows 9-10 below the table" in done.stdout


def test_no_title_column_names_the_map_to_type(tmp_path: Path) -> None:
    sheet = tmp_path / "x.csv"
    sheet.write_text("Nr;Opgave beskrevet;Enhed\n1;Se kunder i et kort;Salg\n", "utf-8")
    done = _run(sheet, "-o", tmp_path / "new.json")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"bellwether: {sheet}: no header row with a title column in the first 50 rows: name the "
        'column that holds each request\'s title: add --map title="Opgave beskrevet" (the '
        'headers of row 1: "Nr", "Opgave beskrevet", "Enhed")'
    ]
    done = _run(sheet, "-o", tmp_path / "new.json", "--map", "titel=Opgave")
    assert done.returncode == 2
    assert "write FIELD=HEADER, with FIELD one of title, department" in done.stderr


def test_many_bad_rows_print_20_lines_then_a_count_per_kind(tmp_path: Path) -> None:
    rows = ["Title,Department,Effort"] + [f"Request {n},,1" for n in range(150)]
    rows += [f"Costly {n},Sales,lots" for n in range(30)]
    sheet = tmp_path / "bad.csv"
    sheet.write_text("\n".join(rows) + "\n", "utf-8")

    done = _run(sheet, "-o", tmp_path / "new.json")

    lines = done.stderr.splitlines()
    assert done.returncode == 2
    assert len(lines) == 23
    assert lines[0] == f'bellwether: {sheet}: row 2, column "Department": is empty: every ' \
        "request needs a department"  # fmt: skip
    assert lines[20:] == [
        f"bellwether: {sheet}: and 130 more rows without a department",
        f'bellwether: {sheet}: and 30 more problems in column "Effort"',
        "bellwether: nothing was imported (--skip-bad-rows imports the other rows)",
    ]
