"""The sheets people actually keep: a column map, effort units, one department for all, tables
with notes, totals and a second table, LibreOffice files, and the columns that were left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.model import Workshop
from app.storage.spreadsheet import SpreadsheetError, import_rows, read_sheet, sheet_names
from app.storage.spreadsheet.headers import Field, header_unit, match_headers
from app.storage.spreadsheet.options import EffortUnit, ImportOptions, parse_map
from app.storage.spreadsheet.result import NoTitleColumnError
from tests.conftest import workshop_data
from tests.sheet_fixtures import (
    danish_backlog_ods,
    danish_backlog_xls,
    danish_backlog_xlsx,
    finnish_service_desk_csv,
)

HOURS = ImportOptions(columns={Field.DEPARTMENT: "As"}, effort_unit=EffortUnit.HOURS)
TITLES = [
    "Som sælger vil jeg se kundens historik",
    "Som supporter vil jeg se åbne sager",
    "Som chef vil jeg se pipeline pr. måned",
]


def test_danish_backlog_xlsx_reads_the_table_only(tmp_path: Path) -> None:
    result = read_sheet(danish_backlog_xlsx(tmp_path / "backlog.xlsx"), options=HOURS)

    assert result.errors == ()
    assert result.header_row == 2
    assert [r.title for r in result.requests] == TITLES  # trimmed of the spaces around
    assert [r.effort for r in result.requests] == [2, 1, 4]  # hours / 7.5
    assert [r.department for r in result.requests] == ["saelger", "kundeservice", "salgschef"]
    assert "How to demo" not in {r.title for r in result.requests}
    assert result.unknown_columns == ("Priority", "Sprint")
    assert result.effort_unit == "hours"
    assert result.left_out == (
        "row 6: a totals row, left out",
        "rows 9-10 below the table under the header row were left out (a second table or "
        "notes): only the rows under the header in row 2 are imported",
    )
    assert 'effort: "Estimation" is in hours, converted to person-days of 7.5 hours' in result.notes


def test_danish_backlog_ods_gives_the_same_requests(tmp_path: Path) -> None:
    xlsx = read_sheet(danish_backlog_xlsx(tmp_path / "backlog.xlsx"), options=HOURS)
    ods = read_sheet(danish_backlog_ods(tmp_path / "backlog.ods"), options=HOURS)

    assert ods.errors == ()
    assert ods.sheet == "Backlog"
    assert ods.requests == xlsx.requests
    assert ods.left_out[0] == "row 6: a totals row, left out"
    assert "below the blank row" in ods.left_out[1]


def test_danish_backlog_xls_gives_the_same_requests(tmp_path: Path) -> None:
    xlsx = read_sheet(danish_backlog_xlsx(tmp_path / "backlog.xlsx"), options=HOURS)
    xls = read_sheet(danish_backlog_xls(tmp_path / "backlog.xls"), options=HOURS)

    assert xls.errors == ()
    assert xls.sheet == "Backlog"
    assert xls.requests == xlsx.requests
    assert xls.left_out[0] == "row 6: a totals row, left out"
    assert "below the blank row" in xls.left_out[1]


def test_sheet_names_of_each_kind_of_file(tmp_path: Path) -> None:
    assert sheet_names(danish_backlog_xlsx(tmp_path / "b.xlsx")) == ["Backlog"]
    assert sheet_names(danish_backlog_ods(tmp_path / "b.ods")) == ["Backlog"]
    assert sheet_names(danish_backlog_xls(tmp_path / "b.xls")) == ["Backlog"]
    assert sheet_names(finnish_service_desk_csv(tmp_path / "b.csv")) == []
    (tmp_path / "bad.ods").write_bytes(b"PK\x03\x04" + bytes(300))
    with pytest.raises(SpreadsheetError, match="not a readable ODS file"):
        sheet_names(tmp_path / "bad.ods")


def test_hours_per_day_and_points(tmp_path: Path) -> None:
    path = danish_backlog_xlsx(tmp_path / "backlog.xlsx")
    eight = ImportOptions(columns=HOURS.columns, effort_unit=EffortUnit.HOURS, hours_per_day=6)
    assert [r.effort for r in read_sheet(path, options=eight).requests] == [2.5, 1.25, 5]
    points = ImportOptions(columns=HOURS.columns, effort_unit=EffortUnit.POINTS)
    result = read_sheet(path, options=points)
    assert [r.effort for r in result.requests] == [15, 7.5, 30]
    assert 'effort: 1 point in "Estimation" is taken as 1 person-day' in result.notes


def test_one_department_for_a_sheet_without_one(tmp_path: Path) -> None:
    path = finnish_service_desk_csv(tmp_path / "palvelupyynnot.csv")
    data = workshop_data()
    data["departments"].append({"id": "lp", "name": "Lupapiste"})
    workshop = Workshop.model_validate(data)

    result = read_sheet(path, workshop=workshop, options=ImportOptions(department="lupapiste"))

    assert result.errors == ()
    assert {r.department for r in result.requests} == {"lp"}  # the existing one, by name
    assert [r.effort for r in result.requests] == [2, 1, 0.4]  # "Työmäärä (h)": hours
    assert result.new_departments == ()
    new = read_sheet(path, options=ImportOptions(department="Lupapiste"))
    assert [d.name for d in new.new_departments] == ["Lupapiste"]


def test_the_department_fills_only_empty_department_cells() -> None:
    rows = [["Title", "Department"], ["A", "Sales"], ["B", ""]]
    result = import_rows(rows, options=ImportOptions(department="Service"))
    assert [r.department for r in result.requests] == ["sales", "service"]


def test_a_column_map_names_title_effort_and_department() -> None:
    rows = [
        ["Opgavenavn", "Tid", "Ansvarlig enhed", "Titel"],
        ["Kunderegister", "3", "Salg", "ignored"],
        ["Tilbud", "2", "Salg", "ignored"],
    ]
    columns = parse_map(["title=Opgavenavn", "effort=tid", "department=Ansvarlig enhed"])
    result = import_rows(rows, options=ImportOptions(columns=columns))
    assert result.errors == ()
    assert [(r.title, r.effort, r.department) for r in result.requests] == [
        ("Kunderegister", 3, "salg"),
        ("Tilbud", 2, "salg"),
    ]
    assert result.unknown_columns == ("Titel",)
    with pytest.raises(SpreadsheetError, match=r'no column named "Nope".*"Opgavenavn"'):
        import_rows(rows, options=ImportOptions(columns={Field.TITLE: "Nope"}))


@pytest.mark.parametrize("entry", ["title", "colour=Farve", "title=", "=Story"])
def test_a_bad_map_entry_names_the_fields(entry: str) -> None:
    with pytest.raises(SpreadsheetError, match="write FIELD=HEADER, with FIELD one of title"):
        parse_map([entry])


def test_more_headers_in_three_languages() -> None:
    fields = match_headers(["Story", "Estimat (timer)", "Tiimi", "Komponentti", "Kuvaus"])
    assert fields == {
        Field.TITLE: (0,),
        Field.EFFORT: (1,),
        Field.DEPARTMENT: (2,),  # a team beats a component
        Field.DESCRIPTION: (4,),
    }
    assert match_headers(["User story", "Afdeling", "Team", "Points"])[Field.DEPARTMENT] == (1,)
    assert match_headers(["Käyttäjätarina", "Tunnit"]) == {Field.TITLE: (0,), Field.EFFORT: (1,)}
    assert match_headers(["Brugerhistorie", "Estimat"])[Field.EFFORT] == (1,)


@pytest.mark.parametrize(
    ("header", "unit"),
    [("Estimat (timer)", "hours"), ("Effort (h)", "hours"), ("Hours", "hours"),
     ("Työmäärä (pv)", "days"), ("Points", "points"), ("Effort", None), ("Team", None)],
)  # fmt: skip
def test_a_header_that_names_its_unit_suggests_it(header: str, unit: str | None) -> None:
    assert header_unit(header) == unit


def test_the_unit_given_beats_the_unit_in_the_header() -> None:
    rows = [["Title", "Department", "Effort (h)"], ["A", "Sales", "15"]]
    assert import_rows(rows).requests[0].effort == 2
    days = import_rows(rows, options=ImportOptions(effort_unit=EffortUnit.DAYS))
    assert days.requests[0].effort == 15


def test_no_title_column_names_the_likely_header_row_and_title() -> None:
    rows = [["Backlog"], ["Nr", "Opgave beskrevet", "Størrelse"], ["1", "Se kunder i et kort", "3"],
            ["2", "Godkend tilbud i to trin", "5"]]  # fmt: skip
    with pytest.raises(NoTitleColumnError) as raised:
        import_rows(rows)
    assert raised.value.row == 2
    assert raised.value.headers == ("Nr", "Opgave beskrevet", "Størrelse")
    assert raised.value.likely[0] == "Opgave beskrevet"
    mapped = import_rows(rows, options=ImportOptions(columns={Field.TITLE: "Opgave beskrevet"},
                                                     department="Salg"))  # fmt: skip
    assert [r.title for r in mapped.requests] == ["Se kunder i et kort", "Godkend tilbud i to trin"]


def test_no_department_column_is_one_problem_with_the_likely_columns() -> None:
    rows = [["Summary", "Status", "Squad", "Votes"]]
    rows += [[f"Issue {n}", "Open" if n % 2 else "Done", f"Squad {n % 3}", str(n)]
             for n in range(187)]  # fmt: skip
    result = import_rows(rows)
    assert [error.kind for error in result.errors] == ["no-department"]
    assert result.likely["department"] == ("Status", "Squad")


def test_one_blank_row_is_a_gap_but_a_second_table_ends_the_data() -> None:
    rows: list[list[str | None]] = [["Title", "Department"], ["A", "Sales"], [None, None],
            ["B", "Sales"], ["", ""],
            ["Id", "Notes"], ["1", "x"]]  # fmt: skip
    result = import_rows(rows)
    assert [r.title for r in result.requests] == ["A", "B"]
    assert result.left_out == (
        "rows 6-7 below the blank row were left out (a second table or notes): only the rows "
        "under the header in row 1 are imported",
    )


@pytest.mark.parametrize("totals", [["", "", "=SUM(C2:C3)"], ["I alt", "", "5"],
                                    ["", "", "5"], ["Yhteensä", "", ""]])  # fmt: skip
def test_a_totals_row_is_left_out_with_a_note(totals: list[str]) -> None:
    rows = [["Title", "Department", "Effort"], ["A", "Sales", "2"], ["B", "Sales", "3"], totals]
    result = import_rows(rows)
    assert result.errors == ()
    assert [r.title for r in result.requests] == ["A", "B"]
    assert "row 4: a totals row, left out" in result.notes


def test_an_xls_that_is_not_one_says_so(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(600))
    with pytest.raises(SpreadsheetError, match="not a readable XLS file"):
        read_sheet(path)


def test_an_ods_with_a_named_sheet(tmp_path: Path) -> None:
    path = danish_backlog_ods(tmp_path / "backlog.ods")
    with pytest.raises(SpreadsheetError, match=r'no sheet named "Ark1".*"Backlog"'):
        read_sheet(path, sheet="Ark1")
