"""Where everything on the roadmap drawing goes, split into landscape sheets.

The board is laid out at a fixed, legible type size; when it does not fit one page it continues
on further sheets instead of shrinking. Columns (phases, widths proportional to their weeks, with
a minimum that keeps a card readable) are grouped into sheets across; the lanes of each group are
cut between card rows into sheets down. Every sheet repeats the column headers and lane labels.
Pure geometry: `roadmap.py` draws what this decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.model import Workshop
from app.domain.schedule import Schedule, week_date
from app.i18n import _
from app.i18n.dates import day
from app.report.fonts import BOLD, REGULAR
from app.report.formatting import fit, wrap
from app.report.roadmap_columns import (
    CARD_BAR,
    CARD_LEADING,
    CARD_PAD,
    CARD_SIZE,
    GAP,
    LABEL_HEAD_SIZE,
    LABEL_NAME_SIZE,
    LABEL_W,
    MARKER_H,
    TITLE_H,
    TITLE_LINES,
    Column,
    build_columns,
    group_columns,
    header_height,
)


@dataclass(frozen=True, slots=True)
class Card:
    """A request's box: its title in lines, and the id it shows (fitted) and is (whole)."""

    title: tuple[str, ...]
    height: float
    ident: str = ""
    request: str = ""


@dataclass(frozen=True, slots=True)
class PlacedCard:
    """A card in a row: which column of the sheet, how far into it, and how wide."""

    column: int
    offset: float
    width: float
    card: Card


@dataclass(frozen=True, slots=True)
class Row:
    """One row of cards across a lane."""

    cards: tuple[PlacedCard, ...]
    height: float


@dataclass(frozen=True, slots=True)
class Lane:
    """A department's lane: its label, and the weeks it wins (the first is marked)."""

    index: int
    name: tuple[str, ...]
    head: tuple[str, ...]
    color: str
    wins: tuple[int, ...]
    first_win_text: tuple[str, ...]

    @property
    def first_win(self) -> int | None:
        """The first week the department gains anything (None: never)."""
        return self.wins[0] if self.wins else None

    @property
    def label_height(self) -> float:
        """The height the label needs."""
        return (
            GAP
            + len(self.name) * LABEL_NAME_SIZE * 1.2
            + len(self.head) * LABEL_HEAD_SIZE * 1.25
            + 3
            + len(self.first_win_text) * LABEL_HEAD_SIZE * 1.25
            + GAP
        )


@dataclass(frozen=True, slots=True)
class Band:
    """The part of one lane that is on one sheet."""

    lane: Lane
    rows: tuple[Row, ...]
    marker: bool
    continued: bool
    height: float


@dataclass(frozen=True, slots=True)
class Sheet:
    """One landscape page of the roadmap."""

    columns: tuple[Column, ...]
    bands: tuple[Band, ...]
    header_height: float
    last_columns: bool
    group: int = 0
    """Which group of columns (sheets across) the sheet shows, from 0."""

    @property
    def width(self) -> float:
        """The drawing's width: labels and columns."""
        return LABEL_W + sum(column.width for column in self.columns)


def _first_win_text(workshop: Workshop, week: int | None) -> tuple[str, ...]:
    """The label's last lines: the date of the first win (drawn after a star), or that none comes.

    The plan week is left out: the star on the lane's timeline shows it against the columns.
    """
    if week is None:
        return (_("no win in this plan"),)
    return (_("first win:"), day(week_date(workshop.start, week)))


def build_lanes(workshop: Workshop, schedule: Schedule, colors: Sequence[str]) -> list[Lane]:
    """One lane per department, in the workshop's order."""
    text_w = LABEL_W - 3 * GAP - 4
    lanes = []
    for index, department in enumerate(workshop.departments):
        wins = tuple(sorted({week for week, _ in schedule.timelines[department.id].wins}))
        lanes.append(
            Lane(
                index,
                tuple(wrap(department.name, BOLD, LABEL_NAME_SIZE, text_w, 3)),
                tuple(wrap(department.head, REGULAR, LABEL_HEAD_SIZE, text_w, 2)),
                colors[index],
                wins,
                _first_win_text(workshop, wins[0] if wins else None),
            )
        )
    return lanes


def build_card(title: str, width: float, ident: str = "") -> Card:
    """A card of `width` points: its title in at most four lines, then its request id (titles
    repeat in a large plan; the id is what the tables and findings name too)."""
    text_w = width - 2 * CARD_PAD - CARD_BAR
    lines = tuple(wrap(title, REGULAR, CARD_SIZE, text_w, TITLE_LINES)) or ("",)
    shown = fit(ident, REGULAR, CARD_SIZE, text_w) if ident else ""
    count = len(lines) + (1 if shown else 0)
    return Card(lines, 2 * CARD_PAD + count * CARD_LEADING, shown, ident)


CardText = tuple[str, str]
"""A card's title and request id."""


def card_titles(workshop: Workshop) -> dict[tuple[int, int], list[CardText]]:
    """The titles and ids of the cards of each (lane, phase column), in the workshop's order."""
    lane_of = {department.id: i for i, department in enumerate(workshop.departments)}
    column_of = {phase.id: i for i, phase in enumerate(workshop.phases)}
    titles: dict[tuple[int, int], list[CardText]] = {}
    for request in workshop.requests:
        if request.phase is not None:
            key = (lane_of[request.department], column_of[request.phase])
            titles.setdefault(key, []).append((request.title, request.id))
    return titles


def lane_rows(
    lane: int,
    group: range,
    columns: Sequence[Column],
    titles: dict[tuple[int, int], list[CardText]],
) -> list[Row]:
    """The rows of cards of one lane across one group of columns.

    The lane is as many rows tall as its most crowded cell needs; every other cell then puts as
    few cards side by side as that allows, so its cards are as wide (and short) as they can be.
    """
    cells = [(p, columns[i], titles.get((lane, i), [])) for p, i in enumerate(group)]
    needed = max((-(-len(t) // c.slots) for _, c, t in cells if t), default=0)
    placed: dict[int, list[PlacedCard]] = {}
    for position, column, items in cells:
        slots = next((s for s in range(1, column.slots + 1) if -(-len(items) // s) <= needed), 1)
        width = column.card_width(slots)
        for order, (title, ident) in enumerate(items):
            offset = GAP + (order % slots) * (width + GAP)
            card = PlacedCard(position, offset, width, build_card(title, width, ident))
            placed.setdefault(order // slots, []).append(card)
    return [
        Row(tuple(row), max(p.card.height for p in row) + GAP) for _, row in sorted(placed.items())
    ]


def _lane_height(lane: Lane, rows: Sequence[Row]) -> float:
    return max(MARKER_H + sum(row.height for row in rows), MARKER_H + lane.label_height)


class _Pages:
    """Bands gathered into pages of a fixed height."""

    def __init__(self, available: float) -> None:
        self.available = available
        self.pages: list[list[Band]] = [[]]
        self.used = 0.0

    @property
    def room(self) -> float:
        """The height left on the current page."""
        return self.available - self.used

    def new(self) -> None:
        """Start a new page."""
        self.pages.append([])
        self.used = 0.0

    def add(self, band: Band) -> None:
        """Put a band on the current page."""
        self.pages[-1].append(band)
        self.used += band.height


def _fill(rows: Sequence[Row], position: int, room: float, top: float) -> tuple[int, float]:
    """How many rows from `position` fit in `room` below a strip `top` points high."""
    height, count = top, 0
    while position + count < len(rows) and height + rows[position + count].height <= room:
        height += rows[position + count].height
        count += 1
    return count, height


def paginate(lanes: Sequence[tuple[Lane, list[Row]]], available: float) -> list[list[Band]]:
    """Lanes cut between rows into pages of at most `available` points of height.

    A lane that fits on a page is not cut; a taller one is cut between rows, keeping its label
    with its first row, and is labelled as continued on the next page. When every lane fits a
    page, the lanes are spread over the same number of pages as evenly as their order allows,
    so that no sheet holds one small lane while the one before it is full.
    """
    pages = _fill_pages(lanes, available)
    heights = [_lane_height(lane, rows) for lane, rows in lanes]
    if len(pages) < 2 or max(heights) > available:
        return pages
    low, high = max(heights), available
    for _step in range(40):  # the lowest page height that still needs no more pages
        middle = (low + high) / 2
        if _pages_needed(heights, middle) <= len(pages):
            high = middle
        else:
            low = middle
    return _fill_pages(lanes, min(high + 0.01, available))


def _pages_needed(heights: Sequence[float], cap: float) -> int:
    """How many pages of height `cap` whole lanes of these heights take, in order."""
    count, used = 1, 0.0
    for height in heights:
        if used and used + height > cap + 0.01:
            count, used = count + 1, 0.0
        used += height
    return count


def _fill_pages(lanes: Sequence[tuple[Lane, list[Row]]], available: float) -> list[list[Band]]:
    """Lanes onto pages in order, each page filled before the next is begun."""
    pages = _Pages(available)
    for lane, rows in lanes:
        if pages.pages[-1] and pages.room < _lane_height(lane, rows) <= available:
            pages.new()
        position, continued = 0, False
        while True:
            count, height = _fill(rows, position, pages.room, GAP if continued else MARKER_H)
            if not continued:
                height = max(height, MARKER_H + lane.label_height)
            if ((rows and not count) or height > pages.room + 0.01) and pages.pages[-1]:
                pages.new()
                continue
            if rows and not count:  # a row taller than a whole page: it goes on one anyway
                count, height = 1, height + rows[position].height
            band_rows = tuple(rows[position : position + count])
            pages.add(Band(lane, band_rows, not continued, continued, height))
            position, continued = position + count, True
            if position >= len(rows):
                break
    return pages.pages


def layout_roadmap(
    workshop: Workshop, schedule: Schedule, colors: Sequence[str], width: float, height: float
) -> list[Sheet]:
    """The roadmap as sheets of at most `width` x `height` points (the drawing, no margins)."""
    available = width - LABEL_W
    columns = build_columns(workshop, schedule, available)
    lanes = build_lanes(workshop, schedule, colors)
    titles = card_titles(workshop)
    sheets: list[Sheet] = []
    groups = group_columns([column.width for column in columns], available) or [range(0)]
    for number, group in enumerate(groups):
        shown = tuple(columns[i] for i in group)
        header = header_height(shown)
        rows = [(lane, lane_rows(lane.index, group, columns, titles)) for lane in lanes]
        last = group.stop == len(columns)
        for bands in paginate(rows, height - TITLE_H - header):
            sheets.append(Sheet(shown, tuple(bands), header, last, number))
    return sheets
