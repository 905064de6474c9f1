"""The roadmap drawing: the board as vector graphics, one landscape sheet at a time.

Phases are columns (width proportional to weeks) with their plan weeks, dates and ISO weeks (the
calendar's week numbers); departments are lanes in their colours; every scheduled request is a
card with its title in its department's lane, in the phase at whose end it goes live. A thin line
at the top of each lane is the department's benefit timeline: a dot for each week it wins, a star
at its first win.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib.colors import Color, white

from app.domain.links import Link, links_of
from app.domain.model import Workshop
from app.domain.palette import department_color
from app.domain.schedule import Schedule, iso_week
from app.i18n import _, ngettext
from app.i18n.dates import day
from app.report.fonts import BOLD, REGULAR, text_width
from app.report.formatting import fit
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
    HeaderLine,
)
from app.report.roadmap_layout import Band, Card, Sheet, layout_roadmap
from app.report.roadmap_links import Box, draw_links
from app.report.roadmap_map import SheetPlace, draw_map, sheet_places
from app.report.shapes import star
from app.report.style import ERROR, INK, MUTED, RULE, SHADE, hex_color, tint
from app.report.style import drawing as new_drawing

LEGEND_SIZE = 7.5


class _Axis:
    """Maps weeks to x on one sheet."""

    def __init__(self, sheet: Sheet) -> None:
        self.columns = sheet.columns
        self.last = sheet.last_columns
        self.lefts = []
        x = LABEL_W
        for column in sheet.columns:
            self.lefts.append(x)
            x += column.width
        self.right = x

    def x(self, week: int) -> float | None:
        """The x of the start of `week`, or None when it is not on this sheet."""
        for left, column in zip(self.lefts, self.columns, strict=True):
            if column.start <= week < column.end:
                return left + (week - column.start) / (column.end - column.start) * column.width
        if self.last and self.columns and week == self.columns[-1].end:
            return self.right
        return None


def roadmap_drawings(
    workshop: Workshop, schedule: Schedule, width: float, height: float
) -> list[Drawing]:
    """The roadmap as one drawing per landscape sheet of `width` x `height` points."""
    colors = [department_color(workshop, i) for i in range(len(workshop.departments))]
    sheets = layout_roadmap(workshop, schedule, colors, width, height)
    axis_end = sheets[-1].columns[-1].end if sheets[-1].columns else 0
    weeks = weeks_note(workshop)
    links = links_of(workshop)
    return [
        _sheet(sheet, place, (weeks, links), axis_end, width, height)
        for sheet, place in zip(sheets, sheet_places(sheets), strict=True)
    ]


def weeks_note(workshop: Workshop) -> str:
    """What the two kinds of week number on the roadmap mean."""
    return _(
        "The plan starts on {day} (ISO week {iso}). ISO weeks are the calendar's week numbers."
    ).format(day=day(workshop.start), iso=iso_week(workshop.start, 0))


def _sheet(
    sheet: Sheet,
    place: SheetPlace,
    notes: tuple[str, Sequence[Link]],
    axis_end: int,
    width: float,
    height: float,
) -> Drawing:
    """One sheet; `notes`: what the week numbers mean, and every dependency of the plan."""
    weeks, links = notes
    drawing = new_drawing(width, height)
    _title(drawing, place, weeks, width, height, bool(links))
    top = height - TITLE_H
    _header(drawing, sheet, top)
    axis = _Axis(sheet)
    tops = [top - sheet.header_height]
    for band in sheet.bands:
        _band_background(drawing, band, axis, tops[-1])
        tops.append(tops[-1] - band.height)
    _grid(drawing, axis, top, tops[-1])
    boxes: dict[str, Box] = {}
    cards = Group()  # over the arrows, which pass beneath the cards between their two ends
    for band, band_top in zip(sheet.bands, tops, strict=False):
        boxes |= _band(drawing, cards, band, axis, (band_top, axis_end), sheet)
    draw_links(drawing, links, boxes)
    drawing.add(cards)
    bottom = tops[-1]
    drawing.add(
        Rect(
            0, bottom, axis.right, top - bottom, fillColor=None, strokeColor=MUTED, strokeWidth=0.8
        )
    )
    if not sheet.columns or not sheet.bands:
        message = _("No phases or departments to show yet.")
        drawing.add(_text(LABEL_W + 8, bottom - 14, message, 9, MUTED))
    return drawing


def _text(
    x: float,
    y: float,
    text: str,
    size: float,
    color: object = INK,
    bold: bool = False,
    **kw: object,
) -> String:
    return String(
        x, y, text, fontName=BOLD if bold else REGULAR, fontSize=size, fillColor=color, **kw
    )


def _title(
    drawing: Drawing, place: SheetPlace, weeks: str, width: float, height: float, links: bool
) -> None:
    """The title, which sheet this is (and what continues it), what the week numbers mean, and
    what the marks mean (the arrows only when the plan has dependencies)."""
    drawing.add(_text(0, height - 15, _("Roadmap"), 15, bold=True))
    room = width - LABEL_W
    if place.count > 1:
        part = _("sheet {number} of {count}").format(number=place.number, count=place.count)
        drawing.add(_text(width, height - 15, part, 9, INK, bold=True, textAnchor="end"))
        left = draw_map(drawing, place, width - text_width(part, BOLD, 9) - 8, height - 2)
        room -= width - left + 12
        where = fit(f"{place.shows}; {place.next}", REGULAR, LEGEND_SIZE, 330)
        drawing.add(_text(width, height - 30, where, LEGEND_SIZE, MUTED, textAnchor="end"))
    drawing.add(_text(LABEL_W, height - 15, fit(weeks, REGULAR, 7.5, room), 7.5, MUTED))
    y = height - 30
    drawing.add(Rect(0, y - 1, 12, 8, fillColor=white, strokeColor=INK, strokeWidth=0.6))
    x = 16.0
    x = _legend_item(drawing, x, y, _("a request, in the phase at whose end it goes live"))
    drawing.add(Circle(x + 3, y + 2.5, 1.8, fillColor=INK, strokeColor=None))
    x = _legend_item(drawing, x + 8, y, _("a week the department wins (gains a benefit)"))
    drawing.add(star(x + 4, y + 2.5, 4.5, INK))
    _legend_item(drawing, x + 12, y, _("its first win"))
    if links:
        _arrows_legend(drawing, y - 10)


def _arrows_legend(drawing: Drawing, y: float) -> None:
    """The second line of marks: the two kinds of dependency arrow."""
    x = 0.0
    for wrong, text in ((False, _("depends on")), (True, _("depends on a later request"))):
        ends = {"a": Box(x + 16, y, 0, 5), "b": Box(x, y, 0, 5)}
        draw_links(drawing, [Link("a", "b", wrong)], ends)
        x = _legend_item(drawing, x + 20, y, text)


def _legend_item(drawing: Drawing, x: float, y: float, text: str) -> float:
    drawing.add(_text(x, y, text, LEGEND_SIZE, MUTED))
    return x + text_width(text, REGULAR, LEGEND_SIZE) + 14


def _header(drawing: Drawing, sheet: Sheet, top: float) -> None:
    height = sheet.header_height
    drawing.add(Rect(0, top - height, sheet.width, height, fillColor=SHADE, strokeColor=None))
    drawing.add(_text(6, top - 12, _("Department"), 8, bold=True))
    drawing.add(_text(6, top - 21, _("head"), 7.5, MUTED))
    x = LABEL_W
    for column in sheet.columns:
        _column_header(drawing, column.header, x, top)
        x += column.width


def _column_header(drawing: Drawing, lines: Sequence[HeaderLine], x: float, top: float) -> None:
    y = top - 4
    for line in lines:
        y -= line.leading
        color = ERROR if line.alert else (INK if line.bold else MUTED)
        drawing.add(_text(x + 4, y + 0.22 * line.size, line.text, line.size, color, line.bold))


def _grid(drawing: Drawing, axis: _Axis, top: float, bottom: float) -> None:
    for left in [*axis.lefts, axis.right]:
        drawing.add(Line(left, top, left, bottom, strokeColor=RULE, strokeWidth=0.7))


def _band_background(drawing: Drawing, band: Band, axis: _Axis, top: float) -> None:
    color = hex_color(band.lane.color)
    bottom = top - band.height
    drawing.add(
        Rect(0, bottom, axis.right, band.height, fillColor=tint(color, 0.08), strokeColor=None)
    )
    drawing.add(Rect(0, bottom, 4, band.height, fillColor=color, strokeColor=None))
    drawing.add(Line(0, bottom, axis.right, bottom, strokeColor=RULE, strokeWidth=0.5))


def _band(
    drawing: Drawing,
    cards: Group,
    band: Band,
    axis: _Axis,
    at: tuple[float, int],
    sheet: Sheet,
) -> dict[str, Box]:
    """A lane's label and benefit timeline, and its cards into `cards`; where each card stands.

    `at`: the band's top and the last week of the plan's axis."""
    top, axis_end = at
    color = hex_color(band.lane.color)
    _label(drawing, band, top)
    if band.marker:
        _wins(drawing, band, axis, top - MARKER_H / 2, axis_end, sheet.last_columns)
    y = top - (MARKER_H if band.marker else GAP)
    boxes = {}
    for row in band.rows:
        for placed in row.cards:
            x = axis.lefts[placed.column] + placed.offset
            _card(cards, placed.card, x, y, placed.width, color)
            card = placed.card
            boxes[card.request] = Box(x, y - card.height, placed.width, card.height)
        y -= row.height
    return boxes


def _label(drawing: Drawing, band: Band, top: float) -> None:
    lane = band.lane
    y = top - GAP
    name = (*lane.name[:1], _("(continued)")) if band.continued else lane.name
    for index, line in enumerate(name):
        y -= LABEL_NAME_SIZE * 1.2
        bold = not (band.continued and index > 0)
        drawing.add(_text(9, y + 1.5, line, LABEL_NAME_SIZE if bold else 7.5, INK, bold))
    if band.continued:
        return
    for line in lane.head:
        y -= LABEL_HEAD_SIZE * 1.25
        drawing.add(_text(9, y + 1.5, line, LABEL_HEAD_SIZE, MUTED))
    y -= 3
    color = INK if lane.first_win is not None else ERROR
    x = 9 if lane.first_win is None else 20
    for index, line in enumerate(lane.first_win_text):
        y -= LABEL_HEAD_SIZE * 1.25
        if index == 0 and lane.first_win is not None:
            drawing.add(star(13, y + 3.8, 4.0, hex_color(lane.color)))
        drawing.add(_text(x, y + 1.5, line, LABEL_HEAD_SIZE, color, bold=index == 0))


def _wins(drawing: Drawing, band: Band, axis: _Axis, y: float, axis_end: int, last: bool) -> None:
    """The department's benefit timeline: a dot per win, a star and a label at the first."""
    lane = band.lane
    color = hex_color(lane.color)
    drawing.add(Line(LABEL_W, y, axis.right, y, strokeColor=tint(color, 0.45), strokeWidth=0.8))
    if lane.first_win is None:
        return
    for week in lane.wins[1:]:
        x = axis.x(week)
        if x is not None:
            drawing.add(Circle(x, y, 2.0, fillColor=color, strokeColor=white, strokeWidth=0.4))
    later = sum(1 for week in lane.wins if week > axis_end)
    if later and last:
        note = ngettext(
            "+{count} win after the last column", "+{count} wins after the last column", later
        ).format(count=later)
        drawing.add(_text(axis.right - 3, y + 2.5, note, LEGEND_SIZE, MUTED, textAnchor="end"))
    x = axis.x(lane.first_win)
    if x is not None:
        drawing.add(star(x, y, 5.5, color))


def _card(drawing: Group, card: Card, x: float, top: float, width: float, color: Color) -> None:
    height = card.height
    bottom = top - height
    drawing.add(
        Rect(
            x,
            bottom,
            width,
            height,
            rx=1.5,
            ry=1.5,
            fillColor=white,
            strokeColor=color,
            strokeWidth=0.6,
        )
    )
    drawing.add(Rect(x, bottom, CARD_BAR, height, fillColor=color, strokeColor=None))
    y = top - CARD_PAD - CARD_SIZE * 0.95
    for line in card.title:
        drawing.add(_text(x + CARD_BAR + CARD_PAD, y, line, CARD_SIZE))
        y -= CARD_LEADING
    if card.ident:
        drawing.add(_text(x + CARD_BAR + CARD_PAD, y, card.ident, CARD_SIZE, MUTED))
