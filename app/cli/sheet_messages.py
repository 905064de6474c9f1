"""What `import` says: sheet problems with the option to type, row problems counted past 20."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.storage.spreadsheet import ImportResult, RowError
    from app.storage.spreadsheet.result import NoTitleColumnError

ROW_LINES = 20
"""Row problems printed one by one; the rest are counted by kind."""
COLUMNS_SHOWN = 12


def quoted_list(names: Sequence[str]) -> str:
    """`"Team", "Status"`."""
    return ", ".join(f'"{name}"' for name in names)


def no_title(error: NoTitleColumnError) -> str:
    """The missing title column, with the `--map` to type."""
    choice = error.likely[0] if error.likely else "HEADER"
    where = ""
    if error.headers:
        where = _(" (the headers of row {row}: {headers})").format(
            row=error.row, headers=quoted_list(error.headers[:COLUMNS_SHOWN])
        )
    return _('{message}: add --map title="{choice}"{where}').format(
        message=error, choice=choice, where=where
    )


def sheet_problem(error: RowError, result: ImportResult) -> str:
    """A problem of the whole sheet, with the option that solves it."""
    if error.kind != "no-department":
        return str(error)
    likely = result.likely.get("department", ())
    if likely:
        return _(
            'no department column: add --department-column "{choice}" (columns with few '
            "values: {likely}), or --department NAME to put every request in one department"
        ).format(choice=likely[0], likely=quoted_list(likely))
    return _(
        "no department column: add --department-column HEADER, or --department NAME to put "
        "every request in one department"
    )


def row_problems(errors: Sequence[RowError]) -> list[str]:
    """The first 20 row problems, then one line per kind of problem with its count."""
    lines = [str(error) for error in errors[:ROW_LINES]]
    rest = Counter(_kind(error) for error in errors[ROW_LINES:])
    for (kind, column), count in rest.items():
        lines.append(_summary(kind, column, count))
    return lines


def _kind(error: RowError) -> tuple[str, str]:
    return error.kind, error.column or ""


def _summary(kind: str, column: str, count: int) -> str:
    if kind == "empty-department":
        return ngettext(
            "and {count} more row without a department",
            "and {count} more rows without a department",
            count,
        ).format(count=count)
    if kind == "empty-title":
        return ngettext(
            "and {count} more row without a title", "and {count} more rows without a title", count
        ).format(count=count)
    if column:
        return ngettext(
            'and {count} more problem in column "{column}"',
            'and {count} more problems in column "{column}"',
            count,
        ).format(count=count, column=column)
    return ngettext("and {count} more problem", "and {count} more problems", count).format(
        count=count
    )


def not_imported(result: ImportResult) -> str | None:
    """The columns whose cells were not imported, the first dozen named."""
    names = result.unknown_columns
    if not names:
        return None
    shown = quoted_list(names[:COLUMNS_SHOWN])
    more = len(names) - COLUMNS_SHOWN
    if more > 0:
        shown += ngettext(" and {count} more", " and {count} more", more).format(count=more)
    return _("columns not imported: {columns}").format(columns=shown)
