"""The plan within the calendar: no date it can produce passes 31 Dec 9999.

The check counts every phase and the longest wait for a benefit of any request, the backlog's
too, so that no move of a request on the board can ever produce a date past the last day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from app.domain.limits import LAST_DAY, SPARE_WEEKS, fits_calendar
from app.i18n import _


class _Phase(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def weeks(self) -> int: ...


class _Request(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def weeks_to_benefit(self) -> int: ...


class Workshop(Protocol):
    """What the calendar check reads of a workshop (the model runs the check, so this module
    does not import it)."""

    @property
    def start(self) -> date: ...
    @property
    def phases(self) -> Sequence[_Phase]: ...
    @property
    def requests(self) -> Sequence[_Request]: ...


def plan_weeks_reached(workshop: Workshop) -> int:
    """The last plan week any date of the plan can fall in, wherever its requests are moved."""
    phases = sum(phase.weeks for phase in workshop.phases)
    longest = max((request.weeks_to_benefit for request in workshop.requests), default=0)
    return phases + longest + SPARE_WEEKS


def calendar_problem(workshop: Workshop) -> str | None:
    """The field that makes the plan run past 31 Dec 9999, with why, or None."""
    start = workshop.start
    if fits_calendar(start, plan_weeks_reached(workshop)):
        return None
    past = _("the plan would run past 9999-12-31, the calendar's last day")
    if not fits_calendar(start, SPARE_WEEKS):
        return _("start: {past}; start it earlier").format(past=past)
    weeks = SPARE_WEEKS
    for index, phase in enumerate(workshop.phases):
        weeks += phase.weeks
        if not fits_calendar(start, weeks):
            return _('phases[{index}] (id "{id}").weeks: {past}; plan fewer weeks').format(
                index=index, id=phase.id, past=past
            )
    index, request = max(
        enumerate(workshop.requests), key=lambda item: (item[1].weeks_to_benefit, -item[0])
    )
    return _('requests[{index}] (id "{id}").weeks_to_benefit: {past}; give fewer weeks').format(
        index=index, id=request.id, past=past
    )


def latest_start(workshop: Workshop) -> date:
    """The latest start at which the plan's dates all fall within the calendar."""
    return LAST_DAY - timedelta(days=plan_weeks_reached(workshop) * 7 + 6)
