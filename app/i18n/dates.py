"""Days and calendar weeks as people in each language write them, from CLDR (via Babel).

"1 Nov 2027", "1. nov. 2027", "1.11.2027"; "week 44", "uge 44", "viikko 44" (ISO
weeks, those on the room's calendars). Babel is imported when a date is first written.
"""

from __future__ import annotations

from datetime import date

from app.i18n import _, language

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""English month names, fixed: the same plan gives the same PDF on every machine."""

_LENGTHS = {"da": "medium", "fi": "medium"}
"""Each language's CLDR date length: a short month name in Danish, numbers in Finnish."""


def day(value: date) -> str:
    """The day in the language spoken now: "1 Nov 2027", "1. nov. 2027", "1.11.2027"."""
    code = language()
    if code not in _LENGTHS:
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date

    return str(format_date(value, format=_LENGTHS[code], locale=code))


def short_day(value: date) -> str:
    """The day without its year, where the context gives it: "4 Jan", "4. jan.", "4.1."."""
    code = language()
    if code not in _LENGTHS:
        return f"{value.day} {MONTHS[value.month - 1]}"
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMd", value, locale=code))


def calendar_week(value: date) -> str:
    """The ISO week the day falls in: "week 44" (the year is said by the day beside it)."""
    return _("week {number}").format(number=value.isocalendar().week)
