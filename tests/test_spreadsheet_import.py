"""Importing requests from CSV and XLSX sheets: languages, encodings, errors per row."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.domain.model import Department, Request, Workshop
from app.storage.spreadsheet import (
    ImportRefusedError,
    ImportResult,
    SpreadsheetError,
    add_to_backlog,
    new_workshop_from_sheet,
    read_sheet,
)
from tests.conftest import workshop_data

DANISH_CSV = (
    "Ønsker fra afdelingerne, indsamlet marts 2027;;;;;;;;\r\n"
    ";;;;;;;;\r\n"
    "ID;Titel;Afdeling;Beskrivelse;Indsats;Gevinst;Byrde;Uger til gevinst;Afhænger af\r\n"
    "kr;Fælles kunderegister;Salg;Én kunde, ét sted;8,5;salg:3, kundeservice:1,5;Salg:2;2;\r\n"
    'tilbud;Tilbud i CRM;salg;"To linjer:\r\nskabeloner og godkendelse";4;3;;1;kr\r\n'
    ";Klagesager på én skærm;Kundeservice;;12,25;kundeservice:2;kundeservice:0,5;3;kr, tilbud\r\n"
)

FINNISH_CSV = (
    "Otsikko,Osasto,Kuvaus,Työmäärä,Hyöty,Kuormitus,Viikkoa hyötyyn,Riippuu,Tunnus\r\n"
    'Yhteinen asiakasrekisteri,Myynti,,"2,5","myynti:3, asiakaspalvelu:1",myynti:2,2,,a1\r\n'
    "Palvelupyynnöt,Asiakaspalvelu,Tiketit yhteen paikkaan,6,4,,1,a1,a2\r\n"
)


def _danish_workshop() -> Workshop:
    departments = [
        {"id": "sales", "name": "Salg"},
        {"id": "service", "name": "Kundeservice"},
    ]
    return Workshop.model_validate(workshop_data(departments=departments))


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _request(**fields: Any) -> Request:
    return Request.model_validate(fields)


def test_danish_semicolon_csv_in_windows_1252(tmp_path: Path) -> None:
    sheet = _write(tmp_path / "ønsker.csv", DANISH_CSV, "cp1252")
    result = read_sheet(sheet, workshop=_danish_workshop())

    assert result.errors == ()
    assert result.header_row == 3
    assert result.requests == (
        _request(id="kr", title="Fælles kunderegister", department="sales",
                 description="Én kunde, ét sted", effort=8.5,
                 benefit={"sales": 3, "service": 1.5}, burden={"sales": 2}, weeks_to_benefit=2),
        _request(id="tilbud", title="Tilbud i CRM", department="sales",
                 description="To linjer:\nskabeloner og godkendelse", effort=4,
                 benefit={"sales": 3}, weeks_to_benefit=1, depends_on=["kr"]),
        _request(id="klagesager-pa-en-skaerm", title="Klagesager på én skærm",
                 department="service", effort=12.25, benefit={"service": 2},
                 burden={"service": 0.5}, weeks_to_benefit=3, depends_on=["kr", "tilbud"]),
    )  # fmt: skip
    assert result.rows == {"kr": 4, "tilbud": 5, "klagesager-pa-en-skaerm": 6}
    assert result.columns["title"] == "Titel"
    assert result.columns["depends on"] == "Afhænger af"
    assert result.new_departments == ()


def test_finnish_csv_with_bom_makes_a_new_workshop(tmp_path: Path) -> None:
    sheet = _write(tmp_path / "pyynnot.csv", FINNISH_CSV, "utf-8-sig")
    result = read_sheet(sheet)

    workshop = new_workshop_from_sheet(result, "CRM-käyttöönotto", date(2027, 1, 4))

    assert [(d.id, d.name) for d in workshop.departments] == [
        ("myynti", "Myynti"),
        ("asiakaspalvelu", "Asiakaspalvelu"),
    ]
    assert workshop.requests == (
        _request(id="a1", title="Yhteinen asiakasrekisteri", department="myynti", effort=2.5,
                 benefit={"myynti": 3, "asiakaspalvelu": 1}, burden={"myynti": 2}),
        _request(id="a2", title="Palvelupyynnöt", department="asiakaspalvelu",
                 description="Tiketit yhteen paikkaan", effort=6,
                 benefit={"asiakaspalvelu": 4}, weeks_to_benefit=1, depends_on=["a1"]),
    )  # fmt: skip
    assert len(workshop.phases) == 1
    assert workshop.start == date(2027, 1, 4)
    assert result.columns["effort"] == "Työmäärä"


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Read me"
    cover.append(["Fill in the Requests sheet"])
    sheet = book.create_sheet("Requests")
    sheet.append(["Department requests 2027"])
    sheet.append(["Key", "Title", "Department", "Effort", "Benefit", "Weeks to benefit", "Votes"])
    sheet.append([101, "Shared customer register", "Sales", 8, "sales:3, service:1", 2, 4])
    sheet.append([])
    sheet.append([102, '=HYPERLINK("http://x")', "service", 2.5, 2, None, None])
    sheet["B5"].data_type = "s"
    book.save(path)
    return path


def test_xlsx_named_sheet_with_numbers_and_a_blank_row(tmp_path: Path) -> None:
    workshop = Workshop.model_validate(workshop_data())
    result = read_sheet(_xlsx(tmp_path / "requests.xlsx"), workshop=workshop, sheet="Requests")

    assert result.errors == ()
    assert result.sheet == "Requests"
    assert result.requests == (
        _request(id="101", title="Shared customer register", department="sales", effort=8,
                 benefit={"sales": 3, "service": 1}),
        _request(id="102", title='=HYPERLINK("http://x")', department="service", effort=2.5,
                 benefit={"service": 2}),
    )  # fmt: skip
    assert result.rows == {"101": 3, "102": 5}
    assert result.hints["101"].votes == 4
    added = add_to_backlog(workshop, result)
    assert [r.id for r in added.requests] == ["101", "102"]
    assert all(r.phase is None for r in added.requests)


def test_xlsx_first_sheet_by_default_and_unknown_sheet(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "requests.xlsx")
    with pytest.raises(SpreadsheetError, match="no header row"):
        read_sheet(path)
    with pytest.raises(SpreadsheetError, match=r'no sheet named "Ønsker".*"Read me", "Requests"'):
        read_sheet(path, sheet="Ønsker")


BAD_CSV = (
    "title,department,effort,weeks to benefit,benefit,id,depends on\n"
    "Good one,sales,1,2,,g1,\n"
    "Also good,sales,2,,,g2,g1\n"
    "Lots of effort,sales,2,,,b1,\n"
    "Depends on a bad row,service,1,,,d1,b1\n"
    "Too late,service,1,600,,,\n"
    "Big effort,sales,lots,,,b2,\n"
)


def _bad(tmp_path: Path) -> tuple[Workshop, ImportResult]:
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV.replace("Lots of effort,sales,2", "Lots of effort,sales,-2"), "utf-8")
    workshop = Workshop.model_validate(workshop_data())
    return workshop, read_sheet(path, workshop=workshop)


def test_bad_rows_are_reported_with_row_and_column(tmp_path: Path) -> None:
    _, result = _bad(tmp_path)

    assert [str(error) for error in result.errors] == [
        'row 4, column "effort": "-2" is negative: effort must be 0 or more',
        'row 5, column "depends on": depends on "b1" (row 4), which has errors',
        'row 6, column "weeks to benefit": "600" must be a whole number of weeks, 0-520',
        'row 7, column "effort": "lots" is not a number',
    ]
    assert result.bad_rows == (4, 5, 6, 7)
    assert [r.id for r in result.requests] == ["g1", "g2"]


def test_import_takes_all_rows_or_none_unless_asked(tmp_path: Path) -> None:
    workshop, result = _bad(tmp_path)

    with pytest.raises(ImportRefusedError) as refused:
        add_to_backlog(workshop, result)
    assert len(refused.value.errors) == 4
    assert str(refused.value).startswith('row 4, column "effort": "-2" is negative')
    assert str(refused.value).endswith("(and 1 more)")

    added = add_to_backlog(workshop, result, skip_bad_rows=True)
    assert [r.id for r in added.requests] == ["g1", "g2"]


def test_unknown_departments_are_listed_and_created_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text("Title,Department,Benefit\nLead scoring,Marketing,marketing:2; HR:1\n")
    workshop = Workshop.model_validate(workshop_data())
    result = read_sheet(path, workshop=workshop)

    assert result.new_departments == (
        Department(id="marketing", name="Marketing"),
        Department(id="hr", name="HR"),
    )
    with pytest.raises(ImportRefusedError, match='departments not in the workshop: "Marketing"'):
        add_to_backlog(workshop, result)
    added = add_to_backlog(workshop, result, create_departments=True)
    assert [d.id for d in added.departments] == ["sales", "service", "marketing", "hr"]
    assert added.requests[0].benefit == {"marketing": 2, "hr": 1}


def test_departments_by_id_or_name_without_case_or_accents(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("Title;Afdeling\nA;sales\nB;SALG\nC;kundeservice\nD;Kúndeservíce\n", "utf-8")
    result = read_sheet(path, workshop=_danish_workshop())
    assert [r.department for r in result.requests] == ["sales", "sales", "service", "service"]


def test_missing_ids_are_made_from_titles_unique_and_valid(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text(
        "Title,Department,ID\nSame,sales,\nSame,sales,\nØl & snacks!,sales,\n"
        "!!!,sales,\nTaken,sales,same-3\nExisting,sales,\n",
        "utf-8",
    )
    existing = workshop_data(requests=[{"id": "existing", "title": "X", "department": "sales"}])
    result = read_sheet(path, workshop=Workshop.model_validate(existing))
    assert [r.id for r in result.requests] == [
        "same", "same-2", "oel-snacks", "request", "same-3", "existing-2",
    ]  # fmt: skip


def test_given_ids_must_be_valid_and_unique(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text(
        "Title,Department,ID\nA,sales,r1\nB,sales,r1\nC,sales,has space\nD,sales,old\n", "utf-8"
    )
    existing = workshop_data(requests=[{"id": "old", "title": "X", "department": "sales"}])
    result = read_sheet(path, workshop=Workshop.model_validate(existing))
    assert [str(e) for e in result.errors] == [
        'row 3, column "ID": "r1" is already the id of row 2',
        'row 4, column "ID": "has space" is not a valid id (1-64 characters of A-Z a-z 0-9 _ . - '
        "starting with a letter or digit)",
        'row 5, column "ID": "old" is already the id of a request in the workshop',
    ]


def test_dependency_problems(tmp_path: Path) -> None:
    path = tmp_path / "deps.csv"
    path.write_text(
        "Title,Department,ID,Depends on\nA,sales,a,a\nB,sales,b,zzz\nC,sales,c,d\nD,sales,d,c\n"
    )
    result = read_sheet(path, workshop=Workshop.model_validate(workshop_data()))
    messages = [str(e) for e in result.errors]
    assert messages[0].startswith("the rows cannot be imported together: ")
    assert 'dependency cycle "c" -> "d" -> "c"' in messages[0]
    assert messages[1:] == [
        'row 2, column "Depends on": "a" is this request itself',
        'row 3, column "Depends on": "zzz" is not the id of a request in the sheet or the workshop',
    ]
    with pytest.raises(ImportRefusedError, match="dependency cycle"):
        add_to_backlog(Workshop.model_validate(workshop_data()), result, skip_bad_rows=True)


def test_benefit_and_burden_cells(tmp_path: Path) -> None:
    path = tmp_path / "points.csv"
    path.write_text(
        "Title;Department;Benefit;Burden\n"
        "A;sales;sales:2,5, service:1;service:0\n"
        'B;sales;"sales: 1\nservice: 2";3\n'
        "C;sales;sales:0;\n"
        "D;sales;sales:1, sales:2;\n"
        "E;sales;service;\n",
        "utf-8",
    )
    result = read_sheet(path, workshop=Workshop.model_validate(workshop_data()))
    assert [(r.benefit, r.burden) for r in result.requests] == [
        ({"sales": 2.5, "service": 1}, {"service": 0}),
        ({"sales": 1, "service": 2}, {"sales": 3}),
    ]
    assert [str(e) for e in result.errors] == [
        'row 4, column "Benefit": "sales": benefit points must be above 0',
        'row 5, column "Benefit": names a department twice',
        'row 6, column "Benefit": "service" has no number: write it as "service:3"',
    ]


def test_sheet_level_problems(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Nothing here,at all\n1,2\n")
    with pytest.raises(SpreadsheetError, match="no header row with a title column in the first 50"):
        read_sheet(path)
    path.write_text("Title,Squad\nA,Sales\n")
    result = read_sheet(path)
    assert "no department column" in str(result.errors[0])
    assert result.headers == ("Title", "Squad")
    with pytest.raises(SpreadsheetError, match='no column named "Tribe"'):
        read_sheet(path, department_column="Tribe")
    assert read_sheet(path, department_column="squad").requests[0].department == "sales"
    with pytest.raises(SpreadsheetError, match="no such file"):
        read_sheet(tmp_path / "missing.csv")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    with pytest.raises(SpreadsheetError, match=r"not a readable XLS file"):
        read_sheet(tmp_path / "old.xls")


def test_long_text_is_shortened_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"Title,Department,Description\n{'T' * 250},sales,{'d' * 10_050}\n")
    result = read_sheet(path, workshop=Workshop.model_validate(workshop_data()))
    request = result.requests[0]
    assert len(request.title) == 200
    assert request.title.endswith("…")
    assert len(request.description) == 10_000
    assert result.notes == (
        "row 2: the title was shortened to 200 characters",
        "row 2: the description was shortened to 10,000 characters",
    )
