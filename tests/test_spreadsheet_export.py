"""Exporting the plan to CSV and XLSX: the columns, formula injection, and the round trip."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.limits import blank
from app.domain.model import ID_PATTERN, Workshop
from app.storage.spreadsheet import (
    escape_formula,
    new_workshop_from_sheet,
    read_sheet,
    unescape_formula,
    write_plan_csv,
    write_plan_xlsx,
)
from tests.conftest import workshop_data

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2", "@SUM(A1:A9)", "'=quoted"]


def _planned() -> Workshop:
    requests = [
        {"id": "r1", "title": "Shared customer register", "department": "sales", "effort": 8,
         "benefit": {"sales": 3, "service": 1.5}, "burden": {"sales": 2}, "phase": "p2"},
        {"id": "r2", "title": "Ticket queue", "department": "service", "depends_on": ["r1"]},
    ]  # fmt: skip
    votes = {"sales": {"r1": 3, "r2": 1}, "service": {"r1": 2}}
    return Workshop.model_validate(workshop_data(requests=requests, votes=votes))


def _csv_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_has_one_row_per_request_with_phase_dates_and_votes(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    write_plan_csv(path, _planned())
    first, second = _csv_rows(path)

    assert first == {
        "ID": "r1", "Title": "Shared customer register", "Department": "sales",
        "Department name": "Sales", "Description": "", "Effort": "8",
        "Benefit": "sales:3, service:1.5", "Burden": "sales:2", "Weeks to benefit": "2",
        "Depends on": "", "Phase": "Phase 2", "Phase start": "2027-02-01",
        "Go-live": "2027-03-01", "Go-live week": "2027-W09", "Win date": "2027-03-15",
        "Win week": "2027-W11", "Votes: Sales": "3", "Votes: Service": "2", "Votes": "5",
    }  # fmt: skip
    assert second["Phase"] == second["Go-live"] == second["Win week"] == ""
    assert (second["Depends on"], second["Votes"]) == ("r1", "1")


def test_xlsx_has_typed_numbers_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_plan_xlsx(path, _planned())
    book = openpyxl.load_workbook(path)
    sheet = book["Plan"]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, (cell.value for cell in sheet[2]), strict=True))
    assert row["Effort"] == 8
    assert row["Go-live"] == datetime(2027, 3, 1)
    assert row["Votes"] == 5
    assert sheet.freeze_panes == "A2"


def _with_titles(titles: list[str]) -> Workshop:
    requests = [
        {"id": f"r{number}", "title": title, "department": "sales", "description": title}
        for number, title in enumerate(titles)
    ]
    return Workshop.model_validate(workshop_data(requests=requests))


def test_formula_looking_cells_are_text_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    workshop = _with_titles(FORMULAS)
    write_plan_csv(path, workshop)

    rows = _csv_rows(path)
    assert [row["Title"] for row in rows] == ["'" + title for title in FORMULAS]
    assert [row["Description"] for row in rows] == ["'" + title for title in FORMULAS]
    back = read_sheet(path, workshop=workshop.model_copy(update={"requests": ()}))
    assert [r.title for r in back.requests] == FORMULAS


def test_formula_looking_cells_are_typed_strings_in_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_plan_xlsx(path, _with_titles(FORMULAS))

    sheet = openpyxl.load_workbook(path)["Plan"]
    titles = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in titles] == FORMULAS
    assert {cell.data_type for cell in titles} == {"s"}
    assert [cell.quotePrefix for cell in titles] == [True, True, True, True, False]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("=1", "'=1"), ("'=1", "''=1"), ("'plain", "'plain"), ("a=1", "a=1"), ("\t-x", "'\t-x")],
)
def test_formula_escape_rule_round_trips(text: str, escaped: str) -> None:
    assert escape_formula(text) == escaped
    assert unescape_formula(escaped) == text


def test_xlsx_export_imports_back(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    workshop = _planned()
    write_plan_xlsx(path, workshop)
    back = read_sheet(path)
    rebuilt = new_workshop_from_sheet(back, "Again", workshop.start)
    assert [(d.id, d.name) for d in rebuilt.departments] == [
        ("sales", "Sales"),
        ("service", "Service"),
    ]
    assert rebuilt.requests == tuple(
        r.model_copy(update={"phase": None}) for r in workshop.requests
    )
    assert back.hints["r1"].phase == "Phase 2"
    assert back.hints["r1"].votes == 5


# --- property: export to CSV, import again, the same requests --------------------------------

DEPARTMENTS = [
    {"id": "sales", "name": "Sales"},
    {"id": "x.y-2", "name": "=Økonomi, løn"},
    {"id": "9lives", "name": "Votes"},
]
# Import strips the white space around a cell, so the texts here have none; a third of them
# start like a formula, to exercise the escaping.
# Text is plain text: no control characters but the tab and line feed a description may hold.
_PREFIXES = st.sampled_from(["", "", "", "", "=", "+", "-", "@", "'=", "'", "''@"])
_text = st.builds(
    str.__add__,
    _PREFIXES,
    st.text(st.characters(exclude_categories=["Cs", "Cc"], include_characters="\t\n"), max_size=80),
).filter(lambda text: text == text.strip())
_title = st.builds(
    str.__add__, _PREFIXES, st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=80)
).filter(lambda text: text == text.strip() and not blank(text))
# Import reads CRLF and a lone CR as LF, so descriptions here have LF line ends only.
_description = _text.map(lambda text: text.replace("\r\n", "\n").replace("\r", "\n"))
_amount = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
_points = st.floats(min_value=0, max_value=1e6, exclude_min=True, allow_nan=False)
_department = st.sampled_from([d["id"] for d in DEPARTMENTS])


@st.composite
def _workshops(draw: Any) -> Workshop:
    ids = draw(st.lists(st.from_regex(ID_PATTERN, fullmatch=True), min_size=1, max_size=6,
                        unique=True))  # fmt: skip
    requests = []
    for index, request_id in enumerate(ids):
        requests.append({
            "id": request_id, "title": draw(_title), "department": draw(_department),
            "description": draw(_description), "effort": draw(_amount),
            "benefit": draw(st.dictionaries(_department, _points, max_size=3)),
            "burden": draw(st.dictionaries(_department, _amount, max_size=3)),
            "weeks_to_benefit": draw(st.integers(0, 520)),
            "depends_on": draw(st.lists(st.sampled_from(ids[:index]), unique=True))
            if index else [],
            "phase": draw(st.sampled_from([None, "p1", "p2"])),
        })  # fmt: skip
    votes = {"sales": {request["id"]: draw(st.integers(0, 5)) for request in requests}}
    return Workshop.model_validate(
        workshop_data(departments=DEPARTMENTS, requests=requests, votes=votes)
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshop=_workshops())
def test_csv_export_then_import_gives_the_same_requests(
    workshop: Workshop, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("round-trip") / "plan.csv"
    write_plan_csv(path, workshop)

    empty = workshop.model_copy(update={"requests": (), "votes": {}})
    result = read_sheet(path, workshop=empty)

    assert result.errors == ()
    assert result.new_departments == ()
    assert result.requests == tuple(r.model_copy(update={"phase": None}) for r in workshop.requests)
