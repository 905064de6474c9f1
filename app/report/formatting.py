"""Words as the PDF prints them: moments, points, and wrapped lines.

Numbers, percentages and days come from `app.i18n` (the board writes them the same way), in
the language the roadmap is exported in and never the machine's locale, so the same file in
the same language gives the same bytes everywhere. Week spans are in `weeks.py`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from app.i18n import _
from app.i18n.dates import day
from app.report.fonts import text_width
from app.report.hyphenation import hyphenate
from app.report.weeks import NBSP

ELLIPSIS = "…"
# Lines break at white space, but not at a no-break space.
BREAKING_SPACE = re.compile(r"[^\S\u00a0]+")
# A line may also break after a hyphen or slash that follows two letters: "GDPR-", "ERP/"; not
# inside "2027-W01".
AFTER_HYPHEN = re.compile(r"(?<=[^\W\d_]{2}[-/])(?=[^-/])")


def moment(value: datetime) -> str:
    """`10 Jan 2027 10:00 (UTC+01:00)`; a time without a zone is printed as it was recorded."""
    text = f"{day(value.date())} {value:%H:%M}"
    offset = value.utcoffset()
    if offset is None:
        return text
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    zone = f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return _("{moment} ({zone})").format(moment=text, zone=zone)


def as_utc(value: datetime) -> datetime:
    """A moment in UTC; a time recorded without a zone is taken as UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """Words, each with whether a space comes before it.

    A word is split after a hyphen or slash that follows two letters too ("GDPR-", "samtykke...");
    a no-break space holds words together.
    """
    pieces: list[tuple[str, bool]] = []
    for word in BREAKING_SPACE.split(text):
        if word:
            parts = AFTER_HYPHEN.split(word)
            pieces += [(part, index == 0) for index, part in enumerate(parts) if part]
    return pieces


def wrap(text: str, font: str, size: float, width: float, max_lines: int = 0) -> list[str]:
    """`text` broken into lines no wider than `width`: between words, after a hyphen, and
    inside a word (with a hyphen at the break) only where a word alone is too wide.

    Words joined by a no-break space (`NBSP`) stay on one line when they fit on one; the lines
    come back with ordinary spaces. With `max_lines`, the last line kept ends in an ellipsis
    when text was left out.
    """
    lines: list[str] = []
    current = ""
    pending = _pieces(text)[::-1]  # the next piece last
    while pending:
        piece, spaced = pending.pop()
        candidate = f"{current} {piece}" if current and spaced else current + piece
        if text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if NBSP in piece and text_width(piece, font, size) > width:
            loose = _pieces(piece.replace(NBSP, " "))  # too wide together: break it as usual
            pending += [*loose[:0:-1], (loose[0][0], spaced)]
            continue
        if current:
            lines.append(current)
        *full, current = hyphenate(piece, lambda text: text_width(text, font, size), width)
        lines += full
        if max_lines and len(lines) > max_lines:
            break
    if current:
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _ellipsized(lines[max_lines - 1], font, size, width)]
    return [line.replace(NBSP, " ") for line in lines]


def _ellipsized(line: str, font: str, size: float, width: float) -> str:
    """`line` shortened until it fits with an ellipsis after it."""
    while line and text_width(line + ELLIPSIS, font, size) > width:
        line = line[:-1]
    return line.rstrip(" -") + ELLIPSIS


REFERENCE_MAX = 60
"""A name or title listed as a reference (in a table's list, a vote) is cut to this length."""


def reference(text: str, limit: int = REFERENCE_MAX) -> str:
    """A name as a list names it: whole up to `limit` characters, else cut with an ellipsis.

    A list of thirty departments of 200 characters each would fill a page per table row; the
    full names are in the departments table and the board.
    """
    return text if len(text) <= limit else text[:limit].rstrip() + ELLIPSIS


def named(title: str, ident: str) -> str:
    """A request as the PDF names it: its title and, since titles repeat, its id."""
    return _("{title} ({id})").format(title=title, id=ident)


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, ellipsized when it is too wide."""
    if text_width(text, font, size) <= width:
        return text
    return _ellipsized(text, font, size, width)
