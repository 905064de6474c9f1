"""Dates and weeks in words, as the PDF and the board print them: `4 Jan – 14 Feb 2027`.

Dates follow the language spoken now, not the locale of the machine that exported the PDF (the
same file gives the same bytes everywhere), as `app.i18n.dates` writes them. No reportlab here: the
board, on the start-up path, prints its headers with these.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.schedule import iso_week, week_date
from app.i18n import ngettext
from app.i18n.dates import day, short_day

NBSP = "\u00a0"


def together(text: str) -> str:
    """`text` with no-break spaces, so `wrap` keeps it on one line where it fits on one."""
    return text.replace(" ", NBSP)


def week_on(start: date, week: int) -> str:
    """`15 Feb 2027`: the day a plan week begins (people in the room know days, not plan weeks)."""
    return together(day(week_date(start, week)))


def plan_weeks(first_week: int, end_week: int) -> str:
    """`6 weeks`: how long the span from the start of `first_week` to `end_week` lasts."""
    count = end_week - first_week
    return together(ngettext("{count} week", "{count} weeks", count).format(count=count))


def date_span(start: date, first_week: int, end_week: int) -> str:
    """From the first day of `first_week` to the day before `end_week`: `4 Jan – 14 Feb 2027`."""
    first = week_date(start, first_week)
    last = week_date(start, end_week) - timedelta(days=1)
    if first.year == last.year:
        return f"{together(short_day(first))}{NBSP}– {together(day(last))}"
    return f"{together(day(first))}{NBSP}– {together(day(last))}"


def iso_span(start: date, first_week: int, end_week: int) -> str:
    """The ISO weeks (the calendar's week numbers) from the first to the last week.

    `2027-W01–W06`, or `2027-W43 – 2028-W01` across a new year (a line may break after the dash);
    `2027-W07` for a phase of one week.
    """
    first = iso_week(start, first_week)
    last = iso_week(start, end_week - 1)
    if first == last:
        return first
    if first[:4] == last[:4]:
        return f"{first}–{last[5:]}"
    return f"{first}{NBSP}– {last}"
