"""Days and calendar weeks as people in each language write them, from CLDR (via Babel).

"1 Nov 2027", "1. nov. 2027", "1. marraskuuta 2027"; "week 44", "uge 44", "viikko 44" (ISO
weeks, those on the room's calendars). Babel is imported when a date is first written.
"""

from __future__ import annotations

from datetime import date

from app.i18n import _, language

_FORMATS = {"en": ("en_GB", "medium"), "da": ("da_DK", "medium"), "fi": ("fi_FI", "long")}
"""Each language's locale and CLDR date length: Finnish writes the month as a word ("long")."""


def day(value: date) -> str:
    """The day in the language spoken now: "1 Nov 2027", "1. nov. 2027", "1. marraskuuta 2027"."""
    from babel.dates import format_date

    locale, length = _FORMATS.get(language(), _FORMATS["en"])
    return format_date(value, format=length, locale=locale)


def calendar_week(value: date) -> str:
    """The ISO week the day falls in: "week 44" (the year is said by the day beside it)."""
    return _("week {number}").format(number=value.isocalendar().week)
