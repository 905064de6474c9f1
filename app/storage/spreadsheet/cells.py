"""Reading single cells: numbers with a decimal comma, `sales:3, service:1`, id lists, text.

Each parser takes what the sheet holds (text from a CSV, or a number or text from an XLSX) and
returns the value or raises `CellError` with the reason in the facilitator's words; the caller adds
the row and the column.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

from app.i18n import _

Value = str | int | float | None
"""A cell as read from a sheet: text, a number (XLSX only) or nothing."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula."""

_ESCAPED = re.compile(r"'+[=+\-@\t\r]")
_NEEDS_ESCAPE = re.compile(r"'*[=+\-@\t\r]")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:,\d{3}){2,}|[-+]?\d{1,3}(?:\.\d{3}){2,}")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_LIST_SEPARATOR = re.compile(r"[;\n]|,(?!\d)")
_ID_SEPARATOR = re.compile(r"[\s,;]+")
_TRANSLITERATE = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l"})


class CellError(ValueError):
    """A cell that cannot be read; the message quotes the value and says why."""


def escape_formula(text: str) -> str:
    """Text written to a CSV so that no spreadsheet runs it as a formula.

    A cell that starts with `= + - @`, a tab or a carriage return, possibly after leading
    apostrophes, gets one more apostrophe in front; `unescape_formula` takes exactly that one
    away again, so every text survives the round trip.
    """
    return "'" + text if _NEEDS_ESCAPE.match(text) else text


def unescape_formula(text: str) -> str:
    """Undo `escape_formula`: drop one leading apostrophe before a formula character."""
    return text[1:] if _ESCAPED.match(text) else text


def cell_text(value: Value | date | datetime | bool) -> str:
    """A cell as text, stripped; numbers as they would be typed (`3`, `2.5`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format_number(value)
    return str(value).strip()


def format_number(number: float) -> str:
    """A number as the shortest text that reads back to the same value (`3`, not `3.0`)."""
    if math.isfinite(number) and number.is_integer() and abs(number) < 1e16:
        return str(int(number))
    return repr(number)


def quoted(text: str, limit: int = 40) -> str:
    """A value in double quotes for a message, shortened when long."""
    shown = text if len(text) <= limit else text[: limit - 3] + "..."
    return f'"{shown}"'


def parse_number(value: Value) -> float | None:
    """A finite number, or None for an empty cell.

    Text may use a decimal comma (`2,5`), a space or a thousands separator (`1.250,5`,
    `1,250.5`: the last of `.` and `,` is the decimal mark) and an exponent (`1e-05`).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        number = _number_from_text(str(value))
    if not math.isfinite(number):
        raise CellError(_("{value} is not a finite number").format(value=quoted(cell_text(value))))
    return number


def _number_from_text(text: str) -> float:
    cleaned = _SPACES.sub("", text.strip())
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    elif _THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "").replace(".", "")
    try:
        return float(cleaned)
    except ValueError:
        raise CellError(_("{value} is not a number").format(value=quoted(text.strip()))) from None


def parse_whole(value: Value) -> int | None:
    """A whole number (`3`, `3,0`), or None for an empty cell."""
    number = parse_number(value)
    if number is None:
        return None
    if not number.is_integer():
        raise CellError(_("{value} is not a whole number").format(value=quoted(cell_text(value))))
    return int(number)


def parse_points(value: Value) -> list[tuple[str | None, float]]:
    """`sales:3, service:1` as pairs of (department as written, number).

    Entries are separated by `;`, a line break, or a comma not followed by a digit (so `2,5` stays
    a decimal comma). A bare number (`3`) is for the request's own department: None.
    """
    pairs: list[tuple[str | None, float]] = []
    for entry in _LIST_SEPARATOR.split(cell_text(value)):
        entry = entry.strip()
        if entry:
            pairs.append(_point(entry))
    return pairs


def _point(entry: str) -> tuple[str | None, float]:
    separator = ":" if ":" in entry else "=" if "=" in entry else None
    if separator is None:
        try:
            number = parse_number(entry)
        except CellError:
            raise CellError(
                _('{value} has no number: write it as "{example}"').format(
                    value=quoted(entry), example=f"{entry}:3"
                )
            ) from None
        return None, number or 0.0
    name, _sep, amount = entry.rpartition(separator)
    number = parse_number(amount)
    if number is None:
        raise CellError(
            _('{value} has no number: write it as "{example}"').format(
                value=quoted(entry), example=f"{name.strip()}:3"
            )
        )
    return name.strip() or None, number


def parse_ids(value: Value) -> list[str]:
    """Request ids separated by commas, semicolons, spaces or line breaks."""
    return [part for part in _ID_SEPARATOR.split(cell_text(value)) if part]


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Text compared without case, accents or punctuation: `Afhænger af:` -> `afhaenger af`.

    Cached: a sheet names the same few departments thousands of times.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATE))
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())
