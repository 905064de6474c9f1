"""Where a sheet's requests end: the Excel table of the header row, else a blank row.

Without a table the data ends at the first blank row followed by a blank row, a header row, a
totals row or a single-cell note; one blank row between requests is only a gap.

People put a totals row under the table, notes and a second table further down; those rows are
left out, each kind with a note, instead of turning into requests no one asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.i18n import _
from app.storage.spreadsheet.cells import CellError, Value, cell_text, fold, parse_number
from app.storage.spreadsheet.headers import match_headers
from app.storage.spreadsheet.sources import Table

TOTAL_WORDS = frozenset(
    fold(word)
    for word in ("total", "totals", "sum", "i alt", "total i alt", "sum i alt", "yhteensä",
                 "summa", "kaikki yhteensä", "grand total", "subtotal")
)  # fmt: skip
"""Labels of a totals row in English, Danish and Finnish."""


@dataclass(frozen=True, slots=True)
class Extent:
    """The rows of requests (0-based, end exclusive) and what was left out around them."""

    first: int
    end: int
    totals: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()


def find_extent(
    rows: Sequence[Sequence[Value]], header: int, tables: Sequence[Table], title: Sequence[int]
) -> Extent:
    """The data rows under the header row at `header`; `title`: the title columns."""
    first = header + 1
    table = next((t for t in tables if t[0] == header), None)
    end = min(table[1] + 1, len(rows)) if table else _first_blank(rows, first)
    totals = tuple(i for i in range(first, end) if is_totals(rows[i], title))
    after = [i for i in range(end, len(rows)) if not _blank(rows[i])]
    notes = [_("row {row}: a totals row, left out").format(row=i + 1) for i in totals]
    if after and is_totals(rows[after[0]], title):
        notes.append(_("row {row}: a totals row, left out").format(row=after[0] + 1))
        after = after[1:]
    if after:
        notes.append(_left_out(after, header, table is not None))
    return Extent(first, end, totals, tuple(notes))


def _left_out(after: list[int], header: int, table: bool) -> str:
    where = _("the table under the header row") if table else _("the blank row")
    return _(
        "rows {first}-{last} below {where} were left out (a second table or notes): only the "
        "rows under the header in row {header} are imported"
    ).format(first=after[0] + 1, last=after[-1] + 1, where=where, header=header + 1)


def _first_blank(rows: Sequence[Sequence[Value]], first: int) -> int:
    """The first blank row that ends the data: one blank row inside the data is only a gap."""
    for index in range(first, len(rows)):
        if _blank(rows[index]) and _ends_data(rows, index):
            return index
    return len(rows)


def _ends_data(rows: Sequence[Sequence[Value]], blank: int) -> bool:
    """After a blank row: another blank row, a header row, a totals row or a note ends the data."""
    following = rows[blank + 1] if blank + 1 < len(rows) else None
    if following is None or _blank(following):
        return True
    texts = [cell for cell in following if isinstance(cell, str) and cell.strip()]
    filled = sum(1 for cell in following if cell is not None and cell != "")
    note = filled == 1 and len(texts) == 1
    return note or bool(match_headers(following)) or is_totals(following, ())


def _blank(cells: Sequence[Value]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def is_totals(cells: Sequence[Value], title: Sequence[int]) -> bool:
    """A row whose title is empty or says Total, with a Total label, a SUM or only numbers."""
    titles = (cell_text(cells[i]) for i in title if i < len(cells))
    # A title longer than any totals label is a request: most rows stop here, unfolded.
    if any(text and (len(text) > 20 or fold(text) not in TOTAL_WORDS) for text in titles):
        return False
    texts = [text for cell in cells if (text := cell_text(cell))]
    if any(fold(text) in TOTAL_WORDS for text in texts):
        return True
    if any(text.upper().startswith(("=SUM", "=SUBTOTAL")) for text in texts):
        return True
    return bool(texts) and all(_number(text) for text in texts)


def _number(text: str) -> bool:
    try:
        parse_number(text)
    except CellError:
        return False
    return True
