"""Sheets as people keep them, built in the tests: a Danish backlog with a note row, an Excel
table, a totals row and a second table (estimates in hours), the same rows as LibreOffice ODS
and as old Excel XLS, and a Finnish service-desk CSV without a department column.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

NOTE = "Produkt-backlog for CRM-teamet, opdateret hver fredag"
HEADERS = ["ID", "As", "Story", "Estimation", "Priority", "Sprint"]
STORIES: list[list[object]] = [
    [1, "Sælger", "  Som sælger vil jeg se kundens historik  ", 15, "Høj", 1],
    [2, "Kundeservice", "Som supporter vil jeg se åbne sager", 7.5, "Høj", 1],
    [3, "Salgschef", "Som chef vil jeg se pipeline pr. måned", 30, "Mellem", 2],
]
SECOND_TABLE: list[list[object]] = [
    ["ID", "How to demo", "Notes"],
    [1, "Log ind som sælger", "Brug testkunde"],
]


def danish_backlog_xlsx(path: Path) -> Path:
    """The Danish backlog: note in row 1, table A2:F5 with a totals row, a second table below."""
    from openpyxl import Workbook
    from openpyxl.worksheet.table import Table

    book = Workbook()
    sheet = book.active
    sheet.title = "Backlog"
    sheet.append([NOTE])
    sheet.append(HEADERS)
    for story in STORIES:
        sheet.append(story)
    # Excel keeps the value of the totals row's SUBTOTAL; openpyxl writes values or formulas,
    # so the value stands here for what calamine reads from a file Excel saved.
    sheet.append([None, None, None, 52.5, None, None])
    table = Table(displayName="Backlog", ref="A2:F6")
    table.totalsRowCount = 1
    sheet.add_table(table)
    sheet.append([])
    sheet.append([])
    for row in SECOND_TABLE:
        sheet.append(row)
    book.save(path)
    return path


def danish_backlog_ods(path: Path) -> Path:
    """The same rows as an ODS (no Excel table: the totals row and blank rows end the data)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Backlog")
    totals: list[object] = [None, None, None, 52.5]
    blank: list[object] = []
    rows: list[Sequence[object]] = [[NOTE], HEADERS, *STORIES, totals, blank, blank]
    rows.extend(SECOND_TABLE)
    for cells in rows:
        row = TableRow()
        for value in cells:
            row.addElement(_ods_cell(value, TableCell, P))
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def danish_backlog_xls(path: Path) -> Path:
    """The same rows as an old-Excel XLS (no tables: the totals row and blank rows end the data)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Backlog")
    totals: list[object] = [None, None, None, 52.5]
    blank: list[object] = []
    rows: list[Sequence[object]] = [[NOTE], HEADERS, *STORIES, totals, blank, blank]
    rows.extend(SECOND_TABLE)
    for index, cells in enumerate(rows):
        for column, value in enumerate(cells):
            if value is not None:
                sheet.write(index, column, value)
    book.save(str(path))
    return path


def _ods_cell(value: object, cell_type: type, paragraph: type) -> object:
    if value is None:
        return cell_type()
    if isinstance(value, int | float):
        cell = cell_type(valuetype="float", value=value)
    else:
        cell = cell_type(valuetype="string")
    cell.addElement(paragraph(text=str(value)))
    return cell


FINNISH_CSV = (
    "Tunnus;Otsikko;Kuvaus;Työmäärä (h);Tila\r\n"
    "LP-1;Rakennuslupien haku karttapalvelusta;Hakija näkee luvat kartalla;15;Avoin\r\n"
    "LP-2;Liitteiden esikatselu;Pdf-liitteet selaimessa;7,5;Avoin\r\n"
    "LP-3;Viranomaisen muistutukset;Sähköposti kolme päivää ennen;3;Suljettu\r\n"
)


def finnish_service_desk_csv(path: Path) -> Path:
    """A Finnish service-desk export: no department column, effort in hours, CRLF line ends."""
    path.write_bytes(FINNISH_CSV.encode("utf-8"))
    return path
