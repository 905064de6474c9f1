"""Hostile inputs made on the fly: workbook bombs, endless files, plans at the format's limits.

Nothing here is stored in the repository: every bomb is built in a temporary folder by the test
that needs it, from a few lines of XML, and run through the real command line in a child whose
address space is limited, so a guard that stops working fails the test instead of the machine.
"""

from __future__ import annotations

import io
import os
import resource
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.builders import MAIN, ROOT

MEMORY_LIMIT = 640 * 1024 * 1024
"""The child's address space: the issue's 500 MB of memory, plus the interpreter's own."""

_SHEET_HEAD = (
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main"><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="Requests" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    ),
}
_MANIFEST = (
    '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
    'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
    '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Department</t></is></c></row>'
)


def xlsx(sheet: str | bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal XLSX whose one sheet is `sheet` (its XML), with any extra parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in _PARTS.items():
            book.writestr(name, text)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            book.writestr(name, data)
    return buffer.getvalue()


def sheet_xml(rows: str) -> str:
    """A sheet's XML around its rows."""
    return _SHEET_HEAD + HEADER_ROW + rows + _SHEET_TAIL


def request_row(row: int, cells: int = 2) -> str:
    """One row of inline text cells."""
    values = [f"Request {row}", "Sales", *(str(i) for i in range(cells - 2))]
    return (
        f'<row r="{row}">'
        + "".join(
            f'<c r="{_column(i)}{row}" t="inlineStr"><is><t>{v}</t></is></c>'
            for i, v in enumerate(values)
        )
        + "</row>"
    )


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def zero_part_xlsx(size: int) -> bytes:
    """An XLSX with an extra part of `size` zero bytes: a few kilobytes on disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in _PARTS.items():
            book.writestr(name, text)
        book.writestr("xl/worksheets/sheet1.xml", sheet_xml(request_row(2)))
        with book.open("xl/media/filler.bin", "w", force_zip64=True) as part:
            chunk = bytes(16 * 1024 * 1024)
            for _ in range(size // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


def lying_xlsx(size: int) -> bytes:
    """An XLSX whose sheet unpacks to `size` bytes while its headers say 1,000."""
    cell = '<row r="2"><c r="A2" t="inlineStr"><is><t>' + "x" * size + "</t></is></c></row>"
    data = bytearray(xlsx(sheet_xml(cell)))
    name = b"xl/worksheets/sheet1.xml"
    # (signature, offset of the name's length, of the name, of the unpacked size): the local
    # header before each part and its entry in the central directory.
    for signature, length_at, name_at, size_at in (
        (b"PK\x03\x04", 26, 30, 22),
        (b"PK\x01\x02", 28, 46, 24),
    ):
        start = 0
        while (start := data.find(signature, start)) != -1:
            (length,) = struct.unpack_from("<H", data, start + length_at)
            if bytes(data[start + name_at : start + name_at + length]) == name:
                struct.pack_into("<I", data, start + size_at, 1000)
            start += 4
    return bytes(data)


def ods(rows: str) -> bytes:
    """A minimal ODS spreadsheet whose one table holds `rows` (its XML)."""
    content = (
        '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
        'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:'
        'table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">'
        + rows
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("META-INF/manifest.xml", _MANIFEST)
        book.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def ods_cell(text: str, repeat: int = 1) -> str:
    """A text cell, repeated across `repeat` columns."""
    return (
        f'<table:table-cell table:number-columns-repeated="{repeat}" '
        f'office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def compressed_size(data: bytes) -> int:
    """How small `data` packs (to say what a bomb weighs on disk)."""
    return len(zlib.compress(data))


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(
    *args: str | Path, timeout: float = 60, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """`python main.py ARGS` in a child limited to `MEMORY_LIMIT` of address space."""
    return subprocess.run(
        [sys.executable, str(MAIN), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=ROOT,
        check=False,
        preexec_fn=_limited,
        **kwargs,
    )


def one_line(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The one line a refusal prints; asserts the exit code and that there is nothing else."""
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == code, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith("bellwether: ")
    return lines[0]


def fifo(folder: Path, name: str) -> Path:
    """A named pipe nobody writes to: reading it would block for ever."""
    path = folder / name
    os.mkfifo(path)
    return path


def listing(folder: Path) -> list[str]:
    """The names in a folder, hidden ones too, sorted."""
    return sorted(os.listdir(folder))


Maker = Callable[[], bytes]
