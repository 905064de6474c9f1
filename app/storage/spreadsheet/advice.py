"""Which columns a sheet probably means, for the messages that ask the facilitator to choose."""

from __future__ import annotations

from collections.abc import Sequence

from app.storage.spreadsheet.cells import Value, cell_text
from app.storage.spreadsheet.headers import HEADER_SCAN_ROWS, Columns, Field

LIKELY_SHOWN = 4


def likely_departments(columns: Columns, rows: Sequence[Sequence[Value]]) -> tuple[str, ...]:
    """Text columns with few distinct values (a third of the rows, 3 to 12), fewest first."""
    taken = {
        i for f in (Field.TITLE, Field.DESCRIPTION, Field.ID) for i in columns.fields.get(f, ())
    }
    counted: list[tuple[int, str]] = []
    limit = max(3, min(12, len(rows) // 3))
    for index, header in enumerate(columns.headers):
        if index in taken or not header:
            continue
        values = _texts(rows, index)
        distinct = len(set(values))
        if values and 1 <= distinct <= limit and not all(_numeric(v) for v in values):
            counted.append((distinct, header))
    counted.sort(key=lambda pair: (pair[0] < 2, pair[0]))
    return tuple(dict.fromkeys(header for _, header in counted))[:LIKELY_SHOWN]


def likely_titles(headers: Sequence[str], rows: Sequence[Sequence[Value]]) -> tuple[str, ...]:
    """Text columns whose cells are long and mostly different: what a title column looks like."""
    scored: list[tuple[float, str]] = []
    for index, header in enumerate(headers):
        values = _texts(rows, index)
        if not header or not values or all(_numeric(v) for v in values):
            continue
        length = sum(len(v) for v in values) / len(values)
        scored.append((-(len(set(values)) / len(values)) * min(length, 60), header))
    scored.sort()
    return tuple(dict.fromkeys(header for _, header in scored))[:LIKELY_SHOWN]


def header_candidate(rows: Sequence[Sequence[Value]]) -> int | None:
    """The first of the first rows with the most text cells (at least two): the likely header."""
    best, best_count = None, 1
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        count = sum(1 for cell in cells if isinstance(cell, str) and cell.strip())
        if count > best_count:
            best, best_count = index, count
    return best


def _texts(rows: Sequence[Sequence[Value]], index: int) -> list[str]:
    return [text for cells in rows if index < len(cells) and (text := cell_text(cells[index]))]


def _numeric(text: str) -> bool:
    return text.replace(",", "").replace(".", "").replace("-", "").strip().isdigit()
