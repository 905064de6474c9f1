"""Sheets built to hurt: bombs and huge tables, through `import` in a memory-limited child.

Each is refused with one line naming the limit, writes nothing, and ends (a timeout guards
against a hang; no test asserts a time). The child's address space is limited, so a guard that
stops working fails here instead of taking the machine down.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.storage.spreadsheet.bounds import MAX_CELL, MAX_COLUMNS, MAX_ROWS
from tests.hostile_files import (
    lying_xlsx,
    ods,
    ods_cell,
    one_line,
    request_row,
    run_limited,
    sheet_xml,
    xlsx,
    zero_part_xlsx,
)

pytestmark = pytest.mark.slow

SheetMaker = Callable[[], bytes]

BOMBS: dict[str, tuple[str, SheetMaker, str]] = {
    "a part of 4 GiB in a few megabytes": (
        "xlsx",
        lambda: zero_part_xlsx(4 * 1024**3),
        'part "xl/media/filler.bin" unpacks to more than 100 MiB',
    ),
    "a sheet whose headers understate its size": (
        "xlsx",
        lambda: lying_xlsx(150 * 1024 * 1024),
        'its part "xl/worksheets/sheet1.xml" does not unpack (Bad CRC-32',
    ),
    "one cell in Excel's last row and column": (
        "xlsx",
        lambda: xlsx(sheet_xml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')),
        f"more than {MAX_ROWS:,} rows",
    ),
    "a cell far to the right": (
        "xlsx",
        lambda: xlsx(sheet_xml('<row r="2"><c r="ZZZ2"><v>1</v></c></row>')),
        f"row 2 has more than {MAX_COLUMNS:,} columns",
    ),
    "rows without numbers, more than the limit": (
        "xlsx",
        lambda: xlsx(sheet_xml("<row><c><v>1</v></c></row>" * (MAX_ROWS + 5))),
        f"more than {MAX_ROWS:,} rows",
    ),
    "a cell of a megabyte of text": (
        "xlsx",
        lambda: xlsx(
            sheet_xml(f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"x" * 2**20}</t></is></c></row>')
        ),
        f"row 2, column 1: a cell holds more than {MAX_CELL:,} characters",
    ),
    "an ODS row repeated a million times": (
        "ods",
        lambda: ods(
            '<table:table-row table:number-rows-repeated="1000000">'
            + ods_cell("x")
            + "</table:table-row>"
        ),
        f"more than {MAX_ROWS:,} rows",
    ),
    "an ODS cell repeated across 100,000 columns": (
        "ods",
        lambda: ods("<table:table-row>" + ods_cell("x", 100_000) + "</table:table-row>"),
        f"row 1 has more than {MAX_COLUMNS:,} columns",
    ),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_a_workbook_bomb_is_refused_in_one_line(name: str, tmp_path: Path) -> None:
    suffix, make, expected = BOMBS[name]
    sheet = tmp_path / f"bomb.{suffix}"
    sheet.write_bytes(make())
    out = tmp_path / "new.bellwether.json"
    line = one_line(run_limited("import", sheet, "-o", out))
    assert expected in line
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [sheet.name]


def test_libreoffice_s_empty_repeated_grid_is_no_bomb(tmp_path: Path) -> None:
    """LibreOffice writes the empty rest of its grid as one row repeated a million times."""
    header = "<table:table-row>" + ods_cell("Title") + ods_cell("Department") + "</table:table-row>"
    row = (
        "<table:table-row>" + ods_cell("Shared register") + ods_cell("Sales") + "</table:table-row>"
    )
    empty = (
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    sheet = tmp_path / "calc.ods"
    sheet.write_bytes(ods(header + row + empty))
    out = tmp_path / "new.bellwether.json"
    result = run_limited("import", sheet, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "1 request imported" in result.stdout


def test_a_sheet_at_the_row_limit_is_imported(tmp_path: Path) -> None:
    rows = "".join(request_row(row) for row in range(2, MAX_ROWS + 1))
    sheet = tmp_path / "full.xlsx"
    sheet.write_bytes(xlsx(sheet_xml(rows)))
    out = tmp_path / "new.bellwether.json"
    result = run_limited("import", sheet, "-o", out, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"{MAX_ROWS - 1:,}".replace(",", "") in result.stdout


CSVS: dict[str, tuple[Callable[[], str], str]] = {
    "1,500,000 rows": (
        lambda: "Title,Department\n" + "".join(f"Request {i},Sales\n" for i in range(1_500_000)),
        f"the sheet has more than {MAX_ROWS:,} rows",
    ),
    "1,000,000 columns": (
        lambda: "Title,Department," + ",".join(f"c{i}" for i in range(1_000_000)) + "\nA,Sales\n",
        f"row 1 has more than {MAX_COLUMNS:,} columns",
    ),
    "a cell of 200,000 characters": (
        lambda: "Title,Department\n" + "x" * 200_000 + ",Sales\n",
        f"row 2: a cell holds more than {MAX_CELL:,} characters, Excel's own limit",
    ),
    "a quote that is never closed": (
        lambda: 'Title,Department\nA,Sales\n"B,Sales\nC,Sales\nD,Sales\n',
        'row 3: a quoted cell starts in this row and is never closed (a " is missing)',
    ),
}


@pytest.mark.parametrize("name", list(CSVS))
def test_a_huge_or_broken_csv_is_refused_in_one_line(name: str, tmp_path: Path) -> None:
    make, expected = CSVS[name]
    sheet = tmp_path / "requests.csv"
    sheet.write_text(make(), encoding="utf-8")
    out = tmp_path / "new.bellwether.json"
    line = one_line(run_limited("import", sheet, "-o", out))
    assert expected in line, line
    assert not out.exists()


def test_control_characters_in_a_sheet_are_taken_out_with_a_note(tmp_path: Path) -> None:
    sheet = tmp_path / "requests.csv"
    sheet.write_bytes(b'Title,Department,Description\nT\x1b[31mred\x07,Sales,"a\x00b\tc"\n')
    out = tmp_path / "new.bellwether.json"
    result = run_limited("import", sheet, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "note: row 2: control characters were taken out of the title" in result.stdout
    assert "note: row 2: control characters were taken out of the description" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert '"title": "T[31mred"' in text
    assert '"description": "ab\\tc"' in text


def test_formatted_empty_rows_far_down_a_sheet_are_no_bomb(tmp_path: Path) -> None:
    """Excel keeps a formatted row or cell with no value as a row and a cell without `<v>`."""
    formatted = '<row r="1048576" s="1" customFormat="1"><c r="XFD1048576" s="1"/></row>'
    sheet = tmp_path / "formatted.xlsx"
    sheet.write_bytes(xlsx(sheet_xml(request_row(2) + formatted)))
    out = tmp_path / "new.bellwether.json"
    result = run_limited("import", sheet, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "1 request imported" in result.stdout
