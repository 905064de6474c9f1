"""The board scene: mirrors the document, and turns drags into move commands.

On every change the scene recomputes the layout (plain arithmetic) and gives each item its new
face; items whose face and place are unchanged are not touched, so a move at 1,000 requests
repaints a handful of cards, not all of them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QFontMetricsF
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
)

from app.domain.edits import move_request
from app.domain.model import Request, Workshop
from app.domain.rules import SEVERITIES, Finding, findings, rule_name, severity_name
from app.domain.schedule import week_date
from app.i18n import ngettext
from app.report.weeks import NBSP, date_span, day, iso_span, short_day, week_on
from app.ui.board.card import CardFace, CardItem, font
from app.ui.board.corner import CornerKeyItem
from app.ui.board.geometry import (
    COLUMN_HEADER_H,
    LANE_HEADER_W,
    VISION_H,
    BoardLayout,
    Column,
    drop_column,
    layout_board,
)
from app.ui.board.headers import ColumnFace, ColumnHeaderItem, LaneFace, LaneHeaderItem
from app.ui.document import WorkshopDocument
from app.ui.theme import Theme, department_color, desktop_theme
from app.ui.widgets import plain_tooltip
from app.ui.window import MOVING, BoardMode

_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def worst(severities: Sequence[str]) -> str | None:
    """The most severe of some severities (None for none)."""
    return min(severities, key=lambda severity: _RANK[severity]) if severities else None


def _differing(new: Mapping[str, object], old: Mapping[str, object]) -> set[str]:
    """The keys whose values differ between two mappings (missing counts as different)."""
    return {key for key in new.keys() | old.keys() if new.get(key) != old.get(key)}


@dataclass(frozen=True, slots=True)
class _DrawnCards:
    """What the cards were last drawn from, to find the few an edit concerns."""

    state: tuple[object, ...]
    requests: tuple[Request, ...]
    severities: dict[str, str | None]
    dots: dict[str, tuple[tuple[str, int], ...]]
    highlighted: frozenset[str]


@dataclass(frozen=True, slots=True)
class Highlight:
    """What the findings panel asked the board to point at."""

    requests: frozenset[str] = frozenset()
    phase: str | None = None
    department: str | None = None


def concerns_text(severities: Sequence[str]) -> str:
    """ "1 warning", "2 findings": what a phase's load bar is coloured by."""
    if not severities:
        return ""
    if len(severities) == 1:
        return f"1 {severities[0]}"
    return f"{len(severities)} findings"


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
def _calendar(start: date, first: int, last: int) -> tuple[str, str, str]:
    """A phase's plan weeks, dates and ISO weeks, written as the PDF writes them."""
    return (
        f"weeks {first}–{last}",
        date_span(start, first, last).replace(NBSP, " "),
        iso_span(start, first, last).replace(NBSP, " "),
    )


def first_win_texts(start: date, week: int | None) -> tuple[str, ...]:
    """A lane's first win as dates, longest first: the PDF's roadmap names it by its day too.

    A date, not "week 7": beside the headers' plan and ISO weeks a bare week number is a third
    numbering to puzzle over. The plan week stays in the lane's tooltip.
    """
    if week is None:
        return ("first win: none yet",)
    monday = week_date(start, week)
    return (f"first win: {day(monday)}", f"first win: {short_day(monday)}")


def first_win_tip(start: date, week: int | None) -> str:
    """The first win in full, for the lane's tooltip."""
    if week is None:
        return "No win in this plan yet"
    return f"First win: {week_on(start, week).replace(NBSP, ' ')}"


def move_text(workshop: Workshop, request_id: str, phase_id: str | None) -> str:
    """The undo text of a move, e.g. "Move 'Lead scoring' to Phase 3"."""
    title = workshop.request(request_id).title
    target = "the backlog" if phase_id is None else workshop.phase(phase_id).name
    return f"Move '{title}' to {target}"


class BoardScene(QGraphicsScene):
    """The board for one document."""

    selectedRequestChanged = Signal(str)

    def __init__(self, document: WorkshopDocument, theme: Theme | None = None) -> None:
        super().__init__()
        # The BSP index keeps every card's extent, so a paint and a change look at the few
        # cards they touch; without it Qt asks all 1,000 cards (in Python) for their bounds.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.document = document
        self.theme = theme or desktop_theme()
        self.cards: dict[str, CardItem] = {}
        self.columns: list[ColumnHeaderItem] = []
        self.lanes: dict[str, LaneHeaderItem] = {}
        self.layout: BoardLayout = layout_board(
            document.workshop, week=self.theme.week_width, card_h=self.theme.card_height
        )
        self.highlight = Highlight()
        self.mode: BoardMode = MOVING
        self._hover: tuple[str, int] | None = None
        self._preview: dict[tuple[str, int], tuple[tuple[str, ...], str | None]] = {}
        self._vision_shown: tuple[str, float, str] | None = None
        self._drawn: _DrawnCards | None = None
        self.header_top = VISION_H
        """Where the phase headers stand: lower when the view scrolled down, to stay in sight."""
        # Left of the headers, above the lane names: opaque, like the corner of a frozen pane.
        self._corner = CornerKeyItem(self)
        self._corner.setPos(0, VISION_H)
        self.addItem(self._corner)
        self._vision = QGraphicsTextItem()
        self._vision.setZValue(5)
        self.addItem(self._vision)
        self.selectionChanged.connect(self._selection_changed)
        document.changed.connect(self.refresh)
        self.refresh()

    # --- drawing -------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Redraw everything in another theme."""
        self.theme = theme
        for card in self.cards.values():
            card.face = None
        self.refresh()
        self.update()

    def set_mode(self, mode: BoardMode) -> None:
        """Treat clicks and votes as ``mode`` says (moving cards, or voting), and redraw."""
        self.mode = mode
        self.refresh()

    def refresh(self) -> None:
        """Bring every item in line with the document."""
        workshop = self.document.workshop
        self._preview.clear()
        order = self.mode.order(workshop) if self.mode.order is not None else None
        self.layout = layout_board(
            workshop, order, self.layout, self.theme.week_width, self.theme.card_height
        )
        background = QBrush(self.theme.background)
        if self.backgroundBrush() != background:
            # Setting the brush repaints the whole board, so only when the theme changed.
            self.setBackgroundBrush(background)
            self._corner.setBrush(background)
        self._refresh_vision(workshop)
        self._refresh_lanes(workshop)
        self._refresh_columns(workshop)
        self._refresh_cards(workshop)
        margin = 40.0
        rect = QRectF(0, 0, self.layout.width + margin, self.layout.height + margin)
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def pin_headers(self, top: float) -> None:
        """Keep the phase headers at the view's top edge (`top`, in scene units) once it scrolled
        past them, so that a lane far down the board still shows its phases' names and loads.
        """
        wanted = max(VISION_H, min(top, self.layout.height - COLUMN_HEADER_H))
        if wanted == self.header_top:
            return
        self.header_top = wanted
        self._corner.setY(wanted)
        for item in self.columns:
            item.setY(wanted)
            if item.face is not None:  # a highlighted column still ends at the board's foot
                item.show_face(item.face, item.width, self.layout.height - wanted)

    def _refresh_vision(self, workshop: Workshop) -> None:
        text = f"Think big: {workshop.vision}" if workshop.vision else workshop.title
        width = max(400.0, self.layout.width - LANE_HEADER_W)
        shown = (text, width, self.theme.name)
        if shown == self._vision_shown:
            return
        self._vision_shown = shown
        vision_font = font(min(VISION_H / 2.6, 20 * self.theme.font_scale), bold=True)
        self._vision.setPlainText(fit_lines(text, QFontMetricsF(vision_font), width, 2))
        self._vision.setToolTip(plain_tooltip(text))
        self._vision.setFont(vision_font)
        self._vision.setDefaultTextColor(self.theme.text)
        self._vision.setTextWidth(width)
        self._vision.setPos(LANE_HEADER_W, 0)

    def _refresh_lanes(self, workshop: Workshop) -> None:
        wanted = {department.id for department in workshop.departments}
        for gone in [d for d in self.lanes if d not in wanted]:
            self.removeItem(self.lanes.pop(gone))
        first_wins = {m.id: m.first_win_week for m in self.document.analysis.metrics.departments}
        heads = self.document.analysis.heads(workshop)
        signed = {head.department.id for head in heads if head.valid}
        stale = {head.department.id for head in heads if head.stale}
        separators = tuple(column.x + column.width for column in self.layout.columns)
        for index, department in enumerate(workshop.departments):
            item = self.lanes.get(department.id)
            if item is None:
                item = self.lanes[department.id] = LaneHeaderItem(self)
                self.addItem(item)
            lane = self.layout.lane_of(department.id)
            win = first_wins.get(department.id)
            face = LaneFace(
                department.name,
                department.head,
                department_color(workshop, index).name(),
                first_win_texts(workshop.start, win),
                first_win_tip(workshop.start, win),
                "✔ signed"
                if department.id in signed
                else ("signed (stale)" if department.id in stale else ""),
                self.highlight.department == department.id,
                separators,
            )
            item.setPos(0, lane.y)
            item.show_face(face, self.layout.width, lane.height)

    def _refresh_columns(self, workshop: Workshop) -> None:
        while len(self.columns) > len(self.layout.columns):
            self.removeItem(self.columns.pop())
        while len(self.columns) < len(self.layout.columns):
            item = ColumnHeaderItem(self)
            self.columns.append(item)
            self.addItem(item)
        height = self.layout.height - self.header_top
        # Open findings only, as on the cards and in the panel's summary: an accepted one is a
        # decision the committee has taken, not a concern left on the phase.
        on_phase: dict[str, list[str]] = {}
        for finding in self.document.analysis.findings:
            if finding.phase is not None and not finding.accepted:
                on_phase.setdefault(finding.phase, []).append(finding.severity)
        for item, column in zip(self.columns, self.layout.columns, strict=True):
            item.setPos(column.x, self.header_top)
            face = self._column_face(workshop, column, on_phase.get(column.phase or "", []))
            item.show_face(face, column.width, height)

    def _column_face(self, workshop: Workshop, column: Column, severities: list[str]) -> ColumnFace:
        preview = (
            self._preview.get(self._hover)
            if self._hover and self._hover[1] == column.index
            else None
        )
        lines, preview_severity = preview if preview else ((), None)
        highlighted = self._hover is not None and self._hover[1] == column.index
        if column.phase is None:
            backlog = self.document.analysis.metrics.plan.backlog
            return ColumnFace(
                "Backlog", waiting(backlog), "", "", 0.0, None, None, highlighted,
                lines, preview_severity,
            )  # fmt: skip
        phase = workshop.phase(column.phase)
        span = self.document.analysis.schedule.phases[phase.id]
        weeks, dates, iso_weeks = _calendar(workshop.start, span.start, span.end)
        return ColumnFace(
            phase.name,
            weeks,
            dates,
            iso_weeks,
            span.effort,
            phase.capacity,
            worst(severities),
            highlighted or self.highlight.phase == phase.id,
            lines,
            preview_severity,
            concerns_text(severities),
        )

    def _refresh_cards(self, workshop: Workshop) -> None:
        """Place and draw the cards; after an edit only those it concerns are looked at.

        A move changes one request, two cells and a few findings: the cards to visit are the
        changed requests, the cards the layout placed anew, and those whose badge, dots or
        highlight differ from what was drawn. A theme, department or request-list change
        visits every card.
        """
        requests = workshop.requests
        colors = {
            d.id: department_color(workshop, i).name() for i, d in enumerate(workshop.departments)
        }
        severities = self._severities()
        dots = self._dots(workshop, colors)
        highlighted = self.highlight.requests
        state = (workshop.departments, self.theme.name, colors)
        drawn = self._drawn
        visit: Iterable[Request]
        if drawn is None or drawn.state != state or len(drawn.requests) != len(requests):
            visit = requests
            by_id = {request.id: request for request in requests}
            for request_id in [r for r in self.cards if r not in by_id]:
                self.removeItem(self.cards.pop(request_id))
        else:
            changed = [
                new for new, old in zip(requests, drawn.requests, strict=True) if new is not old
            ]
            if any(new.id not in self.cards for new in changed):
                self._drawn = None  # an id was renamed: start over
                self._refresh_cards(workshop)
                return
            ids = set(self.layout.placed if self.layout.placed is not None else self.cards)
            ids.update(new.id for new in changed)
            ids.update(_differing(severities, drawn.severities))
            ids.update(_differing(dots, drawn.dots))
            ids.update(highlighted.symmetric_difference(drawn.highlighted))
            ids.intersection_update(self.cards)  # a highlight may name a request since removed
            # An unchanged request is the very object its card was drawn from.
            by_id = {request.id: request for request in changed}
            visit = [
                by_id.get(request_id) or cast(Request, self.cards[request_id].source)
                for request_id in ids
            ]
        self._drawn = _DrawnCards(state, requests, severities, dots, highlighted)
        theme = self.theme.name
        places = self.layout.cards
        for request in visit:
            request_id = request.id
            card = self.cards.get(request_id)
            if card is None:
                card = self.cards[request_id] = CardItem(request_id, self)
                self.addItem(card)
            given = dots.get(request_id, ())
            severity = severities.get(request_id)
            inputs = (given, severity, request_id in highlighted, theme, colors[request.department])
            card.place(*places[request_id])
            if card.source is request and card.inputs == inputs:
                continue  # frozen models: the same object is the same request
            card.source, card.inputs = request, inputs
            face = CardFace(
                request.title,
                request.effort,
                sum(request.benefit.values()),
                sum(count for _, count in given),
                given,
                colors[request.department],
                severity,
                request_id in highlighted,
                theme,
            )
            card.show_face(face, self.theme)

    def _severities(self) -> dict[str, str | None]:
        """The worst open finding's severity per request that has one (its card's badge).

        The first open finding of a request is its worst: `findings` sorts by severity.
        """
        found: dict[str, str | None] = {}
        for finding in self.document.analysis.findings:  # the rules list errors first
            if not finding.accepted:
                for request_id in finding.requests:
                    found.setdefault(request_id, finding.severity)
        return found

    def _dots(
        self, workshop: Workshop, colors: dict[str, str]
    ) -> dict[str, tuple[tuple[str, int], ...]]:
        result: dict[str, list[tuple[str, int]]] = {}
        for department in workshop.departments:
            if self.mode.hidden(department.id):
                continue
            for request_id, count in workshop.votes.get(department.id, {}).items():
                if count:
                    result.setdefault(request_id, []).append((colors[department.id], count))
        return {request_id: tuple(given) for request_id, given in result.items()}

    # --- highlighting and selection -------------------------------------------------------

    def show_highlight(self, finding: Finding | None) -> None:
        """Point at the cards, phase and department a finding concerns (None: clear)."""
        if finding is None:
            self.highlight = Highlight()
        else:
            self.highlight = Highlight(
                frozenset(finding.requests), finding.phase, finding.department
            )
        self.refresh()

    def selected_request(self) -> str | None:
        """The id of the selected card, if one is selected."""
        for item in self.selectedItems():
            if isinstance(item, CardItem):
                return item.request_id
        return None

    def select_request(self, request_id: str | None) -> None:
        """Select one card (or none) and make it the keyboard focus."""
        self.clearSelection()
        card = self.cards.get(request_id) if request_id else None
        if card is not None:
            card.setSelected(True)
            card.setFocus()

    def _selection_changed(self) -> None:
        self.selectedRequestChanged.emit(self.selected_request() or "")

    # --- dragging ---------------------------------------------------------------------------

    def card_clicked(self, card: CardItem, event: QGraphicsSceneMouseEvent) -> bool:
        """Give voting mode the click first; True when it took it."""
        click = self.mode.click
        return click is not None and click(card.request_id, event)

    def drag_moved(self, card: CardItem, pos: QPointF) -> None:
        """Highlight the column under the cursor and preview what a drop there would do."""
        column = drop_column(self.layout, pos.x(), pos.y())
        hover = (card.request_id, column.index) if column is not None else None
        if hover == self._hover:
            return
        self._hover = hover
        if hover is not None and hover not in self._preview:
            self._preview[hover] = self.drop_preview(
                card.request_id, column.phase if column else None
            )
        self._refresh_columns(self.document.workshop)

    def drag_finished(self, card: CardItem, pos: QPointF) -> None:
        """Snap to the column under the drop point as one undo command, or return home."""
        self._hover = None
        column = drop_column(self.layout, pos.x(), pos.y())
        workshop = self.document.workshop
        if column is None or column.phase == workshop.request(card.request_id).phase:
            self._refresh_columns(workshop)
            return
        self.move(card.request_id, column.phase)

    def lane_bounds(self, request_id: str) -> tuple[float, float]:
        """The top and bottom of the lane a request's card is dragged within."""
        lane = self.layout.lane_of(self.document.workshop.request(request_id).department)
        return lane.y, lane.y + lane.height

    def move(self, request_id: str, phase_id: str | None) -> bool:
        """Move a request to a phase (None: the backlog) as one undoable command."""
        workshop = self.document.workshop
        if workshop.request(request_id).phase == phase_id:
            return False
        after = move_request(workshop, request_id, phase_id)
        pushed = self.document.push(move_text(workshop, request_id, phase_id), after)
        if not pushed:
            self._refresh_columns(workshop)
        return pushed

    def drop_preview(
        self, request_id: str, phase_id: str | None
    ) -> tuple[tuple[str, ...], str | None]:
        """What dropping here would do, from the rules run on the would-be workshop."""
        workshop = self.document.workshop
        if workshop.request(request_id).phase == phase_id:
            return (("Drop here: no change",), None)
        after = move_request(workshop, request_id, phase_id)
        before_found = {f.key: f for f in self.document.analysis.findings}
        after_found = {f.key: f for f in findings(after)}
        added = [f for key, f in after_found.items() if key not in before_found]
        removed = [f for key, f in before_found.items() if key not in after_found]
        lines = []
        if phase_id is not None:
            load = sum(r.effort for r in after.requests if r.phase == phase_id)
            capacity = workshop.phase(phase_id).capacity
            lines.append(
                f"Load {load:g} / {capacity:g} pd"
                + (f" ({load / capacity:.0%})" if capacity else "")
            )
        lines.append(f"Findings: +{len(added)}\u00a0−{len(removed)}")  # the two together
        for f in added[:2]:
            lines.append(f"+ {severity_name(f.severity)}: {rule_name(f.rule)}")
        for f in removed[:2]:
            lines.append(f"− {severity_name(f.severity)}: {rule_name(f.rule)}")
        return tuple(lines), worst([f.severity for f in added if not f.accepted])

    def card_rect(self, request_id: str) -> QRectF:
        """The card's rectangle in scene coordinates (for tests and scrolling)."""
        return self.cards[request_id].sceneBoundingRect().adjusted(3, 3, -3, -3)

    def cell_rect(self, index: int, department: str) -> QRectF:
        """A column's part of a department's lane (column 0: the backlog), in scene coordinates."""
        column, lane = self.layout.columns[index], self.layout.lane_of(department)
        return QRectF(column.x, lane.y, column.width, lane.height)

    def column_center(self, index: int, department: str) -> QPointF:
        """A point inside the given column and department's lane."""
        column = self.layout.columns[index]
        lane = self.layout.lane_of(department)
        return QPointF(column.x + column.width / 2, lane.y + lane.height / 2)
