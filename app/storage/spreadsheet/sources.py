"""Reading a CSV or XLSX file into rows of cells.

Row `i` of the result is the sheet's row `i + 1` as a spreadsheet program numbers it: in a CSV a
quoted cell with line breaks is one row (one record), not several lines.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from app.storage.reading import FileReadError, read_file
from app.storage.spreadsheet.cells import Value, cell_text
from app.storage.spreadsheet.headers import HEADER_SCAN_ROWS, header_score

MAX_BYTES = 100 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


class SpreadsheetError(Exception):
    """A sheet that cannot be read at all; one line for the user, without the file's name."""


@dataclass(frozen=True, slots=True)
class SheetRows:
    """The cells of one sheet, row by row; `name` is the XLSX sheet's name (None for a CSV)."""

    name: str | None
    rows: list[list[Value]]


def read_rows(path: Path, sheet: str | None = None) -> SheetRows:
    """The rows of a CSV file, or of an XLSX file's first (or named) sheet."""
    raw = _read_bytes(path)
    if path.suffix.lower() in XLSX_SUFFIXES or raw.startswith(b"PK\x03\x04"):
        return _xlsx_rows(raw, sheet)
    if path.suffix.lower() == ".xls" or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError("the old Excel .xls format is not read; save it as .xlsx or CSV")
    if sheet is not None:
        raise SpreadsheetError(f"a CSV file has no sheets (given: {sheet!r})")
    return SheetRows(None, _csv_rows(decode_csv(raw)))


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
    """The delimiter under which the first rows hold the best header row (comma on a tie)."""
    best, best_score = DELIMITERS[0], -1
    for delimiter in DELIMITERS:
        head = itertools.islice(_reader(text, delimiter), HEADER_SCAN_ROWS)
        try:
            score = max((header_score(cells) for cells in head), default=0)
        except csv.Error:
            continue
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _reader(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _csv_rows(text: str) -> list[list[Value]]:
    reader = _reader(text, detect_delimiter(text))
    rows: list[list[Value]] = []
    try:
        rows.extend(list(cells) for cells in reader)
    except csv.Error as error:
        raise SpreadsheetError(f"row {len(rows) + 1} is not valid CSV ({error})") from None
    return rows


def _xlsx_rows(raw: bytes, sheet: str | None) -> SheetRows:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # openpyxl warns about parts it drops (data validation, unknown extensions, missing default
    # styles); none of them matter for reading values, and they must not reach the user.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
        try:
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            try:
                return _sheet_rows(book, sheet)
            finally:
                book.close()
        except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError, SyntaxError) as e:
            raise SpreadsheetError(f"not a readable XLSX file ({e})") from None


def _sheet_rows(book: Any, sheet: str | None) -> SheetRows:
    names: list[str] = book.sheetnames
    if sheet is not None and sheet not in names:
        listed = ", ".join(f'"{name}"' for name in names)
        raise SpreadsheetError(f'no sheet named "{sheet}" (the sheets: {listed})')
    name = sheet if sheet is not None else names[0]
    worksheet = book[name]
    if not hasattr(worksheet, "iter_rows"):
        raise SpreadsheetError(f'"{name}" is a chart, not a sheet of rows')
    worksheet.reset_dimensions()
    rows = [[_xlsx_value(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
    return SheetRows(name, rows)


def _xlsx_value(value: object) -> Value:
    """Numbers stay numbers (no decimal-comma question); dates and the rest become text."""
    if isinstance(value, bool):
        return cell_text(value)
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, date):
        return cell_text(value)
    return str(value)
