"""The words the board writes: a phase's calendar, a lane's first win, a move's undo text.

Plain functions of plain values, so the desktop board and the room view word things alike.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from app.domain.finding import severity_name
from app.domain.model import Workshop
from app.domain.rules import SEVERITIES
from app.domain.schedule import week_date
from app.i18n import _, ngettext
from app.i18n.dates import calendar_week, day, short_day
from app.report.weeks import NBSP, date_span, iso_span

_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def worst(severities: Sequence[str]) -> str | None:
    """The most severe of some severities (None for none)."""
    return min(severities, key=lambda severity: _RANK[severity]) if severities else None


def differing(new: Mapping[str, object], old: Mapping[str, object]) -> set[str]:
    """The keys whose values differ between two mappings (missing counts as different)."""
    return {key for key in new.keys() | old.keys() if new.get(key) != old.get(key)}


def concerns_text(severities: Sequence[str]) -> str:
    """ "1 warning", "2 findings": what a phase's load bar is coloured by."""
    if not severities:
        return ""
    if len(severities) == 1:
        return f"1 {severity_name(severities[0])}"
    return ngettext("{count} finding", "{count} findings", len(severities)).format(
        count=len(severities)
    )


def waiting(count: int) -> str:
    """The backlog's count: "1 request waiting", "2 requests waiting"."""
    return ngettext("{count} request waiting", "{count} requests waiting", count).format(
        count=count
    )


def fit_lines(text: str, metrics: QFontMetricsF, width: float, lines: int) -> str:
    """Text shortened (with an ellipsis) until it wraps into at most `lines` lines."""
    flags = int(Qt.TextFlag.TextWordWrap)
    limit = metrics.lineSpacing() * lines + 1
    words = text.split()
    shown = text
    while (
        len(words) > 1
        and metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, shown).height() > limit
    ):
        words.pop()
        shown = " ".join(words) + " …"
    return shown


@functools.lru_cache(maxsize=256)
def calendar_texts(start: date, first: int, last: int) -> tuple[str, str, str]:
    """A phase's length in weeks, its dates and ISO weeks, written as the PDF writes them."""
    weeks = last - first
    return (
        ngettext("{count} week", "{count} weeks", weeks).format(count=weeks),
        date_span(start, first, last).replace(NBSP, " "),
        iso_span(start, first, last).replace(NBSP, " "),
    )


def first_win_texts(start: date, week: int | None) -> tuple[str, ...]:
    """A lane's first win as dates, longest first: the PDF's roadmap names it by its day too.

    A date, not "week 7": the day is what people in the room know; its ISO week is in the
    lane's tooltip.
    """
    if week is None:
        return (_("first win: none yet"),)
    monday = week_date(start, week)
    return tuple(
        _("first win: {day}").format(day=text) for text in (day(monday), short_day(monday))
    )


def first_win_tip(start: date, week: int | None) -> str:
    """The first win in full, for the lane's tooltip."""
    if week is None:
        return _("No win in this plan yet")
    monday = week_date(start, week)
    return _("First win: {day} ({week})").format(day=day(monday), week=calendar_week(monday))


def vision_text(workshop: Workshop) -> str:
    """The line above the board: the committee's vision, else the workshop's title."""
    if not workshop.vision:
        return workshop.title
    return _("Think big: {vision}").format(vision=workshop.vision)


def move_text(workshop: Workshop, request_id: str, phase_id: str | None) -> str:
    """The undo text of a move, e.g. "Move 'Lead scoring' to Phase 3"."""
    title = workshop.request(request_id).title
    if phase_id is None:
        return _("Move '{title}' to the backlog").format(title=title)
    return _("Move '{title}' to {phase}").format(title=title, phase=workshop.phase(phase_id).name)


def order_text(workshop: Workshop, request_id: str, before: str | None) -> str:
    """The undo text of a reorder within a cell, e.g. "Move 'Lead scoring' before 'CRM'"."""
    title = workshop.request(request_id).title
    if before is None:
        return _("Move '{title}' to the end of its cell").format(title=title)
    return _("Move '{title}' before '{other}'").format(
        title=title, other=workshop.request(before).title
    )
