"""A Jira "Export CSV (all fields)" file imports without editing."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from app.domain.model import Workshop
from app.storage.spreadsheet import new_workshop_from_sheet, read_sheet
from tests.conftest import workshop_data

FIXED = [
    "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Sprint", "Sprint", "Sprint",
    "Custom field (Story Points)", "Original Estimate", "Votes", "Inward issue link (Blocks)",
    "Inward issue link (Blocks)", "Outward issue link (Blocks)", "Inward issue link (Dependency)",
    "Component/s", "Component/s", "Labels", "Labels", "Team", "Description",
]  # fmt: skip
EXTRA = [f"Custom field (Field {number})" for number in range(300)]


def _issue(cells: dict[str, str | list[str]]) -> list[str]:
    """A row: each header's cell; repeated headers take a list, one value per column."""
    row: list[str] = []
    seen: dict[str, int] = {}
    for header in FIXED:
        value = cells.get(header, "")
        position = seen.get(header, 0)
        seen[header] = position + 1
        if isinstance(value, list):
            row.append(value[position] if position < len(value) else "")
        else:
            row.append(value if position == 0 else "")
    return row + ["x"] * len(EXTRA)


def _jira_csv(path: Path, story_points: bool = True) -> Path:
    points = ("5", "3") if story_points else ("", "")
    issues = [
        _issue({"Summary": "Shared customer register", "Issue key": "CRM-1", "Issue id": "10001",
                "Sprint": ["S1", "S2"], "Custom field (Story Points)": points[0],
                "Original Estimate": "28800", "Votes": "3", "Component/s": ["Backend", "Sales"],
                "Labels": ["crm", "q1"], "Team": "Sales",
                "Description": 'Line one\nLine two, with "quotes" and a comma'}),
        _issue({"Summary": "Quote templates", "Issue key": "CRM-2", "Issue id": "10002",
                "Custom field (Story Points)": points[1], "Original Estimate": "14400",
                "Votes": "0", "Component/s": ["Sales"],
                "Inward issue link (Blocks)": ["CRM-1", "OTHER-9"], "Team": "Sales"}),
        _issue({"Summary": "Ticket queue", "Issue key": "CRM-3", "Issue id": "10003",
                "Inward issue link (Dependency)": "10001", "Component/s": ["Service"],
                "Team": "Customer Service"}),
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["Jira export, project CRM, 3 issues"])
    writer.writerow([*FIXED, *EXTRA])
    writer.writerows(issues)
    path.write_text(buffer.getvalue(), "utf-8", newline="")
    return path


def test_jira_export_with_story_points_and_team(tmp_path: Path) -> None:
    result = read_sheet(_jira_csv(tmp_path / "jira.csv"), department_column="Team")

    assert result.errors == ()
    assert result.header_row == 2
    assert [(r.id, r.title, r.department, r.effort) for r in result.requests] == [
        ("CRM-1", "Shared customer register", "sales", 5),
        ("CRM-2", "Quote templates", "sales", 3),
        ("CRM-3", "Ticket queue", "customer-service", 0),
    ]
    assert result.requests[0].description == 'Line one\nLine two, with "quotes" and a comma'
    assert [r.depends_on for r in result.requests] == [(), ("CRM-1",), ("CRM-1",)]
    assert result.rows == {"CRM-1": 3, "CRM-2": 4, "CRM-3": 5}
    assert result.hints["CRM-1"].votes == 3
    assert result.columns["story points"] == "Custom field (Story Points)"
    assert "original estimate" not in result.columns
    assert result.columns["department"] == "Team"
    assert "Sprint" in result.unknown_columns
    assert result.notes == (
        'effort: 1 story point in "Custom field (Story Points)" is taken as 1 person-day',
        "1 issue link to an issue not in the sheet left out",
    )
    workshop = new_workshop_from_sheet(result, "CRM", date(2027, 1, 4))
    assert [(d.id, d.name) for d in workshop.departments] == [
        ("sales", "Sales"),
        ("customer-service", "Customer Service"),
    ]


def test_jira_original_estimate_in_seconds_becomes_person_days(tmp_path: Path) -> None:
    result = read_sheet(
        _jira_csv(tmp_path / "jira.csv", story_points=False), department_column="Team"
    )
    assert [r.effort for r in result.requests] == [1, 0.5, 0]
    assert result.columns["original estimate"] == "Original Estimate"
    assert (
        result.notes[0]
        == 'effort: "Original Estimate" is in seconds, converted to person-days of 8 hours'
    )


def test_jira_repeated_department_column_prefers_a_known_department(tmp_path: Path) -> None:
    workshop = Workshop.model_validate(workshop_data())
    path = _jira_csv(tmp_path / "jira.csv")
    result = read_sheet(path, workshop=workshop, department_column="Component/s")
    assert [r.department for r in result.requests] == ["sales", "sales", "service"]
    assert result.new_departments == ()
    labels = read_sheet(path, workshop=workshop, department_column="labels")
    assert [(r.id, r.department) for r in labels.requests] == [("CRM-1", "crm")]
    assert [str(e) for e in labels.errors] == [
        'row 4, column "Labels": is empty: every request needs a department',
        'row 5, column "Labels": is empty: every request needs a department',
    ]
    assert [d.name for d in labels.new_departments] == ["crm"]
