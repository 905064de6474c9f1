"""The format's limits beyond each field's own: how many items, how far in time, what text is.

Every limit is far above any meeting, and low enough that whatever the format accepts can be
checked, shown, printed and written back: a plan whose dates pass the calendar's last day, a
title that is only a zero-width space or text with terminal escapes in it is refused by name.
"""

from __future__ import annotations

import re
from datetime import date

from app.i18n import _

MAX_REQUESTS = 100_000
MAX_DEPARTMENTS = 200
MAX_PHASES = 100
MAX_ATTENDEES = 1_000
MAX_RECORDS = 100_000
"""Accepted findings and sign-offs."""
MAX_DOTS = 1_000_000
"""Dots one department gives one request (the budget is at most 1,000)."""

LAST_DAY = date.max
SPARE_WEEKS = 2
"""Weeks past the last win that the board and the PDF show (the axis ends a week later)."""

# C0 and C1 control characters and DEL; text that may span lines keeps tab and line feed.
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# White space and the characters that print nothing: zero-width spaces and joiners, bidi and
# other format marks, variation selectors, the Hangul fillers, the blank Braille pattern, tags.
_INVISIBLE = re.compile(
    r"[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0"
    r"\U000e0000-\U000e007f\U000e0100-\U000e01ef]*"
)


def blank(text: str) -> bool:
    """Whether `text` prints nothing: empty, white space, or only invisible characters."""
    return _INVISIBLE.fullmatch(text) is not None


def control_problem(text: str, multiline: bool = False) -> str | None:
    """Why `text` is not plain text (the first control character in it), or None."""
    found = (_CONTROL_TEXT if multiline else _CONTROL_LINE).search(text)
    if found is None:
        return None
    return _("must not hold control characters, got U+{code:04X} at character {position:,}").format(
        code=ord(found.group()), position=found.start() + 1
    )


def cleaned(text: str, multiline: bool = False) -> str:
    """`text` without control characters: a line break or tab in one-line text becomes a
    space, a Windows line end a line feed, anything else is left out."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return _CONTROL_TEXT.sub("", text)
    return _CONTROL_LINE.sub("", re.sub(r"[\t\n\r]+", " ", text))


def fits_calendar(start: date, weeks: int) -> bool:
    """Whether the week `weeks` after `start` still ends within the calendar."""
    return (LAST_DAY - start).days >= weeks * 7 + 6
