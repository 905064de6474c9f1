"""How much of a sheet is read: rows, columns, characters a cell, and what a workbook unpacks to.

An XLSX or ODS file is a zip archive, and the 100 MiB limit on the file says nothing of what it
unpacks to: a 4 MB file can hold a part of 4 GiB, and a 1 KB one a cell in the last row and
column of Excel's grid, which the reader would lay out as a grid of seventeen billion cells.
So before the reader sees a workbook, every part is unpacked as a stream and counted, and the
sheets are scanned for the rows and columns their cells reach; anything past a limit is refused
as soon as the limit is crossed, with what was found and what the limit is.
"""

from __future__ import annotations

import csv
import functools
import re
import xml.parsers.expat
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from app.i18n import _

MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
MAX_CELL = 32_767
"""Characters in one cell: Excel's own limit."""
MAX_PART = 100 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


class SheetLimitError(ValueError):
    """A sheet past one of the limits; the message is one line for the user."""


def too_many_rows() -> SheetLimitError:
    """The sheet has more rows than are read."""
    return SheetLimitError(
        _("the sheet has more than {limit:,} rows, the most an import reads").format(limit=MAX_ROWS)
    )


def too_many_columns(row: int) -> SheetLimitError:
    """Row `row` (1-based) reaches past the last column that is read."""
    return SheetLimitError(
        _("row {row} has more than {limit:,} columns, the most an import reads").format(
            row=row, limit=MAX_COLUMNS
        )
    )


def too_long_cell(row: int, column: int | None = None) -> SheetLimitError:
    """A cell holds more characters than Excel allows (column: 1-based, when known)."""
    where = _("row {row}").format(row=row)
    if column is not None:
        where = _("row {row}, column {column}").format(row=row, column=column)
    return SheetLimitError(
        _("{where}: a cell holds more than {limit:,} characters, Excel's own limit").format(
            where=where, limit=MAX_CELL
        )
    )


Cells = TypeVar("Cells", bound=Sequence[object])


def checked_rows(rows: Iterable[Cells]) -> Iterator[Cells]:
    """The rows, refused (SheetLimitError) at the first row, column or cell past a limit."""
    for index, cells in enumerate(rows, start=1):
        if index > MAX_ROWS:
            raise too_many_rows()
        if len(cells) > MAX_COLUMNS and any(c not in (None, "") for c in cells[MAX_COLUMNS:]):
            raise too_many_columns(index)
        for column, cell in enumerate(cells, start=1):
            if isinstance(cell, str) and len(cell) > MAX_CELL:
                raise too_long_cell(index, column)
        yield cells


def csv_limit() -> int:
    """The field size limit for Python's CSV reader: one character more than a cell may hold."""
    return MAX_CELL + 1


def is_field_limit(error: csv.Error) -> bool:
    """Whether the CSV reader stopped at a cell over `csv_limit()` characters."""
    return "field larger than field limit" in str(error)


def check_workbook(raw: bytes, kind: str) -> None:
    """Refuse (SheetLimitError) a workbook whose parts or sheets pass a limit, unread."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip archive: the reader says what it is
    with archive:
        total = 0
        for info in archive.infolist():
            if info.file_size > MAX_PART:
                raise _too_big(info.filename)
            scan = _scanner(info.filename, kind)
            total += _unpack(archive, info, scan)
            if total > MAX_UNPACKED:
                raise SheetLimitError(
                    _("the workbook unpacks to more than {size} MiB, the most that is read").format(
                        size=MAX_UNPACKED // 2**20
                    )
                )


def _too_big(name: str) -> SheetLimitError:
    return SheetLimitError(
        _('the workbook\'s part "{name}" unpacks to more than {size} MiB, the most read').format(
            name=name[:80], size=MAX_PART // 2**20
        )
    )


def _unpack(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, scan: Callable[[bytes], None] | None
) -> int:
    """Unpack one part as a stream and count it; stop at the limit, whatever its header says."""
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > MAX_PART:
                    raise _too_big(info.filename)
                if scan is not None:
                    scan(chunk)
            if scan is not None:
                scan(b"")
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        # Also a part that unpacks to more than its header says: the reader would believe it.
        raise SheetLimitError(
            _('the workbook is damaged: its part "{name}" does not unpack ({error})').format(
                name=info.filename[:80], error=error
            )
        ) from None
    return size


def _scanner(name: str, kind: str) -> Callable[[bytes], None] | None:
    if kind == "XLSX" and re.fullmatch(r"xl/worksheets/[^/]+\.xml", name):
        return _Extent(_xlsx_start).feed
    if kind == "ODS" and name == "content.xml":
        return _Extent(_ods_start, _ods_end).feed
    return None


class _Extent:
    """Follows a sheet's XML as it streams by: the last row and column a cell reaches."""

    def __init__(
        self,
        start: Callable[[_Extent, str, dict[str, str]], None],
        end: Callable[[_Extent, str], None] | None = None,
    ) -> None:
        self.parser = xml.parsers.expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = functools.partial(start, self)
        if end is not None:
            self.parser.EndElementHandler = functools.partial(end, self)
        self.row = 0  # the current row (1-based); 0 before the first
        self.column = 0  # the last column used in the current row
        self.repeat_rows = 1
        self.repeat_columns = 1
        self.content = False
        self.row_content = False
        self.rows_reached = 0

    def feed(self, chunk: bytes) -> None:
        """Parse the next part of the XML (an empty chunk ends it)."""
        try:
            self.parser.Parse(chunk, not chunk)
        except xml.parsers.expat.ExpatError:
            self.parser.StartElementHandler = None  # not XML the scan understands: the reader
            self.parser.EndElementHandler = None  # will say what is wrong with it

    def reach(self, row: int, column: int) -> None:
        """A cell at (row, column), 1-based: refuse it past the limits."""
        if row > MAX_ROWS:
            raise too_many_rows()
        if column > MAX_COLUMNS:
            raise too_many_columns(row)
        self.rows_reached = max(self.rows_reached, row)


_CELL_REF = re.compile(r"([A-Za-z]{1,4})([0-9]{1,8})")


def _local(tag: str) -> str:
    return tag.rpartition(":")[2]


@functools.lru_cache(maxsize=1024)
def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _xlsx_start(extent: _Extent, tag: str, attrs: dict[str, str]) -> None:
    """Rows and cells move the position; a cell counts once it holds a value (`<v>`, `<is>`):
    Excel writes formatted empty rows and cells far down the sheet, and the reader skips them."""
    # Cells and values are nearly every element: they are looked at first, by their plain name.
    name = tag if tag in ("c", "v") else _local(tag)
    if name == "v":
        extent.reach(extent.row, extent.column)
    elif name == "row":
        given = attrs.get("r", "")
        extent.row = int(given) if given.isdigit() else extent.row + 1
        extent.column = 0
    elif name == "c":
        found = _CELL_REF.fullmatch(attrs.get("r", ""))
        if found is not None:
            extent.column = _column_number(found.group(1))
            extent.row = max(extent.row, int(found.group(2)))
        else:
            extent.column += 1
    elif name == "is":
        extent.reach(extent.row, extent.column)


def _ods_start(extent: _Extent, tag: str, attrs: dict[str, str]) -> None:
    if tag == "table:table":
        extent.row = 0
    elif tag == "table:table-row":
        extent.repeat_rows = _repeat(attrs.get("table:number-rows-repeated"))
        extent.column, extent.row_content = 0, False
    elif tag in ("table:table-cell", "table:covered-table-cell"):
        extent.repeat_columns = _repeat(attrs.get("table:number-columns-repeated"))
        extent.content = "office:value-type" in attrs
    elif tag == "text:p":
        extent.content = True


def _ods_end(extent: _Extent, tag: str) -> None:
    """Repeated rows and cells count only when they hold something: LibreOffice writes the
    empty rest of its grid as one row repeated a million times."""
    if tag in ("table:table-cell", "table:covered-table-cell"):
        if extent.content:
            extent.row_content = True
            extent.reach(extent.row + 1, extent.column + extent.repeat_columns)
        extent.column += extent.repeat_columns
        extent.content = False
    elif tag == "table:table-row":
        if extent.row_content:
            extent.reach(extent.row + extent.repeat_rows, 0)
        extent.row += extent.repeat_rows


def _repeat(value: str | None) -> int:
    return int(value) if value is not None and value.isdigit() else 1
