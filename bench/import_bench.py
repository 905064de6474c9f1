"""Benchmark of the spreadsheet import (and the export back) at 5,000 requests.

Generates in a temporary folder a 5,000-row XLSX (written with openpyxl), the same rows as a
LibreOffice ODS (written with odfpy) and as a Danish semicolon CSV in Windows-1252 with decimal
commas, and a Jira-like CSV of 5,000 issues with 320 columns. Times the whole import
(`read_sheet` + `new_workshop_from_sheet`: read, check every row, validate the workshop) against
a baseline measured in the same run: only reading the cells (`csv.reader`, or calamine for the
XLSX and the ODS). Then the workbook readers side by side:
calamine, which the import uses, against openpyxl on the same XLSX. Target: under 2 s for each
5,000-row import.

    .venv/bin/python bench/import_bench.py [--rows N] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.storage.spreadsheet import (  # noqa: E402
    new_workshop_from_sheet,
    read_sheet,
    write_plan_csv,
    write_plan_xlsx,
)

TARGET_SECONDS = 2.0
DEPARTMENTS = ("Salg", "Marketing", "Kundeservice", "HR", "Logistik", "Økonomi", "Direktion")
HEADERS = ("ID", "Titel", "Afdeling", "Beskrivelse", "Indsats", "Gevinst", "Byrde",
           "Uger til gevinst", "Afhænger af")  # fmt: skip


def _rows(count: int, rng: random.Random) -> list[list[object]]:
    rows: list[list[object]] = []
    for number in range(count):
        department = rng.choice(DEPARTMENTS)
        other = rng.choice([name for name in DEPARTMENTS if name != department])
        depends = f"r{rng.randrange(number)}" if number and rng.random() < 0.3 else ""
        rows.append([
            f"r{number}", f"Ønske {number}: {department.lower()} får et nyt skærmbillede",
            department, "Beskrivelse af ønsket, med æ, ø og å." * rng.randint(0, 3),
            round(rng.uniform(0.5, 20), 1), f"{department}:{rng.randint(1, 5)}, {other}:1",
            f"{department}:{round(rng.uniform(0, 4), 1)}", rng.randint(0, 6), depends,
        ])  # fmt: skip
    return rows


def _danish_csv(path: Path, rows: list[list[object]]) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Ønsker fra afdelingerne"])
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([str(cell).replace(".", ",") if isinstance(cell, float) else cell
                         for cell in row])  # fmt: skip
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    return path


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Ønsker")
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _ods(path: Path, rows: list[list[object]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Ønsker")
    header: list[object] = list(HEADERS)
    for cells in [header, *rows]:
        row = TableRow()
        for value in cells:
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            if value != "":
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def _jira_csv(path: Path, rows: list[list[object]]) -> Path:
    extra = [f"Custom field (Field {number})" for number in range(300)]
    headers = ["Summary", "Issue key", "Issue id", "Team", "Custom field (Story Points)",
               "Original Estimate", "Votes", *["Sprint"] * 8, "Inward issue link (Blocks)",
               "Description", "Labels", "Labels", *extra]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for number, row in enumerate(rows):
        blocks = f"CRM-{str(row[8])[1:]}" if row[8] else ""
        writer.writerow([row[1], f"CRM-{number}", 10_000 + number, row[2], row[4], "", number % 7,
                         *[f"Sprint {s}" for s in range(8)], blocks, f"{row[3]}\nAnden linje",
                         "crm", "", *["x"] * len(extra)])  # fmt: skip
    path.write_text(buffer.getvalue(), "utf-8", newline="")
    return path


def _median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _import(path: Path, department_column: str | None = None) -> None:
    result = read_sheet(path, department_column=department_column)
    assert result.ok, result.errors[:3]
    new_workshop_from_sheet(result, "Bench", date(2027, 1, 4))


def _openpyxl_cells(path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    for _ in book.worksheets[0].iter_rows(values_only=True):
        pass
    book.close()


def _calamine_cells(path: Path) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    book.get_sheet_by_index(0).to_python()
    book.close()


def _read_cells(path: Path) -> None:
    if path.suffix in (".xlsx", ".ods"):
        _calamine_cells(path)  # the reader the import uses
        return
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig") if path.name.startswith("jira") else raw.decode("cp1252")
    for _ in csv.reader(io.StringIO(text, newline=""), delimiter=";" if "da" in path.name else ","):
        pass


def main() -> int:
    """Print the import and export times as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = _rows(args.rows, random.Random(6))
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        cases = [
            (f"XLSX, {args.rows:,} rows x 9 columns", _xlsx(base / "da.xlsx", rows), None),
            (f"ODS, {args.rows:,} rows x 9 columns", _ods(base / "da.ods", rows), None),
            (f"CSV (Danish, ;, cp1252), {args.rows:,} rows", _danish_csv(base / "da.csv", rows),
             None),
            (f"Jira CSV, {args.rows:,} rows x 320 columns", _jira_csv(base / "jira.csv", rows),
             "Team"),
        ]  # fmt: skip
        print("| import | whole import | reading the cells only | ratio |")
        print("|---|---:|---:|---:|")
        slow = False
        for label, path, column in cases:
            seconds = _median(partial(_import, path, column), args.repeat)
            baseline = _median(partial(_read_cells, path), args.repeat)
            slow |= seconds > TARGET_SECONDS
            print(f"| {label} | {seconds:.2f} s | {baseline:.2f} s | {seconds / baseline:.1f}x |")
        _print_readers(base / "da.xlsx", args.repeat)
        _print_export(base, args.repeat)
    print(f"\nTarget: each import under {TARGET_SECONDS:.0f} s: {'MISSED' if slow else 'met'}.")
    return 0


def _print_readers(path: Path, repeat: int) -> None:
    calamine = _median(partial(_calamine_cells, path), repeat)
    openpyxl = _median(partial(_openpyxl_cells, path), repeat)
    faster = "python-calamine" if calamine <= openpyxl else "openpyxl"
    print("\n| reading the XLSX's cells | time | against calamine |\n|---|---:|---:|")
    print(f"| python-calamine | {calamine:.2f} s | 1.0x |")
    print(f"| openpyxl (read-only) | {openpyxl:.2f} s | {openpyxl / calamine:.1f}x |")
    print(f"\nReader chosen for XLSX, ODS and XLS: python-calamine (faster here: {faster}).")


def _print_export(base: Path, repeat: int) -> None:
    result = read_sheet(base / "da.csv")
    workshop = new_workshop_from_sheet(result, "Bench", date(2027, 1, 4))
    count = len(workshop.requests)
    csv_time = _median(lambda: write_plan_csv(base / "plan.csv", workshop), repeat)
    xlsx_time = _median(lambda: write_plan_xlsx(base / "plan.xlsx", workshop), repeat)
    print(f"\n| export of {count:,} requests | time |\n|---|---:|")
    print(f"| plan CSV | {csv_time:.2f} s |\n| plan XLSX | {xlsx_time:.2f} s |")


if __name__ == "__main__":
    sys.exit(main())
