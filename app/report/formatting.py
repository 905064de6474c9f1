"""Words and numbers as the PDF prints them: dates, week spans, points, and wrapped lines.

Dates are written out in English with fixed month names, so a PDF does not depend on the locale
of the machine that exported it (the same file gives the same bytes everywhere).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from app.domain.schedule import iso_week, week_date
from app.report.fonts import text_width

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ELLIPSIS = "…"


def day(value: date) -> str:
    """`4 Jan 2027`."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def short_day(value: date) -> str:
    """`4 Jan` (the year left out where the context gives it)."""
    return f"{value.day} {MONTHS[value.month - 1]}"


def moment(value: datetime) -> str:
    """`10 Jan 2027 10:00 (UTC+01:00)`; a time without a zone is printed as it was recorded."""
    text = f"{day(value.date())} {value:%H:%M}"
    offset = value.utcoffset()
    if offset is None:
        return text
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{text} (UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"


def as_utc(value: datetime) -> datetime:
    """A moment in UTC; a time recorded without a zone is taken as UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def number(value: float) -> str:
    """12, 12.5, 66.67: never 12.0, at most two decimals."""
    rounded = round(float(value), 2)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.2f}".rstrip("0")


def week_on(start: date, week: int) -> str:
    """`week 7 (15 Feb 2027)`."""
    return f"week {week} ({day(week_date(start, week))})"


def date_span(start: date, first_week: int, end_week: int) -> str:
    """From the first day of `first_week` to the day before `end_week`: `4 Jan – 14 Feb 2027`."""
    first = week_date(start, first_week)
    last = week_date(start, end_week) - timedelta(days=1)
    if first.year == last.year:
        return f"{short_day(first)} – {day(last)}"
    return f"{day(first)} – {day(last)}"


def iso_span(start: date, first_week: int, end_week: int) -> str:
    """ISO weeks from the first to the last week: `2027-W01 – W06`."""
    first = iso_week(start, first_week)
    last = iso_week(start, end_week - 1)
    if first[:4] == last[:4]:
        return f"{first} – {last[5:]}"
    return f"{first} – {last}"


def _pieces(text: str) -> list[tuple[str, bool]]:
    """Words, split after their hyphens too, each with whether a space comes before it."""
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        parts = re.findall(r"[^-]*-+|[^-]+$", word) or [word]
        pieces += [(part, index == 0) for index, part in enumerate(parts)]
    return pieces


def wrap(text: str, font: str, size: float, width: float, max_lines: int = 0) -> list[str]:
    """`text` broken into lines no wider than `width`: between words, after a hyphen, and
    inside a word only where a word alone is too wide.

    With `max_lines`, the last line kept ends in an ellipsis when text was left out.
    """
    lines: list[str] = []
    current = ""
    for piece, spaced in _pieces(text):
        candidate = f"{current} {piece}" if current and spaced else current + piece
        if text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = _break_long(piece, font, size, width, lines)
        if max_lines and len(lines) > max_lines:
            break
    if current:
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _ellipsized(lines[max_lines - 1], font, size, width)]
    return lines


def _break_long(word: str, font: str, size: float, width: float, lines: list[str]) -> str:
    """Append the full-width pieces of a word too long for a line; return what is left."""
    while text_width(word, font, size) > width and len(word) > 1:
        cut = len(word) - 1
        while cut > 1 and text_width(word[:cut], font, size) > width:
            cut -= 1
        if len(word) - cut < 3 < cut:
            cut -= 3 - (len(word) - cut)  # leave no one- or two-letter stump
        lines.append(word[:cut])
        word = word[cut:]
    return word


def _ellipsized(line: str, font: str, size: float, width: float) -> str:
    """`line` shortened until it fits with an ellipsis after it."""
    while line and text_width(line + ELLIPSIS, font, size) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, ellipsized when it is too wide."""
    if text_width(text, font, size) <= width:
        return text
    return _ellipsized(text, font, size, width)
