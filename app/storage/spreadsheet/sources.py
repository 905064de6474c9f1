"""Reading a CSV, XLSX, ODS or XLS file into rows of cells.

Row `i` of the result is the sheet's row `i + 1` as a spreadsheet program numbers it: in a CSV a
quoted cell with line breaks is one row (one record), not several lines.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.i18n import _
from app.storage.reading import FileReadError, read_file
from app.storage.spreadsheet.bounds import (
    MAX_COLUMNS,
    SheetLimitError,
    check_workbook,
    checked_rows,
    csv_limit,
    is_field_limit,
    too_long_cell,
)
from app.storage.spreadsheet.cells import Value, cell_text
from app.storage.spreadsheet.headers import HEADER_SCAN_ROWS, header_score

MAX_BYTES = 100 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
ODS_SUFFIXES = (".ods", ".ots")
SUFFIXES = (".csv", ".tsv", ".txt", *XLSX_SUFFIXES, *ODS_SUFFIXES, ".xls")
"""Every kind of file the import reads."""

Table = tuple[int, int]
"""An Excel table's header row and last data row (0-based)."""


class SpreadsheetError(Exception):
    """A sheet that cannot be read at all; one line for the user, without the file's name."""


@dataclass(frozen=True, slots=True)
class SheetRows:
    """The cells of one sheet, row by row; `name` is the workbook sheet's name (None for a CSV)."""

    name: str | None
    rows: list[list[Value]]
    tables: tuple[Table, ...] = ()


def read_rows(path: Path, sheet: str | None = None) -> SheetRows:
    """The rows of a CSV file, or of a workbook's (XLSX, ODS, XLS) first or named sheet."""
    raw = _read_bytes(path)
    kind = _workbook_kind(path, raw)
    if kind is not None:
        return _book_rows(raw if kind == "XLS" else _bounded(raw, kind), sheet, kind)
    if sheet is not None:
        raise SpreadsheetError(_('a CSV file has no sheets (given: "{sheet}")').format(sheet=sheet))
    return SheetRows(None, _csv_rows(decode_csv(raw)))


def _workbook_kind(path: Path, raw: bytes) -> str | None:
    """ODS, XLSX or XLS, by the name's suffix or the file's first bytes (None: a CSV)."""
    suffix = path.suffix.lower()
    if suffix in ODS_SUFFIXES or (raw.startswith(b"PK\x03\x04") and b"opendocument" in raw[:100]):
        return "ODS"
    if suffix in XLSX_SUFFIXES or raw.startswith(b"PK\x03\x04"):
        return "XLSX"
    if suffix == ".xls" or raw.startswith(b"\xd0\xcf\x11\xe0"):
        return "XLS"
    return None


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook, for a choice of sheet ([] for a CSV).

    SpreadsheetError when the file cannot be read; a workbook is measured before it is opened.
    """
    raw = _read_bytes(path)
    kind = _workbook_kind(path, raw)
    if kind is None:
        return []
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(
            io.BytesIO(raw if kind == "XLS" else _bounded(raw, kind))
        )
    except (CalamineError, ValueError, OSError) as error:
        raise SpreadsheetError(
            _("not a readable {kind} file ({error})").format(kind=kind, error=error)
        ) from None
    try:
        return list(book.sheet_names)
    finally:
        book.close()


def _bounded(raw: bytes, kind: str) -> bytes:
    """The workbook, once its parts and sheets are known to be within the limits."""
    try:
        check_workbook(raw, kind)
    except SheetLimitError as error:
        raise SpreadsheetError(str(error)) from None
    return raw


def _read_bytes(path: Path) -> bytes:
    try:
        return read_file(path, "a spreadsheet", MAX_BYTES)
    except FileReadError as error:
        raise SpreadsheetError(str(error)) from None


def decode_csv(raw: bytes) -> str:
    """CSV text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Excel in Denmark saves "CSV (semicolon separated)" in Windows-1252; a file that is not valid
    UTF-8 is read that way (and as Latin-1 if it uses one of the five bytes 1252 leaves undefined).
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def detect_delimiter(text: str) -> str:
    """The delimiter under which the first rows hold the best header row, else the most columns
    (comma on a tie)."""
    best, best_score = DELIMITERS[0], (-1, -1)
    for delimiter in DELIMITERS:
        try:
            rows = itertools.islice(_reader(text, delimiter), HEADER_SCAN_ROWS)
            head = [cells[: MAX_COLUMNS + 1] for cells in rows]  # no more are read anyway
            score = (
                max((header_score(cells) for cells in head), default=0),
                max((len(cells) for cells in head), default=0),
            )
        except csv.Error:
            continue
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _reader(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _csv_rows(text: str) -> list[list[Value]]:
    rows: list[list[Value]] = []
    with _cell_limit():
        reader = _reader(text, detect_delimiter(text))
        try:
            rows.extend(list(cells) for cells in checked_rows(reader))
        except SheetLimitError as error:
            raise SpreadsheetError(str(error)) from None
        except csv.Error as error:
            if is_field_limit(error):
                raise SpreadsheetError(str(too_long_cell(len(rows) + 1))) from None
            raise SpreadsheetError(
                _("row {row} is not valid CSV ({error})").format(row=len(rows) + 1, error=error)
            ) from None
    if text.count('"') % 2 and rows and rows[-1] and "\n" in str(rows[-1][-1]):
        # A quote left open swallows every line after it into one cell of its row.
        raise SpreadsheetError(
            _(
                'row {row}: a quoted cell starts in this row and is never closed (a " is missing)'
            ).format(row=len(rows))
        )
    return rows


@contextlib.contextmanager
def _cell_limit() -> Iterator[None]:
    """Python's CSV reader refuses a cell over Excel's limit (its own default is 131,072)."""
    before = csv.field_size_limit(csv_limit())
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _book_rows(raw: bytes, sheet: str | None, kind: str) -> SheetRows:
    """The rows of a workbook's sheet, read with calamine (faster than openpyxl)."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw), load_tables=kind == "XLSX")
    except (CalamineError, ValueError, OSError) as error:
        raise SpreadsheetError(
            _("not a readable {kind} file ({error})").format(kind=kind, error=error)
        ) from None
    try:
        return _sheet_rows(book, sheet)
    except (CalamineError, ValueError, OSError) as error:
        raise SpreadsheetError(
            _("not a readable {kind} file ({error})").format(kind=kind, error=error)
        ) from None
    finally:
        book.close()


def _sheet_rows(book: Any, sheet: str | None) -> SheetRows:
    names: list[str] = book.sheet_names
    if not names:
        raise SpreadsheetError(_("the workbook has no sheets"))
    if sheet is not None and sheet not in names:
        listed = ", ".join(f'"{name}"' for name in names)
        raise SpreadsheetError(
            _('no sheet named "{sheet}" (the sheets: {listed})').format(sheet=sheet, listed=listed)
        )
    name = sheet if sheet is not None else names[0]
    cells = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    try:
        rows = [[_book_value(value) for value in row] for row in checked_rows(cells)]
    except SheetLimitError as error:
        raise SpreadsheetError(str(error)) from None
    return SheetRows(name, rows, _tables(book, name))


def _tables(book: Any, name: str) -> tuple[Table, ...]:
    """The Excel tables on the sheet: (header row, last data row), 0-based."""
    from python_calamine import CalamineError

    try:
        names: list[str] = book.table_names or []
    except CalamineError:
        return ()
    found: list[Table] = []
    for table_name in names:
        table = book.get_table_by_name(table_name)
        if table.sheet == name and table.start is not None and table.end is not None:
            found.append((table.start[0] - 1, table.end[0]))
    return tuple(found)


def _book_value(value: object) -> Value:
    """Numbers stay numbers (no decimal-comma question); dates and the rest become text."""
    if value == "" or value is None:
        return None
    if isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, str | int | float):
        return value
    if isinstance(value, date):
        return cell_text(value)
    return str(value)
