"""What a phone may see of the workshop, and the judging of a phone's vote by the app's own rule.

The server holds only a `RoomView`, a frozen picture of the workshop that the app publishes after
every change; it never holds or writes the workshop itself. A phone's vote goes to a `BallotBox`,
which judges it with `apply_vote`: the same `add_dot`/`remove_dot` as a click in the app, so no
phone can spend more than the budget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from babel.numbers import format_decimal

from app.domain.edits import EditError
from app.domain.model import Workshop
from app.domain.voting import add_dot, dots_on, remove_dot
from app.i18n import language, ngettext

Verdict = Literal["counted", "spent", "nothing", "unknown", "closed"]
"""counted: the dot is given or taken back; spent: no dots left; nothing: no dot to take back;
unknown: no such request or department; closed: voting has stopped."""


@dataclass(frozen=True, slots=True)
class Vote:
    """One dot given (+1) or taken back (-1) by a department's head."""

    department: str
    request: str
    step: Literal[1, -1]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a vote."""

    verdict: Verdict

    @property
    def counted(self) -> bool:
        """Whether the vote changed the workshop."""
        return self.verdict == "counted"


class BallotBox(Protocol):
    """Where the server's votes go: it judges each and calls `done` once, from any thread."""

    def cast(self, vote: Vote, done: Callable[[Outcome], None]) -> None:
        """Judge and record `vote`, then call `done` with the outcome."""


def apply_vote(workshop: Workshop, vote: Vote) -> tuple[Workshop, Outcome]:
    """The workshop after the vote, by the rule of a click in the app, and its outcome."""
    try:
        workshop.department(vote.department)
        workshop.request(vote.request)
    except KeyError:
        return workshop, Outcome("unknown")
    if vote.step > 0:
        try:
            return add_dot(workshop, vote.department, vote.request), Outcome("counted")
        except EditError:
            return workshop, Outcome("spent")
    after = remove_dot(workshop, vote.department, vote.request)
    return after, Outcome("counted" if after is not workshop else "nothing")


@dataclass(frozen=True, slots=True)
class Seat:
    """A department as the join page lists it."""

    id: str
    name: str
    head: str


@dataclass(frozen=True, slots=True)
class Item:
    """A request as a phone shows it."""

    id: str
    title: str
    department: str
    effort: float


@dataclass(frozen=True, slots=True)
class RoomView:
    """The workshop as the room may see it, with whether the votes are hidden until reveal."""

    title: str
    budget: int
    hidden: bool
    seats: tuple[Seat, ...]
    items: tuple[Item, ...]
    votes: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def seat(self, department: str) -> Seat | None:
        """The department with this id, None when there is none."""
        return next((seat for seat in self.seats if seat.id == department), None)


def room_view(workshop: Workshop, hidden: bool) -> RoomView:
    """Take the picture of a workshop that the server shows the phones."""
    names = {department.id: department.name for department in workshop.departments}
    return RoomView(
        title=workshop.title,
        budget=workshop.settings.dots_per_head,
        hidden=hidden,
        seats=tuple(Seat(d.id, d.name, d.head) for d in workshop.departments),
        items=tuple(
            Item(r.id, r.title, names.get(r.department, r.department), r.effort)
            for r in workshop.requests
        ),
        votes={department: dict(given) for department, given in workshop.votes.items()},
    )


def effort_text(days: float) -> str:
    """An effort in person-days, in the committee's language and number format."""
    shown = format_decimal(days, locale=language())
    return ngettext("{days} person-day", "{days} person-days", 1 if days == 1 else 2).format(
        days=shown
    )


def ballot(view: RoomView, department: str) -> dict[str, Any]:
    """What one head's phone shows: every request with the head's own dots and the budget left.

    Other heads' dots are left out entirely while the votes are hidden, so no phone can read
    them before Reveal; afterwards each request also carries its total.
    """
    seat = view.seat(department)
    own = view.votes.get(department, {})
    given = sum(own.values())
    totals: dict[str, int] = {}
    if not view.hidden:
        for dots in view.votes.values():
            for request, count in dots.items():
                totals[request] = totals.get(request, 0) + count
    items = []
    for item in view.items:
        entry: dict[str, Any] = {
            "id": item.id,
            "title": item.title,
            "department": item.department,
            "effort": effort_text(item.effort),
            "mine": own.get(item.id, 0),
        }
        if not view.hidden:
            entry["total"] = totals.get(item.id, 0)
        items.append(entry)
    return {
        "title": view.title,
        "department": seat.name if seat is not None else department,
        "budget": view.budget,
        "left": max(0, view.budget - given),
        "hidden": view.hidden,
        "requests": items,
    }


class LocalBallotBox:
    """A ballot box around a workshop held in memory: for a room run without the window.

    Votes are judged one at a time under a lock; `changed` hears each new workshop (to publish
    it to the server).
    """

    def __init__(
        self, workshop: Workshop, changed: Callable[[Workshop], None] | None = None
    ) -> None:
        self.workshop = workshop
        self.changed = changed
        self.counted = 0
        self._lock = threading.Lock()

    def cast(self, vote: Vote, done: Callable[[Outcome], None]) -> None:
        """Judge the vote against the current workshop and keep the result."""
        with self._lock:
            after, outcome = apply_vote(self.workshop, vote)
            self.workshop = after
            if outcome.counted:
                self.counted += 1
        if outcome.counted and self.changed is not None:
            self.changed(after)
        done(outcome)

    def dots(self, department: str, request: str) -> int:
        """The dots a department gave a request so far."""
        with self._lock:
            return dots_on(self.workshop, department, request)
